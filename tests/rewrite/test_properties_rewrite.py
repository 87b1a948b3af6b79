"""Property tests: any text gives suggestions that read as sentences, or an InputError."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smartcheck
from smartcheck.errors import InputError

pytestmark = pytest.mark.model

REF = dt.date(2026, 1, 5)
WORDS = [
    "I",
    "will",
    "want",
    "to",
    "walk",
    "run",
    "never",
    "more",
    "less",
    "daily",
    "every",
    "day",
    "for",
    "the",
    "next",
    "week",
    "10",
    "minutes",
    "Client",
    "Pt",
    "my",
    "anxiety",
    "pain",
    "sleep",
    "to",
    "be",
    "able",
    "with",
    "min",
    "A",
    "100%",
    "always",
    "maybe",
    "soon",
    "journal",
]
goals = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
contexts = st.sampled_from([None, "anxiety", "knee injury", "insomnia", "dysphagia"])


@settings(max_examples=25)
@given(text=goals, context=contexts)
def test_property_suggestions_are_sentences(text, context):
    try:
        suggestions = smartcheck.suggest(text, context=context, reference_date=REF)
    except InputError:
        return
    for suggestion in suggestions:
        assert suggestion.text.endswith(".")
        assert re.search(r"\bwill\b", suggestion.text)
        assert "{" not in suggestion.text
        assert set(suggestion.sources) <= set(suggestion.slots)


@settings(max_examples=10)
@given(text=goals, context=contexts)
def test_property_suggest_is_deterministic(text, context):
    try:
        one = smartcheck.suggest(text, context=context, reference_date=REF)
    except InputError:
        return
    assert one == smartcheck.suggest(text, context=context, reference_date=REF)
