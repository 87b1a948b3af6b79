"""``smartcheck schema``: one file per model into --out, or one JSON object on stdout."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from smartcheck.cli import ExitStatus
from smartcheck.commands import schema as schema_command
from smartcheck.schema import json_schemas, render, schema_filename


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    schema_command.register(parser.add_subparsers())
    return parser.parse_args(["schema", *argv])


def test_schema_writes_one_file_per_model(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "schema"
    assert schema_command.run(_parse(["--out", str(out)])) == ExitStatus.OK
    schemas = json_schemas()
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_filename(n) for n in schemas)
    for name, schema in schemas.items():
        assert (out / schema_filename(name)).read_text(encoding="utf-8") == render(schema)


def test_schema_prints_all_models_without_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_command.run(_parse([])) == ExitStatus.OK
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schemas()
