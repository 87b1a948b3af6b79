"""The person's wording: what is not a goal."""

from __future__ import annotations

import pytest

from smartcheck.rewrite.wording import not_a_goal


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Did you complete your breathing exercises each day this week?", "question"),
        ("Client walked 50 ft with a walker today", "past-tense"),
        ("   ", "empty"),
    ],
)
def test_wording_not_a_goal(text, reason):
    finding = not_a_goal(text)
    assert finding is not None
    assert finding.id == "specific.not_a_goal"
    assert reason in finding.message


@pytest.mark.parametrize("text", ["Stay motivated to walk daily", "Feel relaxed before bed"])
def test_wording_imperative_with_participle_is_a_goal(text):
    assert not_a_goal(text) is None
