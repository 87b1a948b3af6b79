"""``smartcheck serve``: options, and a clear message without the server extra."""

from __future__ import annotations

import argparse
import sys

import pytest

from smartcheck.cli import ExitStatus
from smartcheck.commands import serve


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    return parser.parse_args(["serve", *argv])


def test_serve_defaults_to_loopback() -> None:
    args = _parse([])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8000, 1)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--port", "9001", "--workers", "3"], {"port": 9001, "workers": 3}),
        (["--max-body-bytes", "5000"], {"max_body_bytes": 5000}),
        (
            ["--max-batch-items", "10", "--no-access-log"],
            {"max_batch_items": 10, "no_access_log": True},
        ),
    ],
)
def test_serve_parses_options(argv: list[str], expected: dict[str, object]) -> None:
    args = vars(_parse(argv))
    assert {k: args[k] for k in expected} == expected


def test_serve_without_the_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes ``import uvicorn`` fail
    assert serve.run(_parse([])) == ExitStatus.USAGE
    assert "smartcheck[server]" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["--workers", "0"],
        ["--workers", "65"],
        ["--port", "0"],
        ["--port", "65536"],
        ["--max-body-bytes", "0"],
        ["--analysis-timeout", "0"],
        ["--body-timeout", "nan"],
    ],
)
def test_serve_refuses_bad_limits(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # Refused while parsing, before uvicorn is imported (see tests/test_cli_option_ranges.py).
    with pytest.raises(SystemExit) as stop:
        _parse(argv)
    assert stop.value.code == ExitStatus.USAGE
    assert "out of range" in capsys.readouterr().err
