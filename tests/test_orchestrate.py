"""The orchestration: analyse, draft, re-analyse the candidates, rank and apply safety."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import pytest

import smartcheck
from smartcheck import analyzer, orchestrate
from smartcheck.models import GoalAnalysis
from smartcheck.rewrite import gas_levels as pure_gas_levels
from smartcheck.rewrite.verify import MAX_VERIFIED

REF = dt.date(2026, 1, 5)
pytestmark = pytest.mark.model


class Counting:
    """``smartcheck.analyzer.analyze`` that records the texts it analyses."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str, **kwargs: Any) -> GoalAnalysis:
        self.texts.append(text)
        return analyzer.analyze(text, **kwargs)


def test_orchestrate_analyses_the_goal_then_each_candidate() -> None:
    run = Counting()
    result = orchestrate.rewrite("I want to feel less anxious", reference_date=REF, analyze=run)
    assert result.suggestions
    assert run.texts[0] == "I want to feel less anxious"
    assert 1 < len(run.texts) <= 1 + MAX_VERIFIED
    assert result.suggestions[0].text in run.texts[1:]  # the best one was re-analysed


def test_orchestrate_without_verify_analyses_only_the_goal() -> None:
    run = Counting()
    result = orchestrate.rewrite(
        "I want to feel less anxious", reference_date=REF, analyze=run, verify=False
    )
    assert result.suggestions
    assert run.texts == ["I want to feel less anxious"]


def test_orchestrate_an_analysis_is_not_analysed_again() -> None:
    analysis = smartcheck.analyze("I want to feel less anxious", reference_date=REF)
    run = Counting()
    orchestrate.rewrite(analysis, analyze=run)
    assert "I want to feel less anxious" not in run.texts


@pytest.mark.parametrize("text", ["", "   "])
def test_orchestrate_empty_text_gets_a_finding_without_analysis(text: str) -> None:
    run = Counting()
    result = orchestrate.rewrite(text, analyze=run)
    assert run.texts == []
    assert [f.id for f in result.findings] == ["specific.not_a_goal"]


def test_orchestrate_analyze_with_suggestions() -> None:
    a = smartcheck.analyze("I want to be stronger", reference_date=REF, suggestions=2)
    assert 1 <= len(a.suggestions) <= 2
    plain = smartcheck.analyze("I want to be stronger", reference_date=REF)
    assert plain.suggestions == ()
    assert a.model_copy(update={"suggestions": ()}) == plain


def test_orchestrate_the_analyzer_itself_makes_no_rewrites() -> None:
    assert "suggestions" not in inspect.signature(analyzer.analyze).parameters
    assert "suggestions" in inspect.signature(smartcheck.analyze).parameters


def test_orchestrate_the_rewrite_package_needs_an_analysis_or_an_analyze_function() -> None:
    goal = "I will walk for 15 minutes each day for the next two weeks"
    with pytest.raises(TypeError, match=r"analyze=smartcheck\.analyze"):
        pure_gas_levels(goal)
    assert pure_gas_levels(goal, analyze=analyzer.analyze) == smartcheck.gas_levels(goal)
