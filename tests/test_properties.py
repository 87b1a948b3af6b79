"""Property-based robustness: any string gives an analysis or a typed error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcheck import GoalAnalysis, InputError, analyze, analyze_many

pytestmark = pytest.mark.model
REF = "2026-01-05"

VOCABULARY = (
    "I will walk swim practice deep breathing every day for 10 minutes three times a week by March 15 "
    "within 6 weeks to manage my anxiety confidence 7/10 never always 80% accuracy with min A "
    "PHQ-9 below 10 the next month 5-pound weight 3x/wk feel less anxious , . ( ) ? ; / - 2/10"
)
WORDS = st.sampled_from(VOCABULARY.split())
GOALISH = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)


def _check(text: str, a: GoalAnalysis) -> None:
    for field in type(a.elements).model_fields:
        for el in getattr(a.elements, field):
            assert 0 <= el.start <= el.end <= len(text)
            assert text[el.start : el.end] == el.text
    for f in a.findings:
        if f.span is not None:
            assert text[f.span.start : f.span.end] == f.span.text
    assert 0 <= a.score <= 100


@given(st.text(max_size=300))
def test_any_string_gives_analysis_or_input_error(text: str) -> None:
    try:
        a = analyze(text, reference_date=REF)
    except InputError as err:
        assert err.reason
        return
    _check(text, a)


@given(GOALISH)
def test_goal_like_text_spans_slice_back_and_are_deterministic(text: str) -> None:
    try:
        a = analyze(text, reference_date=REF)
    except InputError:
        return
    _check(text, a)
    assert analyze(text, reference_date=REF) == a


@given(st.lists(st.one_of(GOALISH, st.text(max_size=40), st.none()), max_size=12))
def test_batches_never_lose_an_item(items: list[str | None]) -> None:
    out = list(analyze_many(items, reference_date=REF, batch_size=4))  # type: ignore[arg-type]
    assert [r.index for r in out] == list(range(len(items)))
