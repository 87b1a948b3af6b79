"""``POST /v1/fhir/analyze``: the same resources back, each Goal extended with its verdict."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")
pytest.importorskip("fhir.resources", reason="needs the fhir extra")

from fastapi.testclient import TestClient

import smartcheck
from smartcheck.fhir import read_verdict, validate

from .conftest import MAX_BATCH_ITEMS, REFERENCE_DATE

PATIENT = {"reference": "Patient/p1"}
URL = "/v1/fhir/analyze"


def _goal(gid: str, text: str | None, **fields: Any) -> dict[str, Any]:
    description = {"text": text} if text is not None else {}
    return {"resourceType": "Goal", "id": gid, "lifecycleStatus": "active",
            "description": description, "subject": PATIENT, **fields}  # fmt: skip


def _bundle() -> dict[str, Any]:
    condition = {
        "resourceType": "Condition",
        "id": "c1",
        "subject": PATIENT,
        "code": {"text": "Panic disorder"},
    }
    plan = {
        "resourceType": "CarePlan",
        "id": "cp",
        "status": "active",
        "intent": "plan",
        "subject": PATIENT,
        "contained": [_goal("inner", "I will read for 15 minutes every night for 3 weeks")],
        "goal": [{"reference": "#inner"}, {"reference": "Goal/g1"}],
    }
    entries = [
        condition,
        _goal(
            "g1",
            "Client will practice deep breathing twice daily by March 1",
            addresses=[{"reference": "Condition/c1"}],
            extension=[{"url": "http://example.org/keep", "valueString": "x"}],
        ),
        _goal("g2", None),
        {"resourceType": "Patient", "id": "p1"},
        plan,
    ]
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in entries]}  # fmt: skip


@pytest.mark.model
def test_one_goal_comes_back_with_the_library_verdict(client: TestClient) -> None:
    text = "I will walk for 20 minutes three times a week for the next month."
    goal = _goal("g-1", text, startDate="2025-12-01")
    response = client.post(URL, json=goal, params={"reference_date": REFERENCE_DATE.isoformat()})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    answer = response.json()
    expected = smartcheck.analyze(text, reference_date=REFERENCE_DATE)
    verdict = read_verdict(answer)
    assert verdict is not None
    assert (verdict["label"], verdict["score"]) == (expected.label, round(expected.score, 1))
    assert [f["id"] for f in verdict["findings"]] == [f.id for f in expected.findings]
    assert {k: v for k, v in answer.items() if k != "extension"} == goal
    assert validate(answer) == []


@pytest.mark.model
def test_start_date_is_the_default_reference_date(client: TestClient) -> None:
    goal = _goal("g", "I will call my sister within 2 weeks", startDate="2025-06-01")
    verdict = read_verdict(client.post(URL, json=goal).json())
    assert verdict is not None and verdict["referenceDate"] == "2025-06-01"


@pytest.mark.model
def test_bundle_goals_are_extended_and_the_rest_is_untouched(client: TestClient) -> None:
    bundle = _bundle()
    response = client.post(URL, json=bundle, headers={"content-type": "application/fhir+json"})
    assert response.status_code == 200, response.text
    answer = response.json()
    resources = [e["resource"] for e in answer["entry"]]
    sent = [e["resource"] for e in bundle["entry"]]
    assert resources[0] == sent[0] and resources[3] == sent[3]
    g1 = read_verdict(resources[1])
    assert g1 is not None and g1["label"] in {"SMART", "Partially SMART", "Not SMART"}
    assert resources[1]["extension"][0] == {"url": "http://example.org/keep", "valueString": "x"}
    assert read_verdict(resources[2]) == {"dimensions": {}, "findings": [], "error": "no_text",
                                          "reason": "resource 3: Goal g2 has no description.text and no coding display"}  # fmt: skip
    inner = read_verdict(resources[4]["contained"][0])
    assert inner is not None and "label" in inner
    assert read_verdict(resources[4]) is None
    assert validate(answer) == []


@pytest.mark.model
def test_bundle_context_comes_from_the_referenced_condition(client: TestClient) -> None:
    bundle = _bundle()
    answer = client.post(URL, json=bundle).json()
    with_context = smartcheck.analyze(
        "Client will practice deep breathing twice daily by March 1", context="Panic disorder"
    )
    assert read_verdict(answer["entry"][1]["resource"])["score"] == round(with_context.score, 1)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"resourceType": "Patient", "id": "p"}, 422, "unsupported_resource"),
        ({"text": "I will walk"}, 422, "unsupported_resource"),
        (_goal("g", None), 422, "empty"),
        (
            {"resourceType": "Goal", "description": {"text": "I will walk daily"}},
            422,
            "invalid_fhir",
        ),
        ([1, 2], 422, "invalid_request"),
    ],
)
def test_bad_resources_get_json_errors(
    bare_client: TestClient, body: Any, status: int, code: str
) -> None:
    response = bare_client.post(URL, json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_malformed_json_is_400(bare_client: TestClient) -> None:
    response = bare_client.post(
        URL, content=b'{"resourceType": "Goal",', headers={"content-type": "application/fhir+json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_bundle_with_too_many_goals_is_refused(bare_client: TestClient) -> None:
    goals = [_goal(f"g{n}", "I will walk daily") for n in range(MAX_BATCH_ITEMS + 1)]
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": g} for g in goals],
    }
    response = bare_client.post(URL, json=bundle)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "batch_too_large"
