"""Durations: the length of one performance, never an end point."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "text", "seconds", "bound"),
    [
        ("I will practice deep breathing every day for 10 minutes", "10 minutes", 600, "exact"),
        (
            "I will lift a 5-pound weight for 30 seconds by the end of the month",
            "30 seconds",
            30,
            "exact",
        ),
        (
            "I will attend a social event for at least 30 minutes every week",
            "at least 30 minutes",
            1800,
            "min",
        ),
        ("I will take a 10-minute walk outside during my lunch break", "10-minute", 600, "exact"),
        (
            "Client will copy a sentence in under 3 minutes by March 1",
            "under 3 minutes",
            180,
            "max",
        ),
        ("walk 20 min daily x 4 wks", "20 min", 1200, "exact"),
        ("I will sleep 8 hrs a night", "8 hrs", 28800, "exact"),
        ("I will walk 30-45 minutes after dinner", "30-45 minutes", 1800, "min"),
        ("I will walk for half an hour", "half an hour", 1800, "exact"),
        (
            "I will exercise for 1 hour and 30 minutes on Saturdays",
            "1 hour and 30 minutes",
            5400,
            "exact",
        ),
    ],
)
def test_durations_table(run, goal: str, text: str, seconds: float, bound: str) -> None:
    found = run(goal).elements.durations
    assert [d.text for d in found] == [text]
    assert found[0].seconds == pytest.approx(seconds)
    assert found[0].bound == bound


@pytest.mark.parametrize(
    "goal",
    [
        "I will walk for the next two weeks",
        "I will meditate for 6 weeks",
        "Pt will complete the TUG in under 14 sec",
    ],
)
def test_durations_not_confused_with_timeframes_or_measures(run, goal: str) -> None:
    assert run(goal).elements.durations == ()
