"""Grammar helpers: articles, counts, base forms and sentence tidying."""

from __future__ import annotations

import pytest

from smartcheck.rewrite import grammar


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a hour", "an hour"),
        ("an 5-pound weight", "a 5-pound weight"),
        ("a 8-week plan", "an 8-week plan"),
        ("a 11-minute walk", "an 11-minute walk"),
        ("an walk", "a walk"),
        ("A easy step", "An easy step"),
        ("a [number] week plan", "a [number] week plan"),
        ("a few times", "a few times"),
        ("with RW and mod A on level surfaces", "with RW and mod A on level surfaces"),
    ],
)
def test_grammar_fix_articles(text, expected):
    assert grammar.fix_articles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 minutes", "1 minute"),
        ("3 time a week", "3 times a week"),
        ("one sets of 10", "one set of 10"),
        ("a 5-minutes break", "a 5-minute break"),
        ("10 reps", "10 reps"),
    ],
)
def test_grammar_fix_counts(text, expected):
    assert grammar.fix_counts(text) == expected


@pytest.mark.parametrize(
    ("verb", "base"),
    [("walk", True), ("practice", True), ("process", True), ("walks", False), ("walked", False)],
)
def test_grammar_is_base_form(verb, base):
    assert grammar.is_base_form(verb) is base


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i will walk for for 10 minutes , every day", "I will walk for 10 minutes, every day."),
        ("I will walk  daily ,, for a hour.", "I will walk daily, for an hour."),
        ("I will log it;", "I will log it."),
    ],
)
def test_grammar_tidy(text, expected):
    assert grammar.tidy(text) == expected


@pytest.mark.parametrize(
    ("role", "poss", "subj"), [("self", "my", "I"), ("client", "their", "they")]
)
def test_grammar_pronouns(role, poss, subj):
    assert grammar.possessive(role) == poss
    assert grammar.subject_pronoun(role) == subj
