"""Re-analyse candidate rewrites and rank them (the analyzer is the judge)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from smartcheck.models import DIMENSIONS, GoalAnalysis, Suggestion
from smartcheck.rewrite.concerns import main_action
from smartcheck.rewrite.wording import red_flags

logger = logging.getLogger(__name__)

Analyze = Callable[..., GoalAnalysis]
#: How many candidates are re-analysed to pick the best ones.
MAX_VERIFIED = 8


def default_analyze() -> Analyze:
    """Return ``smartcheck.analyze`` (imported late: the analyzer sits above us)."""
    from smartcheck.analyzer import analyze

    return analyze


def as_analysis(
    goal: str | GoalAnalysis,
    context: str | None,
    reference_date: dt.date | None,
    analyze: Analyze | None,
    profile: str = "therapy",
) -> GoalAnalysis:
    """Return the analysis of ``goal`` (analysing text with the given context and profile)."""
    if isinstance(goal, GoalAnalysis):
        return goal
    run = analyze or default_analyze()
    return run(goal, context=context, reference_date=reference_date, profile=profile)


def keeps_action(original: GoalAnalysis, rewrite: GoalAnalysis) -> bool:
    """Tell whether the rewrite still contains the original behaviour verb."""
    action = main_action(original)
    if action is None or action.kind != "behavior":
        return True
    return any(a.lemma == action.lemma for a in rewrite.elements.actions)


def rank(
    original: GoalAnalysis,
    candidates: tuple[Suggestion, ...],
    *,
    context: str | None,
    analyze: Analyze,
) -> list[Suggestion]:
    """Re-analyse candidates and order them: SMART first, then those keeping the verb."""
    scored: list[tuple[tuple[bool, bool, bool, int], Suggestion]] = []
    # A suggestion with placeholders is never ranked as SMART: the person must fill it in.
    for index, suggestion in enumerate(candidates[:MAX_VERIFIED]):
        result = analyze(
            suggestion.text,
            context=context,
            reference_date=original.reference_date,
            profile=original.profile,
        )
        fixes = tuple(d for d in DIMENSIONS if result.met[d] and not original.met[d])
        flagged = bool(red_flags(result))
        smart = result.label == "SMART" and not suggestion.placeholders
        key = (not smart, flagged, not keeps_action(original, result), index)
        scored.append((key, suggestion.model_copy(update={"fixes": fixes})))
    scored.sort(key=lambda pair: pair[0])
    return [s for _, s in scored] + list(candidates[MAX_VERIFIED:])
