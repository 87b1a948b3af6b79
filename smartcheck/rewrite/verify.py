"""Rank candidate rewrites by their re-analyses (the analyzer is the judge)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from smartcheck.models import DIMENSIONS, GoalAnalysis, Suggestion
from smartcheck.rewrite import grammar

logger = logging.getLogger(__name__)

Analyze = Callable[..., GoalAnalysis]
#: How many candidates are re-analysed to pick the best ones.
MAX_VERIFIED = 8


def as_analysis(
    goal: str | GoalAnalysis,
    context: str | None,
    reference_date: dt.date | None,
    analyze: Analyze | None,
    profile: str = "therapy",
) -> GoalAnalysis:
    """Return the analysis of ``goal``, analysing text through ``analyze``.

    The rewrite package never imports the analyzer: text reaches it analysed,
    or with the ``analyze`` function of ``smartcheck.orchestrate``.
    """
    if isinstance(goal, GoalAnalysis):
        return goal
    if analyze is None:
        raise TypeError(
            "smartcheck.rewrite works on analyses: pass a GoalAnalysis, or text with "
            "analyze=smartcheck.analyze (smartcheck.compare/gas_levels/suggest do this)"
        )
    return analyze(goal, context=context, reference_date=reference_date, profile=profile)


def keeps_action(original: GoalAnalysis, rewrite: GoalAnalysis) -> bool:
    """Tell whether the rewrite still contains the original behaviour verb."""
    action = original.main_action
    if action is None or action.kind != "behavior":
        return True
    if any(a.lemma == action.lemma for a in rewrite.elements.actions):
        return True
    # "stop drinking" is one action whose lemma is "stop": the person's verb is still
    # there as its complement ("never drink again" -> "stop drinking").
    lemma = action.lemma.lower()
    forms = {lemma, f"{lemma}s", f"{lemma}ed", grammar.gerund(lemma)}
    return any(forms & set(a.text.lower().split()[1:]) for a in rewrite.elements.actions)


def rank(
    original: GoalAnalysis,
    candidates: tuple[Suggestion, ...],
    checked: tuple[GoalAnalysis, ...],
) -> list[Suggestion]:
    """Order candidates by their re-analyses ``checked``: SMART first, then those keeping the verb.

    ``checked`` holds the analyses of the first candidates (up to
    ``MAX_VERIFIED``), made with the goal's context, reference date and
    profile; the others keep their order at the end. Among candidates the
    analyzer reads as SMART and without a red flag, the one that keeps the
    person's own verb comes first (issue 11 §4: keep the person's words), then
    the one with fewer gaps to fill: "Pt will complete UE HEP [number] times a
    week" ranks before a knowledge-base exercise that replaces the person's
    behaviour.
    """
    scored: list[tuple[tuple[bool, bool, bool, int, int], Suggestion]] = []
    for index, (suggestion, result) in enumerate(zip(candidates, checked, strict=False)):
        fixes = tuple(d for d in DIMENSIONS if result.met[d] and not original.met[d])
        flagged = bool(result.red_flags())
        smart = result.label == "SMART"
        gaps = len(suggestion.placeholders)
        key = (not smart, flagged, not keeps_action(original, result), gaps, index)
        scored.append((key, suggestion.model_copy(update={"fixes": fixes})))
    scored.sort(key=lambda pair: pair[0])
    return [s for _, s in scored] + list(candidates[len(scored) :])
