"""A FHIR Bundle built for the tests, with the audit row each entry should give."""

from __future__ import annotations

from typing import Any

PATIENT = {"reference": "Patient/p1"}
HTML_GOAL = '<script>alert("x")</script><img src=x onerror=alert(1)> I will walk 10 minutes daily'
FORMULA_GOAL = '=HYPERLINK("http://evil.example","click") I will journal every evening for 4 weeks'


def goal(gid: str, text: Any = None, **fields: Any) -> dict[str, Any]:
    """A Goal resource; ``text`` None leaves the description empty."""
    description: dict[str, Any] = {} if text is None else {"text": text}
    resource = {"resourceType": "Goal", "id": gid, "lifecycleStatus": "active",
                "description": description, "subject": PATIENT}  # fmt: skip
    return {**resource, **fields}


def condition(cid: str, display: str) -> dict[str, Any]:
    """A Condition whose code carries only a coding display."""
    return {"resourceType": "Condition", "id": cid, "subject": PATIENT,
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1", "display": display}]}}  # fmt: skip


def care_plan(pid: str, goals: list[str], **fields: Any) -> dict[str, Any]:
    """A CarePlan listing ``goals`` (references)."""
    return {"resourceType": "CarePlan", "id": pid, "status": "active", "intent": "plan",
            "subject": PATIENT, "goal": [{"reference": g} for g in goals], **fields}  # fmt: skip


def build_bundle() -> tuple[dict[str, Any], list[tuple[str, str | None, str | None]]]:
    """Return the Bundle and, in order, the ``(id, error, context)`` of every expected row."""
    entries: list[Any] = [
        {"fullUrl": "urn:uuid:0c3a", "resource": condition("c-anx", "Generalized anxiety disorder")},
        {"fullUrl": "urn:uuid:9f1b", "resource": goal(
            "g-walk", "I will walk for 20 minutes five days a week for the next 6 weeks",
            startDate="2026-01-05", addresses=[{"reference": "urn:uuid:0c3a"}],
            target=[{"dueDate": "2026-02-16"}])},
        {"resource": goal(
            "g-phq", None, description={"coding": [{"system": "http://snomed.info/sct", "code": "2",
             "display": "Reduce PHQ-9 score from 18 to below 10 within 8 weeks"}]},
            contained=[condition("dep", "Major depressive disorder")],
            addresses=[{"reference": "#dep"}], startDate="2026-01-05",
            target=[{"dueDuration": {"value": 8, "unit": "weeks", "system": "http://unitsofmeasure.org", "code": "wk"}}])},
        {"resource": goal("g-display", "Pt will climb 12 stairs with one rail independently by March 1",
                          addresses=[{"display": "Knee osteoarthritis"}])},
        {"resource": goal("g-empty")},
        {"resource": goal("g-num", 42)},
        {"resource": {"resourceType": "Patient", "id": "p1"}},
        {"resource": {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"text": "PHQ-9"}}},
        {"resource": care_plan(
            "cp-main", ["Goal/g-walk", "Goal/g-missing", "#cg1"],
            addresses=[{"reference": "Condition/c-knee"}],
            contained=[goal("cg1", "I will do my home exercise program 3 times a week for 4 weeks")])},
        {"resource": condition("c-knee", "Primary osteoarthritis of knee")},
        {"resource": care_plan("cp-a", ["Goal/g-loop"], partOf=[{"reference": "CarePlan/cp-b"}])},
        {"resource": care_plan("cp-b", [], partOf=[{"reference": "CarePlan/cp-a"}])},
        {"resource": goal("g-loop", "I will call a friend twice a week for a month")},
        {"fullUrl": "urn:uuid:nothing"},
        "not an entry",
        {"resource": goal("g-html", HTML_GOAL)},
        {"resource": goal("g-formula", FORMULA_GOAL)},
        {"resource": {"resourceType": "Bundle", "type": "collection", "entry": []}},
        {"resource": goal("g-abs", "I will ride the exercise bike 15 minutes daily for 3 weeks",
                          addresses=[{"reference": "http://example.org/fhir/Condition/c-knee"}])},
    ]  # fmt: skip
    expected: list[tuple[str, str | None, str | None]] = [
        ("g-walk", None, "Generalized anxiety disorder"),
        ("g-phq", None, "Major depressive disorder"),
        ("g-display", None, "Knee osteoarthritis"),
        ("g-empty", "no_text", None),
        ("g-num", "not_text", None),
        ("p1", "unsupported_resource", None),
        ("o1", "unsupported_resource", None),
        ("cp-main#cg1", None, "Primary osteoarthritis of knee"),
        ("g-missing", "missing_goal", None),
        ("cp-b", "no_goals", None),
        ("g-loop", None, None),
        ("plan.json:14", "malformed", None),
        ("plan.json:15", "malformed", None),
        ("g-html", None, None),
        ("g-formula", None, None),
        ("plan.json:18", "unsupported_resource", None),
        ("g-abs", None, "Primary osteoarthritis of knee"),
    ]
    bundle = {"resourceType": "Bundle", "id": "b1", "type": "collection", "entry": entries}
    return bundle, expected
