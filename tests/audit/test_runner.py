"""Tests for the audit runner: nothing lost, order kept, summary totals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcheck.audit import Auditor, AuditRow, audit

pytestmark = pytest.mark.usefixtures("fake_analyzer")


def _mixed_jsonl(path: Path) -> list[str]:
    """Write goals with bad rows between them; return the ids in file order."""
    lines = [
        ('{"id": "a", "text": "I will walk 10 minutes daily"}', "a"),
        ('{"id": "b", "text": ""}', "b"),
        ("{broken json", "goals.jsonl:3"),
        ('{"id": "d", "text": 7}', "d"),
        ('{"id": "e", "goal": "I will swim 2 times a week for 30 minutes"}', "e"),
        ('"just a string"', "goals.jsonl:6"),
        ('{"id": "g", "text": "I will feel better"}', "g"),
    ]
    path.write_text("\n".join(line for line, _ in lines) + "\n", encoding="utf-8")
    return [i for _, i in lines]


@pytest.mark.parametrize("batch_size", [1, 2, 256])
def test_audit_keeps_every_row_in_order(tmp_path: Path, batch_size: int) -> None:
    path = tmp_path / "goals.jsonl"
    ids = _mixed_jsonl(path)
    run = Auditor(batch_size=batch_size).run(path)
    results = list(run)
    assert [r.id for r in results] == ids
    assert [r.index for r in results] == list(range(len(ids)))
    assert [r.ok for r in results] == [True, False, False, False, True, False, True]
    assert [r.error for r in results if not r.ok] == ["empty", "malformed", "not_text", "malformed"]
    summary = run.summary
    assert (summary.total, summary.analysed, summary.errors) == (7, 3, 4)
    assert summary.error_codes == {"empty": 1, "malformed": 2, "not_text": 1}
    assert sum(summary.labels.values()) == 3
    assert run.finished


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.booleans(), st.text(alphabet="ab 1=<", max_size=12)), min_size=0, max_size=30
    ),
    batch_size=st.integers(min_value=1, max_value=7),
)
def test_ids_in_equal_ids_out_under_bad_rows(rows: list[tuple[bool, str]], batch_size: int) -> None:
    audit_rows = [
        AuditRow(
            source="mem",
            row=n,
            id=f"r{n}",
            text=None if bad else text,
            error="malformed" if bad else None,
            reason="bad" if bad else None,
        )
        for n, (bad, text) in enumerate(rows, start=1)
    ]
    results = list(Auditor(batch_size=batch_size).run_rows(audit_rows))
    assert [r.id for r in results] == [r.id for r in audit_rows]
    assert [r.row for r in results] == [r.row for r in audit_rows]


def test_audit_function_reads_several_files(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("I will walk 10 minutes daily\nI will read 20 pages\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("goal\nI will swim 3 times a week\n", encoding="utf-8")
    run = audit([first, second])
    assert [(r.source, r.row) for r in run] == [(str(first), 1), (str(first), 2), (str(second), 1)]
    assert run.summary.mean_score is not None


def test_summary_is_json_serialisable(tmp_path: Path) -> None:
    path = tmp_path / "goals.jsonl"
    _mixed_jsonl(path)
    run = audit(path)
    list(run)
    data = json.loads(run.summary.model_dump_json())
    assert data["total"] == 7 and set(data["pass_rates"]) >= {"specific", "time_bound"}


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs"):
        Auditor(jobs=0)
