"""``smartcheck audit`` on a FHIR Bundle, and ``--format fhir`` outputs, run as a user runs them."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fhir_helpers import FORMULA_GOAL, HTML_GOAL, build_bundle

from smartcheck.cli import ExitStatus, main
from smartcheck.fhir import read_verdict, validate

pytestmark = pytest.mark.model
REF = "2026-01-05"


def _audit(bundle_path: Path, out: Path, *extra: str) -> None:
    argv = [
        "audit",
        str(bundle_path),
        "--out",
        str(out),
        "--reference-date",
        REF,
        "--quiet",
        *extra,
    ]
    assert main(argv) == ExitStatus.OK


def test_bundle_audit_to_jsonl_accounts_for_every_row(bundle_path: Path, tmp_path: Path) -> None:
    _, expected = build_bundle()
    out = tmp_path / "report.jsonl"
    _audit(bundle_path, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r.get("error")) for r in records] == [(i, e) for i, e, _ in expected]
    assert [r["index"] for r in records] == list(range(len(expected)))
    by_id = {r["id"]: r for r in records}
    assert by_id["g-walk"]["context"] == "Generalized anxiety disorder"
    assert by_id["g-walk"]["meta"]["dueDate"] == "2026-02-16"
    assert by_id["g-walk"]["reference_date"] == "2026-01-05"
    assert by_id["g-missing"]["reason"].endswith("which is not in this file")


def test_bundle_audit_to_csv_neutralises_formulas(bundle_path: Path, tmp_path: Path) -> None:
    _, expected = build_bundle()
    out = tmp_path / "report.csv"
    _audit(bundle_path, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [i for i, _, _ in expected]
    assert sum(r["status"] == "error" for r in rows) == sum(e is not None for _, e, _ in expected)
    formula = next(r for r in rows if r["id"] == "g-formula")
    assert formula["text"] == "'" + FORMULA_GOAL
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    assert "carePlan=CarePlan cp-main" in next(r for r in rows if r["id"] == "g-walk")["meta"]


def test_bundle_audit_to_html_escapes_goal_text(bundle_path: Path, tmp_path: Path) -> None:
    _, expected = build_bundle()
    out = tmp_path / "report.html"
    _audit(bundle_path, out)
    page = out.read_text(encoding="utf-8")
    errors = sum(e is not None for _, e, _ in expected)
    assert f'<div class="n">{len(expected)}</div>rows audited' in page
    assert f'<div class="card err"><div class="n">{errors}</div>errors' in page
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    for rid, error, _ in expected:
        assert f">{rid}<" in page or error is not None


def test_audit_format_fhir_writes_one_valid_goal_per_analysed_row(
    bundle_path: Path, tmp_path: Path
) -> None:
    _, expected = build_bundle()
    out = tmp_path / "goals.ndjson"
    _audit(bundle_path, out, "--format", "fhir")
    goals = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    analysed = [i for i, e, _ in expected if e is None]
    assert len(goals) == len(analysed)
    for goal in goals:
        assert validate(goal) == []
        assert read_verdict(goal) is not None
    html_goal = next(
        g
        for g in goals
        if g.get("identifier", [{}])[0].get("value") == "g-html" or g.get("id") == "g-html"
    )
    assert html_goal["description"]["text"] == HTML_GOAL
    assert html_goal["lifecycleStatus"] == "active"  # kept from the source Goal


def test_check_format_fhir_prints_a_valid_goal() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "smartcheck", "check", "Pt will reduce PHQ-9 score to <10 by 3/15/2026",
         "--context", "depression", "--reference-date", REF, "--format", "fhir"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    goal = json.loads(proc.stdout)
    assert validate(goal) == []
    (target,) = goal["target"]
    assert target["measure"]["coding"][0]["code"] == "44261-6"
    assert target["detailQuantity"] == {"value": 10, "comparator": "<"}
    assert target["dueDate"] == "2026-03-15"
    assert re.fullmatch(r"(Not SMART|Partially SMART|SMART)", read_verdict(goal)["label"])


def test_audit_command_reads_a_bundle_as_a_user_runs_it(bundle_path: Path, tmp_path: Path) -> None:
    _, expected = build_bundle()
    out = tmp_path / "goals.ndjson"
    proc = subprocess.run(
        [sys.executable, "-m", "smartcheck", "audit", str(bundle_path), "--out", str(out),
         "--format", "fhir", "--reference-date", REF],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    errors = sum(e is not None for _, e, _ in expected)
    not_goals = 0  # g-formula has goal words after its formula: a goal, its cell neutralised
    goals = len(expected) - errors - not_goals
    assert (
        f"audited {len(expected)} rows: {goals} goals, {not_goals} not goals, {errors} errors"
        in proc.stdout
    )
    assert "missing_goal 1" in proc.stdout and "unsupported_resource 3" in proc.stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(expected) - errors
