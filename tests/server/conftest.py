"""Fixtures of the HTTP service tests: one app per session, with and without the model.

Nothing here imports the server extra at module level, so that without it the
test modules skip (each calls ``pytest.importorskip``) instead of erroring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from smartcheck.server import ServerSettings

#: Small limits so the limit tests send small requests.
MAX_BODY_BYTES = 20_000
MAX_BATCH_ITEMS = 8
REFERENCE_DATE = dt.date(2026, 1, 15)


def small_limits() -> ServerSettings:
    """Server settings with the small test limits."""
    from smartcheck.server import ServerSettings

    return ServerSettings(max_body_bytes=MAX_BODY_BYTES, max_batch_items=MAX_BATCH_ITEMS)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """A client of a started app: the lifespan has loaded the model."""
    from fastapi.testclient import TestClient

    from smartcheck.server import create_app

    with TestClient(create_app(small_limits())) as started:
        yield started


@pytest.fixture(scope="session")
def bare_client() -> TestClient:
    """A client of an app whose lifespan never ran: for errors raised before analysis."""
    from fastapi.testclient import TestClient

    from smartcheck.server import create_app

    return TestClient(create_app(small_limits()))
