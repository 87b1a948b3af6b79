"""Option values are kept in range in every command: argparse errors, exit 2, one line.

Run as a user does (``python -m smartcheck ...`` in a temporary directory). Every
case is refused while the options are parsed, so no model loads and no server starts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import assert_usage_error, run_cli

from smartcheck.cli import MAX_EXERCISES, MAX_JOBS, MAX_SUGGESTIONS, PORTS, build_parser

AUDIT = ["audit", "plans.csv", "--out", "r.csv"]
GOAL = "I will walk 20 minutes every day"

#: (command line, fragment of the one stderr line)
OUT_OF_RANGE = [
    ([*AUDIT, "--jobs", "0"], "--jobs: 0 is out of range (1-64)"),
    ([*AUDIT, "--jobs", str(MAX_JOBS + 1)], f"--jobs: {MAX_JOBS + 1} is out of range"),
    ([*AUDIT, "--jobs", "100000000000000000000"], "is out of range"),
    ([*AUDIT, "--jobs", "two"], "--jobs: 'two' is not a whole number"),
    (["suggest", GOAL, "-n", "0"], "-n/--count: 0 is out of range (1-10)"),
    (["suggest", GOAL, "-n", "-3"], "-n/--count: -3 is out of range"),
    (["suggest", GOAL, "--count", str(MAX_SUGGESTIONS + 1)], "is out of range (1-10)"),
    (["suggest", GOAL, "-n", "2.5"], "'2.5' is not a whole number"),
    (["suggest", GOAL, "--reference-date", "tomorrow"], "not a date (YYYY-MM-DD)"),
    (["practice", "--count", "0"], "-n/--count: 0 is out of range (1-100)"),
    (["practice", "-n", str(MAX_EXERCISES + 1)], "is out of range (1-100)"),
    (["serve", "--port", "0"], "--port: 0 is out of range (1-65535)"),
    (["serve", "--port", "65536"], "--port: 65536 is out of range"),
    (["serve", "--port", "http"], "--port: 'http' is not a whole number"),
    (["serve", "--workers", "0"], "--workers: 0 is out of range (1-64)"),
    (["serve", "--workers", str(MAX_JOBS + 1)], "--workers: 65 is out of range"),
    (["serve", "--max-body-bytes", "0"], "--max-body-bytes: 0 is out of range (at least 1)"),
    (["serve", "--max-batch-items", "-1"], "--max-batch-items: -1 is out of range"),
    (["serve", "--max-context-chars", "0"], "--max-context-chars: 0 is out of range"),
    (["serve", "--analysis-timeout", "0"], "--analysis-timeout: 0 is out of range (above 0)"),
    (["serve", "--header-timeout", "-5"], "--header-timeout: -5 is out of range"),
    (["serve", "--body-timeout", "inf"], "--body-timeout: inf is out of range"),
    (["serve", "--body-timeout", "nan"], "--body-timeout: nan is out of range"),
    (["check", GOAL, "--fail-under", "nan"], "--fail-under: nan is out of range (0-100)"),
]


@pytest.mark.parametrize(
    ("argv", "fragment"), OUT_OF_RANGE, ids=[" ".join(argv[-2:]) for argv, _ in OUT_OF_RANGE]
)
def test_out_of_range_option_exits_2_with_one_line(
    tmp_path: Path, argv: list[str], fragment: str
) -> None:
    (tmp_path / "plans.csv").write_text(f"id,goal\ng1,{GOAL}\n", encoding="utf-8")
    (tmp_path / "smartcheck.toml").write_text("", encoding="utf-8")  # stop the upward search
    proc = run_cli(*argv, cwd=tmp_path)
    assert_usage_error(proc, fragment)
    assert not (tmp_path / "r.csv").exists()


#: The limits themselves are accepted (parsed only: nothing runs).
AT_THE_LIMITS = [
    ([*AUDIT, "--jobs", str(MAX_JOBS)], "jobs", MAX_JOBS),
    ([*AUDIT, "--jobs", "1"], "jobs", 1),
    (["suggest", GOAL, "-n", "1"], "n", 1),
    (["suggest", GOAL, "--count", str(MAX_SUGGESTIONS)], "n", MAX_SUGGESTIONS),
    (["practice", "--count", str(MAX_EXERCISES)], "count", MAX_EXERCISES),
    (["practice", "-n", "1"], "count", 1),
    (["serve", "--port", str(PORTS[1])], "port", PORTS[1]),
    (["serve", "--port", str(PORTS[0])], "port", PORTS[0]),
    (["serve", "--workers", str(MAX_JOBS)], "workers", MAX_JOBS),
    (["serve", "--analysis-timeout", "0.5"], "analysis_timeout", 0.5),
]


@pytest.mark.parametrize(("argv", "dest", "value"), AT_THE_LIMITS)
def test_values_at_the_limits_are_accepted(argv: list[str], dest: str, value: object) -> None:
    assert getattr(build_parser().parse_args(argv), dest) == value
