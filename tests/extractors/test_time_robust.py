"""Time extractors never raise: far-future dates, absurd numbers, any text around a time phrase."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcheck import analyze
from smartcheck.extractors.timeframes import shift

pytestmark = pytest.mark.model

FAR = dt.date(9999, 12, 31)


@pytest.mark.parametrize(
    "goal",
    [
        "I will walk every day for the next 10000 years",
        "I will walk 20 minutes daily for 4 weeks",
        "I will quit smoking by the end of next year",
        "Walk daily by Easter",
        "Log meals until 15/04/2026",
        "I will call the clinic tomorrow",
        "Finish by the end of Q4",
        "Walk daily in May",
        "Run by my birthday on 3 March",
        "Stretch daily by the 31st",
    ],
)
def test_far_future_reference_date_gives_open_ended_timeframes(goal: str) -> None:
    a = analyze(goal, reference_date=FAR)
    for tf in a.elements.timeframes:
        explicit_year = "2026" in tf.text  # a stated past date stays that date
        assert tf.end_date is None or tf.end_date >= FAR or explicit_year
        assert (tf.days is None) == (tf.end_date is None)


@pytest.mark.parametrize("digits", [20, 400])
@pytest.mark.parametrize(
    "template",
    [
        "I will walk {n} times a day for {n} weeks",
        "I will walk {n} minutes daily within {n} days",
        "I will do {n} reps every {n} days by week {n}",
        "I will walk {n} km by {n}/{n}/{n}",
        "Walk 3x{n} daily x {n} wks",
    ],
)
def test_huge_numbers_never_overflow(template: str, digits: int) -> None:
    n = "9" * digits
    a = analyze(template.format(n=n), reference_date="2026-01-05")
    json_text = a.model_dump_json()
    assert "Infinity" not in json_text and "NaN" not in json_text
    for tf in a.elements.timeframes:
        assert tf.days is None or tf.days < 366 * 200


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (2, "weeks", dt.date(2026, 1, 19)),
        (1, "fortnight", dt.date(2026, 1, 19)),
        (1, "quarter", dt.date(2026, 4, 5)),
        (0, "days", dt.date(2026, 1, 5)),
        (1.5, "months", dt.date(2026, 2, 19)),
        (10**9, "years", None),
        (float("inf"), "days", None),
        (3, "minutes", None),
    ],
)
def test_shift_is_total(n: float, unit: str, expected: dt.date | None) -> None:
    assert shift(dt.date(2026, 1, 5), n, unit) == expected


@given(
    prefix=st.text(max_size=30),
    phrase=st.sampled_from(
        [
            "by the end of the",
            "within 10 visits",
            "before I go back to",
            "until 31/02/2026",
            "by 13/13",
            "at the 9999-week review",
            "in May 99999",
            "by the 45th",
            "3x999 reps",
            "q0h",
            "every 0 days",
            "on 9 of 5 days",
        ]
    ),
    suffix=st.text(max_size=30),
)
def test_time_phrases_in_any_text_never_raise(prefix: str, phrase: str, suffix: str) -> None:
    text = f"I will walk {prefix} {phrase} {suffix}".strip()
    try:
        a = analyze(text, reference_date=FAR)
    except ValueError:
        return  # InputError (a ValueError) for text that is not an English goal
    for tf in a.elements.timeframes:
        assert text[tf.start : tf.end] == tf.text


@pytest.mark.parametrize("ref", ["0001-01-01", "2024-02-29", "9999-12-25", "9999-12-31"])
@pytest.mark.parametrize(
    "phrase",
    [
        "by next Friday",
        "by the 31st",
        "by 2/29",
        "until 31/12",
        "by Thanksgiving",
        "by the end of next year",
        "by the 4th week of December",
        "by 12/9999",
        "within 99999999999 weeks",
        "by mid-December",
    ],
)
def test_edge_reference_dates_never_raise(ref: str, phrase: str) -> None:
    a = analyze(f"I will walk daily {phrase}", reference_date=ref)
    for tf in a.elements.timeframes:
        assert (tf.days is None) == (tf.end_date is None)
