"""The facts the rewrite reads from a ``GoalAnalysis``: the main action and the red flags.

The analysis computes them once, from its elements and findings; the rewrite
never re-derives them from the text (issue 11, "The structure this needs").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smartcheck import analyze
from smartcheck.models import (
    DIMENSIONS,
    Action,
    Dimensions,
    DimensionScore,
    Elements,
    Evidence,
    Finding,
    Flag,
    GoalAnalysis,
    Provenance,
)

TEXT = "I will feel calm and walk daily and run and journal"


def _at(part: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def _action(part: str, kind: str = "behavior", role: str = "main") -> Action:
    return Action(lemma=part.split(maxsplit=1)[0], kind=kind, role=role, **_at(part))  # type: ignore[arg-type]


def _analysis(
    *, actions: tuple[Action, ...] = (), findings: tuple[Finding, ...] = (), flags=()
) -> GoalAnalysis:
    scores = {
        d: DimensionScore(
            dimension=d,
            met=False,
            score=0.0,
            findings=tuple(f for f in findings if f.dimension == d),
        )
        for d in DIMENSIONS
    }
    return GoalAnalysis(
        text=TEXT,
        reference_date=dt.date(2026, 1, 5),
        profile="therapy",
        label="Not SMART",
        score=0.0,
        dimensions=Dimensions(**scores),
        elements=Elements(actions=actions, flags=flags),
        findings=findings,
        provenance=Provenance(
            smartcheck_version="0", kb_version="0", spacy_model="none", spacy_model_version="0"
        ),
    )


def _finding(fid: str, part: str | None) -> Finding:
    span = Evidence(**_at(part)) if part else None
    dimension = fid.split(".", maxsplit=1)[0]
    return Finding(id=fid, dimension=dimension, severity="warning", message="m", fix="f", span=span)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        ((), None),
        ((_action("walk"),), "walk"),
        # a main behaviour before a main state, whatever the text order
        ((_action("feel calm", kind="state"), _action("walk")), "walk"),
        # a main action before a coordinated or method one
        ((_action("walk", role="coordinated"), _action("run")), "run"),
        # a main state before a coordinated behaviour
        ((_action("feel calm", kind="state"), _action("run", role="coordinated")), "feel calm"),
        # among equals, text order
        ((_action("journal"), _action("walk")), "walk"),
    ],
)
def test_analysis_main_action(actions: tuple[Action, ...], expected: str | None) -> None:
    found = _analysis(actions=actions).main_action
    assert (found.text if found else None) == expected


def test_analysis_red_flags_from_achievable_findings_and_flags() -> None:
    findings = (
        _finding("achievable.absolute", "run"),
        _finding("achievable.too_many_behaviors", "journal"),
        _finding("achievable.not_demonstrated", "walk daily"),  # too vague to judge: no flag
        _finding("achievable.hedged", None),  # no span: nothing to point at
        _finding("measurable.no_criterion", "feel calm"),  # another dimension
    )
    flags = (Flag(category="absolute", dimension="achievable", **_at("feel")),)
    analysis = _analysis(findings=findings, flags=flags)
    spans = [TEXT[a:b] for a, b in analysis.red_flags()]
    assert spans == ["feel", "run", "journal"]
    assert [TEXT[a:b] for a, b in analysis.red_flags(stacking=False)] == ["feel", "run"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "context", "flagged"),
    [
        ("I will run 10 miles every day for the next 4 weeks", "2 weeks after knee surgery", True),
        ("I will never eat sugar again", None, True),
        ("I will walk for 15 minutes each day for the next two weeks", None, False),
    ],
)
def test_analysis_red_flags_of_real_goals(goal: str, context: str | None, flagged: bool) -> None:
    analysis = analyze(goal, context=context, reference_date="2026-01-05")
    assert bool(analysis.red_flags()) is flagged
    for start, end in analysis.red_flags():
        assert 0 <= start < end <= len(goal)


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "main"),
    [
        # a state is the main action when the goal has no behaviour of its own
        ("I want to feel less anxious so I can walk to the shop", "feel less anxious"),
        ("Pt will amb 150 ft w/ RW by d/c", "amb 150 ft"),
        # the first main behaviour, not the coordinated one
        ("I will stop drinking and go to the gym 3 times a week", "stop drinking"),
    ],
)
def test_analysis_main_action_of_real_goals(goal: str, main: str) -> None:
    action = analyze(goal, reference_date="2026-01-05").main_action
    assert action is not None
    assert action.text == main
