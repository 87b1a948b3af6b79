"""The service answers a goal with an oversized number 200, with the info finding; never 5xx."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")

from fastapi.testclient import TestClient

from smartcheck.number_limits import FINDING_ID

from .conftest import REFERENCE_DATE

GOALS = [
    "I will walk " + "9" * 400 + " steps a day for 4 weeks",
    "I will save 1,000,000,000,000 dollars by June",
]


def _flagged(analysis: dict[str, object]) -> list[dict[str, object]]:
    findings = analysis["findings"]
    assert isinstance(findings, list)
    return [f for f in findings if f["id"] == FINDING_ID]


@pytest.mark.model
@pytest.mark.parametrize("text", GOALS)
def test_analyze_route_reports_the_number(client: TestClient, text: str) -> None:
    body = {"text": text, "reference_date": REFERENCE_DATE.isoformat()}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200, response.text
    (finding,) = _flagged(response.json())
    span = finding["span"]
    assert isinstance(span, dict)
    assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.model
def test_batch_and_suggest_routes_keep_the_finding(client: TestClient) -> None:
    items = [{"text": text, "reference_date": REFERENCE_DATE.isoformat()} for text in GOALS]
    response = client.post("/v1/analyze/batch", json={"items": items})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["index"] for r in results] == [0, 1]
    assert all(len(_flagged(r)) == 1 for r in results)
    suggested = client.post("/v1/suggest", json={**items[0], "n": 2})
    assert suggested.status_code == 200, suggested.text
    assert len(_flagged(suggested.json()["analysis"])) == 1
