"""Frequencies: a table of real goals with the span and normalised rate expected."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "text", "times", "per"),
    [
        (
            "I will practice deep breathing techniques every day for 10 minutes",
            "every day",
            1,
            "day",
        ),
        (
            "I will complete my journaling exercise three times a week for the next month",
            "three times a week",
            3,
            "week",
        ),
        (
            "Pt will complete a thought record 3x/wk, rating SUDS before and after",
            "3x/wk",
            3,
            "week",
        ),
        ("Client will practice progressive muscle relaxation x3/wk", "x3/wk", 3, "week"),
        ("I will drive to the store twice a week with my husband", "twice a week", 2, "week"),
        ("Client will attend a weekly bereavement support group", "weekly", 1, "week"),
        ("I will do 3 sets of 10 heel raises BID holding the counter", "BID", 2, "day"),
        ("I will not drink alcohol on weekdays for the next month", "on weekdays", 5, "week"),
        ("I will eat breakfast on at least 5 days a week", "at least 5 days a week", 5, "week"),
        ("Client will attend 3 AA meetings per week", "3 AA meetings per week", 3, "week"),
        ("I will write him a short letter every Sunday", "every Sunday", 1, "week"),
        ("I will visit the grave once a month", "once a month", 1, "month"),
        ("I will walk 10 miles per day", "per day", 1, "day"),
        (
            "I will listen to the recording once a day, 5 days a week",
            "once a day, 5 days a week",
            5,
            "week",
        ),
        ("Take statin medication everyday", "everyday", 1, "day"),
        ("I will swim every other day", "every other day", 3.5, "week"),
        ("Cut down on oil every dinner", "every dinner", 1, "day"),
        ("I will walk 3-4 times per week", "3-4 times per week", 3, "week"),
        ("I will walk 4/7 days", "4/7 days", 4, "week"),
        (
            "I will walk on Mondays, Wednesdays and Fridays",
            "on Mondays, Wednesdays and Fridays",
            3,
            "week",
        ),
        ("I will walk twice daily", "twice daily", 2, "day"),
    ],
)
def test_frequencies_table(run, goal: str, text: str, times: float, per: str) -> None:
    found = run(goal).elements.frequencies
    match = [f for f in found if f.text == text]
    assert match, [f.text for f in found]
    assert match[0].times == pytest.approx(times)
    assert match[0].per == per
    assert goal[match[0].start : match[0].end] == text


@pytest.mark.parametrize(
    "goal",
    [
        "get out of bed earlier most days",
        "I'd like to go to the gym a few times a week",
        "I will use grounding skills when triggered",
        "I will walk for 10 minutes",
        "Pt will name 4/7 objects",
    ],
)
def test_frequencies_vague_or_absent_give_none(run, goal: str) -> None:
    assert run(goal).elements.frequencies == ()
