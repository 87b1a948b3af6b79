"""Build rubric inputs by hand: no spaCy needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from smartcheck.kb.loader import default_kb
from smartcheck.models import ContextInfo, Elements
from smartcheck.rubric.base import RubricInput


@pytest.fixture
def make_input() -> Callable[..., RubricInput]:
    """Build a ``RubricInput`` from element lists and an optional context."""

    def _make(
        profile: str = "therapy", context: ContextInfo | None = None, **elements: Any
    ) -> RubricInput:
        kb = default_kb()
        return RubricInput(
            elements=Elements(**elements),
            context=context or ContextInfo(present=False),
            profile=kb.profile(profile),
            kb=kb,
        )

    return _make
