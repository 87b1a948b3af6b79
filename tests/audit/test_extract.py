"""Tests for goal extraction from free-text notes and plans."""

from __future__ import annotations

import pytest

from smartcheck import extract_goals
from smartcheck.audit.rules import load_rules


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Session 4. Client reports better sleep.\nGoals Setting: 1. Walk for 20 minutes "
            "three times a week (confidence 8/10). 2. Take sertraline every morning. "
            "Client shared plans to travel.",
            [
                "Walk for 20 minutes three times a week (confidence 8/10)",
                "Take sertraline every morning",
            ],
        ),
        (
            "Weekly SMART Goals: 1. Practice deep breathing for 10 minutes daily. "
            "2. Attend one social event by Friday.",
            ["Practice deep breathing for 10 minutes daily", "Attend one social event by Friday"],
        ),
        (
            "(1) Diet: Eat two servings of vegetables at lunch five days a week. "
            "(2) Exercise: Swim once a week for 30 minutes. Wellness vision: To stay active.",
            [
                "Eat two servings of vegetables at lunch five days a week",
                "Swim once a week for 30 minutes",
            ],
        ),
        (
            "Treatment plan\nSTG:\n- Pt will name 3 coping strategies in 4/5 trials by 2/15\n"
            "- Pt will use a coping strategy twice daily\n\nInterventions:\n- CBT weekly",
            [
                "Pt will name 3 coping strategies in 4/5 trials by 2/15",
                "Pt will use a coping strategy twice daily",
            ],
        ),
        (
            "Goal: Client will reduce panic attacks to one per week within 8 weeks. "
            "Therapist will review the thought log.",
            ["Client will reduce panic attacks to one per week within 8 weeks"],
        ),
        (
            "Client is motivated. Client will walk 30 minutes every day before work. "
            "Client will think about it.",
            ["Client will walk 30 minutes every day before work"],
        ),
        (
            "1. SMART Goal: To take statins every morning with breakfast (60% confident). "
            "Client takes four pills daily.",
            ["take statins every morning with breakfast (60% confident)"],
        ),
        (
            "Limit takeaway dinners to twice a week (e.g. pizza, burgers). Confidence: 6/10. "
            "Goals setting: 1. Limit takeaway dinners to twice a week (e.g. pizza, burgers). "
            "Confidence: 6/10. Action item: share recipes.",
            ["Limit takeaway dinners to twice a week (e.g. pizza, burgers). Confidence: 6/10"],
        ),
        (
            "LTG: Client will return to work full time by 6/30/2026.\n"
            "Objective 1.1: Client will complete a thought record 3 times a week.",
            [
                "Client will return to work full time by 6/30/2026",
                "Client will complete a thought record 3 times a week",
            ],
        ),
        (
            "Short-term goals:\nWalk 20 minutes daily for 4 weeks\nSwim twice a week\n\n"
            "Interventions:\nCBT weekly",
            ["Walk 20 minutes daily for 4 weeks", "Swim twice a week"],
        ),
        (
            "## Goals\n1. Walk 20 minutes daily\n2. Swim twice a week\n\n## Plan\n1. CBT weekly",
            ["Walk 20 minutes daily", "Swim twice a week"],
        ),
    ],
)
def test_extract_goals_finds_goal_statements(note: str, expected: list[str]) -> None:
    spans = extract_goals(note)
    assert [s.text for s in spans] == expected
    for span in spans:
        assert note[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "note",
    [
        "Missed session. Client asked to reschedule.",
        "Goal review: (1) Walked twice a week. (2) Took medication daily.",
        "3-month goals: (1) Lose 3 kg. (2) Improve mood.",
        "App usage: 1) Explored the videos. 2) Set reminders for medication.",
        "Not ready to set goals at this time. Client will stay home to care for the pet.",
        "Goal setting: Chose not to set new goals for now; will revisit next session.",
    ],
)
def test_extract_goals_ignores_reviews_and_narrative(note: str) -> None:
    assert extract_goals(note) == []


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "1. Jog once a week. 2. Cook at home twice a week. Reason for joining: research. "
            "3-month goals: (1) Lose 2 kg.",
            ["Jog once a week", "Cook at home twice a week"],
        ),
        (
            "1. Reduce soda to once daily. 2. Limit snacks to once daily. History: diabetes. "
            "Weekly goals: 1) Reduce soda to once daily (confidence 7/10). "
            "2) Limit snacks to once daily (confidence 7/10).",
            [
                "Reduce soda to once daily (confidence 7/10)",
                "Limit snacks to once daily (confidence 7/10)",
            ],
        ),
    ],
)
def test_extract_goals_prefers_headed_lists_over_unheaded(note: str, expected: list[str]) -> None:
    assert [s.text for s in extract_goals(note)] == expected


@pytest.mark.parametrize("note", ["", "   ", "No goals.", "1.", "(1)", "Goals:", "- \n- "])
def test_extract_goals_handles_degenerate_notes(note: str) -> None:
    for span in extract_goals(note):
        assert note[span.start : span.end] == span.text


@pytest.mark.parametrize("field", ["goal_headings", "narrative_openers", "abbreviations"])
def test_extraction_rules_load_from_package_data(field: str) -> None:
    rules = load_rules()
    assert getattr(rules.rules, field)
