"""Fixtures for the audit tests."""

from __future__ import annotations

import pytest
from audit_helpers import fake_analyze_many

from smartcheck.audit import runner


@pytest.fixture
def fake_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the analyzer used by the audit runner with :func:`fake_analyze_many`."""
    monkeypatch.setattr(runner, "analyze_many", fake_analyze_many)
