"""Validate resources against the R4 models of ``fhir.resources`` (optional extra).

``fhir.resources`` ships R5 by default; its ``R4B`` package carries R4's Goal and CarePlan
unchanged, so that is what smartcheck validates against. One rule of Goal that the
models do not check (gol-1: a target ``detail`` needs a ``measure``) is checked here.
"""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import ValidationError

_MODULES = {"Goal": "goal", "CarePlan": "careplan", "Bundle": "bundle", "Condition": "condition"}


class FhirExtraMissingError(ImportError):
    """``fhir.resources`` is not installed."""


def validate(resource: dict[str, Any]) -> list[str]:
    """Return the problems that make ``resource`` invalid R4 (empty when it is valid).

    Raises :class:`FhirExtraMissingError` without ``pip install 'smartcheck[fhir]'``.
    """
    kind = resource.get("resourceType")
    model = _model(kind if isinstance(kind, str) else "")
    if model is None:
        return [f"resourceType {kind!r} is not validated (Goal, CarePlan, Bundle, Condition)"]
    try:
        model.model_validate(resource)
    except ValidationError as err:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
    return goal_rules(resource) if kind == "Goal" else []


def goal_rules(goal: dict[str, Any]) -> list[str]:
    """Return violations of the Goal invariant gol-1 (a detail needs a measure)."""
    problems = []
    for number, target in enumerate(goal.get("target") or []):
        has_detail = any(key.startswith("detail") for key in target)
        if has_detail and "measure" not in target:
            problems.append(f"target.{number}: gol-1: a detail needs a measure")
    return problems


def available() -> bool:
    """Return True when ``fhir.resources`` is installed."""
    try:
        importlib.import_module("fhir.resources.R4B.goal")
    except ImportError:
        return False
    return True


def _model(kind: str) -> Any:
    module_name = _MODULES.get(kind)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(f"fhir.resources.R4B.{module_name}")
    except ImportError as err:
        raise FhirExtraMissingError(
            "validating FHIR needs fhir.resources: pip install 'smartcheck[fhir]'"
        ) from err
    return getattr(module, kind)
