"""Run the installed ``smartcheck`` command as a user does, in a subprocess."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

TIMEOUT = 300


def command() -> list[str]:
    """Return the command line that starts the CLI with this interpreter."""
    return [sys.executable, "-m", "smartcheck"]


def run_cli(
    *args: str,
    cwd: Path,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``smartcheck ARGS`` in ``cwd`` and capture its output."""
    return subprocess.run(
        [*command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, **(env or {})},
    )


def assert_usage_error(proc: subprocess.CompletedProcess[str], fragment: str) -> None:
    """Exit status 2, one line on stderr naming the problem, no traceback, nothing on stdout."""
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("smartcheck"), lines[0]
    assert fragment in lines[0], lines[0]
    assert proc.stdout == ""


def run_on_terminal(*args: str, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on a pseudo-terminal; return status and output."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*command(), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **env},
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=TIMEOUT), b"".join(chunks).decode("utf-8", "replace")
