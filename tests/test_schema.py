"""JSON Schema export: the committed docs/schema/ equals what the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartcheck.models import SCHEMA_VERSION
from smartcheck.schema import JSON_SCHEMA_DIALECT, json_schemas, render, schema_filename

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"
REGENERATE = "regenerate with: smartcheck schema --out docs/schema"


def test_committed_schema_files_match_the_models() -> None:
    generated = {schema_filename(name): render(s) for name, s in json_schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert sorted(committed) == sorted(generated), REGENERATE
    for name, text in generated.items():
        assert committed[name] == text, f"{name} is stale; {REGENERATE}"


@pytest.mark.parametrize(
    "name",
    ["GoalAnalysis", "AnalysisFailure", "AnalysisResult", "Goal", "Finding", "Suggestion"],
)
def test_schema_names_dialect_and_version(name: str) -> None:
    schema = json_schemas()[name]
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    assert schema["x-smartcheck-schema-version"] == SCHEMA_VERSION
    assert schema["title"] == name


@pytest.mark.parametrize("name", ["GoalAnalysis", "Goal", "Finding", "Evidence"])
def test_schemas_forbid_unknown_fields(name: str) -> None:
    assert json_schemas()[name]["additionalProperties"] is False


def test_analysis_result_is_told_apart_by_ok() -> None:
    schema = json_schemas()["AnalysisResult"]
    assert schema["discriminator"]["propertyName"] == "ok"
    assert len(schema["oneOf"]) == 2


def test_render_is_stable_json() -> None:
    schema = json_schemas()["Goal"]
    text = render(schema)
    assert text.endswith("}\n")
    assert json.loads(text) == schema
    assert render(json_schemas()["Goal"]) == text
