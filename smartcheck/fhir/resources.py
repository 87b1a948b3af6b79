"""Read what an audit needs from FHIR resources held as plain dicts (no extra needed).

Goal text, the context from what a Goal ``addresses``, the dates carried into the report,
and an index of one file's resources so references resolve: ``#id`` to a contained
resource, ``Type/id`` or a ``fullUrl`` to another entry of the same Bundle or export.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

Resource = dict[str, Any]

_MAX_PLAN_HOPS = 32
#: The resource types R4 allows in ``Goal.addresses`` and ``CarePlan.addresses`` (Condition).
ADDRESSABLE = frozenset(
    {"Condition", "Observation", "MedicationStatement", "NutritionOrder", "ServiceRequest",
     "RiskAssessment"}
)  # fmt: skip


def concept_text(concept: object) -> str | None:
    """Return a CodeableConcept's ``text``, else the first coding ``display``."""
    if not isinstance(concept, dict):
        return None
    text = concept.get("text")
    if isinstance(text, str) and text.strip():
        return text
    for coding in _dicts(concept.get("coding")):
        display = coding.get("display")
        if isinstance(display, str) and display.strip():
            return display
    return None


def goal_text(goal: Resource) -> tuple[str | None, str | None]:
    """Return ``(text, problem)``: the goal text, or why there is none."""
    description = goal.get("description")
    if not isinstance(description, dict):
        return None, "has no description"
    text = description.get("text")
    if text is not None and not isinstance(text, str):
        return None, f"has a description.text that is a {type(text).__name__}, not text"
    found = concept_text(description)
    if found is None:
        return None, "has no description.text and no coding display"
    return found, None


def reference_of(value: object) -> str | None:
    """Return the ``reference`` string of a Reference, if any."""
    if isinstance(value, dict) and isinstance(value.get("reference"), str):
        return str(value["reference"])
    return None


def local_key(resource: Resource) -> str | None:
    """Return ``Type/id`` for a resource with both, else None."""
    kind, rid = resource.get("resourceType"), resource.get("id")
    if isinstance(kind, str) and isinstance(rid, str) and rid:
        return f"{kind}/{rid}"
    return None


def label_of(resource: Resource) -> str:
    """Return a short label for messages: ``Goal g1``, or just the type without an id."""
    kind = resource.get("resourceType")
    rid = resource.get("id")
    name = kind if isinstance(kind, str) else "resource"
    return f"{name} {rid}" if isinstance(rid, str) and rid else name


def contained(resource: Resource) -> dict[str, Resource]:
    """Return the contained resources of ``resource`` by ``#id``."""
    found: dict[str, Resource] = {}
    for inner in _dicts(resource.get("contained")):
        rid = inner.get("id")
        if isinstance(rid, str):
            found[f"#{rid}"] = inner
    return found


def goal_meta(goal: Resource) -> dict[str, str]:
    """Return lifecycleStatus, startDate and the targets' due dates and durations."""
    meta: dict[str, str] = {}
    for key in ("lifecycleStatus", "startDate"):
        value = goal.get(key)
        if isinstance(value, str) and value:
            meta[key] = value
    dates, durations = [], []
    for target in _dicts(goal.get("target")):
        if isinstance(target.get("dueDate"), str):
            dates.append(target["dueDate"])
        due = target.get("dueDuration")
        if isinstance(due, dict) and isinstance(due.get("value"), (int, float)):
            unit = due.get("unit") or due.get("code") or ""
            durations.append(f"{due['value']:g} {unit}".strip())
    if dates:
        meta["dueDate"] = "; ".join(dict.fromkeys(dates))
    if durations:
        meta["dueDuration"] = "; ".join(dict.fromkeys(durations))
    return meta


def start_date(goal: Resource) -> dt.date | None:
    """Return ``startDate`` when it is a full date (relative deadlines count from it)."""
    value = goal.get("startDate")
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class PlanInfo:
    """What an index keeps of a CarePlan: its label, its conditions and its parents."""

    label: str
    addresses: list[Any]
    parents: list[str]
    contained: dict[str, Resource]


@dataclass
class ResourceIndex:
    """Bounded facts about the resources of one file, for resolving references.

    Only the text of addressable resources, the keys of the Goals present and a small
    record per CarePlan are kept, so a large Bundle never sits in memory whole.
    """

    texts: dict[str, str] = field(default_factory=dict)
    goals: set[str] = field(default_factory=set)
    plans: dict[str, PlanInfo] = field(default_factory=dict)
    plans_of_goal: dict[str, list[str]] = field(default_factory=dict)

    def add(self, resource: Resource, full_url: str | None = None) -> None:
        """Record what later references to ``resource`` need."""
        keys = [k for k in (local_key(resource), full_url) if k]
        kind = resource.get("resourceType")
        if kind == "Goal":
            self.goals.update(keys)
        text = concept_text(resource.get("code")) if kind in ADDRESSABLE else None
        if text is not None:
            text = sys.intern(text)  # exports repeat the same condition names
            for key in keys:
                self.texts[key] = text
        if kind == "CarePlan" and keys:
            self._add_plan(resource, keys)

    def _add_plan(self, plan: Resource, keys: list[str]) -> None:
        parents = [
            ref
            for name in ("partOf", "basedOn", "replaces")
            for ref in map(reference_of, _dicts(plan.get(name)))
            if ref is not None
        ]
        addresses = [a for a in plan.get("addresses") or [] if isinstance(a, dict)]
        info = PlanInfo(label_of(plan), addresses, parents, contained(plan))
        for key in keys:
            self.plans[key] = info
        for ref in plan_goal_refs(plan):
            if not ref.startswith("#"):
                for candidate in _candidates(ref):
                    self.plans_of_goal.setdefault(candidate, []).append(keys[0])

    def resolve(self, reference: str, local: dict[str, Resource] | None = None) -> str | None:
        """Return the text of the resource ``reference`` points to, if it is known."""
        if local is not None and reference in local:
            return concept_text(local[reference].get("code"))
        for key in _candidates(reference):
            if key in self.texts:
                return self.texts[key]
        return None

    def has_goal(self, reference: str) -> bool:
        """Return True when the Goal ``reference`` points to is in the file."""
        return any(key in self.goals for key in _candidates(reference))

    def plans_of(self, goal_keys: Iterable[str]) -> list[str]:
        """Return the keys of the CarePlans that list any of ``goal_keys``, in file order."""
        found: list[str] = []
        for key in goal_keys:
            for candidate in _candidates(key):
                found.extend(self.plans_of_goal.get(candidate, []))
        return list(dict.fromkeys(found))

    def plan_label(self, plan_key: str) -> str:
        """Return the label of an indexed CarePlan (``CarePlan cp1``)."""
        info = self.plans.get(plan_key)
        return info.label if info is not None else plan_key

    def plan_context(self, plan_key: str) -> str | None:
        """Return the conditions of a CarePlan, else of the plans it is part of or based on.

        The walk keeps a visited set, so plans that refer to each other in a loop end it.
        """
        seen: set[int] = set()
        queue = [plan_key]
        while queue and len(seen) < _MAX_PLAN_HOPS:
            key = queue.pop(0)
            info = next((self.plans[c] for c in _candidates(key) if c in self.plans), None)
            if info is None or id(info) in seen:
                continue
            seen.add(id(info))
            text = self.context(info.addresses, info.contained)
            if text is not None:
                return text
            queue.extend(info.parents)
        return None

    def context(self, addresses: object, local: dict[str, Resource] | None = None) -> str | None:
        """Return the context of ``addresses``: resolved condition texts, else displays."""
        parts: list[str] = []
        for item in _dicts(addresses):
            ref = reference_of(item)
            text = self.resolve(ref, local) if ref is not None else None
            display = item.get("display")
            if text is None and isinstance(display, str) and display.strip():
                text = display
            if text is not None:
                parts.append(text)
        return "; ".join(dict.fromkeys(parts)) or None


def plan_goal_refs(plan: Resource) -> list[str]:
    """Return the references in a CarePlan's ``goal`` list, in order, without repeats."""
    refs = (reference_of(item) for item in _dicts(plan.get("goal")))
    return list(dict.fromkeys(r for r in refs if r is not None))


def _candidates(reference: str) -> Iterator[str]:
    """Yield the keys a reference may be indexed under: itself, then its ``Type/id`` tail.

    ``http://host/fhir/Goal/g1`` and ``Goal/g1/_history/2`` both also yield ``Goal/g1``.
    """
    yield reference
    parts = reference.split("/_history/", maxsplit=1)[0].rstrip("/").split("/")
    if len(parts) >= 2:
        tail = f"{parts[-2]}/{parts[-1]}"
        if tail != reference:
            yield tail


def _dicts(value: object) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))
