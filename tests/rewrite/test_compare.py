"""Training feedback on a trainee's rewrite, with a fake analyzer."""

from __future__ import annotations

import pytest

from smartcheck.models import Concern
from smartcheck.orchestrate import compare


@pytest.fixture
def analyses(make, at):
    original = "I want to feel less anxious"
    good = "I will practice deep breathing every day for 10 minutes for 4 weeks"
    partial = "I will practice deep breathing every day"
    off = "I will organize my garage by Saturday"
    return {
        original: make(
            original,
            met="00010",
            verb="feel",
            kind="state",
            concerns=(Concern(concern="anxiety", domain="mh", **at(original, "anxious")),),
        ),
        good: make(good, met="11111", verb="practice"),
        partial: make(partial, met="11010", verb="practice"),
        off: make(off, met="11101", verb="organize"),
    }


def fake(table):
    def analyze(text, *, context=None, reference_date=None, profile="therapy"):
        return table[text]

    return analyze


def test_compare_smart_rewrite(analyses):
    feedback = compare(
        "I want to feel less anxious",
        "I will practice deep breathing every day for 10 minutes for 4 weeks",
        analyze=fake(analyses),
    )
    assert feedback.verdict == "smart"
    assert feedback.improved == ("specific", "measurable", "achievable", "time_bound")
    assert feedback.still_missing == ()
    assert feedback.kept_concern
    assert "anxiety" in feedback.concerns


def test_compare_partial_rewrite_lists_missing(analyses):
    feedback = compare(
        "I want to feel less anxious",
        "I will practice deep breathing every day",
        analyze=fake(analyses),
    )
    assert feedback.verdict == "improved"
    assert feedback.still_missing == ("achievable", "time_bound")
    assert "Time-bound" in feedback.message


def test_compare_off_topic_rewrite(analyses):
    feedback = compare(
        "I want to feel less anxious",
        "I will organize my garage by Saturday",
        analyze=fake(analyses),
    )
    assert feedback.verdict == "off_topic"
    assert not feedback.kept_concern


def test_compare_unchanged(analyses):
    feedback = compare(
        "I want to feel less anxious", "I want to feel less anxious", analyze=fake(analyses)
    )
    assert feedback.verdict == "unchanged"
    assert feedback.kept_action
