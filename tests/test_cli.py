"""The CLI as a user runs it: the installed command in a subprocess, and main(argv) in process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smartcheck.cli import ExitStatus, main

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "data" / "goals_dev.jsonl"


def _command() -> list[str]:
    exe = shutil.which("smartcheck", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "smartcheck"]


def test_cli_installed_command_checks_a_goal() -> None:
    proc = subprocess.run(
        [*_command(), "check", "I want to feel less anxious"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Not SMART" in proc.stdout
    assert "feel less anxious" in proc.stdout
    assert "fix:" in proc.stdout


def test_cli_check_json_is_a_goal_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["check", "I will walk daily for two weeks", "--json", "--reference-date", "2026-01-05"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == ExitStatus.OK
    assert data["label"] in {"SMART", "Partially SMART", "Not SMART"}
    assert set(data["dimensions"]) == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    }
    assert data["elements"]["timeframes"][0]["days"] == 14


def test_cli_check_empty_goal_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "  "]) == ExitStatus.USAGE
    assert "empty" in capsys.readouterr().err


def test_cli_no_command_prints_help() -> None:
    assert main([]) == ExitStatus.USAGE


def test_cli_evaluate_dev_set_meets_the_issue_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(DEV), "--json"]) == ExitStatus.OK
    report = json.loads(capsys.readouterr().out)
    assert report["failures"] == 0  # no real goal is rejected as non-English or binary
    for dim in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        assert report["dimensions"][dim]["accuracy"] >= 0.92, dim
    assert report["class_macro_f1"] >= 0.88
    for kind in ("frequency", "duration", "quantity", "timeframe"):
        assert report["elements"][kind]["f1"] >= 0.90, kind


def test_cli_evaluate_smartspan_meets_the_issue_targets(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "benchmarks" / "data" / "smartspan" / "goals.jsonl"
    assert main(["evaluate", str(path), "--json"]) == ExitStatus.OK
    report = json.loads(capsys.readouterr().out)
    assert report["failures"] == 0
    assert report["dimensions"]["specific"]["accuracy"] >= 0.85
    assert report["dimensions"]["measurable"]["accuracy"] >= 0.88
    assert report["dimensions"]["achievable"]["accuracy"] >= 0.97
    assert report["class_macro_f1"] >= 0.82


def test_cli_evaluate_names_a_malformed_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "I will walk", "labels": {}}\n{not json\n', encoding="utf-8")
    assert main(["evaluate", str(bad)]) == ExitStatus.USAGE
    assert "bad.jsonl:2" in capsys.readouterr().err
