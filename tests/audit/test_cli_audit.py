"""Tests for ``smartcheck audit``: exit codes, reports, summary, errors."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from smartcheck.cli import ExitStatus, main

GOALS_CSV = "id,goal\ng1,I will walk 10 minutes daily\ng2,I will feel better\ng3,\n"


@pytest.fixture
def goals_csv(tmp_path: Path) -> Path:
    path = tmp_path / "goals.csv"
    path.write_text(GOALS_CSV, encoding="utf-8")
    return path


@pytest.mark.usefixtures("fake_analyzer")
@pytest.mark.parametrize(
    ("fail_under", "expected"),
    [(None, ExitStatus.OK), ("10", ExitStatus.OK), ("90", ExitStatus.FINDINGS)],
)
def test_fail_under_sets_exit_code(
    goals_csv: Path, tmp_path: Path, fail_under: str | None, expected: ExitStatus
) -> None:
    out = tmp_path / "report.jsonl"
    argv = ["audit", str(goals_csv), "--out", str(out), "--quiet"]
    if fail_under is not None:
        argv += ["--fail-under", fail_under]
    assert main(argv) == expected
    assert out.exists()


@pytest.mark.usefixtures("fake_analyzer")
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".html"])
def test_audit_writes_report_and_summary(
    goals_csv: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"report{suffix}"
    assert main(["audit", str(goals_csv), "--out", str(out)]) == ExitStatus.OK
    captured = capsys.readouterr()
    assert "audited 3 rows: 2 goals, 0 not goals, 1 errors" in captured.out
    assert captured.err == ""  # no progress bar when stderr is not a terminal
    if suffix == ".jsonl":
        records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in records] == ["g1", "g2", "g3"]
    elif suffix == ".csv":
        with out.open(encoding="utf-8-sig", newline="") as fh:
            assert [r["id"] for r in csv.DictReader(fh)] == ["g1", "g2", "g3"]
    else:
        assert "<svg" in out.read_text(encoding="utf-8")


@pytest.mark.usefixtures("fake_analyzer")
def test_column_options_reach_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "plans.tsv"
    path.write_text("ref\tobjective\tdx\nA\tI will walk 5 minutes\tknee\n", encoding="utf-8")
    out = tmp_path / "report.jsonl"
    argv = ["audit", str(path), "--out", str(out), "--quiet"]
    argv += ["--text-column", "objective", "--id-column", "ref", "--context-column", "dx"]
    assert main(argv) == ExitStatus.OK
    (record,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "A"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('id,goal\ng1,"unclosed\n', "line 2: malformed CSV"),
        ("id,summary\ng1,x\n", "no goal column"),
    ],
)
def test_broken_input_exits_2_and_leaves_no_report(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "report.csv"
    assert main(["audit", str(path), "--out", str(out), "--quiet"]) == ExitStatus.USAGE
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_unknown_report_extension_is_a_usage_error(goals_csv: Path, tmp_path: Path) -> None:
    assert main(["audit", str(goals_csv), "--out", str(tmp_path / "r.pdf")]) == ExitStatus.USAGE


@pytest.mark.parametrize("jobs", ["0", "-1"])
def test_jobs_must_be_positive(goals_csv: Path, tmp_path: Path, jobs: str) -> None:
    with pytest.raises(SystemExit):
        main(["audit", str(goals_csv), "--out", str(tmp_path / "r.csv"), "--jobs", jobs])


class _Terminal:
    """A stderr stand-in that says it is a terminal and keeps what was written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.usefixtures("fake_analyzer")
@pytest.mark.parametrize(("quiet", "expect_bar"), [(False, True), (True, False)])
def test_progress_bar_only_on_a_terminal_and_not_with_quiet(
    goals_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: bool, expect_bar: bool
) -> None:
    pytest.importorskip("tqdm")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    argv = ["audit", str(goals_csv), "--out", str(tmp_path / "r.jsonl")]
    assert main([*argv, "--quiet"] if quiet else argv) == ExitStatus.OK
    bar = "".join(terminal.parts)
    assert ("rows" in bar) is expect_bar
    if expect_bar:  # the row count is known up front: the bar shows the total and an ETA
        assert "/3 [" in bar
        assert re.search(r"\d/3 \[\d\d:\d\d<", bar)  # elapsed<remaining: an ETA field
