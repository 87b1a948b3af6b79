"""Timeframes resolve against the reference date (2026-01-05, a Monday)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "text", "kind", "end_date"),
    [
        (
            "I will walk for 15 minutes each day for the next two weeks",
            "for the next two weeks",
            "period",
            "2026-01-19",
        ),
        (
            "I will lift a weight for 30 seconds by the end of the month",
            "by the end of the month",
            "deadline",
            "2026-01-31",
        ),
        (
            "Client will reduce GAD-7 score from 15 to below 10 within 8 weeks",
            "within 8 weeks",
            "deadline",
            "2026-03-02",
        ),
        (
            "Pt will improve Berg score from 38 to 45 within 6 wks",
            "within 6 wks",
            "deadline",
            "2026-02-16",
        ),
        ("Pt will reduce yelling episodes by March 15", "by March 15", "deadline", "2026-03-15"),
        ("I will cut down to 5 cigarettes a day by 3/15", "by 3/15", "deadline", "2026-03-15"),
        (
            "Pt will reduce PHQ-9 score to <10 by 3/15/2026",
            "by 3/15/2026",
            "deadline",
            "2026-03-15",
        ),
        ("I will clean out the garage by Saturday", "by Saturday", "deadline", "2026-01-10"),
        ("walk 20 min daily x 4 wks", "x 4 wks", "period", "2026-02-02"),
        (
            "Pt will increase 6MWT distance from 250 m to 320 m by the end of next month",
            "by the end of next month",
            "deadline",
            "2026-02-28",
        ),
        (
            "Cook dinner at home 4 nights a week through the end of February",
            "through the end of February",
            "period",
            "2026-02-28",
        ),
        ("I will walk a marathon in 6 weeks", "in 6 weeks", "deadline", "2026-02-16"),
        (
            "I will attend a social event every week for the next month",
            "for the next month",
            "period",
            "2026-02-05",
        ),
        ("I will walk daily by week 6", "by week 6", "deadline", "2026-02-16"),
        ("I will walk daily by end of March", "by end of March", "deadline", "2026-03-31"),
        ("I will walk daily by mid-February", "by mid-February", "deadline", "2026-02-15"),
        (
            "I will walk daily over the next 6 weeks",
            "over the next 6 weeks",
            "period",
            "2026-02-16",
        ),
        (
            "I will do my exercises until my repeat swallow study on 2/10",
            "until my repeat swallow study on 2/10",
            "deadline",
            "2026-02-10",
        ),
    ],
)
def test_timeframes_table(run, goal: str, text: str, kind: str, end_date: str) -> None:
    found = run(goal).elements.timeframes
    assert [t.text for t in found] == [text]
    tf = found[0]
    assert tf.kind == kind
    assert tf.end_date == dt.date.fromisoformat(end_date)
    assert tf.days == (tf.end_date - dt.date(2026, 1, 5)).days


@pytest.mark.parametrize(
    ("goal", "text"),
    [
        ("I will complete the values worksheet before my next session", "before my next session"),
        ("Pt will don/doff UB clothing with min A by discharge", "by discharge"),
        (
            "Client will use 3-word phrases by the end of the school term",
            "by the end of the school term",
        ),
    ],
)
def test_timeframes_without_a_calendar_date(run, goal: str, text: str) -> None:
    found = run(goal).elements.timeframes
    assert [t.text for t in found] == [text]
    assert found[0].kind == "deadline"
    assert found[0].end_date is None


@pytest.mark.parametrize(
    "goal",
    [
        "I want to feel less anxious",  # dateparser alone reads "to" as a date
        "I will meditate every day for 10 minutes",  # and "10 minutes" as ten minutes ago
        "I will walk with confidence 7/10",  # and "7/10" as 10 July
        "I will get a promotion this year",
        "I will quit smoking soon",
        "I will exercise starting tomorrow",
    ],
)
def test_timeframes_not_found_in_durations_ratings_or_vague_time(run, goal: str) -> None:
    assert run(goal).elements.timeframes == ()


def test_timeframes_follow_the_reference_date(nlp) -> None:
    from smartcheck import analyze

    a = analyze("I will walk daily by the end of the month", reference_date="2026-02-10")
    assert a.elements.timeframes[0].end_date == dt.date(2026, 2, 28)
    assert a.elements.timeframes[0].days == 18


@pytest.mark.parametrize(
    ("goal", "text", "end_date"),
    [
        ("I'm going to run a 5k next weekend", "next weekend", "2026-01-18"),
        ("I will call the clinic tomorrow", "tomorrow", "2026-01-06"),
    ],
)
def test_timeframes_bare_relative_dates(run, goal: str, text: str, end_date: str) -> None:
    found = run(goal).elements.timeframes
    assert [(t.text, t.end_date) for t in found] == [(text, dt.date.fromisoformat(end_date))]


def test_timeframes_start_point_is_not_an_end_point(run) -> None:
    assert run("I will exercise daily starting tomorrow").elements.timeframes == ()
