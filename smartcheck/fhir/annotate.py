"""Extend the Goals of a Goal, CarePlan or Bundle resource with their SMART verdicts.

Used by ``POST /v1/fhir/analyze``: the resources come back as they were sent, each Goal
(top-level, a Bundle entry, or contained in a CarePlan) carrying the verdict extension.
Goals are read exactly as an audit reads them (text, context, start date).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from smartcheck.audit.rows import AuditRow
from smartcheck.fhir.reader import Where, goal_row
from smartcheck.fhir.resources import Resource, ResourceIndex, contained, local_key
from smartcheck.fhir.verdict import failure_extension, verdict_extension, with_verdict
from smartcheck.models import AnalysisFailure, GoalAnalysis

Outcome = GoalAnalysis | AnalysisFailure
#: Resource types the endpoint accepts at the top level.
ACCEPTED = ("Goal", "CarePlan", "Bundle")


@dataclass
class GoalSlot:
    """A Goal inside the (copied) resource tree, with the row it reads as."""

    goal: Resource
    row: AuditRow


def collect_goals(resource: Resource) -> tuple[Resource, list[GoalSlot]]:
    """Return a deep copy of ``resource`` and the Goals in it, in document order."""
    tree = copy.deepcopy(resource)
    index = ResourceIndex()
    items = list(_resources(tree))
    for inner, url in items:
        index.add(inner, url)
    slots: list[GoalSlot] = []
    for position, (inner, url) in enumerate(items, start=1):
        where = Where("request", "request", position, 1, f"resource {position}")
        if inner.get("resourceType") == "Goal":
            keys = [k for k in (local_key(inner), url) if k]
            row = goal_row(inner, where, index, plan_keys=index.plans_of(keys))
            slots.append(GoalSlot(inner, row))
        elif inner.get("resourceType") == "CarePlan":
            local = contained(inner)
            context = index.context(inner.get("addresses"), local)
            for ref, goal in local.items():
                if goal.get("resourceType") == "Goal":
                    row = goal_row(goal, where, index, plan_keys=[], local=local,
                                   rid=ref, plan_context=context)  # fmt: skip
                    slots.append(GoalSlot(goal, row))
    return tree, slots


def apply_verdicts(slots: Sequence[GoalSlot], outcomes: Sequence[Outcome | None]) -> None:
    """Put each outcome's verdict (or failure) on its Goal, in place."""
    for slot, outcome in zip(slots, outcomes, strict=True):
        if outcome is None:
            extension = failure_extension(slot.row.error or "invalid", slot.row.reason or "")
        elif isinstance(outcome, AnalysisFailure):
            extension = failure_extension(outcome.error, outcome.reason)
        else:
            extension = verdict_extension(outcome)
        slot.goal["extension"] = with_verdict(slot.goal, extension)["extension"]


def annotate(
    resource: Resource, analyze: Callable[[list[AuditRow]], list[Outcome]]
) -> dict[str, Any]:
    """Return ``resource`` with every Goal in it extended with its verdict.

    ``analyze`` receives the readable Goals as audit rows and returns one outcome each.
    """
    tree, slots = collect_goals(resource)
    readable = [slot.row for slot in slots if slot.row.error is None]
    found = iter(analyze(readable) if readable else [])
    apply_verdicts(slots, [None if s.row.error else next(found) for s in slots])
    return tree


def _resources(resource: Resource) -> Iterator[tuple[Resource, str | None]]:
    if resource.get("resourceType") != "Bundle":
        yield resource, None
        return
    for entry in resource.get("entry") or []:
        if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
            url = entry.get("fullUrl")
            yield entry["resource"], url if isinstance(url, str) else None
