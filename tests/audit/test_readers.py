"""Tests for the audit readers: CSV/TSV, JSON lines, text, Word and notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartcheck.audit import ReadOptions, read_rows
from smartcheck.errors import InputError

GOALS = [
    ("g1", "I will walk 20 minutes every day this month", "knee rehab"),
    ("g2", "Client will attend 3 café group sessions by March 1", "social anxiety"),
    ("g3", "I will practise the breathing exercise nightly – 10 min", None),
]


def _write_csv(path: Path, encoding: str, delimiter: str = ",", bom: bool = False) -> Path:
    lines = [delimiter.join(["id", "goal", "context"])]
    lines += [delimiter.join([i, f'"{t}"', c or ""]) for i, t, c in GOALS]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    path.write_bytes(("\ufeff".encode() if bom else b"") + data)
    return path


def _texts(rows: list) -> list[str | None]:
    return [r.text for r in rows]


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "bom"),
    [
        ("plain.csv", "utf-8", ",", False),
        ("excel-bom.csv", "utf-8", ",", True),
        ("legacy-windows.csv", "cp1252", ",", False),
        ("semicolon.csv", "cp1252", ";", False),
        ("tabs.tsv", "utf-8", "\t", False),
    ],
)
def test_read_csv_decodes_and_finds_columns(
    tmp_path: Path, name: str, encoding: str, delimiter: str, bom: bool
) -> None:
    path = _write_csv(tmp_path / name, encoding, delimiter, bom)
    rows = list(read_rows([path]))
    assert [r.id for r in rows] == ["g1", "g2", "g3"]
    assert _texts(rows) == [t for _, t, _ in GOALS]
    assert [r.context for r in rows] == [c for _, _, c in GOALS]
    assert [r.row for r in rows] == [1, 2, 3]
    assert [r.line for r in rows] == [2, 3, 4]
    assert all(r.error is None and r.source == str(path) for r in rows)


@pytest.mark.parametrize(
    ("header", "options", "expected_text"),
    [
        ("Text,ID", ReadOptions(), "walk daily"),
        ("objective,ref", ReadOptions(text_column="objective", id_column="ref"), "walk daily"),
    ],
)
def test_read_csv_column_names_and_overrides(
    tmp_path: Path, header: str, options: ReadOptions, expected_text: str
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f"{header}\nwalk daily,a-1\n", encoding="utf-8")
    (row,) = read_rows([path], options)
    assert (row.id, row.text) == ("a-1", expected_text)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "id;goal\na;I will walk, then swim, 3 times a week\n",
            "I will walk, then swim, 3 times a week",
        ),
        ("goal\nI will walk; then swim\n", "I will walk; then swim"),
        ("id|goal\na|I will walk, daily; then rest\n", "I will walk, daily; then rest"),
    ],
)
def test_read_csv_delimiter_comes_from_the_header(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(content, encoding="utf-8")
    (row,) = read_rows([path])
    assert (row.text, row.error) == (expected, None)


@pytest.mark.parametrize("size", [200_000])
def test_read_csv_passes_huge_fields_to_the_analyzer(tmp_path: Path, size: int) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f'id,goal\nbig,"{"walk " * (size // 5)}"\nnext,swim\n', encoding="utf-8")
    rows = list(read_rows([path]))
    assert [r.id for r in rows] == ["big", "next"]
    assert len(rows[0].text or "") >= size - 5


@pytest.mark.parametrize("header", ["name,notes", "summary"])
def test_read_csv_without_goal_column_is_a_clear_error(tmp_path: Path, header: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f"{header}\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match="no goal column"):
        list(read_rows([path]))


@pytest.mark.parametrize("tail", ['g2,"walk daily\n', 'g2,"walk, daily,\n'])
def test_read_csv_unclosed_quote_names_the_line(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "truncated.csv"
    path.write_text("id,goal\ng1,walk 10 minutes daily\n" + tail, encoding="utf-8")
    with pytest.raises(InputError, match=r"line \d+: malformed CSV"):
        list(read_rows([path]))


@pytest.mark.parametrize("bad", ["g2,walk,extra,fields", "g2"])
def test_read_csv_bad_rows_become_error_rows(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f"id,goal\ng1,walk daily\n{bad}\ng3,swim weekly\n", encoding="utf-8")
    rows = list(read_rows([path]))
    assert [r.id for r in rows] == ["g1", "g2", "g3"]
    assert [r.error for r in rows] == [None, "malformed", None]
    assert "line 3" in (rows[1].reason or "")


@pytest.mark.parametrize("bad_bytes", [b"\xff\xfe\xfa", b"\xc3\x28"])
def test_read_csv_undecodable_row_in_utf8_file_is_kept(tmp_path: Path, bad_bytes: bytes) -> None:
    head = "id,goal\n" + "".join(f"g{i},walk {i} minutes daily\n" for i in range(3000))
    path = tmp_path / "mixed.csv"
    path.write_bytes(head.encode() + b"bad,walk " + bad_bytes + b" daily\nlast,swim weekly\n")
    rows = list(read_rows([path]))
    assert len(rows) == 3002
    assert rows[-2].id == "bad" and rows[-2].error == "undecodable"
    assert "line 3002" in (rows[-2].reason or "")
    assert rows[-1].error is None


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary\x00" * 10])
def test_binary_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="binary"):
        list(read_rows([path]))


def test_read_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "goals.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "I will walk daily", "context": "rehab"}),
        "{not json",
        json.dumps({"id": "c", "goal": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": 5, "text": "I will swim weekly", "reference_date": "2026-02-01"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(read_rows([path]))
    assert [r.id for r in rows] == ["a", "goals.jsonl:2", "c", "goals.jsonl:4", "5"]
    assert [r.error for r in rows] == [None, "malformed", "not_text", "malformed", None]
    assert rows[0].context == "rehab"
    assert str(rows[4].reference_date) == "2026-02-01"
    assert rows[4].line == 6


def test_read_jsonl_truncated_last_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "goals.jsonl"
    path.write_text('{"id": "a", "text": "walk"}\n{"id": "b", "te', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: truncated"):
        list(read_rows([path]))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("I will walk daily\n\nI will swim weekly\n", ["I will walk daily", "I will swim weekly"]),
        ("\ufeffone goal only", ["one goal only"]),
    ],
)
def test_read_text_one_goal_per_line(tmp_path: Path, content: str, expected: list[str]) -> None:
    path = tmp_path / "goals.txt"
    path.write_text(content, encoding="utf-8")
    assert _texts(list(read_rows([path]))) == expected


def test_read_text_note_mode_extracts_goals(tmp_path: Path) -> None:
    path = tmp_path / "session-12.txt"
    path.write_text(
        "Client reports poor sleep.\nGoals Setting: 1. Go to bed by 11pm five nights a week. "
        "2. Walk 20 minutes every morning. Next session in two weeks.",
        encoding="utf-8",
    )
    rows = list(read_rows([path], ReadOptions(notes=True)))
    assert [r.id for r in rows] == ["session-12#1", "session-12#2"]
    assert _texts(rows) == ["Go to bed by 11pm five nights a week", "Walk 20 minutes every morning"]
    note = path.read_text(encoding="utf-8")
    assert all(note[r.span[0] : r.span[1]] == r.text for r in rows)


def test_note_without_goals_is_an_error_row(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text('id,text\nn1,"Missed session."\nn2,"Goal: Walk 10 minutes daily."\n', "utf-8")
    rows = list(read_rows([path], ReadOptions(notes=True)))
    assert [(r.id, r.error) for r in rows] == [("n1", "no_goals"), ("n2#1", None)]


def test_read_docx_plan_made_in_test(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Treatment plan: J. Doe", level=1)
    document.add_paragraph("Presenting problem: panic attacks at work.")
    document.add_paragraph("Short-term goals:")
    document.add_paragraph(
        "Client will practise paced breathing 10 minutes daily", style="List Number"
    )
    document.add_paragraph(
        "Client will log panic attacks every day for 4 weeks", style="List Number"
    )
    document.add_paragraph("Interventions: CBT weekly.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Goal", "Target date"
    table.cell(1, 0).text, table.cell(1, 1).text = "Return to work 3 days a week", "2026-03-01"
    path = tmp_path / "plan.docx"
    document.save(str(path))
    rows = list(read_rows([path]))
    assert _texts(rows) == [
        "Client will practise paced breathing 10 minutes daily",
        "Client will log panic attacks every day for 4 weeks",
        "Return to work 3 days a week by 2026-03-01",  # the table's target date is its deadline
    ]
    assert [r.id for r in rows] == ["plan#1", "plan#2", "plan#3"]


@pytest.mark.parametrize("name", ["plan.pdf", "plan.xls"])
def test_unsupported_extension_is_a_clear_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(InputError, match="unsupported file type"):
        list(read_rows([path]))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_rows([tmp_path / "nope.csv"]))


@pytest.mark.parametrize(
    ("header", "options", "expected"),
    [
        # defaults, in order, case- and spacing-insensitive
        ("Goal Text,Goal ID,Diagnosis", ReadOptions(), ("walk daily", "7", "knee")),
        ("STATEMENT,ID,PROBLEM", ReadOptions(), ("walk daily", "7", "knee")),
        ("goal-text,goal_id,context", ReadOptions(), ("walk daily", "7", "knee")),
        ("objective,id,diagnosis", ReadOptions(), ("walk daily", "7", "knee")),
        # several names: the first present wins
        (
            "Aim,Ref,Dx",
            ReadOptions(text_column=("Plan", "aim"), id_column=("x", "REF"), context_column="dx"),
            ("walk daily", "7", "knee"),
        ),
    ],
)
def test_columns_are_found_by_role(
    tmp_path: Path, header: str, options: ReadOptions, expected: tuple[str, str, str]
) -> None:
    path = tmp_path / "plans.csv"
    path.write_text(f"{header}\nwalk daily,7,knee\n", encoding="utf-8")
    (row,) = list(read_rows([path], options))
    assert (row.text, row.id, row.context) == expected


@pytest.mark.parametrize(
    ("line", "error"),
    [("g1,walk daily", "malformed"), ("g1,walk daily,knee,extra", "malformed"), ("g1,walk,", None)],
)
def test_csv_rows_must_have_the_header_width(tmp_path: Path, line: str, error: str | None) -> None:
    path = tmp_path / "plans.csv"
    path.write_text(f"id,goal,context\n{line}\n", encoding="utf-8")
    (row,) = list(read_rows([path]))
    assert row.error == error


def test_jsonl_keys_match_like_columns_and_carry_group(tmp_path: Path) -> None:
    path = tmp_path / "goals.jsonl"
    records = [
        {"Goal": "walk daily", "ID": "a", "Clinician": "Dr X"},
        {"goal_text": "swim weekly", "Goal_ID": "b"},
        {"summary": "nothing"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    rows = list(read_rows([path], ReadOptions(group_column="clinician")))
    assert [(r.id, r.text, r.group) for r in rows[:2]] == [
        ("a", "walk daily", "Dr X"),
        ("b", "swim weekly", None),
    ]
    assert rows[2].error == "malformed"
