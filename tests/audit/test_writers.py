"""Tests for the report writers: CSV neutralising, HTML escaping, JSON lines, atomicity."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from audit_helpers import make_analysis, make_finding

from smartcheck.audit import AuditResult, open_report
from smartcheck.audit.html import highlight
from smartcheck.audit.summary import SummaryBuilder
from smartcheck.audit.writers import csv_header, csv_safe

INJECTION = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _results() -> list[AuditResult]:
    text = '=HYPERLINK("http://evil") I will walk 10 minutes daily'
    finding = make_finding(text, "time_bound.no_timeframe", 0, 10)
    weak = make_analysis(
        f"{INJECTION} I will feel better",
        score=12.0,
        label="Not SMART",
        findings=[
            make_finding(f"{INJECTION} I will feel better", "specific.state_not_behavior", 0, 8)
        ],
        suggestion="I will <b>walk</b> 10 minutes daily",
    )
    good = make_analysis(text, score=70.0, findings=[finding], evidence={"measurable": [(32, 42)]})
    return [
        AuditResult(index=0, source="in.csv", row=1, id="@id-1", text=good.text, analysis=good),
        AuditResult(index=1, source="in.csv", row=2, id="-2", text=weak.text, analysis=weak),
        AuditResult(
            index=2, source="in.csv", row=3, id="+3", text="", error="empty", reason="<empty>"
        ),
    ]


def _write(path: Path) -> None:
    builder = SummaryBuilder()
    with open_report(path) as writer:
        for result in _results():
            builder.add(result)
            writer.write(result)
        writer.finish(builder.build())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=x", "'\t=x"),
        ("I will walk = good", "I will walk = good"),
        (42, "42"),
        (None, ""),
    ],
)
def test_csv_safe_neutralises_formulas(value: object, expected: str) -> None:
    assert csv_safe(value) == expected


def test_csv_report_rows_columns_and_neutralising(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    _write(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")  # a BOM so Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == csv_header()
    assert rows[0][:4] == ["id", "text", "label", "score"]
    assert [r[0] for r in rows[1:]] == ["'@id-1", "'-2", "'+3"]
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[1][rows[0].index("findings")] == "time_bound.no_timeframe"
    assert rows[3][rows[0].index("status")] == "error"
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_jsonl_report_has_one_record_per_row(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    _write(path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["@id-1", "-2", "+3"]
    assert [r["row"] for r in records] == [1, 2, 3]
    assert records[0]["ok"] is True and records[0]["dimensions"]["measurable"]["met"] is False
    assert records[2] == {
        "ok": False,
        "id": "+3",
        "index": 2,
        "text": "",
        "error": "empty",
        "reason": "<empty>",
        "source": "in.csv",
        "row": 3,
        "line": None,
    }


def test_html_report_escapes_user_text(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    _write(path)
    page = path.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "<b>walk" not in page
    assert "&lt;script&gt;" in page and "alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert 'id="pass-rate-chart"' in page and 'id="weakest-table"' in page
    assert "Try: <bdi>I will &lt;b&gt;walk&lt;/b&gt; 10 minutes daily</bdi>" in page


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "walk <daily>",
            [(5, 12)],
            '<bdi>walk <mark class="ev" title="measurable">&lt;daily&gt;</mark></bdi>',
        ),
        ("a & b", [], "<bdi>a &amp; b</bdi>"),
    ],
)
def test_highlight_marks_evidence_and_escapes(
    text: str, spans: list[tuple[int, int]], expected: str
) -> None:
    assert highlight(make_analysis(text, evidence={"measurable": spans})) == expected


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".html", ".xlsx"])
def test_lone_surrogates_and_controls_never_lose_the_report(tmp_path: Path, suffix: str) -> None:
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    path = tmp_path / f"report{suffix}"
    odd = AuditResult(
        index=0, source="in.jsonl", row=1, id="s\ud800", text="walk \ud800\x07 daily",
        error="not_text", reason="a lone surrogate",
    )  # fmt: skip
    builder = SummaryBuilder()
    with open_report(path) as writer:
        for result in (odd, *_results()):
            builder.add(result)
            writer.write(result)
        writer.finish(builder.build())
    assert path.stat().st_size > 0
    assert path.stat().st_mode & 0o777 == 0o600
    if suffix == ".jsonl":
        first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert first["text"] == "walk \ud800\x07 daily"  # written as a JSON escape


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".html", ".xlsx"])
def test_interrupted_run_leaves_no_file(tmp_path: Path, suffix: str) -> None:
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    path = tmp_path / f"report{suffix}"
    with pytest.raises(KeyboardInterrupt), open_report(path) as writer:
        writer.write(_results()[0])
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_failed_run_keeps_previous_report(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    path.write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError), open_report(path) as writer:
        writer.write(_results()[0])
        raise RuntimeError("boom")
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert list(tmp_path.iterdir()) == [path]
