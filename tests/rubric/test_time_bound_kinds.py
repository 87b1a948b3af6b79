"""T verdicts by kind of time wording (goals written for these tests)."""

from __future__ import annotations

import pytest

from smartcheck import analyze

pytestmark = pytest.mark.model


# Rubric (T) 1: a deadline or a bounded period, in any of the forms people write.
@pytest.mark.parametrize(
    "goal",
    [
        "Pt will amb 150 ft with RW by 12 weeks",
        "Pt will climb 12 stairs by week 6 post-op",
        "Client will produce /s/ in words with 80% accuracy within 10 visits",
        "Sam will read 80 WCPM across the next 6 sessions",
        "I will swim twice a week throughout June",
        "I will log my meals daily until 15/04/2026",
        "I will run 5 km in May 2026",
        "I will do the breathing exercises daily for the 8-week course",
        "Ana will request help by the end of the marking period",
        "Student will turn in homework by the annual review",
        "Pt will transfer bed to chair with SBA by d/c",
        "Pt will walk 500 ft at the 6-week review",
        "I will track my sleep nightly by the next follow-up call",
        "I will lose 5 kg before my daughter's wedding",
        "I will rebuild my stamina before I go back to work",
        "Do finger exercises 5 times a day till the cast comes off",
        "Walk 20 min daily x 6 wks",
    ],
)
def test_time_bound_met(goal: str) -> None:
    assert analyze(goal, reference_date="2026-01-05").dimensions.time_bound.met


# Rubric (T) 0: a frequency alone, a session length, vague time, a start, a streak.
@pytest.mark.parametrize(
    "goal",
    [
        "I will walk every day",
        "I will meditate for 10 minutes",
        "I will exercise soon",
        "I will walk daily this year",
        "I will walk daily in the coming weeks",
        "Eventually I will manage the stairs",
        "Starting Monday I will walk to work 3 days a week",
        "Client will use coping skills across 3 consecutive sessions",
        "Sam will answer wh- questions in 4 of 5 trials",
        "I will walk more over time",
    ],
)
def test_time_bound_not_met(goal: str) -> None:
    assert not analyze(goal, reference_date="2026-01-05").dimensions.time_bound.met


@pytest.mark.parametrize("goal", ["I will walk every day for the next 10000 years"])
def test_far_horizon_is_met_but_flagged_too_long(goal: str) -> None:
    t = analyze(goal, reference_date="2026-01-05").dimensions.time_bound
    assert t.met
    assert "time_bound.too_long" in {f.id for f in t.findings}
    assert t.score < 1.0
