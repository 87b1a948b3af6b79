"""Write a :class:`~smartcheck.models.GoalAnalysis` as an R4 ``Goal`` resource (a plain dict).

Field by field (see ``docs/fhir.md``): ``description.text`` is the goal text,
``lifecycleStatus`` is ``proposed``, ``startDate`` the reference date, the deadline or
period goes to ``target.dueDate`` or ``target.dueDuration``, each named outcome measure
to ``target.measure`` with a ``detail[x]`` from its comparator and target, the context
to ``addresses`` (display only), and the verdict to the extension at
:data:`~smartcheck.fhir.verdict.VERDICT_URL`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from smartcheck.fhir.codes import LOINC, UCUM, measure_coding
from smartcheck.fhir.verdict import verdict_extension
from smartcheck.models import GoalAnalysis, Measure, Timeframe

#: FHIR ``id``: 1 to 64 letters, digits, ``-`` and ``.``.
FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
#: The standard extension for a required element whose value is not known.
DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
#: ``Goal.subject`` is required in R4; without a subject we say it is unknown.
UNKNOWN_SUBJECT: dict[str, Any] = {
    "extension": [{"url": DATA_ABSENT_REASON, "valueCode": "unknown"}]
}


def to_goal(
    analysis: GoalAnalysis,
    *,
    subject: Mapping[str, Any] | None = None,
    lifecycle_status: str = "proposed",
) -> dict[str, Any]:
    """Return a valid R4 ``Goal`` (JSON-ready dict) for ``analysis``, with its verdict.

    ``subject`` is the Reference to the patient (for example ``{"reference": "Patient/1"}``);
    without it the subject is marked unknown with the data-absent-reason extension.
    """
    goal: dict[str, Any] = {"resourceType": "Goal"}
    if analysis.id is not None:
        if FHIR_ID.fullmatch(analysis.id):
            goal["id"] = analysis.id
        else:
            goal["identifier"] = [{"value": analysis.id}]
    goal["extension"] = [verdict_extension(analysis)]
    goal["lifecycleStatus"] = lifecycle_status
    goal["description"] = {"text": analysis.text}
    goal["subject"] = dict(subject) if subject is not None else UNKNOWN_SUBJECT
    goal["startDate"] = analysis.reference_date.isoformat()
    targets = goal_targets(analysis)
    if targets:
        goal["target"] = targets
    if analysis.context and analysis.context.strip():
        goal["addresses"] = [{"display": analysis.context}]
    return goal


def goal_targets(analysis: GoalAnalysis) -> list[dict[str, Any]]:
    """Return one target per named measure (each with the due date), or one due-only target.

    A measure named twice (a baseline and a target) gives one target: the one with a value.
    """
    due = due_of(analysis.elements.timeframes)
    named = [m for m in analysis.elements.measures if m.instrument]
    valued = {m.instrument for m in named if m.target is not None}
    targets: list[dict[str, Any]] = []
    for measure in named:
        if measure.target is None and measure.instrument in valued:
            continue
        target = {**measure_target(measure), **due}
        if target not in targets:
            targets.append(target)
    if not targets and due:
        targets = [due]
    return targets


def due_of(timeframes: tuple[Timeframe, ...]) -> dict[str, Any]:
    """Return ``dueDate`` from the first dated deadline, else ``dueDuration`` of a period."""
    for frame in timeframes:
        if frame.kind == "deadline" and frame.end_date is not None:
            return {"dueDate": frame.end_date.isoformat()}
    for frame in timeframes:
        if frame.kind == "period" and frame.days:
            return {"dueDuration": duration(frame.days)}
    for frame in timeframes:
        if frame.end_date is not None:
            return {"dueDate": frame.end_date.isoformat()}
    return {}


def duration(days: int) -> dict[str, Any]:
    """Return a UCUM ``Duration`` of ``days``, in weeks when it is a whole number of weeks."""
    if days % 7 == 0:
        weeks = days // 7
        return {"value": weeks, "unit": "week" if weeks == 1 else "weeks", "system": UCUM,
                "code": "wk"}  # fmt: skip
    return {"value": days, "unit": "day" if days == 1 else "days", "system": UCUM, "code": "d"}


def measure_target(measure: Measure) -> dict[str, Any]:
    """Return ``measure`` and ``detail[x]`` of a named outcome measure."""
    name = measure.instrument or measure.criterion or measure.text
    coding = measure_coding(name)
    concept: dict[str, Any] = {"text": name}
    if coding is not None and coding.loinc is not None:
        concept["coding"] = [{"system": LOINC, "code": coding.loinc, "display": coding.display}]
    target: dict[str, Any] = {"measure": concept}
    if measure.target is None:
        return target
    unit = coding.unit if coding is not None else None
    quantity = _quantity(measure.target, unit)
    comparator = measure.comparator
    if comparator == "from_to" or (comparator is None and measure.baseline is not None):
        if measure.baseline is None:
            comparator = "="
        else:
            comparator = "<=" if measure.baseline > measure.target else ">="
    if comparator == "<=":
        target["detailRange"] = {"high": quantity}
    elif comparator == ">=":
        target["detailRange"] = {"low": quantity}
    elif comparator in ("<", ">"):
        target["detailQuantity"] = {**quantity, "comparator": comparator}
    elif unit is None and float(measure.target).is_integer():
        target["detailInteger"] = int(measure.target)
    else:
        target["detailQuantity"] = quantity
    return target


def _quantity(value: float, unit: str | None) -> dict[str, Any]:
    number: int | float = int(value) if float(value).is_integer() else value
    quantity: dict[str, Any] = {"value": number}
    if unit is not None:
        quantity.update({"unit": unit, "system": UCUM, "code": unit})
    return quantity
