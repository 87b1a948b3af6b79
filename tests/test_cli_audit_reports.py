"""``smartcheck audit`` inputs and reports, run as a user runs the installed command.

Column detection per file, several ``--text-column`` names, JSONL ``Goal`` keys, Word
tables with id and target-date columns, duplicate-id warnings, short CSV rows, Excel in
and out, the CSV byte-order mark, suggestions, not-goal rows, and the HTML report.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from cli_helpers import run_cli

pytestmark = pytest.mark.model

REF = "2026-01-05"
STRONG = "I will walk 20 minutes every day for the next 4 weeks to manage my knee pain"
WEAK = "Client will improve their mood"
QUESTION = "Can we meet next week?"  # not a goal (rubric: "Goals and non-goals")
BIDI = "I will walk \u202edaily\u202c more \u2067x\u2069"


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _audit(cwd: Path, *args: str) -> tuple[int, str, str]:
    proc = run_cli("audit", *args, "--reference-date", REF, cwd=cwd)
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


# --------------------------------------------------------------------------- inputs


def test_columns_are_detected_per_file_and_case_insensitively(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        f"Goal ID,Goal Text,Diagnosis\na1,{STRONG},knee pain\n", encoding="utf-8"
    )
    (tmp_path / "b.csv").write_text(f"ID;OBJECTIVE\nb1;{WEAK}\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"Id": "c1", "Goal": WEAK, "Problem": "low mood"}) + "\n", encoding="utf-8"
    )
    (tmp_path / "d.tsv").write_text(f"goal_id\tstatement\nd1\t{STRONG}\n", encoding="utf-8")
    status, _, err = _audit(tmp_path, "a.csv", "b.csv", "c.jsonl", "d.tsv", "--out", "r.jsonl")
    assert status == 0, err
    records = _jsonl(tmp_path / "r.jsonl")
    assert [(r["id"], r["text"]) for r in records] == [
        ("a1", STRONG),
        ("b1", WEAK),
        ("c1", WEAK),
        ("d1", STRONG),
    ]
    assert [r["context"] for r in records] == ["knee pain", None, "low mood", None]


def test_several_text_columns_first_present_wins_per_file(tmp_path: Path) -> None:
    (tmp_path / "aims.csv").write_text(f"Aim,Plan\n{STRONG},ignored\n", encoding="utf-8")
    (tmp_path / "plans.csv").write_text(f"Plan\n{WEAK}\n", encoding="utf-8")
    args = ["aims.csv", "plans.csv", "--out", "r.jsonl", "--text-column", "Aim"]
    status, _, err = _audit(tmp_path, *args, "--text-column", "plan")
    assert status == 0, err
    assert [r["text"] for r in _jsonl(tmp_path / "r.jsonl")] == [STRONG, WEAK]
    status, _, err = _audit(tmp_path, "aims.csv", "plans.csv", "--out", "s.jsonl",
                            "--text-column", "Aim,Plan")  # fmt: skip
    assert status == 0, err
    assert [r["text"] for r in _jsonl(tmp_path / "s.jsonl")] == [STRONG, WEAK]


def test_docx_table_uses_its_id_and_target_date_columns(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Treatment plan")
    table = document.add_table(rows=3, cols=4)
    rows = [
        ("Goal ID", "Goal", "Target date", "Discipline"),
        ("PT-1", "Walk 200 metres with a stick 3 times a week", "2026-03-01", "PT"),
        ("OT-2", "Dress independently every morning", "", "OT"),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(tmp_path / "plan.docx"))
    status, _, err = _audit(tmp_path, "plan.docx", "--out", "r.jsonl", "--group-by", "discipline")
    assert status == 0, err
    first, second = _jsonl(tmp_path / "r.jsonl")
    assert (first["id"], second["id"]) == ("PT-1", "OT-2")
    assert first["text"] == "Walk 200 metres with a stick 3 times a week by 2026-03-01"
    assert first["dimensions"]["time_bound"]["met"] is True  # the target date is the deadline
    assert second["text"] == "Dress independently every morning"
    assert (first["group"], second["group"]) == ("PT", "OT")


def test_duplicate_ids_warn_with_counts_only_and_short_rows_are_malformed(tmp_path: Path) -> None:
    secret = "Mrs Example walks to the bakery"
    (tmp_path / "plans.csv").write_text(
        f"id,goal,context\nx1,{STRONG},knee\nx1,{secret},knee\nx2,{WEAK}\n", encoding="utf-8"
    )
    status, out, err = _audit(tmp_path, "plans.csv", "--out", "r.csv")
    assert status == 0, err
    warning = [line for line in err.splitlines() if "warning" in line]
    assert warning == [
        "smartcheck: warning: 1 rows reuse an id already used in the same file (plans.csv: 1)"
    ]
    assert secret not in err and "x1" not in err  # counts only: no goal text, no ids
    assert "duplicate ids: 1" in out
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["ok", "ok", "error"]
    assert rows[2]["error"] == "malformed"
    assert "expected 3 fields, found 2" in rows[2]["reason"]


# --------------------------------------------------------------------------- outputs


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan with a strong goal, a weak one, a not-goal, an empty row and a formula."""
    work = tmp_path_factory.mktemp("mixed")
    rows = [
        ("id", "goal", "context", "discipline"),
        ("g1", STRONG, "knee replacement", "PT"),
        ("g2", WEAK, "low mood", "MH"),
        ("g3", QUESTION, "", "MH"),
        ("g4", "", "", "OT"),
        ("g5", '=HYPERLINK("http://example.invalid","click")', "", "OT"),
        ("g6", BIDI, "", "PT"),
    ]
    with (work / "plans.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return work


def test_csv_report_has_bom_suggestions_and_not_goal_status(mixed: Path) -> None:
    status, out, err = _audit(mixed, "plans.csv", "--out", "r.csv")
    assert status == 0, err
    raw = (mixed / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,text,")  # Excel reads the file as UTF-8
    with (mixed / "r.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows["g1"]["label"] == "SMART" and rows["g1"]["suggestion"] == ""
    assert rows["g2"]["suggestion"].strip() and rows["g2"]["suggestion"] != WEAK
    assert rows["g3"]["status"] == "not_goal" and rows["g3"]["suggestion"] == ""
    assert rows["g4"]["status"] == "error"
    assert rows["g5"]["text"].startswith("'=HYPERLINK")
    assert rows["g5"]["status"] == "not_goal"  # a formula is junk, not a goal (issue 12)
    assert "2 not goals" in out


def test_not_goals_are_kept_out_of_the_mean(mixed: Path) -> None:
    status, out, err = _audit(mixed, "plans.csv", "--out", "r.jsonl", "--no-suggestions")
    assert status == 0, err
    records = _jsonl(mixed / "r.jsonl")
    goals = [r for r in records if r["ok"] and r["is_goal"]]
    not_goals = [r for r in records if r["ok"] and not r["is_goal"]]
    assert [r["id"] for r in not_goals] == ["g3", "g5"]  # a question and a formula
    mean = sum(float(r["score"]) for r in goals) / len(goals)  # type: ignore[arg-type]
    assert f"mean score of the goals: {mean:.1f}" in out
    assert f"audited 6 rows: {len(goals)} goals, 2 not goals, 1 errors" in out
    assert all(r["suggestion"] is None for r in records if r["ok"])  # --no-suggestions


def test_jsonl_report_carries_the_first_suggestion(mixed: Path) -> None:
    status, _, err = _audit(mixed, "plans.csv", "--out", "s.jsonl")
    assert status == 0, err
    records = {r["id"]: r for r in _jsonl(mixed / "s.jsonl")}
    assert records["g1"]["suggestion"] is None  # SMART already
    assert isinstance(records["g2"]["suggestion"], str) and records["g2"]["suggestion"]
    assert records["g2"]["suggestions"][0]["text"] == records["g2"]["suggestion"]
    assert records["g3"]["suggestion"] is None  # not a goal: no rewrite


def test_excel_report_and_excel_input(mixed: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    status, _, err = _audit(mixed, "plans.csv", "--out", "r.xlsx", "--no-suggestions")
    assert status == 0, err
    assert (mixed / "r.xlsx").stat().st_mode & 0o777 == 0o600
    book = openpyxl.load_workbook(mixed / "r.xlsx")
    sheet = book["audit"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    assert [r["id"] for r in rows] == ["g1", "g2", "g3", "g4", "g5", "g6"]
    assert isinstance(rows[0]["score"], (int, float))  # a number, not text
    assert rows[4]["text"].startswith("'=HYPERLINK")  # text, never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    summary = {r[0].value: r[1].value for r in book["summary"].iter_rows()}
    assert summary["rows"] == 6 and summary["not goals"] == 2

    # the report read back as an input: the same goals come out
    status, _, err = _audit(mixed, "r.xlsx", "--out", "again.jsonl", "--no-suggestions")
    assert status == 0, err
    texts = [r.get("text") for r in _jsonl(mixed / "again.jsonl")]
    assert texts[:3] == [STRONG, WEAK, QUESTION]


def test_excel_input_with_dates_numbers_and_two_sheets(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    first = book.active
    first.title = "notes"
    first.append(["comment"])  # no goal column: skipped
    first.append(["nothing to audit"])
    second = book.create_sheet("goals")
    second.append(["Goal ID", "Objective", "Target Date"])
    second.append([101, "Walk 200 metres with a stick 3 times a week", dt.datetime(2026, 3, 1)])
    second.append([None, None, None])  # blank row: skipped
    second.append([102.0, WEAK, None])
    book.save(tmp_path / "plan.xlsx")
    status, _, err = _audit(tmp_path, "plan.xlsx", "--out", "r.jsonl", "--no-suggestions")
    assert status == 0, err
    records = _jsonl(tmp_path / "r.jsonl")
    assert [r["id"] for r in records] == ["101", "102"]
    assert records[0]["text"].endswith(" by 2026-03-01")
    assert [r["line"] for r in records] == [2, 4]


# --------------------------------------------------------------------------- HTML


@pytest.fixture(scope="module")
def html_report(mixed: Path) -> str:
    (mixed / "more.jsonl").write_text(
        json.dumps({"id": "m1", "goal": WEAK, "discipline": "OT"}) + "\n", encoding="utf-8"
    )
    status, _, err = _audit(mixed, "plans.csv", "more.jsonl", "--out", "r.html",
                            "--group-by", "discipline")  # fmt: skip
    assert status == 0, err
    assert (mixed / "r.html").stat().st_mode & 0o777 == 0o600
    return (mixed / "r.html").read_text(encoding="utf-8")


def test_html_report_is_self_contained_and_inert(html_report: str) -> None:
    assert "<script" not in html_report.lower()
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'none\';',
                     html_report)  # fmt: skip
    assert not re.search(r"\b(?:src|href|action)\s*=", html_report)  # nothing to fetch
    assert "@import" not in html_report and "url(" not in html_report


def test_html_report_holds_the_run_metadata(html_report: str) -> None:
    run_date = re.search(r'id="run-date">([^<]+)<', html_report)
    assert run_date, "no run date"
    ran = dt.datetime.fromisoformat(run_date.group(1))  # the moment the command started, UTC
    assert ran.utcoffset() == dt.timedelta(0)
    assert dt.timedelta(0) <= dt.datetime.now(dt.timezone.utc) - ran < dt.timedelta(hours=1)
    assert re.search(r'id="reference-date">2026-01-05<', html_report)
    assert re.search(r'id="profile">therapy<', html_report)
    assert re.search(r'id="version">[^<]+<', html_report)
    inputs = html_report.split('id="inputs">')[1].split("</dd>", maxsplit=1)[0]
    assert "plans.csv" in inputs and "more.jsonl" in inputs


def test_html_report_lists_every_row_with_context_score_label_findings(html_report: str) -> None:
    table = html_report.split('id="rows-table"')[1].split("</table>", maxsplit=1)[0]
    assert table.count("<tr") == 1 + 7  # header + every input row
    for row_id in ("g1", "g2", "g3", "g4", "g5", "g6", "m1"):
        assert f"<bdi>{row_id}</bdi>" in table
    assert "Context: <bdi>knee replacement</bdi>" in table
    assert "not a goal (question)" in table
    assert "error: empty" in table
    assert '<ul class="findings"><li>' in table  # plain-language findings, not only ids
    assert "Not SMART" in table and ">SMART<" in table


def test_html_report_breaks_down_by_file_and_by_column(html_report: str) -> None:
    by_file = html_report.split('id="by-file-table"')[1].split("</table>", maxsplit=1)[0]
    assert "plans.csv" in by_file and "more.jsonl" in by_file
    by_group = html_report.split('id="by-group-table"')[1].split("</table>", maxsplit=1)[0]
    groups = re.findall(r"<tr><td><bdi>([^<]+)</bdi></td><td class=\"num\">(\d+)</td>", by_group)
    assert dict(groups) == {"MH": "2", "OT": "3", "PT": "2"}


def test_html_report_has_a_score_chart_and_weakest_goals_with_rewrites(html_report: str) -> None:
    assert html_report.count('<rect class="hist"') == 10
    weakest = html_report.split('id="weakest-table"')[1].split("</table>", maxsplit=1)[0]
    assert 'class="suggestion">Try: <bdi>' in weakest
    assert QUESTION.replace("?", "") not in weakest  # not-goals are not ranked as goals


def test_html_report_isolates_bidirectional_controls(html_report: str) -> None:
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", html_report)
    assert "<bdi>I will walk daily more x</bdi>" in html_report


# --------------------------------------------------------------------------- hostile batch

HOSTILE = [
    {"id": "ok-1", "goal": STRONG},
    {"id": "far-ref", "goal": "I will walk daily for 2 weeks", "reference_date": "9999-12-31"},
    {"id": "10000y", "goal": "I will walk every day for the next 10000 years"},
    {"id": "digits", "goal": "I will walk " + "9" * 400 + " steps a day"},
    {"id": "surrogate", "goal": "I will walk \ud800 daily"},
    {"id": "big-context", "goal": "I will walk 10 minutes daily", "context": "knee " * 200_000},
    {"id": "emoji", "goal": "\U0001f600\U0001f600"},
    {"id": "formula", "goal": '=HYPERLINK("http://example.invalid")'},
    {"id": "dash", "goal": "-"},
    {"id": "ok-2", "goal": WEAK},
]


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".html", ".xlsx"])
def test_hostile_batch_returns_every_row_in_order_in_every_format(
    tmp_path: Path, suffix: str
) -> None:
    # The per-goal error boundary (smartcheck.boundary, issue 12's robustness half) turns
    # these inputs into error rows; without it the analyzer itself raises.
    pytest.importorskip("smartcheck.boundary")
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    lines = [json.dumps(row, ensure_ascii=True) for row in HOSTILE]
    (tmp_path / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"r{suffix}"
    status, _, err = _audit(tmp_path, "hostile.jsonl", "--out", out.name, "--no-suggestions")
    assert status == 0, err
    expected = [row["id"] for row in HOSTILE]
    if suffix == ".jsonl":
        ids = [r["id"] for r in _jsonl(out)]
    elif suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as fh:
            ids = [r["id"] for r in csv.DictReader(fh)]
    elif suffix == ".xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        sheet = openpyxl.load_workbook(out)["audit"]
        ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    else:
        table = out.read_text(encoding="utf-8").split('id="rows-table"')[1]
        ids = re.findall(r'<td class="id"><bdi>([^<]*)</bdi>', table)
    assert ids == expected
