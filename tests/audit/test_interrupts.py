"""Interrupting ``smartcheck audit`` leaves no temporary report and no worker process behind.

``docker stop``, systemd and CI timeouts send SIGTERM; a terminal sends SIGINT. Either
one, halfway through a run, must remove the hidden temporary report and stop every
worker process, with ``--jobs 2`` too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

#: Goal wordings of different kinds, repeated to make a plan that takes a while to audit.
KINDS = (
    "I will walk 20 minutes daily for 4 weeks",
    "Client will ambulate 150 ft with min A in 4/5 trials by March 1",
    "Improve mood",
    "I will practise deep breathing 3x/wk to manage my anxiety",
)


def _plan(path: Path, rows: int) -> Path:
    lines = ["id,goal"] + [f"g{i},{KINDS[i % len(KINDS)]} ({i})" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _temp_files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.startswith(".report.") and p.suffix == ".tmp"]


def _wait_for_progress(proc: subprocess.Popen[bytes], directory: Path, timeout: float) -> None:
    """Wait until results are being written to the temporary report."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the audit ended before it could be interrupted ({proc.returncode})")
        if any(p.stat().st_size > 0 for p in _temp_files(directory)):
            return
        time.sleep(0.1)
    pytest.fail("the audit wrote no results in time")


@pytest.mark.parametrize(
    ("sig", "jobs"),
    [(signal.SIGTERM, 2), (signal.SIGINT, 2), (signal.SIGTERM, 1)],
    ids=["sigterm-jobs2", "sigint-jobs2", "sigterm-jobs1"],
)
def test_interrupt_removes_temp_file_and_stops_workers(
    tmp_path: Path, sig: signal.Signals, jobs: int
) -> None:
    plan = _plan(tmp_path / "plan.csv", 20_000)
    out = tmp_path / "report.jsonl"
    argv = [sys.executable, "-m", "smartcheck", "audit", str(plan), "--out", str(out)]
    argv += ["--jobs", str(jobs), "--quiet", "--reference-date", "2026-01-05"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ)
    try:
        _wait_for_progress(proc, tmp_path, timeout=240)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= (jobs if jobs > 1 else 0)
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == (143 if sig == signal.SIGTERM else 130)
    assert b"Traceback" not in stderr
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []
    assert _temp_files(tmp_path) == []
    assert not out.exists()
