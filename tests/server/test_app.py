"""The HTTP service in-process: answers, error codes and bodies, limits, logging."""

from __future__ import annotations

import json
import logging

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")

from fastapi.testclient import TestClient

import smartcheck
from smartcheck.server import create_app
from smartcheck.server.service import AnalysisService
from smartcheck.server.suggest import find_suggest

from .conftest import MAX_BATCH_ITEMS, MAX_BODY_BYTES, REFERENCE_DATE

GOALS = [
    "I will walk for 20 minutes three times a week for the next month.",
    "Client will practice deep breathing twice daily to manage panic symptoms by March 1.",
    "Feel better.",
    "Pt will complete the home exercise program 5 days a week with minimal assistance.",
]


# --------------------------------------------------------------------------- answers


@pytest.mark.model
@pytest.mark.parametrize("text", GOALS)
def test_analyze_answers_the_library_analysis(client: TestClient, text: str) -> None:
    body = {"text": text, "reference_date": REFERENCE_DATE.isoformat(), "id": "g-1"}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200
    expected = smartcheck.analyze(text, reference_date=REFERENCE_DATE, id="g-1")
    assert response.json() == json.loads(expected.model_dump_json())


@pytest.mark.model
@pytest.mark.parametrize("profile", ["therapy", "coaching"])
def test_analyze_uses_context_and_profile(client: TestClient, profile: str) -> None:
    body = {
        "text": GOALS[0],
        "context": "Referred for low mood and inactivity.",
        "reference_date": REFERENCE_DATE.isoformat(),
        "profile": profile,
    }
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200
    answer = response.json()
    assert answer["profile"] == profile
    assert answer["context"] == body["context"]
    assert answer["reference_date"] == REFERENCE_DATE.isoformat()


@pytest.mark.model
def test_batch_answers_analyze_many_in_order(client: TestClient) -> None:
    items = [{"text": text, "reference_date": REFERENCE_DATE.isoformat()} for text in GOALS]
    response = client.post("/v1/analyze/batch", json={"items": items})
    assert response.status_code == 200
    expected = smartcheck.analyze_many(GOALS, reference_date=REFERENCE_DATE)
    assert response.json()["results"] == [json.loads(e.model_dump_json()) for e in expected]


@pytest.mark.model
def test_batch_keeps_request_order_across_profiles(client: TestClient) -> None:
    profiles = ["therapy", "coaching", "therapy", "coaching"]
    items = [
        {"text": text, "profile": profile, "reference_date": REFERENCE_DATE.isoformat()}
        for text, profile in zip(GOALS, profiles, strict=True)
    ]
    results = client.post("/v1/analyze/batch", json={"items": items}).json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert [r["profile"] for r in results] == profiles
    assert [r["text"] for r in results] == GOALS


@pytest.mark.model
@pytest.mark.parametrize("bad", ["", "   \n"])
def test_batch_turns_an_empty_item_into_a_failure(client: TestClient, bad: str) -> None:
    items = [{"text": GOALS[0]}, {"text": bad, "id": "row-2"}, {"text": GOALS[2]}]
    results = client.post("/v1/analyze/batch", json={"items": items}).json()["results"]
    assert [r["ok"] for r in results] == [True, False, True]
    assert results[1]["error"] == smartcheck.EmptyInputError.code
    assert results[1]["id"] == "row-2"
    assert results[1]["index"] == 1


@pytest.mark.model
def test_healthz_reports_the_loaded_model(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "ok"
    assert health["smartcheck_version"] == smartcheck.__version__
    assert health["spacy_model"].startswith("en_")


# --------------------------------------------------------------------------- errors


def _error(response_json: dict[str, object]) -> dict[str, object]:
    error = response_json["error"]
    assert isinstance(error, dict)
    assert set(error) == {"code", "message", "details"}
    return error


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/v1/analyze", b'{"text": "I will walk",'),
        ("/v1/analyze", b"{'text': 'single quotes'}"),
        ("/v1/analyze/batch", b'{"items": [}'),
    ],
)
def test_malformed_json_is_400(bare_client: TestClient, path: str, content: bytes) -> None:
    response = bare_client.post(path, content=content, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert _error(response.json())["code"] == "malformed_json"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/analyze", {"text": 42}),
        ("/v1/analyze", {"text": ["I will walk"]}),
        ("/v1/analyze", {"text": "I will walk", "reference_date": "next tuesday"}),
        ("/v1/analyze", {"text": "I will walk", "unknown": 1}),
        ("/v1/analyze", {"context": "no text"}),
        ("/v1/analyze", ["I will walk"]),
        ("/v1/analyze/batch", {"items": "I will walk"}),
        ("/v1/analyze/batch", {"items": [{"text": None}]}),
    ],
)
def test_wrong_types_are_422(bare_client: TestClient, path: str, body: object) -> None:
    response = bare_client.post(path, json=body)
    assert response.status_code == 422
    error = _error(response.json())
    assert error["code"] == "invalid_request"
    assert error["details"]


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_goal_is_422_with_the_input_error_code(client: TestClient, text: str) -> None:
    response = client.post("/v1/analyze", json={"text": text})
    assert response.status_code == 422
    assert _error(response.json())["code"] == smartcheck.EmptyInputError.code


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I will walk for 20 minutes every day. " * 60, smartcheck.InputTooLongError.code),
        (
            "Je vais marcher trente minutes tous les jours pour réduire mon anxiété.",
            smartcheck.NotEnglishError.code,
        ),
    ],
)
def test_unusable_goal_is_422_with_its_code(client: TestClient, text: str, code: str) -> None:
    response = client.post("/v1/analyze", json={"text": text})
    assert response.status_code == 422
    assert _error(response.json())["code"] == code


@pytest.mark.model
def test_unknown_profile_is_422(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": GOALS[0], "profile": "no-such-profile"})
    assert response.status_code == 422
    assert _error(response.json())["code"] == smartcheck.ConfigError.code


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/analyze/batch"])
def test_oversized_body_is_413(bare_client: TestClient, path: str) -> None:
    text = "I will walk every day. " * (MAX_BODY_BYTES // 20)
    response = bare_client.post(path, json={"text": text, "items": [{"text": text}]})
    assert response.status_code == 413
    assert _error(response.json())["code"] == "body_too_large"


def test_oversized_chunked_body_is_413(bare_client: TestClient) -> None:
    chunk = b" " * 4096

    def stream():  # no Content-Length: the limit is counted as the body arrives
        yield b'{"text": "I will walk"'
        for _ in range(MAX_BODY_BYTES // len(chunk) + 2):
            yield chunk
        yield b"}"

    response = bare_client.post(
        "/v1/analyze", content=stream(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_batch_over_the_limit_is_422(bare_client: TestClient) -> None:
    items = [{"text": GOALS[0]}] * (MAX_BATCH_ITEMS + 1)
    response = bare_client.post("/v1/analyze/batch", json={"items": items})
    assert response.status_code == 422
    error = _error(response.json())
    assert error["code"] == "batch_too_large"
    assert str(MAX_BATCH_ITEMS) in str(error["message"])


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/v1/nothing-here", 404, "not_found"),
        ("GET", "/v1/analyze", 405, "method_not_allowed"),
    ],
)
def test_unknown_routes_answer_json(
    bare_client: TestClient, method: str, path: str, status: int, code: str
) -> None:
    response = bare_client.request(method, path)
    assert response.status_code == status
    assert _error(response.json())["code"] == code


def test_validation_errors_do_not_echo_the_goal(bare_client: TestClient) -> None:
    secret = "I will tell my sister about the relapse"
    response = bare_client.post("/v1/analyze", json={"text": secret, "context": 7})
    assert response.status_code == 422
    assert "relapse" not in response.text


# --------------------------------------------------------------------------- logs, schema


@pytest.mark.model
def test_logs_carry_no_goal_text(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    marker = "zebrafinch"
    with caplog.at_level(logging.DEBUG):
        client.post("/v1/analyze", json={"text": f"I will feed my {marker} every day."})
        client.post("/v1/analyze", json={"text": f"{marker}", "context": 3})
        client.post("/v1/analyze/batch", json={"items": [{"text": f"Walk my {marker} daily"}]})
    assert caplog.records
    assert marker not in caplog.text


def test_openapi_documents_the_models(bare_client: TestClient) -> None:
    spec = bare_client.get("/openapi.json").json()
    assert {"/v1/analyze", "/v1/analyze/batch", "/healthz"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert {"GoalAnalysis", "AnalyzeRequest", "BatchRequest", "ErrorResponse"} <= set(schemas)
    analyze = spec["paths"]["/v1/analyze"]["post"]
    assert {"200", "400", "413", "422"} <= set(analyze["responses"])


def test_suggest_route_follows_the_suggest_module(bare_client: TestClient) -> None:
    paths = bare_client.get("/openapi.json").json()["paths"]
    assert ("/v1/suggest" in paths) == (find_suggest() is not None)


def test_unexpected_errors_are_500_json_without_the_goal(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: AnalysisService, request: object) -> None:
        raise RuntimeError(f"bug while reading {request!r}")

    monkeypatch.setattr(AnalysisService, "analyze", broken)
    app_client = TestClient(create_app())
    with caplog.at_level(logging.DEBUG):
        response = app_client.post("/v1/analyze", json={"text": "I will call my estranged son"})
    assert response.status_code == 500
    assert _error(response.json())["code"] == "internal_error"
    assert "RuntimeError" in caplog.text
    assert "estranged" not in caplog.text
    assert "estranged" not in response.text
