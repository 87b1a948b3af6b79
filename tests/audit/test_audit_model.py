"""End-to-end audits with the real analyzer: worker processes, the CLI as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from smartcheck.audit import Auditor, open_report

pytestmark = pytest.mark.model

REFERENCE_DATE = dt.date(2026, 1, 5)
GOALS = [
    ("p1", "I will walk for 20 minutes five days a week for the next 6 weeks", "knee rehab"),
    ("p2", "Client will feel less anxious", ""),
    ("p3", "", ""),
    ("p4", "Pt will name 3 coping skills with 80% accuracy in 4/5 trials by March 1", "anxiety"),
    ("p5", '=HYPERLINK("http://x") I will journal every night before bed', ""),
    ("p6", "I will always be perfectly calm", "panic disorder"),
    ("p7", "<b>I will</b> attend one support group meeting each week this month", ""),
    ("p8", "Reduce my PHQ-9 score to below 10 within 12 weeks", "depression"),
]


@pytest.fixture(scope="module")
def goal_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model") / "plans.csv"
    lines = ["id,goal,context"]
    lines += [f'{i},"{t.replace(chr(34), chr(34) * 2)}",{c}' for i, t, c in GOALS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _report(path: Path, jobs: int, out: Path) -> str:
    run = Auditor(reference_date=REFERENCE_DATE, jobs=jobs, batch_size=3).run(path)
    with open_report(out) as writer:
        for result in run:
            writer.write(result)
        writer.finish(run.summary)
    return out.read_text(encoding="utf-8")


def test_audit_with_the_real_analyzer_keeps_every_row(goal_csv: Path, tmp_path: Path) -> None:
    records = [json.loads(x) for x in _report(goal_csv, 1, tmp_path / "r.jsonl").splitlines()]
    assert [r["id"] for r in records] == [g[0] for g in GOALS]
    assert [r["ok"] for r in records] == [True, True, False, True, True, True, True, True]
    assert records[2]["error"] == "empty"
    assert records[0]["label"] in {"SMART", "Partially SMART"}
    assert records[1]["label"] == "Not SMART"


def test_two_jobs_give_the_same_report_as_one(goal_csv: Path, tmp_path: Path) -> None:
    one = _report(goal_csv, 1, tmp_path / "one.jsonl")
    two = _report(goal_csv, 2, tmp_path / "two.jsonl")
    assert one == two


def test_cli_subprocess_writes_html_and_gates(goal_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    cmd = [sys.executable, "-m", "smartcheck", "audit", str(goal_csv), "--out", str(out)]
    cmd += ["--reference-date", "2026-01-05", "--fail-under", "100"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr  # the report is written, then the gate fails
    # p5 starts with a formula: junk, kept out of the goals and the mean (issue 12)
    # p5 starts with a formula but carries goal words: a goal, its cell neutralised
    assert "audited 8 rows: 7 goals, 0 not goals, 1 errors" in done.stdout
    page = out.read_text(encoding="utf-8")
    assert "<b>I will</b>" not in page and "&lt;b&gt;" in page
    assert page.count('<rect class="bar"') >= 3


def test_cli_audits_a_note(tmp_path: Path) -> None:
    note = tmp_path / "session.txt"
    note.write_text(
        "Client reports low mood and poor sleep.\nGoals setting: 1. Go for a 20-minute walk "
        "every morning (confidence 7/10). 2. Call a friend twice a week. Client will think "
        "about other options.",
        encoding="utf-8",
    )
    out = tmp_path / "audit.csv"
    cmd = [sys.executable, "-m", "smartcheck", "audit", str(note), "--notes", "--out", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("session#1,Go for a 20-minute walk every morning")
    assert lines[2].startswith("session#2,Call a friend twice a week")
    assert len(lines) == 3


def test_html_report_suggests_a_rewrite_for_weak_goals(goal_csv: Path, tmp_path: Path) -> None:
    html = _report(goal_csv, 1, tmp_path / "r.html")
    assert 'class="suggestion">Try: <bdi>' in html
