"""Rewrite suggestions, training feedback and Goal Attainment Scaling, on analyses.

The rewrite is a pure function of a ``GoalAnalysis`` and the knowledge base:
``draft`` proposes candidates, ``rank`` orders them by their re-analyses and
``finish`` applies the safety rules; ``compare`` gives a trainee feedback on
their own rewrite and ``gas_levels`` writes the five GAS levels of a SMART
goal. This package never imports the analyzer: ``smartcheck.orchestrate``
analyses the text, calls these functions and re-analyses the candidates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from smartcheck.kb.models import SafetyRule
from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import Finding, GoalAnalysis, Suggestion
from smartcheck.rewrite import grammar, safety
from smartcheck.rewrite.compare import compare
from smartcheck.rewrite.engine import RewriteResult, rewrite_analysis
from smartcheck.rewrite.gas import gas_levels
from smartcheck.rewrite.intent import QUIT_WORDS, intent_of
from smartcheck.rewrite.reduction import reduction_suggestion, stop_suggestion
from smartcheck.rewrite.verify import keeps_action, rank
from smartcheck.rewrite.wording import voice_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Drafted:
    """The candidate rewrites of one analysed goal, before the re-analysis ranks them.

    ``done`` means there is nothing to rank: ``findings`` say why (not a goal,
    already SMART and safe, no candidate). ``intent`` holds the reduction and
    the stop in the person's own verb, which are never ranked below second.
    """

    candidates: tuple[Suggestion, ...] = ()
    findings: tuple[Finding, ...] = ()
    intent: tuple[Suggestion, ...] = ()
    done: bool = False


def draft(analysis: GoalAnalysis, *, context: str | None, n: int, kb: RewriteKB) -> Drafted:
    """Return the candidate rewrites of ``analysis`` in engine order (a pure function).

    ``context`` is the goal's context (the analysis's own when None).
    """
    ctx = context if context is not None else analysis.context
    result = rewrite_analysis(analysis, context=ctx, kb=kb)
    if not analysis.is_goal:
        return Drafted(findings=result.findings, done=True)
    if not result.suggestions and not _unsafe_goal(analysis, ctx):
        return Drafted(findings=result.findings, done=True)
    if n <= 0:
        return Drafted(findings=result.findings, done=True)
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
    intent = tuple(s for s in (reduced, stop) if s is not None)
    return Drafted(candidates=tuple(ordered), findings=result.findings, intent=intent)


def finish(
    analysis: GoalAnalysis,
    ranked: list[Suggestion],
    drafted: Drafted,
    *,
    context: str | None,
    n: int,
    kb: RewriteKB,
) -> RewriteResult:
    """Order the ranked candidates, apply the safety rules and keep ``n`` (a pure function).

    The person's own wording comes second when the best rewrite replaced it,
    their reduction or stop never below second; then ``guard`` applies the
    clinical safety rules.
    """
    ctx = context if context is not None else analysis.context
    ordered = _own_words_second(ranked)
    for own in drafted.intent:  # the person's intent in their own verb: never below second
        at = next((i for i, s in enumerate(ordered) if s.text == own.text), 0)
        if at > 1:
            ordered.insert(1, ordered.pop(at))
    safe = guard(analysis, ordered, context=ctx, kb=kb)
    if not safe.suggestions:
        return RewriteResult(findings=(*drafted.findings, *safe.findings))
    kept = tuple(f for f in drafted.findings if f.id != "specific.already_smart")
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
    voice = voice_of(analysis, analysis.main_action, kb)
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


__all__ = [
    "Drafted",
    "RewriteResult",
    "compare",
    "draft",
    "finish",
    "gas_levels",
    "guard",
    "keeps_action",
    "rank",
]
