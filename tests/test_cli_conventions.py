"""CLI conventions, checked by running the installed command as a user does.

Exit codes: 0 ok, 1 only below a ``--fail-under`` threshold, 2 for every usage or
input error with one line on stderr and never a traceback; a closed pipe ends quietly.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_helpers import TIMEOUT, assert_usage_error, command, run_cli, run_on_terminal

pytestmark = pytest.mark.model

PLANS = "id,goal\ng1,I will walk 20 minutes every day for 4 weeks\ng2,I will feel better\n"
WEAK = "I will feel better"
STRONG = "I will walk 20 minutes every day for the next 4 weeks to manage my knee pain"
ESC = "\x1b["


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working directory with a small plan, a goal list and a few awkward paths."""
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    (tmp_path / "goals.txt").write_text(f"{STRONG}\n\n{WEAK}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "dir.csv").mkdir()
    (tmp_path / "link.csv").symlink_to(tmp_path / "plans.csv")
    (tmp_path / "hard.csv").hardlink_to(tmp_path / "plans.csv")
    (tmp_path / "smartcheck.toml").write_text("", encoding="utf-8")  # stop the upward search
    return tmp_path


# --------------------------------------------------------------------------- exit status 2

USAGE_ERRORS = [
    # out-of-range option values are argparse errors
    (["check", "--fail-under", "150", "x"], "--fail-under: 150 is out of range (0-100)"),
    (["check", "--fail-under", "-1", "x"], "--fail-under: -1 is out of range"),
    (["check", "--fail-under", "lots", "x"], "'lots' is not a number"),
    (["audit", "plans.csv", "--out", "r.csv", "--jobs", "0"], "--jobs: 0 is out of range"),
    (["audit", "plans.csv", "--out", "r.csv", "--reference-date", "2026-13-01"], "not a date"),
    (["audit", "plans.csv", "--out", "r.csv", "--color", "pink"], "invalid choice"),
    (["audit", "plans.csv"], "--out"),
    (["frobnicate"], "invalid choice"),
    # missing inputs
    (["audit", "missing.csv", "--out", "r.csv"], "missing.csv: no such file"),
    (["check", "--file", "missing.txt"], "missing.txt: no such file"),
    (["check"], "give a goal"),
    # --out never resolves to an input, however it is spelled
    (["audit", "plans.csv", "--out", "plans.csv"], "is the input plans.csv"),
    (["audit", "plans.csv", "--out", "sub/../plans.csv"], "is the input plans.csv"),
    (["audit", "plans.csv", "--out", "link.csv"], "is the input plans.csv"),
    (["audit", "plans.csv", "--out", "hard.csv"], "is the input plans.csv"),
    (["audit", "link.csv", "--out", "plans.csv"], "is the input link.csv"),
    # reports that cannot be written
    (["audit", "plans.csv", "--out", "nodir/r.csv"], "does not exist"),
    (["audit", "plans.csv", "--out", "dir.csv"], "is a directory"),
    (["audit", "plans.csv", "--out", "/proc/smartcheck-report.csv"], "/proc"),
    (["audit", "plans.csv", "--out", "r.pdf"], "cannot tell the report format"),
    (["schema", "--out", "plans.csv"], "not a directory"),
    (["schema", "--out", "/proc/smartcheck-schemas"], "/proc/smartcheck-schemas"),
    # bad settings
    (["audit", "plans.csv", "--out", "r.csv", "--profile", "nope"], "unknown profile 'nope'"),
    (["check", "x", "--ignore", "no.such_finding"], "matches no finding id"),
    (["audit", "plans.csv", "--out", "r.csv", "--text-column", "Aim"], "no goal column named"),
]


@pytest.mark.parametrize(
    ("argv", "fragment"), USAGE_ERRORS, ids=[" ".join(argv) for argv, _ in USAGE_ERRORS]
)
def test_usage_and_input_errors_exit_2_with_one_line(
    work: Path, argv: list[str], fragment: str
) -> None:
    proc = run_cli(*argv, cwd=work)
    assert_usage_error(proc, fragment)
    assert not (work / "r.csv").exists()
    assert not list(work.glob(".r.csv.*"))  # no temp file left behind
    assert (work / "plans.csv").read_text(encoding="utf-8") == PLANS


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ("fail-under = 150\n", "smartcheck.toml: fail-under"),
        ("colour = 'red'\n", "colour: Extra inputs are not permitted"),
        ("text-column = [\n", "not valid TOML"),
        ("ignore = ['time_bound.no_such']\n", "matches no finding id"),
    ],
)
def test_bad_config_file_is_a_usage_error(work: Path, config: str, fragment: str) -> None:
    (work / "smartcheck.toml").write_text(config, encoding="utf-8")
    assert_usage_error(run_cli("check", WEAK, cwd=work), fragment)


# --------------------------------------------------------------------------- closed pipes


def _read_one_line_then_close(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    proc = subprocess.Popen(
        [*command(), *argv],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    status = proc.wait(timeout=TIMEOUT)
    err = proc.stderr.read()
    proc.stderr.close()
    return status, first, err


def test_check_into_a_closed_pipe_ends_quietly(work: Path) -> None:
    goals = [f"I will walk {n} minutes every day for {n} weeks" for n in range(1, 41)]
    (work / "many.txt").write_text("\n".join(goals), encoding="utf-8")
    status, first, err = _read_one_line_then_close(["check", "--file", "many.txt", "--json"], work)
    assert json.loads(first)["text"] == goals[0]
    assert err == ""  # no traceback, no "Exception ignored" from the final flush
    assert status == 141  # what cat or grep report when the reader goes away


def test_audit_to_stdout_into_a_closed_pipe_ends_quietly(work: Path) -> None:
    rows = "".join(f"g{n},I will walk {n} minutes every day for {n} weeks\n" for n in range(60))
    (work / "big.csv").write_text("id,goal\n" + rows, encoding="utf-8")
    argv = ["audit", "big.csv", "--out", "-", "--quiet", "--no-suggestions"]
    status, first, err = _read_one_line_then_close(argv, work)
    assert json.loads(first)["id"] == "g0"
    assert err == ""
    assert status == 141


# --------------------------------------------------------------------------- check


def _analyses(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_check_scores_several_goals_in_order(work: Path) -> None:
    proc = run_cli("check", STRONG, WEAK, "--json", "--reference-date", "2026-01-05", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert [a["text"] for a in _analyses(proc.stdout)] == [STRONG, WEAK]


def test_check_reads_a_file_one_goal_per_line(work: Path) -> None:
    proc = run_cli("check", "--file", "goals.txt", "--json", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert [a["text"] for a in _analyses(proc.stdout)] == [STRONG, WEAK]  # blank line skipped


@pytest.mark.parametrize("argv", [["check", "-"], ["check", "--file", "-"]])
def test_check_dash_reads_standard_input_never_the_goal_dash(work: Path, argv: list[str]) -> None:
    proc = run_cli(*argv, "--json", cwd=work, stdin=f"{WEAK}\n{STRONG}\n")
    assert proc.returncode == 0, proc.stderr
    texts = [a["text"] for a in _analyses(proc.stdout)]
    assert texts == [WEAK, STRONG]
    assert "-" not in texts


def test_check_empty_standard_input_is_a_usage_error(work: Path) -> None:
    assert_usage_error(run_cli("check", "-", cwd=work, stdin="\n  \n"), "standard input: no goals")


@pytest.mark.parametrize(
    ("threshold", "status"), [("0", 0), ("50", 1), ("100", 1)], ids=["0", "50", "100"]
)
def test_check_fail_under_exits_1_when_a_goal_scores_below(
    work: Path, threshold: str, status: int
) -> None:
    proc = run_cli("check", STRONG, WEAK, "--fail-under", threshold, cwd=work)
    assert proc.returncode == status, proc.stderr
    assert "Traceback" not in proc.stderr
    if status == 1:
        assert f"below --fail-under {threshold}" in proc.stderr


def test_audit_fail_under_exits_1_and_still_writes_the_report(work: Path) -> None:
    proc = run_cli("audit", "plans.csv", "--out", "r.jsonl", "--fail-under", "99", cwd=work)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len((work / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 2


# --------------------------------------------------------------------------- colour


@pytest.mark.parametrize(
    ("argv", "env", "colored"),
    [
        ([], {}, True),  # a terminal, no NO_COLOR: colour
        ([], {"NO_COLOR": "1"}, False),  # https://no-color.org
        (["--color", "never"], {}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # an explicit flag wins
    ],
    ids=["auto", "NO_COLOR", "never", "always-over-NO_COLOR"],
)
def test_check_colour_follows_no_color_and_the_flag(
    work: Path, argv: list[str], env: dict[str, str], colored: bool
) -> None:
    env = {"TERM": "xterm", **env}
    if "NO_COLOR" not in env:
        env["NO_COLOR"] = ""  # empty counts as unset
    status, output = run_on_terminal("check", STRONG, *argv, cwd=work, env=env)
    assert status == 0, output
    assert (ESC in output) is colored


def test_check_output_into_a_pipe_has_no_colour(work: Path) -> None:
    proc = run_cli("check", STRONG, cwd=work, env={"NO_COLOR": ""})
    assert proc.returncode == 0 and ESC not in proc.stdout


# --------------------------------------------------------------------------- config file


def test_config_is_found_upwards_and_flags_override_it(work: Path) -> None:
    (work / "smartcheck.toml").write_text(
        'profile = "coaching"\nfail-under = 99\nignore = ["time_bound.*"]\n', encoding="utf-8"
    )
    deep = work / "sub" / "deeper"
    deep.mkdir()
    proc = run_cli("check", WEAK, "--json", cwd=deep)
    assert proc.returncode == 1, proc.stderr  # fail-under 99 from the file
    analysis = json.loads(proc.stdout)
    assert analysis["profile"] == "coaching"
    assert not [f for f in analysis["findings"] if f["id"].startswith("time_bound.")]
    flags = run_cli("check", WEAK, "--json", "--fail-under", "0", "--profile", "therapy", cwd=deep)
    assert flags.returncode == 0, flags.stderr
    assert json.loads(flags.stdout)["profile"] == "therapy"
    bare = run_cli("check", WEAK, "--json", "--no-config", cwd=deep)
    assert bare.returncode == 0 and json.loads(bare.stdout)["profile"] == "therapy"


def test_pyproject_tool_table_is_read_and_smartcheck_toml_wins(work: Path) -> None:
    (work / "smartcheck.toml").unlink()
    project = work / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.smartcheck]\ntext-column = ["Aim", "Plan"]\n'
        "fail-under = 10\n",
        encoding="utf-8",
    )
    (project / "aims.csv").write_text(f"Aim\n{STRONG}\n", encoding="utf-8")
    proc = run_cli("audit", "aims.csv", "--out", "r.jsonl", "--quiet", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((project / "r.jsonl").read_text(encoding="utf-8"))["text"] == STRONG
    (project / "smartcheck.toml").write_text("fail-under = 100\n", encoding="utf-8")
    proc = run_cli("audit", "aims.csv", "--out", "r.jsonl", "--quiet", cwd=project)
    assert_usage_error(proc, "no goal column")  # smartcheck.toml replaces the whole table


def test_explicit_config_path(work: Path) -> None:
    (work / "team.toml").write_text("fail-under = 100\n", encoding="utf-8")
    proc = run_cli("check", WEAK, "--config", "team.toml", cwd=work)
    assert proc.returncode == 1, proc.stderr
    assert_usage_error(run_cli("check", WEAK, "--config", "none.toml", cwd=work), "none.toml")


def test_report_files_are_private_to_their_owner(work: Path) -> None:
    old = os.umask(0o022)
    try:
        (work / "r.jsonl").write_text("old\n", encoding="utf-8")
        (work / "r.jsonl").chmod(0o644)
        proc = run_cli("audit", "plans.csv", "--out", "r.jsonl", "--quiet", cwd=work)
    finally:
        os.umask(old)
    assert proc.returncode == 0, proc.stderr
    assert (work / "r.jsonl").stat().st_mode & 0o777 == 0o600


def test_audit_report_to_standard_output_in_a_chosen_format(work: Path) -> None:
    proc = run_cli(
        "audit", "plans.csv", "--out", "-", "--format", "csv", "--no-suggestions", cwd=work
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id,text,label,score,")
    assert [line.split(",")[0] for line in lines[1:]] == ["g1", "g2"]
    assert "audited 2 rows" in proc.stderr  # the summary moves to stderr, off the report
