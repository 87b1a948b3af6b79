"""Rewrite suggestions, training feedback and Goal Attainment Scaling.

``suggest`` proposes SMART rewrites of a goal, ``compare`` gives a trainee
feedback on their own rewrite and ``gas_levels`` writes the five GAS levels
of a SMART goal. The engine works on models; goal text is analysed through
``smartcheck.analyze`` only.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.kb.models import SafetyRule
from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import GoalAnalysis, Suggestion
from smartcheck.rewrite import grammar, safety
from smartcheck.rewrite.compare import compare
from smartcheck.rewrite.concerns import main_action
from smartcheck.rewrite.engine import RewriteResult, rewrite_analysis
from smartcheck.rewrite.gas import gas_levels
from smartcheck.rewrite.intent import QUIT_WORDS, intent_of
from smartcheck.rewrite.reduction import reduction_suggestion, stop_suggestion
from smartcheck.rewrite.verify import Analyze, as_analysis, default_analyze, keeps_action, rank
from smartcheck.rewrite.wording import not_a_goal, voice_of

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
    packaged knowledge base (see ``smartcheck.rewrite.kb.clinic_kb``). Every
    suggestion passes the clinical safety rules of ``data/safety.yaml``.
    """
    if isinstance(goal, str):
        finding = not_a_goal(goal)
        if finding is not None:
            return RewriteResult(findings=(finding,))
    analysis = as_analysis(goal, context, reference_date, analyze)
    ctx = context if context is not None else analysis.context
    kb = kb or load_rewrite_kb()
    result = rewrite_analysis(analysis, context=ctx, kb=kb)
    if not analysis.is_goal or not re.search(r"[A-Za-z]{2}", analysis.text):
        # a progress note, plan of care, symptom, heading or junk row ("!!!")
        kind = analysis.non_goal or "junk"
        key = kind if kind in kb.templates.messages else "past_tense"
        return RewriteResult(findings=(kb.finding(key),))
    if not result.suggestions and not _unsafe_goal(analysis, ctx):
        return RewriteResult(findings=result.findings)
    if n <= 0:
        return RewriteResult(findings=result.findings)
    ordered = list(result.suggestions)
    timeframe = next((s.slots["timeframe"] for s in ordered if "timeframe" in s.slots), None)
    reduced = reduction_suggestion(analysis, kb, timeframe=timeframe)
    if reduced is not None:  # a limit on the person's own verb; the re-analysis ranks it
        ordered.insert(min(1, len(ordered)), reduced)
    purpose = next(
        (s.slots["purpose"] for s in ordered if s.sources.get("purpose") == "knowledge_base"), None
    )
    stop = stop_suggestion(analysis, kb, timeframe=timeframe, purpose=purpose)
    if stop is not None:  # "never drink again": a stop in the person's own verb
        ordered.insert(min(1, len(ordered)), stop)
    if verify and ordered:
        ordered = rank(analysis, tuple(ordered), context=ctx, analyze=analyze or default_analyze())
    ordered = _own_words_second(ordered)
    for own in (reduced, stop):  # the person's intent in their own verb: never below second
        at = next((i for i, s in enumerate(ordered) if own is not None and s.text == own.text), 0)
        if at > 1:
            ordered.insert(1, ordered.pop(at))
    safe = guard(analysis, ordered, context=ctx, kb=kb)
    if not safe.suggestions:
        return RewriteResult(findings=(*result.findings, *safe.findings))
    kept = tuple(f for f in result.findings if f.id != "specific.already_smart")
    return RewriteResult(suggestions=safe.suggestions[:n], findings=(*kept, *safe.findings))


def _unsafe_goal(analysis: GoalAnalysis, context: str | None) -> bool:
    """Tell whether the person's own goal breaks a safety rule (it then needs a rewrite)."""
    return bool(
        safety.violations(analysis.text, goal=analysis.text, context=context, check_route=False)
    )


def _safe_goals_first(
    analysis: GoalAnalysis, reported: tuple[SafetyRule, ...], *, context: str | None
) -> bool:
    """Tell whether the rules' own safe goals lead the list.

    They lead when the person's goal itself breaks a rule (an unsupervised
    stop, a weight-loss target in an eating disorder), or when a ``safe_first``
    rule needs a route the goal lacks and the goal asks to stop or cut down
    (or the rule is the suicidality rule, whose safety plan always comes
    first). A goal that is already safe ("meet my peer mentor every 2 weeks")
    keeps its own wording first and the safe goals follow.
    """
    if _unsafe_goal(analysis, context):
        return True
    changing = intent_of(analysis.text).direction != "more"
    return any(
        r.safe_first
        and safety.needs_route(r, analysis.text)
        and (changing or r.id == "suicide_self_harm")
        for r in reported
    )


def guard(
    analysis: GoalAnalysis,
    candidates: list[Suggestion],
    *,
    context: str | None,
    kb: RewriteKB,
) -> RewriteResult:
    """Apply the safety rules to ranked candidates and add the rules' own safe goals.

    A candidate that lacks a route gets it appended; one that still breaks a
    rule is dropped. The reported findings name the rules that shaped the list.
    """
    goal = analysis.text
    fired = safety.fired_rules(goal, context)
    reported = safety.triggered(goal, context)
    intent = intent_of(goal)
    voice = voice_of(analysis, main_action(analysis), kb)
    kept: list[Suggestion] = []
    dropped = []
    for suggestion in candidates:
        text = safety.make_safe(
            suggestion.text, goal=goal, context=context, fired=fired, role=voice.role, intent=intent
        )
        if text is None:
            dropped.append(suggestion)
        else:
            kept.append(suggestion.model_copy(update={"text": text}))
    own = []
    for rule_id, text in safety.safe_goals(reported, actor=voice.actor, role=voice.role):
        if intent.direction == "reduce" and QUIT_WORDS.search(text):
            continue  # a reduction is not turned into a stop
        made = safety.make_safe(
            text, goal=goal, context=context, fired=fired, role=voice.role, intent=intent
        )
        if made is not None:
            own.append(
                Suggestion(
                    text=made,
                    placeholders=grammar.placeholders_in(made),
                    template=f"safety.{rule_id}",
                )
            )
    first = _safe_goals_first(analysis, reported, context=context)
    ordered = [*own, *kept] if first else [*kept, *own]
    unique = list({s.text.lower(): s for s in reversed(ordered)}.values())[::-1]
    findings = safety.applied_findings(reported)
    if dropped and not unique:
        found = safety.violations(dropped[0].text, goal=goal, context=context, fired=fired)
        findings = (*findings, *safety.findings_for(found))
    return RewriteResult(suggestions=tuple(unique), findings=findings)


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
