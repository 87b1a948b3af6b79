"""The rewrite engine: turns a ``GoalAnalysis`` into candidate SMART rewrites.

It works on models only (no spaCy). A template is chosen by the finding ids
of the analysis; its slots are filled from the person's own wording first
(source ``goal``), then from the knowledge-base defaults of the concern
(source ``knowledge_base``), and otherwise left as placeholders the person
must fill in (source ``placeholder``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import Finding, GoalAnalysis, Suggestion
from smartcheck.rewrite.drafts import build_drafts
from smartcheck.rewrite.render import to_suggestion
from smartcheck.rewrite.slots import Draft
from smartcheck.rewrite.wording import not_a_goal

__all__ = ["Draft", "RewriteResult", "build_drafts", "rewrite_analysis", "to_suggestion"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RewriteResult:
    """Suggestions for one goal, or the findings that explain why there are none."""

    suggestions: tuple[Suggestion, ...] = ()
    findings: tuple[Finding, ...] = ()


def rewrite_analysis(
    analysis: GoalAnalysis, *, context: str | None, kb: RewriteKB
) -> RewriteResult:
    """Return every candidate rewrite of an analysed goal, in preference order."""
    finding = not_a_goal(analysis, kb)
    if finding is not None:  # a question, a note, a plan-of-care line, a heading, junk…
        return RewriteResult(findings=(finding,))
    if analysis.label == "SMART":
        return RewriteResult(findings=(kb.finding("already_smart"),))
    drafts = build_drafts(analysis, context if context is not None else analysis.context, kb)
    seen: dict[str, Suggestion] = {}
    for draft in drafts:
        suggestion = to_suggestion(analysis, draft, kb)
        seen.setdefault(suggestion.text.lower(), suggestion)
    logger.debug("rewrite: %d candidates", len(seen))
    return RewriteResult(suggestions=tuple(seen.values()))
