"""Fixtures of the HTTP service tests: one app per session, with and without the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="needs the server extra")

from fastapi.testclient import TestClient

from smartcheck.server import ServerSettings, create_app

#: Small limits so the limit tests send small requests.
TEST_SETTINGS = ServerSettings(max_body_bytes=20_000, max_batch_items=8)
REFERENCE_DATE = dt.date(2026, 1, 15)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """A client of a started app: the lifespan has loaded the model."""
    with TestClient(create_app(TEST_SETTINGS)) as started:
        yield started


@pytest.fixture(scope="session")
def bare_client() -> TestClient:
    """A client of an app whose lifespan never ran: for errors raised before analysis."""
    return TestClient(create_app(TEST_SETTINGS))
