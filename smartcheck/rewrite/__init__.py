"""Rewrite suggestions, training feedback and Goal Attainment Scaling.

``suggest`` proposes SMART rewrites of a goal, ``compare`` gives a trainee
feedback on their own rewrite and ``gas_levels`` writes the five GAS levels
of a SMART goal. The engine works on models; goal text is analysed through
``smartcheck.analyze`` only.
"""

from __future__ import annotations

import datetime as dt
import logging

from smartcheck.models import GoalAnalysis, Suggestion
from smartcheck.rewrite.compare import compare
from smartcheck.rewrite.engine import RewriteResult, rewrite_analysis
from smartcheck.rewrite.gas import gas_levels
from smartcheck.rewrite.kb import RewriteKB, load_rewrite_kb
from smartcheck.rewrite.verify import Analyze, as_analysis, default_analyze, keeps_action, rank
from smartcheck.rewrite.wording import not_a_goal

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

    ``verify`` re-analyses the candidates and ranks them; ``kb`` replaces the
    packaged knowledge base (see ``smartcheck.rewrite.kb.clinic_kb``).
    """
    if isinstance(goal, str):
        finding = not_a_goal(goal)
        if finding is not None:
            return RewriteResult(findings=(finding,))
    analysis = as_analysis(goal, context, reference_date, analyze)
    ctx = context if context is not None else analysis.context
    result = rewrite_analysis(analysis, context=ctx, kb=kb or load_rewrite_kb())
    if not result.suggestions or n <= 0:
        return RewriteResult(findings=result.findings)
    ordered = list(result.suggestions)
    if verify:
        ordered = rank(
            analysis, result.suggestions, context=ctx, analyze=analyze or default_analyze()
        )
    return RewriteResult(
        suggestions=tuple(_own_words_second(ordered)[:n]), findings=result.findings
    )


def _own_words_second(ordered: list[Suggestion]) -> list[Suggestion]:
    """Offer the person's own wording second when the best rewrite replaced it."""
    if not ordered or ordered[0].template == "keep_goal":
        return ordered
    own = next((s for s in ordered[1:] if s.template == "keep_goal"), None)
    if own is None:
        return ordered
    rest = [s for s in ordered[1:] if s is not own]
    return [ordered[0], own, *rest]


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


__all__ = ["RewriteResult", "compare", "gas_levels", "keeps_action", "rewrite", "suggest"]
