"""Fuzzing the public API: every call answers or raises a ``smartcheck.errors`` type.

The inputs mix ordinary goal wording with the kinds of trouble in ``fuzz_inputs.py``
(lone surrogates, 400-digit numbers, dates at the calendar's edge, control and bidi
characters, emoji, formulas) and with values that are not text at all. An untyped
exception escaping any of these functions fails the test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from fuzz_inputs import NASTY, REFERENCE_DATES, WORDS
from hypothesis import given, settings
from hypothesis import strategies as st

import smartcheck
from smartcheck import (
    AnalysisError,
    AnalysisFailure,
    ContextTooLongError,
    GoalAnalysis,
    NotTextError,
    Settings,
    SmartCheckError,
)

pytestmark = pytest.mark.model

PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(NASTY), st.text(max_size=12))
TEXT = st.lists(PIECES, max_size=18).map(" ".join)
CONTEXT = st.one_of(st.none(), TEXT)
REF = st.sampled_from(REFERENCE_DATES)
NOT_TEXT = st.sampled_from([None, 3, 2.5, b"walk daily", ["walk"], {"text": 5}, object()])
ITEM = st.one_of(
    TEXT,
    NOT_TEXT,
    st.tuples(TEXT, CONTEXT),
    st.fixed_dictionaries({"text": TEXT, "context": CONTEXT}),
    st.fixed_dictionaries({"text": TEXT, "reference_date": st.sampled_from(["9999-12-31", "x"])}),
)


def _typed(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``func``; a ``SmartCheckError`` is an answer, anything else fails the test."""
    try:
        return func(*args, **kwargs)
    except SmartCheckError as err:
        assert str(err)
        if isinstance(err, AnalysisError):
            assert err.cause and err.cause in err.reason  # names the exception type only
        return None


@given(text=TEXT, context=CONTEXT, reference_date=REF)
def test_analyze_raises_only_typed_errors(
    text: str, context: str | None, reference_date: Any
) -> None:
    result = _typed(smartcheck.analyze, text, context=context, reference_date=reference_date)
    assert result is None or isinstance(result, GoalAnalysis)


@given(value=NOT_TEXT)
def test_analyze_refuses_values_that_are_not_text(value: object) -> None:
    with pytest.raises(NotTextError):
        smartcheck.analyze(value)  # type: ignore[arg-type]


@given(items=st.lists(ITEM, max_size=10), reference_date=REF)
def test_analyze_many_returns_every_item_in_order(items: list[Any], reference_date: Any) -> None:
    try:
        out = list(smartcheck.analyze_many(items, reference_date=reference_date, batch_size=3))
    except SmartCheckError:  # a bad batch-wide reference date is refused before any item
        return
    assert [r.index for r in out] == list(range(len(items)))
    assert all(isinstance(r, GoalAnalysis | AnalysisFailure) for r in out)


@settings(max_examples=30)
@given(text=TEXT, context=CONTEXT, reference_date=REF)
def test_suggest_raises_only_typed_errors(
    text: str, context: str | None, reference_date: Any
) -> None:
    result = _typed(smartcheck.suggest, text, context=context, n=2, reference_date=reference_date)
    assert result is None or isinstance(result, list)


@settings(max_examples=30)
@given(original=TEXT, rewrite=TEXT, context=CONTEXT, reference_date=REF)
def test_compare_raises_only_typed_errors(
    original: str, rewrite: str, context: str | None, reference_date: Any
) -> None:
    _typed(smartcheck.compare, original, rewrite, context=context, reference_date=reference_date)


@settings(max_examples=40)
@given(text=TEXT, context=CONTEXT, reference_date=REF)
def test_gas_levels_raise_only_typed_errors(
    text: str, context: str | None, reference_date: Any
) -> None:
    _typed(smartcheck.gas_levels, text, context=context, reference_date=reference_date)


@given(note=st.one_of(st.lists(PIECES, max_size=40).map("\n".join), NOT_TEXT))
def test_extract_goals_raises_only_typed_errors(note: Any) -> None:
    result = _typed(smartcheck.extract_goals, note)
    if not isinstance(note, str):
        assert result is None


# ------------------------------------------------------------------ the cases of the issue


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("I will walk \ud800 20 minutes daily for 4 weeks", None),
        ("I will walk 20 minutes daily for 4 weeks", "knee pain \udfff after surgery"),
        ("I will walk 20 minutes daily for 4 weeks", "note\x00note"),
    ],
    ids=["surrogate-in-goal", "surrogate-in-context", "nul-in-context"],
)
def test_invalid_code_points_are_not_text(text: str, context: str | None) -> None:
    with pytest.raises(NotTextError) as info:
        smartcheck.analyze(text, context=context)
    assert "\ud800" not in str(info.value) and "\udfff" not in str(info.value)


def test_context_has_a_length_limit_like_the_goal() -> None:
    goal = "I will walk 20 minutes daily for 4 weeks"
    limit = Settings().max_context_chars
    smartcheck.analyze(goal, context="Knee pain. " * ((limit - 1) // 11))
    with pytest.raises(ContextTooLongError) as info:
        smartcheck.analyze(goal, context="x" * (1_000_000))
    assert info.value.code == "context_too_long"
    assert isinstance(info.value, ValueError)
    with pytest.raises(ContextTooLongError):
        smartcheck.analyze(goal, context="x" * 50, settings=Settings(max_context_chars=10))


@pytest.mark.parametrize(
    "text",
    [
        "I will walk " + "9" * 400 + " steps daily for 4 weeks",
        "I will lose " + "9" * 400 + " pounds in " + "9" * 400 + " days",
        "I will walk 1e999 steps a day for 1e999 weeks",
    ],
    ids=["400-digit-count", "400-digit-deadline", "float-overflow"],
)
def test_numbers_too_large_for_a_float_are_not_read_as_numbers(text: str) -> None:
    analysis = smartcheck.analyze(text, reference_date=dt.date(2026, 1, 5))
    assert all(q.value != float("inf") for q in analysis.elements.quantities)


@pytest.mark.parametrize("note", [None, 3, b"Goals: 1. walk daily", ["Goals:"]])
def test_extract_goals_refuses_values_that_are_not_text(note: object) -> None:
    with pytest.raises(NotTextError):
        smartcheck.extract_goals(note)  # type: ignore[arg-type]


def test_an_unexpected_failure_in_one_goal_fails_only_that_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last-resort boundary: a bug in the pipeline costs one item, with a reason."""
    from smartcheck import component

    real = component.extract_elements

    def flaky(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if "boom" in doc.text:
            raise OverflowError("simulated bug")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(component, "extract_elements", flaky)
    items = ["I will walk daily for 4 weeks", "I will boom daily", None, "I will swim weekly"]
    out = list(smartcheck.analyze_many(items, reference_date=dt.date(2026, 1, 5), batch_size=4))
    assert [r.index for r in out] == [0, 1, 2, 3]
    assert [r.ok if isinstance(r, AnalysisFailure) else True for r in out] == [
        True,
        False,
        False,
        True,
    ]
    failed = out[1]
    assert isinstance(failed, AnalysisFailure)
    assert failed.error == "analysis_failed" and "OverflowError" in failed.reason
    assert "boom" not in failed.reason
    with pytest.raises(AnalysisError) as info:
        smartcheck.analyze("I will boom daily", reference_date=dt.date(2026, 1, 5))
    assert isinstance(info.value, RuntimeError)
    assert isinstance(info.value.__cause__, OverflowError)
