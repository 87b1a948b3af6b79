"""Text is decoded row by row: a bad byte spoils only its own row, never the whole file.

Kinds covered: one invalid byte in a UTF-8 file (early and late), a file that is not
UTF-8 at all (legacy, named in a warning), NUL bytes wherever they sit, binary files,
UTF-16 with and without a byte-order mark and with a broken surrogate, damaged .docx.
"""

from __future__ import annotations

import codecs
import json
import logging
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from smartcheck.audit import read_rows
from smartcheck.errors import InputError

ACCENTED = ("Client will attend 3 café group sessions", "Pt will walk to the crèche daily")


def _lines(count: int, *, accented_every: int = 0) -> list[str]:
    out = []
    for i in range(count):
        text = ACCENTED[i % 2] if accented_every and i % accented_every == 0 else f"walk {i} min"
        out.append(f"g{i},{text}")
    return out


def _write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"id,goal\n" + b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("position", [1, 40, 2999], ids=["first-row", "early", "late"])
def test_one_invalid_byte_spoils_only_its_row(tmp_path: Path, position: int) -> None:
    lines = [line.encode("utf-8") for line in _lines(3000, accented_every=7)]
    lines[position] = f"g{position},walk ".encode() + b"\xe9\xff daily"
    rows = list(read_rows([_write(tmp_path / "plan.csv", lines)]))
    assert len(rows) == 3000
    bad = rows[position]
    assert bad.error == "undecodable" and f"line {position + 2}" in (bad.reason or "")
    assert "0xe9" in (bad.reason or "")
    good = [r for r in rows if r.error is None]
    assert len(good) == 2999
    assert {r.text for r in good} >= set(ACCENTED)  # "café" stays "café" in every row


def test_a_file_that_is_not_utf8_at_all_is_read_as_legacy_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [line.encode("cp1252") for line in _lines(200, accented_every=5)]
    with caplog.at_level(logging.WARNING, logger="smartcheck.audit.encoding"):
        rows = list(read_rows([_write(tmp_path / "legacy.csv", lines)]))
    assert all(r.error is None for r in rows)
    assert {r.text for r in rows} >= set(ACCENTED)
    assert "cp1252" in caplog.text and "not UTF-8" in caplog.text


@pytest.mark.parametrize("position", [0, 5, 2999], ids=["first-row", "early", "late"])
def test_nul_bytes_make_an_error_row_wherever_they_sit(tmp_path: Path, position: int) -> None:
    lines = [line.encode() for line in _lines(3000)]
    lines[position] = f"g{position},walk \x00 daily".encode()
    rows = list(read_rows([_write(tmp_path / "plan.csv", lines)]))
    assert len(rows) == 3000
    assert [i for i, r in enumerate(rows) if r.error] == [position]
    assert "NUL" in (rows[position].reason or "")


def test_nul_in_jsonl_and_text_lines_is_an_error_row(tmp_path: Path) -> None:
    jsonl = tmp_path / "goals.jsonl"
    jsonl.write_bytes(b'{"text": "walk daily"}\n{"text": "walk\x00"}\n{"text": "swim"}\n')
    text = tmp_path / "goals.txt"
    text.write_bytes(b"walk daily\nwalk\x00 daily\nswim weekly\n")
    for path in (jsonl, text):
        rows = list(read_rows([path]))
        assert [r.error for r in rows] == [None, "undecodable", None]


@pytest.mark.parametrize(
    "content",
    [bytes(range(256)) * 64, b"PK\x03\x04\x14\x00\x06\x00" * 500, b"\x00" * 1000],
    ids=["all-bytes", "zip-like", "zeros"],
)
def test_a_binary_file_is_one_clear_file_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="looks like a binary file"):
        list(read_rows([path]))


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")],
    ids=["le-bom", "be-bom", "le-no-bom"],
)
def test_utf16_with_a_broken_surrogate_keeps_its_readable_rows(
    tmp_path: Path, codec: str, bom: bytes
) -> None:
    def enc(text: str) -> bytes:
        return text.encode(codec)

    lone = b"\x00\xd8" if codec == "utf-16-le" else b"\xd8\x00"  # U+D800 with no partner
    data = bom + enc("id,goal\n") + enc("g1,Client will attend 3 café groups\n")
    data += enc("g2,walk ") + lone + enc(" daily\n") + enc("g3,swim weekly\n")
    path = tmp_path / "plan.csv"
    path.write_bytes(data)
    rows = list(read_rows([path]))
    assert [r.id for r in rows] == ["g1", "g2", "g3"]
    assert [r.error for r in rows] == [None, "undecodable", None]
    assert rows[0].text == "Client will attend 3 café groups"
    assert "surrogate" in (rows[1].reason or "")


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smartcheck", *argv],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.model
def test_audit_of_a_utf16_file_with_a_broken_surrogate_reports_every_row(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "id,goal\ng1,I will walk 20 minutes daily\n".encode("utf-16-le")
    data += "g2,walk ".encode("utf-16-le") + b"\x00\xd8" + "\ng3,swim\n".encode("utf-16-le")
    plan = tmp_path / "plan.csv"
    plan.write_bytes(data)
    out = tmp_path / "report.jsonl"
    done = _run("audit", str(plan), "--out", str(out), "--quiet", "--reference-date", "2026-01-05")
    assert done.returncode in (0, 1), done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["g1", "g2", "g3"]
    assert records[1]["ok"] is False and records[1]["error"] == "undecodable"


def _docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Goals:")
    document.add_paragraph("1. I will walk 20 minutes daily for 4 weeks")
    document.save(str(path))
    return path


def _damage(kind: str, good: Path, path: Path) -> Path:
    data = good.read_bytes()
    if kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "not-a-zip":
        path.write_bytes(b"this is not a Word file")
    else:  # a zip whose document XML is cut in half
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
            for name in src.namelist():
                member = src.read(name)
                if name == "word/document.xml":
                    member = member[: len(member) // 2]
                dst.writestr(name, member)
    return path


@pytest.mark.parametrize("kind", ["truncated", "not-a-zip", "broken-xml"])
def test_a_damaged_docx_exits_2_with_one_line(tmp_path: Path, kind: str) -> None:
    plan = _damage(kind, _docx(tmp_path / "good.docx"), tmp_path / "plan.docx")
    out = tmp_path / "report.jsonl"
    done = _run("audit", str(plan), "--out", str(out), "--quiet")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "plan.docx" in done.stderr
    assert not out.exists()
