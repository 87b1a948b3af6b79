"""POST /v1/suggest: present only with a suggestion engine; answers analysis + rewrites."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")

from fastapi.testclient import TestClient

import smartcheck
from smartcheck.models import GoalAnalysis, Suggestion
from smartcheck.server import app as app_module
from smartcheck.server import create_app
from smartcheck.server.suggest import find_suggest

from .conftest import REFERENCE_DATE, small_limits

GOAL = "I want to exercise more to feel less anxious."


def fake_suggest(
    goal_or_analysis: str | GoalAnalysis,
    *,
    context: str | None = None,
    n: int = 3,
    reference_date: dt.date | None = None,
) -> list[Suggestion]:
    """Return ``n`` canned rewrites, proving the route passes its arguments through."""
    assert isinstance(goal_or_analysis, GoalAnalysis)
    return [Suggestion(text=f"rewrite {i} ({context}, {reference_date})") for i in range(n)]


@pytest.fixture
def fake_client(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(app_module, "find_suggest", lambda: fake_suggest)
    return TestClient(create_app(small_limits()))


@pytest.mark.model
@pytest.mark.parametrize("n", [1, 3])
def test_suggest_answers_the_analysis_and_n_rewrites(fake_client: TestClient, n: int) -> None:
    body = {"text": GOAL, "context": "anxiety", "reference_date": str(REFERENCE_DATE), "n": n}
    response = fake_client.post("/v1/suggest", json=body)
    assert response.status_code == 200
    answer = response.json()
    assert answer["analysis"]["text"] == GOAL
    assert [s["text"] for s in answer["suggestions"]] == [
        f"rewrite {i} (anxiety, {REFERENCE_DATE})" for i in range(n)
    ]


@pytest.mark.parametrize("n", [0, 11, "three"])
def test_suggest_refuses_a_bad_n(fake_client: TestClient, n: object) -> None:
    response = fake_client.post("/v1/suggest", json={"text": GOAL, "n": n})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


@pytest.mark.model
def test_suggest_refuses_an_empty_goal(fake_client: TestClient) -> None:
    response = fake_client.post("/v1/suggest", json={"text": " "})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == smartcheck.EmptyInputError.code


def test_no_suggest_route_without_an_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "find_suggest", lambda: None)
    response = TestClient(create_app(small_limits())).post("/v1/suggest", json={"text": GOAL})
    assert response.status_code == 404


@pytest.mark.model
@pytest.mark.skipif(find_suggest() is None, reason="no suggestion engine installed yet")
def test_real_suggestions_are_suggestion_models(client: TestClient) -> None:
    body = {"text": GOAL, "reference_date": str(REFERENCE_DATE), "n": 2}
    response = client.post("/v1/suggest", json=body)
    assert response.status_code == 200
    answer = response.json()
    assert len(answer["suggestions"]) <= 2
    for suggestion in answer["suggestions"]:
        Suggestion.model_validate(suggestion)
