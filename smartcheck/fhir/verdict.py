"""The SMART verdict as a FHIR extension: build it, put it on a resource, read it back.

The extension is a complex one (nested extensions with relative urls) under
:data:`VERDICT_URL`; ``docs/fhir.md`` documents every part.
"""

from __future__ import annotations

from typing import Any

from smartcheck.models import GoalAnalysis

#: Canonical URL of the verdict extension, in the project's own namespace.
VERDICT_URL = "https://smartcheck.dev/fhir/StructureDefinition/smart-verdict"


def verdict_extension(analysis: GoalAnalysis) -> dict[str, Any]:
    """Return the verdict of ``analysis``: label, score, dimensions and findings."""
    parts: list[dict[str, Any]] = [
        {"url": "label", "valueString": analysis.label},
        {"url": "score", "valueDecimal": round(analysis.score, 1)},
        {"url": "profile", "valueCode": analysis.profile},
        {"url": "referenceDate", "valueDate": analysis.reference_date.isoformat()},
        {"url": "isGoal", "valueBoolean": analysis.is_goal},
    ]
    if analysis.non_goal is not None:
        parts.append({"url": "nonGoal", "valueCode": analysis.non_goal})
    for name, dim in analysis.dimensions.items():
        sub = [
            {"url": "name", "valueCode": name},
            {"url": "met", "valueBoolean": dim.met},
            {"url": "score", "valueDecimal": round(dim.score, 2)},
            {"url": "counted", "valueBoolean": dim.counted},
        ]
        parts.append({"url": "dimension", "extension": sub})
    for finding in analysis.findings:
        sub = [
            {"url": "id", "valueCode": finding.id},
            {"url": "dimension", "valueCode": finding.dimension},
            {"url": "severity", "valueCode": finding.severity},
        ]
        if finding.message.strip():
            sub.append({"url": "message", "valueString": finding.message})
        parts.append({"url": "finding", "extension": sub})
    parts.append({"url": "version", "valueString": analysis.provenance.smartcheck_version})
    return {"url": VERDICT_URL, "extension": parts}


def failure_extension(error: str, reason: str) -> dict[str, Any]:
    """Return the verdict of a goal that could not be analysed: the error code and reason."""
    parts: list[dict[str, Any]] = [{"url": "error", "valueCode": error}]
    if reason.strip():
        parts.append({"url": "reason", "valueString": reason})
    return {"url": VERDICT_URL, "extension": parts}


def with_verdict(resource: dict[str, Any], extension: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``resource`` carrying ``extension`` in place of any earlier verdict."""
    kept = [
        ext
        for ext in resource.get("extension") or []
        if not (isinstance(ext, dict) and ext.get("url") == VERDICT_URL)
    ]
    return {**resource, "extension": [*kept, extension]}


def read_verdict(resource: dict[str, Any]) -> dict[str, Any] | None:
    """Return the verdict on ``resource`` as a plain dict, or None when it carries none.

    Keys: ``label``, ``score``, ``profile``, ``referenceDate``, ``isGoal``, ``nonGoal``,
    ``version``, ``error``, ``reason``, ``dimensions`` (name -> {met, score, counted}) and
    ``findings`` (a list of {id, dimension, severity, message}).
    """
    extension = next(
        (
            ext
            for ext in resource.get("extension") or []
            if isinstance(ext, dict) and ext.get("url") == VERDICT_URL
        ),
        None,
    )
    if extension is None:
        return None
    verdict: dict[str, Any] = {"dimensions": {}, "findings": []}
    for part in extension.get("extension") or []:
        url = part.get("url")
        if url == "dimension":
            fields = _values(part)
            verdict["dimensions"][fields.pop("name", "")] = fields
        elif url == "finding":
            verdict["findings"].append(_values(part))
        else:
            verdict[url] = _value(part)
    return verdict


def _values(extension: dict[str, Any]) -> dict[str, Any]:
    return {part.get("url"): _value(part) for part in extension.get("extension") or []}


def _value(extension: dict[str, Any]) -> Any:
    return next((v for k, v in extension.items() if k.startswith("value")), None)
