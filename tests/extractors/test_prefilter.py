"""The candidate-pattern prefilter: it skips a pattern only where the pattern cannot match."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from smartcheck.extractors.base import Resources, compile_resources, find_candidates
from smartcheck.extractors.prefilter import lowered, may_match, required_factors
from smartcheck.kb.models import KnowledgeBase

FACTORS = [
    # (regex, the factor sets every match needs)
    (r"for\s+\d+\s+weeks?", [{"for"}, {"week"}]),
    (r"(?:at least\s+)?\d+\s*(?:minutes?|mins?)\b", [{"min"}]),  # the common prefix
    (r"(?:daily|weekly)", [{"daily", "weekly"}]),
    (r"(?=.*\bsessions\b)\d+", [{"sessions"}]),  # a lookahead that must hold
    (r"d(?:ischarge|/c)", [{"ischarge", "/c"}]),
    (r"(?:by|before)?\s*\d+", []),  # an optional part needs nothing
    (r"(?!never)\d+\s*(?:s|h)\b", []),  # single letters filter nothing; negatives neither
    (r"(?:walk|\d+)\s+km", [{"km"}]),  # one alternative without a literal: only "km" holds
]


@pytest.mark.parametrize(("regex", "expected"), FACTORS)
def test_required_factors_of_hand_written_patterns(regex: str, expected: list[set[str]]) -> None:
    found = required_factors(re.compile(regex, re.I))
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


@pytest.mark.parametrize(
    ("text", "can_match"),
    [
        ("Walk for 3 WEEKS", True),  # case does not matter
        ("Walk for 3 days", False),
        ("Walk ſor 3 weeks", True),  # a character re folds onto "f": the test is off
    ],
)
def test_may_match_is_case_blind_and_safe(text: str, can_match: bool) -> None:
    factors = required_factors(re.compile(r"for\s+\d+\s+weeks?", re.I))
    assert may_match(factors, lowered(text)) is can_match


def _unfiltered(res: Resources) -> Resources:
    return dataclasses.replace(res, factors=[() for _ in res.factors], lowered={})


@pytest.fixture(scope="module")
def res(nlp: Language, kb: KnowledgeBase) -> Resources:
    return compile_resources(kb, nlp.vocab, nlp.make_doc)


GOALS = [
    "I will walk for 20 minutes 3x/wk until 6/30",
    "Pt will amb 150 ft w/ RW & SBA x 2 wks, BID",
    "Student will read 90 WCPM with 95% accuracy across 3 consecutive probes by the IEP review",
    "Reduce drinks from 20 to 10 per week by the end of March, 7/10 confident",
    "Sit-to-stand x10 reps, 3 sets, every other day for the next 6 sessions",
    "Lights out at 10:30 pm on weeknights; at least 1 hour and a half of reading",
    "ſwim 2 km by June ſ3rd",
]

WORDS = sorted(
    {w for goal in GOALS for w in re.findall(r"[\w/%:.]+|[^\w\s]", goal)}
    | {"daily", "weekly", "times", "per", "day", "minutes", "h", "s", "by", "within", "x"}
)


@pytest.mark.model
@pytest.mark.parametrize("text", GOALS)
def test_prefilter_keeps_every_candidate_of_real_goals(text: str, res: Resources) -> None:
    assert find_candidates(text, res) == find_candidates(text, _unfiltered(res))


@pytest.mark.model
@given(text=st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join))
def test_prefilter_keeps_every_candidate_of_any_word_salad(text: str, res: Resources) -> None:
    assert find_candidates(text, res) == find_candidates(text, _unfiltered(res))


@pytest.mark.model
def test_patterns_that_need_a_number_are_skipped_on_goals_without_one(res: Resources) -> None:
    from smartcheck.extractors.base import NUMBER_MARK, lowered_for

    needs_number = [
        pid
        for (_, pid, _), f in zip(res.patterns, res.factors, strict=True)
        if any(NUMBER_MARK in s for s in f)
    ]
    assert "dur.compound" in needs_number  # "1 hour 30 minutes" cannot match without a number
    assert (lowered_for("Walk for 20 minutes", res) or "").endswith(NUMBER_MARK)
    assert not (lowered_for("Walk for minutes", res) or "").endswith(NUMBER_MARK)
    text = "Walk for some minutes every week until the summer"
    assert find_candidates(text, res) == find_candidates(text, _unfiltered(res))
