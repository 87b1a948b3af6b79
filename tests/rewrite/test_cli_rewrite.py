"""The ``suggest`` and ``practice`` commands, run the way a user runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from smartcheck.cli import ExitStatus, main

pytestmark = pytest.mark.model


def test_cli_suggest_text(capsys):
    status = main(["suggest", "I want to be stronger", "--reference-date", "2026-01-05"])
    out = capsys.readouterr().out
    assert status == ExitStatus.OK
    assert out.startswith("1. I will ")
    assert "action:" in out


def test_cli_suggest_json(capsys):
    status = main(["suggest", "I will journal more", "--json", "-n", "2"])
    payload = json.loads(capsys.readouterr().out)
    assert status == ExitStatus.OK
    assert 1 <= len(payload["suggestions"]) <= 2
    assert payload["suggestions"][0]["sources"]["action"] in {"goal", "knowledge_base"}


def test_cli_suggest_not_a_goal(capsys):
    status = main(["suggest", "Did you walk today?"])
    out = capsys.readouterr().out
    assert status == ExitStatus.FINDINGS
    assert "specific.not_a_goal" in out


def test_cli_suggest_gas(capsys):
    text = "I will walk for 15 minutes each day for the next two weeks"
    status = main(["suggest", text, "--gas", "--context", "recovering from a knee injury"])
    out = capsys.readouterr().out
    assert status == ExitStatus.OK
    assert "specific.already_smart" in out
    assert "+2 I will walk for 25 minutes each day" in out


def test_cli_practice_piped(monkeypatch, capsys):
    rewrite = "I will practice deep breathing every day for 10 minutes for the next 4 weeks\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(rewrite))
    status = main(["practice", "--id", "mh-01"])
    out = capsys.readouterr().out
    assert status == ExitStatus.OK
    assert "verdict:" in out
    assert "[M: " in out or "[S: " in out
    assert "1 exercise(s) completed." in out


def test_cli_practice_stops_on_empty_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert main(["practice", "--count", "2", "--seed", "1"]) == ExitStatus.OK
    assert "0 exercise(s) completed." in capsys.readouterr().out


def test_cli_practice_subprocess():
    proc = subprocess.run(
        [sys.executable, "-m", "smartcheck", "practice", "--id", "pt-02"],
        input="I will walk for 10 minutes every day for the next two weeks\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "verdict:" in proc.stdout
