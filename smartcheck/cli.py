"""Command-line entry point: a thin argument layer over the library.

Each subcommand lives in ``smartcheck/commands/<name>.py`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
callable ``(argparse.Namespace) -> int``. Only the CLI writes to
stdout/stderr. Exit codes: 0 ok, 1 findings over a threshold, 2 usage or
input error.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import sys
from collections.abc import Sequence

from smartcheck import __version__
from smartcheck.errors import SmartCheckError

#: Subcommand modules, in the order they are listed in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "smartcheck.commands.check",
    "smartcheck.commands.evaluate",
    "smartcheck.commands.audit",
    "smartcheck.commands.serve",
    "smartcheck.commands.schema",
    "smartcheck.commands.suggest",
    "smartcheck.commands.practice",
)


class ExitStatus(enum.IntEnum):
    """Process exit codes of the ``smartcheck`` command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="smartcheck",
        description="Explainable SMART scoring of therapy goals.",
    )
    parser.add_argument("--version", action="version", version=f"smartcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        return int(args.func(args))
    except SmartCheckError as err:
        print(f"smartcheck: error: {err}", file=sys.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("smartcheck: interrupted", file=sys.stderr)
        return 130
