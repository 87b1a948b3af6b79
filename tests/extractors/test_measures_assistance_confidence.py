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
        ("Walk for 20 minutes, 3 times per week at 9 am (8/10)", "8/10", 0.8),
        ("Swim once a week, 100% confidence", "100% confidence", 1.0),
        # the forms people write a rating in (rubric A: "a confidence rating of at least 5/10")
        ("Cycle to work on Tuesdays for 6 weeks (conf 7)", "conf 7", 0.7),
        ("Floss every night for a month, conf. 9/10", "conf. 9/10", 0.9),
        (
            "Walk the dog daily for 3 weeks - I'd say a 6 out of 10 on confidence",
            "a 6 out of 10 on confidence",
            0.6,
        ),
        (
            "Lights out by 11 on weeknights for 2 weeks, confidence low, maybe a 4",
            "confidence low, maybe a 4",
            0.4,
        ),
        ("Do exposure step 3 twice this week; I'm 50/50 on it", "50/50", 0.5),
        ("Skip the pub on Friday (honestly 3/10)", "honestly 3/10", 0.3),
        (
            "Take my tablets with breakfast every day for 2 weeks — very confident",
            "very confident",
            0.9,
        ),
        (
            "Call my sister every Sunday this month, not very confident though",
            "not very confident",
            0.3,
        ),
    ],
)
def test_confidence_table(run, goal: str, text: str, value: float) -> None:
    found = run(goal).elements.confidence
    assert [c.text for c in found] == [text]
    assert found[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "goal",
    [
        "I want to be very confident at work by June",  # confidence is the goal itself
        "Feel more confident speaking in class",
        "Walk daily for 4 weeks, confidence in walking 3 times a week",
        "Join the conf call 3 times a week",
        "Rate my pain 3/10 or lower by Friday",
    ],
)
def test_confidence_is_not_read_from_goal_content(run, goal: str) -> None:
    assert run(goal).elements.confidence == ()


def test_confidence_is_not_an_absolute(run) -> None:
    flags = run("Swim once a week, 100% confidence").elements.flags
    assert not [f for f in flags if f.category == "absolute"]
