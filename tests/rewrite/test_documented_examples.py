"""End to end: the documented vague goals give a first suggestion of the documented shape."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import smartcheck
from smartcheck.kb.loader import load_exercises
from smartcheck.rewrite import grammar

pytestmark = pytest.mark.model

REF = dt.date(2026, 1, 5)

# (vague form, context, documented rewrite, patterns the first suggestion must match)
DOCUMENTED = [
    (
        "I want to feel less anxious",
        None,
        "I will practice deep breathing techniques every day for 10 minutes to manage my anxiety.",
        [r"^I will practice (deep breathing|progressive muscle relaxation)", r"\d+ minutes",
         r"every day", r"anxiety"],
    ),
    (
        "I want to be stronger",
        None,
        "I will be able to lift a 5-pound weight for 30 seconds by the end of the month.",
        [r"^I will (lift|do)", r"\d", r"(for the next|by|within) "],
    ),
    (
        "I will walk 10 miles per day",
        "recovering from an injury",
        "I will walk for 15 minutes each day for the next two weeks.",
        [r"^I will walk for 1?5 minutes", r"(each|per|every) day", r"for the next two weeks"],
    ),
    (
        "I will journal more",
        None,
        "I will complete my journaling exercise three times a week for the next month.",
        [r"^I will (journal|complete my journaling exercise)", r"three times a week",
         r"for the next month"],
    ),
    (
        "I want to be more social",
        "social anxiety",
        "I will attend a social event for at least 30 minutes every week for the next month.",
        [r"^I will attend a social event for at least 30 minutes every week for the next month"],
    ),
    (
        "I want to work on my trauma",
        "PTSD after an assault",
        "I will process one difficult memory per week using cognitive-behavioral therapy (CBT)"
        " techniques.",
        [r"^I will process one difficult memory per week using cognitive-behavioral therapy "
         r"\(CBT\) techniques"],
    ),
    (
        "I want to regain the ability to drive",
        None,
        "I will practice turning the steering wheel with my left hand every day for 15 minutes.",
        [r"^I will practice turning the steering wheel", r"15 minutes", r"every day"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("vague", "context", "documented", "patterns"), DOCUMENTED)
def test_documented_example_shape(vague, context, documented, patterns):
    suggestions = smartcheck.suggest(vague, context=context, reference_date=REF)
    assert suggestions, vague
    first = suggestions[0]
    for pattern in patterns:
        assert re.search(pattern, first.text), (pattern, first.text, documented)
    again = smartcheck.analyze(first.text, context=context, reference_date=REF)
    assert again.label == "SMART", (first.text, again.met)


def test_documented_red_flag_is_never_repeated():
    suggestions = smartcheck.suggest(
        "I will walk 10 miles per day", context="recovering from an injury", reference_date=REF
    )
    assert all("10 miles" not in s.text for s in suggestions)


@pytest.mark.parametrize(
    "text",
    ["Did you complete your breathing exercises each day this week?", "Pt walked 50 ft with a RW"],
)
def test_not_a_goal_gets_no_suggestion(text):
    assert smartcheck.suggest(text) == []


def _generated() -> list[str]:
    bank = load_exercises().exercises
    picked = [bank[i] for i in range(0, len(bank), 2)][:20]
    out = []
    for item in picked:
        suggestions = smartcheck.suggest(item.text, context=item.context, n=1, reference_date=REF)
        out += [s.text for s in suggestions]
    return out


@pytest.fixture(scope="module")
def generated():
    return _generated()


def test_grammar_of_twenty_generated_suggestions(generated):
    assert len(generated) >= 20
    for text in generated:
        assert text.endswith("."), text
        assert not re.search(r"\b(\w+) \1\b", text, re.IGNORECASE), text
        assert "{" not in text and "}" not in text, text
        assert "  " not in text and " ," not in text, text
        assert text.count("[") == text.count("]"), text
        for holder in re.findall(r"\[[^\]]*\]", text):
            assert re.fullmatch(r"\[[a-z ]+\]", holder), (holder, text)
        match = re.search(r"\bwill (\w+)", text)
        assert match, text
        verb = match.group(1)
        assert verb == "be" or grammar.is_base_form(verb), (verb, text)
        assert not re.search(r"\b(?:a) [aeiou]\w", text), text


@pytest.mark.parametrize(("n", "expected"), [(0, 0), (2, 2)])
def test_analyze_fills_suggestions_when_asked(n, expected):
    analysis = smartcheck.analyze("I want to be stronger", reference_date=REF, suggestions=n)
    assert len(analysis.suggestions) == expected


@pytest.mark.parametrize("text", ["", "   \n"])
def test_suggest_empty_text_gives_nothing(text):
    assert smartcheck.suggest(text) == []


def test_suggest_accepts_an_analysis():
    analysis = smartcheck.analyze("I will journal more", reference_date=REF)
    from_analysis = smartcheck.suggest(analysis)
    from_text = smartcheck.suggest("I will journal more", reference_date=REF)
    assert from_analysis == from_text


def test_unknown_concern_uses_placeholders_not_invented_content():
    suggestions = smartcheck.suggest("I want to feel different", reference_date=REF)
    assert suggestions
    assert all(s.placeholders for s in suggestions)


def test_public_api_exports_rewrite():
    for name in ("suggest", "compare", "gas_levels", "RewriteFeedback", "GasLevel", "GasScale"):
        assert name in smartcheck.__all__


def test_off_context_goal_is_redirected_and_own_wording_offered_second():
    suggestions = smartcheck.suggest(
        "I will clean out the garage by Saturday",
        context="social anxiety; avoids parties",
        reference_date=REF,
    )
    assert "social" in suggestions[0].text
    assert suggestions[1].text.startswith("I will clean out the garage by Saturday")
    assert suggestions[1].placeholders == ("so I can do [what this is for]",)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Go for more bowling sessions with friends",
            "I will go for bowling sessions with friends",
        ),
        ("Wear a mask while cleaning to reduce allergen exposure", "I will wear a mask while"),
        ("Continue using app features and discuss in the next session", "I will continue using"),
    ],
)
def test_guessed_concern_keeps_wording_and_leaves_purpose_to_person(text, kept):
    suggestions = smartcheck.suggest(text, reference_date=REF)
    assert suggestions[0].text.startswith(kept)
    assert suggestions[0].sources.get("purpose") != "knowledge_base"


def test_coaching_profile_asks_for_confidence_and_skips_uncounted_dimensions():
    analysis = smartcheck.analyze(
        "Take statin medications in the morning for seven days a week",
        profile="coaching",
        reference_date=REF,
    )
    first = smartcheck.suggest(analysis, n=1)[0]
    assert first.text.endswith("(confidence [number]/10).")
    assert "(confidence [number]/10)" in first.placeholders
    assert "timeframe" not in first.slots
