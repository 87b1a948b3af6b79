"""The dev sets as FHIR: every exported Goal validates, and auditing the export gives the
same verdicts as auditing the JSON lines it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartcheck.cli import ExitStatus, main
from smartcheck.fhir import read_verdict, validate

pytestmark = [pytest.mark.model, pytest.mark.slow]
DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
DEV_SETS = [DATA / "goals_dev.jsonl", DATA / "goals_dev2.jsonl"]


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _verdict(record: dict) -> tuple:
    dims = tuple((d, s["met"], s["score"]) for d, s in record["dimensions"].items())
    return (record["text"], record["context"], record["reference_date"], record["label"],
            record["score"], dims, tuple(f["id"] for f in record["findings"]))  # fmt: skip


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("fhir")
    jsonl, ndjson = tmp / "dev.jsonl", tmp / "dev.ndjson"
    for out, extra in ((jsonl, []), (ndjson, ["--format", "fhir"])):
        argv = [
            "audit",
            *map(str, DEV_SETS),
            "--out",
            str(out),
            "--reference-date",
            "2026-01-05",
            "--quiet",
            "--no-suggestions",  # verdicts only: rewrites would triple the test's time
            *extra,
        ]
        assert main(argv) == ExitStatus.OK
    return jsonl, ndjson


def test_every_exported_dev_goal_validates(exported: tuple[Path, Path]) -> None:
    jsonl, ndjson = exported
    analysed = [r for r in _records(jsonl) if r["ok"]]
    goals = _records(ndjson)
    assert len(goals) == len(analysed) > 400
    problems = {g.get("id"): validate(g) for g in goals}
    assert {k: v for k, v in problems.items() if v} == {}
    for goal, record in zip(goals, analysed, strict=True):
        verdict = read_verdict(goal)
        assert verdict is not None
        assert (verdict["label"], verdict["score"]) == (record["label"], round(record["score"], 1))


def test_auditing_the_export_gives_the_same_verdicts(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    jsonl, ndjson = exported
    again = tmp_path / "again.jsonl"
    argv = ["audit", str(ndjson), "--out", str(again), "--reference-date", "1999-01-01", "--quiet"]
    argv.append("--no-suggestions")
    assert main(argv) == ExitStatus.OK  # the Goals' startDate wins over the run's date
    first = {r["id"]: _verdict(r) for r in _records(jsonl) if r["ok"]}
    second = {r["id"]: _verdict(r) for r in _records(again)}
    assert len(second) == len(first)
    assert second == first
