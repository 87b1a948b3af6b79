"""The person's wording: the not-a-goal finding comes from the analysis, not from the text."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcheck.orchestrate import rewrite
from smartcheck.rewrite.wording import not_a_goal

REF = dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("question", "question"),
        ("progress_note", "progress note"),
        ("symptom_report", "symptom"),
        ("plan_of_care", "plan of care"),
        ("heading", "heading"),
        ("junk", "not readable"),
        (None, "not readable"),
    ],
)
def test_wording_not_a_goal_names_the_analyzers_kind(make, kb, kind, words):
    analysis = make("I will walk", verb="walk")
    analysis = analysis.model_copy(update={"is_goal": False, "non_goal": kind})
    finding = not_a_goal(analysis, kb)
    assert finding is not None
    assert finding.id == "specific.not_a_goal"
    assert words in finding.message


@pytest.mark.parametrize("text", ["Did you walk today?", "Client walked 50 ft with a walker"])
def test_wording_goal_text_with_is_goal_true_gets_no_finding(make, kb, text):
    """The rewrite reads the analysis; it does not re-detect non-goals in the text."""
    assert not_a_goal(make(text, verb="walk"), kb) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Did you complete your breathing exercises each day this week?", "question"),
        ("Client walked 50 ft with a walker today", "progress note"),
        ("Pt reports knee pain on stairs", "symptom"),
        ("   ", "empty"),
        ("5 x 3", "not readable"),
    ],
)
def test_wording_non_goals_get_no_rewrite(text, words):
    result = rewrite(text, reference_date=REF)
    assert not result.suggestions
    assert [f.id for f in result.findings] == ["specific.not_a_goal"]
    assert words in result.findings[0].message


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # present-tense verbs that end in "-ed" are not past-tense notes
        "I feed my dog twice a day",
        "I speed walk every morning",
        "I proceed with my exercises daily",
        # imperatives with a participle
        "Stay motivated to walk daily",
        "Feel relaxed before bed",
    ],
)
def test_wording_goals_get_a_rewrite(text):
    assert rewrite(text, reference_date=REF).suggestions
