"""The service never answers 5xx to a request body, bounds each request's time, documents offline.

Kinds of hostile body: invalid code points in each field, dates at the calendar's edge,
numbers too large for a float, a context over its limit or of 1 MB, bodies that are not
JSON, not UTF-8 or deeply nested, batches that mix all of these with ordinary goals.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")

from smartcheck.config import Settings

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.model

GOAL = "I will walk 20 minutes daily for 4 weeks"


def _body(**fields: Any) -> bytes:
    return json.dumps({"text": GOAL, **fields}).encode()


HOSTILE_BODIES: list[tuple[str, bytes]] = [
    ("surrogate-goal", b'{"text": "walk \\ud800 daily"}'),
    ("surrogate-id", _body()[:-1] + b', "id": "\\ud800"}'),
    ("surrogate-context", _body()[:-1] + b', "context": "\\udfff"}'),
    ("surrogate-profile", _body()[:-1] + b', "profile": "\\ud800"}'),
    ("reference-9999", _body(reference_date="9999-12-31")),
    ("reference-0001", _body(reference_date="0001-01-01")),
    ("ten-thousand-years", _body(text="I will walk every day for the next 10000 years")),
    ("400-digits", _body(text="I will walk " + "9" * 400 + " steps a day")),
    ("context-over-limit", _body(context="Knee pain. " * 1_500)),
    ("not-utf8", b'{"text": "caf\xe9"}'),
    ("utf16", '{"text": "walk"}'.encode("utf-16")),
    ("nested", b'{"a":' * 3000 + b"1" + b"}" * 3000),
    ("float-overflow", b'{"text": 1e999}'),
    ("nul", b'{"text": "walk\\u0000daily"}'),
    ("control-and-bidi", _body(text="I will walk \u202e\x1b[31m 20 min daily")),
    ("formula", _body(text='=HYPERLINK("http://example.invalid","walk")')),
    ("emoji", _body(text="\U0001f3c3\u200d\u2640\ufe0f daily \U0001f600")),
    ("list", b"[1, 2]"),
    ("empty", b""),
]


@pytest.fixture(scope="module")
def big_client() -> Iterator[TestClient]:
    """A started app that accepts 3 MB bodies, so the context limit is what refuses."""
    from fastapi.testclient import TestClient

    from smartcheck.server import ServerSettings, create_app

    settings = ServerSettings(max_body_bytes=3_000_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as started:
        yield started


@pytest.mark.parametrize(("name", "body"), HOSTILE_BODIES, ids=[n for n, _ in HOSTILE_BODIES])
@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/suggest"])
def test_no_request_body_gets_a_5xx(
    big_client: TestClient, path: str, name: str, body: bytes
) -> None:
    response = big_client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert set(response.json()) == {"error"} and response.json()["error"]["code"]


def test_a_batch_mixing_every_case_returns_every_item_in_order(big_client: TestClient) -> None:
    items = [json.loads(b) for _, b in HOSTILE_BODIES if _is_object_with_text(b)]
    items += [{"text": GOAL, "profile": "no-such-profile"}, {"text": GOAL, "id": "plain"}]
    raw = json.dumps({"items": items}).encode()
    # the surrogate cases cannot go through json.dumps: splice them in as raw JSON
    raw = (
        raw[:-2]
        + b', {"text": "walk \\ud800"}, {"text": "'
        + GOAL.encode()
        + b'", "id": "\\ud800"}]}'
    )
    response = big_client.post(
        "/v1/analyze/batch", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["index"] for r in results] == list(range(len(items) + 2))
    assert results[-1]["ok"] is False and results[-1]["id"] == "\\ud800"
    assert results[-2]["ok"] is False and results[-2]["error"] == "not_text"
    by_id = {r.get("id"): r for r in results}
    assert by_id["plain"]["ok"] is True
    assert any(r.get("error") == "config_error" for r in results)


def _is_object_with_text(body: bytes) -> bool:
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("text"), str)


def test_a_1mb_context_is_refused_at_once_and_the_next_request_is_not_delayed(
    big_client: TestClient,
) -> None:
    started = time.perf_counter()
    response = big_client.post("/v1/analyze", json={"text": GOAL, "context": "x" * 1_000_000})
    refused = time.perf_counter() - started
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "context_too_long"
    assert refused < 2.0
    started = time.perf_counter()
    assert big_client.post("/v1/analyze", json={"text": GOAL}).status_code == 200
    assert time.perf_counter() - started < 2.0


def test_the_body_limit_refuses_a_1mb_context_by_default(client: TestClient) -> None:
    response = client.post("/v1/analyze", json={"text": GOAL, "context": "x" * 1_000_000})
    assert response.status_code == 413


# ------------------------------------------------------------------ the time budget


def test_a_request_over_its_budget_is_422_and_a_queued_one_429() -> None:
    from smartcheck.server.errors import AnalysisTimeoutError, ServiceBusyError
    from smartcheck.server.service import AnalysisService

    service = AnalysisService(Settings(), timeout_s=0.3)
    release = threading.Event()
    try:
        started = time.perf_counter()
        with pytest.raises(AnalysisTimeoutError):
            service.run(lambda: release.wait(5))
        with pytest.raises(ServiceBusyError):  # the slow job still holds the thread
            service.run(lambda: 1)
        assert time.perf_counter() - started < 2.0
        release.set()
        assert service.run(lambda: 2) == 2
    finally:
        release.set()
        service.close()


def test_budget_errors_answer_json_4xx(monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from smartcheck.server import ServerSettings, create_app
    from smartcheck.server.service import AnalysisService

    def slow(self: AnalysisService, request: object) -> object:
        time.sleep(1.0)
        raise AssertionError("never answered")

    monkeypatch.setattr(AnalysisService, "_analyze", slow)
    app = create_app(ServerSettings(analysis_timeout_s=0.2))
    client = TestClient(app)  # no lifespan: no warm-up
    try:
        first = client.post("/v1/analyze", json={"text": GOAL})
        second = client.post("/v1/analyze", json={"text": GOAL})
    finally:
        client.close()
        app.state.service.close()
    assert (first.status_code, first.json()["error"]["code"]) == (422, "too_expensive")
    assert (second.status_code, second.json()["error"]["code"]) == (429, "busy")
    assert int(second.headers["Retry-After"]) >= 1


# ------------------------------------------------------------------ offline docs

_EXTERNAL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_name_no_external_host(bare_client: TestClient, page: str) -> None:
    response = bare_client.get(page)
    assert response.status_code == 200
    html = response.text
    assert _EXTERNAL.findall(html) == []
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/docs-assets/") for a in assets)
    for asset in assets:
        assert bare_client.get(asset).status_code == 200


def test_swagger_ui_can_render_the_openapi_version(bare_client: TestClient) -> None:
    """Swagger UI 5 renders OpenAPI 3.1 (FastAPI's); Swagger UI 4 shows a blank error."""
    version = bare_client.get("/openapi.json").json()["openapi"]
    bundle = bare_client.get("/docs-assets/swagger-ui-bundle.js").text
    assert version.startswith("3.1")
    assert re.search(r'"5\.\d+\.\d+"', bundle)
