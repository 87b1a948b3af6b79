"""``smartcheck schema``: write the JSON Schema of the public models."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from smartcheck.cli import ExitStatus
from smartcheck.errors import InputError
from smartcheck.schema import json_schemas, render, schema_filename


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        help="write the JSON Schema of the output models",
        description=(
            "Write one JSON Schema file per public model (GoalAnalysis, AnalysisFailure, "
            "AnalysisResult, Goal, Finding, ...) into DIR, or print them all as one JSON "
            "object keyed by model name."
        ),
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="directory to write into")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write or print the schemas."""
    schemas = json_schemas()
    if args.out is None:
        sys.stdout.write(json.dumps(schemas, indent=2, ensure_ascii=False) + "\n")
        return ExitStatus.OK
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: not a directory (schema writes one file per model)")
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        path = out / schema_filename(name)
        path.write_text(render(schema), encoding="utf-8")
        print(path)
    return ExitStatus.OK
