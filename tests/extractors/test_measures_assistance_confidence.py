"""Measures, assistance levels and confidence ratings."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "instrument", "comparator", "target"),
    [
        ("Client will reduce GAD-7 score from 15 to below 10 within 8 weeks", "GAD-7", "<", 10),
        ("Pt will reduce PHQ-9 score to <10 by 3/15/2026", "PHQ-9", "<", 10),
        ("Client will reduce PCL-5 score to below 33 within 12 weeks", "PCL-5", "<", 33),
        ("Pt will improve Berg Balance Scale score from 38 to ≥45 within 6 wks", "Berg", ">=", 45),
        ("Pt will complete the TUG in under 14 sec with a single point cane", "TUG", "<", 14),
        ("Pt will increase 6MWT distance from 250 m to 320 m", "6MWT", ">=", 320),
        ("Pt will achieve HbA1c <7% by the April follow-up", "HbA1c", "<", 7),
        (
            "Pt will produce /r/ with 80% accuracy in 4 of 5 consecutive sessions",
            "accuracy",
            ">=",
            80,
        ),
        ("Pt will complete tub bench transfer with SBA in 2/3 trials", "accuracy", ">=", 67),
        ("Client will report knee pain of 3/10 or less when climbing stairs", "pain NRS", "<=", 3),
        ("staying until my SUDS drops to 3 or below", "SUDS", "<=", 3),
    ],
)
def test_measures_table(run, goal: str, instrument: str, comparator: str, target: float) -> None:
    found = [m for m in run(goal).elements.measures if m.instrument == instrument]
    assert found, run(goal).elements.measures
    assert found[0].comparator == comparator
    assert found[0].target == pytest.approx(target)


def test_measures_change_without_instrument_keeps_both_ends(run) -> None:
    m = run("Pt will reduce yelling episodes from about 5 to 2 or fewer per week").elements.measures
    assert [(x.baseline, x.target, x.comparator) for x in m] == [(5, 2, "<=")]


@pytest.mark.parametrize(
    ("goal", "text", "level"),
    [
        ("Pt will don/doff UB clothing with min A using one-handed technique", "min A", "minimal"),
        (
            "Patient will demonstrate donning socks with a sock aid independently",
            "independently",
            "independent",
        ),
        ("Pt will complete tub bench transfer with SBA in 2/3 trials", "SBA", "supervision"),
        ("Pt will ambulate 150 ft with RW and CGA on level surfaces", "CGA", "contact guard"),
        (
            "Pt will follow 2-step commands with 90% accuracy given mod verbal cues",
            "mod verbal cues",
            "moderate",
        ),
    ],
)
def test_assistance_table(run, goal: str, text: str, level: str) -> None:
    found = run(goal).elements.assistance
    assert [(a.text, a.level) for a in found] == [(text, level)]


@pytest.mark.parametrize(
    ("goal", "text", "value"),
    [
        ("I will go to the store once a week (confidence 6/10)", "confidence 6/10", 0.6),
        ("I will walk on workdays; I'm 70% confident I can do it", "70% confident", 0.7),
        ("Replace my soda with water on weekdays. Confidence: 7/10", "Confidence: 7/10", 0.7),
        ("Cook at home 4 nights a week. (Confidence level: 8/10)", "Confidence level: 8/10", 0.8),
        ("Walk for 20 minutes, 3 times per week at 9 am (8/10)", "(8/10)", 0.8),
        ("Swim once a week, 100% confidence", "100% confidence", 1.0),
    ],
)
def test_confidence_table(run, goal: str, text: str, value: float) -> None:
    found = run(goal).elements.confidence
    assert [c.text for c in found] == [text]
    assert found[0].value == pytest.approx(value)


def test_confidence_is_not_an_absolute(run) -> None:
    flags = run("Swim once a week, 100% confidence").elements.flags
    assert not [f for f in flags if f.category == "absolute"]
