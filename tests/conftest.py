"""Root fixtures: one spaCy pipeline per run, the knowledge base, and a hypothesis profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings
from spacy.language import Language

from smartcheck import GoalAnalysis, analyze, load_nlp
from smartcheck.kb.loader import default_kb
from smartcheck.kb.models import KnowledgeBase

#: The reference date of the labelled data; tests pass it explicitly for determinism.
REF = dt.date(2026, 1, 5)

settings.register_profile(
    "smartcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("smartcheck")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden`` to rewrite tests/golden/*.json from the current analyzer."""
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden analyses")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The installed English pipeline with the smartcheck component, loaded once."""
    return load_nlp()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The knowledge base shipped with the package."""
    return default_kb()


@pytest.fixture(scope="session")
def run() -> Callable[..., GoalAnalysis]:
    """Analyse a goal against the fixed reference date."""

    def _run(text: str, context: str | None = None, profile: str = "therapy") -> GoalAnalysis:
        return analyze(text, context=context, reference_date=REF, profile=profile)

    return _run
