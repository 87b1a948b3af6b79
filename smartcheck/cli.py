"""Command-line entry point: a thin argument layer over the library.

Each subcommand lives in ``smartcheck/commands/<name>.py`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
callable ``(argparse.Namespace) -> int``. Only the CLI writes to
stdout/stderr.

Exit codes: 0 ok, 1 findings over a threshold (``--fail-under``), 2 usage or
input error with one line on stderr and never a traceback, 130 interrupted.
A reader that closes the pipe early (``| head``) ends the run quietly with
status 141, as ``cat`` and ``grep`` do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import importlib
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

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

COLOR_CHOICES = ("auto", "always", "never")

#: Most worker processes ``audit --jobs`` and ``serve --workers`` start. Each one loads its
#: own copy of the model (about 230 MB), so more than this only exhausts memory; the gain
#: stops at the number of cores long before.
MAX_JOBS = 64
#: Most suggestions ``suggest -n`` asks for (the service's ``n`` has the same limit).
MAX_SUGGESTIONS = 10
#: Most exercises one ``practice --count`` session draws.
MAX_EXERCISES = 100
#: TCP ports ``serve --port`` binds (0, "any free port", would leave the port unknown).
PORTS = (1, 65535)


class ExitStatus(enum.IntEnum):
    """Process exit codes of the ``smartcheck`` command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class CliParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``prog: error: message`` and a pointer to ``--help`` on one line, then exit 2."""
        self.exit(ExitStatus.USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with every registered subcommand."""
    parser = CliParser(
        prog="smartcheck",
        description="Explainable SMART scoring of therapy goals.",
    )
    parser.add_argument("--version", action="version", version=f"smartcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def error_line(message: object) -> str:
    """Return ``message`` as the single stderr line of a usage or input error."""
    text = " ".join(str(message).split())
    return f"smartcheck: error: {text}"


def os_error_message(err: OSError) -> str:
    """Describe a file-system error in one line, naming the path."""
    reason = err.strerror or str(err)
    if err.filename is not None:
        return f"{err.filename}: {reason}"
    return reason


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitStatus.USAGE
    try:
        status = int(args.func(args))
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except SmartCheckError as err:
        print(error_line(err), file=sys.stderr)
        return ExitStatus.USAGE
    except OSError as err:
        print(error_line(os_error_message(err)), file=sys.stderr)
        return ExitStatus.USAGE
    except UnicodeError as err:  # e.g. undecodable standard input
        print(error_line(f"cannot decode or encode text: {err}"), file=sys.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("smartcheck: interrupted", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    return status


def _quiet_broken_pipe() -> int:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout replaced by an object without a descriptor
        pass
    return ExitStatus.BROKEN_PIPE


# --------------------------------------------------------------------------- shared options


def add_color_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--color {auto,always,never}`` (``auto`` honours ``NO_COLOR`` and the terminal)."""
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the output: auto (default; off when NO_COLOR is set or not a terminal), "
        "always, never",
    )


def use_color(choice: str, stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Decide whether to colour ``stream`` (https://no-color.org: a non-empty NO_COLOR wins)."""
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never" or env.get("NO_COLOR", ""):
        return False
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def score_in_range(value: str) -> float:
    """Parse a score between 0 and 100 (argparse type)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 100.0:
        raise argparse.ArgumentTypeError(f"{value} is out of range (0-100)")
    return number


def positive_int(value: str) -> int:
    """Parse an integer of at least 1 (argparse type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is out of range (at least 1)")
    return number


def int_in_range(low: int, high: int) -> Callable[[str], int]:
    """Return an argparse type that parses a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low}-{high})")
        return number

    parse.__name__ = f"int_{low}_{high}"
    return parse


def positive_float(value: str) -> float:
    """Parse a finite number above 0, such as a time limit in seconds (argparse type)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(f"{value} is out of range (above 0)")
    return number


def iso_date(value: str) -> dt.date:
    """Parse a YYYY-MM-DD date (argparse type)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None
