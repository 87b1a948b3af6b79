"""Analysis, then rewrite, then re-analysis: the public entry points that need both sides.

The analyzer never imports the rewrite package and the rewrite package never
imports the analyzer (``tests/test_layering.py``). This module sits above
both: it analyses the goal, asks ``smartcheck.rewrite`` for candidate
rewrites (a pure function of the analysis and the knowledge base), analyses
each candidate with the goal's context, reference date and profile, and hands
those analyses back for ranking and the safety rules.
"""

from __future__ import annotations

import datetime as dt
import logging

from smartcheck import analyzer
from smartcheck.analyzer import DateLike
from smartcheck.boundary import typed_errors
from smartcheck.config import Settings
from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import GasScale, GoalAnalysis, RewriteFeedback, Suggestion
from smartcheck.rewrite import RewriteResult, draft, finish, rank
from smartcheck.rewrite.compare import compare as _compare
from smartcheck.rewrite.gas import gas_levels as _gas_levels
from smartcheck.rewrite.verify import MAX_VERIFIED, Analyze

logger = logging.getLogger(__name__)


def rewrite(
    goal: str | GoalAnalysis,
    *,
    context: str | None = None,
    n: int = 3,
    reference_date: dt.date | None = None,
    verify: bool = True,
    analyze: Analyze | None = None,
    kb: RewriteKB | None = None,
) -> RewriteResult:
    """Return up to ``n`` suggestions for ``goal``, or findings explaining why there are none.

    ``verify`` re-analyses the candidates and ranks them; ``analyze`` replaces
    ``smartcheck.analyze`` for both analyses; ``kb`` replaces the packaged
    knowledge base (see ``smartcheck.kb.loader.clinic_kb``). Every suggestion
    passes the clinical safety rules of ``data/safety.yaml``.
    """
    kb = kb or load_rewrite_kb()
    if isinstance(goal, str) and not goal.strip():
        return RewriteResult(findings=(kb.finding("empty"),))
    run = analyze or analyzer.analyze
    if isinstance(goal, GoalAnalysis):
        analysis = goal
    else:
        analysis = run(goal, context=context, reference_date=reference_date, profile="therapy")
    ctx = context if context is not None else analysis.context
    drafted = draft(analysis, context=ctx, n=n, kb=kb)
    if drafted.done:
        return RewriteResult(findings=drafted.findings)
    ranked = list(drafted.candidates)
    if verify and ranked:
        checked = tuple(
            run(
                candidate.text,
                context=ctx,
                reference_date=analysis.reference_date,
                profile=analysis.profile,
            )
            for candidate in drafted.candidates[:MAX_VERIFIED]
        )
        ranked = rank(analysis, drafted.candidates, checked)
    logger.debug("rewrite: %d candidates ranked", len(ranked))
    return finish(analysis, ranked, drafted, context=ctx, n=n, kb=kb)


@typed_errors
def suggest(
    goal_or_analysis: str | GoalAnalysis,
    *,
    context: str | None = None,
    n: int = 3,
    reference_date: dt.date | None = None,
) -> list[Suggestion]:
    """Propose up to ``n`` SMART rewrites of a goal, best first.

    A goal that is not a goal (a question, a past-tense note, an empty line)
    gets no suggestion; ``rewrite`` returns the finding that says why.
    """
    result = rewrite(goal_or_analysis, context=context, n=n, reference_date=reference_date)
    return list(result.suggestions)


@typed_errors
def compare(
    original: str | GoalAnalysis,
    rewrite: str | GoalAnalysis,
    *,
    context: str | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
) -> RewriteFeedback:
    """Give feedback on ``rewrite`` as a rewrite of ``original``, dimension by dimension."""
    return _compare(
        original,
        rewrite,
        context=context,
        reference_date=reference_date,
        analyze=analyze or analyzer.analyze,
    )


@typed_errors
def gas_levels(
    goal: str | GoalAnalysis,
    *,
    context: str | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
) -> GasScale:
    """Write the five GAS levels of a SMART goal; other goals get a finding instead."""
    return _gas_levels(
        goal, context=context, reference_date=reference_date, analyze=analyze or analyzer.analyze
    )


@typed_errors
def analyze(
    text: str,
    *,
    context: str | None = None,
    reference_date: DateLike = None,
    profile: str | None = None,
    settings: Settings | None = None,
    id: str | None = None,
    suggestions: int = 0,
) -> GoalAnalysis:
    """Analyse one goal and return its explained SMART scores.

    Raises ``InputError`` (a ``ValueError``) for a non-string, empty, too long,
    binary or non-English goal, or a context that is not text or too long, and
    ``ConfigError`` for an unknown profile. It raises only ``smartcheck.errors``
    types: an unexpected failure becomes ``AnalysisError``.
    ``profile`` defaults to ``settings.profile`` and the reference date to today,
    read once here. ``suggestions > 0`` also fills ``GoalAnalysis.suggestions``
    with that many rewrites.
    """
    result = analyzer.analyze(
        text,
        context=context,
        reference_date=reference_date,
        profile=profile,
        settings=settings,
        id=id,
    )
    if suggestions > 0:
        found = rewrite(result, context=result.context, n=suggestions).suggestions
        result = result.model_copy(update={"suggestions": tuple(found)})
    return result


__all__ = ["analyze", "compare", "gas_levels", "rewrite", "suggest"]
