"""``smartcheck evaluate FILE --by FIELD``: results broken down by a field of the records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smartcheck.evaluation import evaluate_records, group_key

pytestmark = pytest.mark.model

_ALL = {"S": 1, "M": 1, "A": 1, "R": 1, "T": 1}
_NONE = {"S": 0, "M": 0, "A": 0, "R": 0, "T": 0}

#: Goals written for these tests: two disciplines, one clear SMART goal and one vague wish each.
RECORDS = [
    {
        "id": "pt-1",
        "text": "I will walk for 20 minutes every day for the next four weeks to build my endurance",
        "context": "deconditioned after a hospital stay",
        "labels": _ALL,
        "category": "physio",
        "meta": {"setting": "outpatient"},
    },
    {
        "id": "pt-2",
        "text": "I want to get better",
        "context": "deconditioned after a hospital stay",
        "labels": _NONE,
        "category": "physio",
        "meta": {"setting": "outpatient"},
    },
    {
        "id": "mh-1",
        "text": "I will practise box breathing for 5 minutes twice a day for two weeks "
        "to manage my anxiety",
        "context": "generalised anxiety",
        "labels": _ALL,
        "category": "mental health",
        "meta": {"setting": "community"},
    },
    {
        "id": "mh-2",
        "text": "Be calmer",
        "context": None,
        "labels": {**_NONE, "R": 1},
        "category": "mental health",
    },
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smartcheck", "evaluate", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.mark.parametrize(
    ("record", "by", "expected"),
    [
        ({"category": "physio"}, "category", "physio"),
        ({}, "category", "(none)"),
        ({"category": ""}, "category", "(none)"),
        ({"meta": {"setting": "ward"}}, "meta.setting", "ward"),
        ({"meta": "flat"}, "meta.setting", "(none)"),
        ({"grade": 3}, "grade", "3"),
        ({"tags": ["a", "b"]}, "tags", '["a", "b"]'),
    ],
)
def test_group_key_reads_plain_nested_and_missing_fields(
    record: dict[str, object], by: str, expected: str
) -> None:
    assert group_key(record, by) == expected


def test_evaluate_by_groups_add_up_to_the_whole() -> None:
    report = evaluate_records(RECORDS, by="category")
    assert set(report.groups) == {"physio", "mental health"}
    assert sum(g.n for g in report.groups.values()) == report.n == len(RECORDS)
    for dim, whole in report.dims.items():
        parts = [g.dims[dim] for g in report.groups.values() if dim in g.dims]
        assert sum(p.tp + p.fp + p.fn for p in parts) == whole.tp + whole.fp + whole.fn
        assert sum(g.correct.get(dim, 0) for g in report.groups.values()) == report.correct[dim]


def test_cli_evaluate_by_prints_a_table_per_group(tmp_path: Path) -> None:
    proc = _run(str(_write(tmp_path)), "--by", "category")
    assert proc.returncode == 0, proc.stderr
    table = proc.stdout.split("\n\n")[-1].splitlines()
    assert table[0].split()[:2] == ["category", "n"]
    assert table[0].split()[-1] == "macro-F1"
    rows = {line.rsplit(None, 7)[0].strip(): line.split()[-7:] for line in table[1:]}
    assert set(rows) == {"physio", "mental health"}
    for cells in rows.values():
        assert cells[0] == "2"  # goals per group
        assert all(0.0 <= float(c) <= 1.0 for c in cells[1:])


def test_cli_evaluate_by_json_has_one_summary_per_group(tmp_path: Path) -> None:
    proc = _run(str(_write(tmp_path)), "--by", "meta.setting", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["by"] == "meta.setting"
    assert list(data["groups"]) == ["(none)", "community", "outpatient"]
    assert [g["goals"] for g in data["groups"].values()] == [1, 1, 2]
    for group in data["groups"].values():
        assert set(group["dimensions"]) <= set(data["dimensions"])
        assert 0.0 <= group["class_macro_f1"] <= 1.0


def test_cli_evaluate_without_by_has_no_groups(tmp_path: Path) -> None:
    proc = _run(str(_write(tmp_path)), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "groups" not in json.loads(proc.stdout)
