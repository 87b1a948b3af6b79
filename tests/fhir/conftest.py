"""Fixtures of the FHIR tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir_helpers import build_bundle


@pytest.fixture
def bundle_path(tmp_path: Path) -> Path:
    """The test Bundle, written with one entry per line (as servers pretty-print them)."""
    bundle, _ = build_bundle()
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(bundle, indent=1), encoding="utf-8")
    return path
