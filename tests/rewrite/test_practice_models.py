"""Every exercise of the practice bank has a model answer that is safe and analysed well."""

from __future__ import annotations

import datetime as dt

import pytest

import smartcheck
from smartcheck.kb.loader import load_exercises
from smartcheck.orchestrate import suggest
from smartcheck.rewrite import safety

REF = dt.date(2026, 1, 5)
EXERCISES = load_exercises().exercises


@pytest.mark.model
@pytest.mark.parametrize("item", EXERCISES, ids=[e.id for e in EXERCISES])
def test_model_answer_is_safe_and_a_goal(item) -> None:
    answers = suggest(item.text, context=item.context, n=1, reference_date=REF)
    assert answers, item.id
    text = answers[0].text
    assert not safety.violations(text, goal=item.text, context=item.context), text
    after = smartcheck.analyze(text, context=item.context, reference_date=REF)
    assert after.is_goal
    assert after.met["specific"], text
