"""JSON Schema of the public models, so apps in other languages can validate output."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter

from smartcheck.models import (
    SCHEMA_VERSION,
    AnalysisFailure,
    DimensionScore,
    Elements,
    Evidence,
    Finding,
    Goal,
    GoalAnalysis,
    Provenance,
    Suggestion,
)

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: One item of ``analyze_many`` output: an analysis or a failure, told apart by ``ok``.
AnalysisResult = Annotated[GoalAnalysis | AnalysisFailure, Field(discriminator="ok")]

#: Models read by smartcheck; everything else is only written.
_INPUT_MODELS: tuple[type[BaseModel], ...] = (Goal,)
_OUTPUT_MODELS: tuple[type[BaseModel], ...] = (
    GoalAnalysis,
    AnalysisFailure,
    Finding,
    Suggestion,
    Elements,
    Evidence,
    DimensionScore,
    Provenance,
)


def json_schemas() -> dict[str, dict[str, Any]]:
    """Return ``{name: JSON Schema}`` for every public model, in a fixed order."""
    schemas: dict[str, dict[str, Any]] = {}
    for model in _INPUT_MODELS:
        schemas[model.__name__] = _document(model.model_json_schema(mode="validation"))
    for model in _OUTPUT_MODELS:
        schemas[model.__name__] = _document(model.model_json_schema(mode="serialization"))
    result: TypeAdapter[Any] = TypeAdapter(AnalysisResult)
    schemas["AnalysisResult"] = _document(
        {"title": "AnalysisResult", **result.json_schema(mode="serialization")}
    )
    return schemas


def render(schema: dict[str, Any]) -> str:
    """Serialise one schema the way it is committed: indented, ending in a newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_filename(name: str) -> str:
    """Return the file name a model's schema is written to."""
    return f"{name}.schema.json"


def _document(schema: dict[str, Any]) -> dict[str, Any]:
    """Put the dialect and the smartcheck schema version in front of ``schema``."""
    return {"$schema": JSON_SCHEMA_DIALECT, "x-smartcheck-schema-version": SCHEMA_VERSION, **schema}
