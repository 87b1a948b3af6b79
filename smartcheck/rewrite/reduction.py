"""Reduction goals: keep the direction as a baseline-to-limit rewrite with placeholders.

"I want to drink less" becomes "I will drink no more than [target number]
times a week, down from [current number], for the next four weeks"
(safety.md §9, "Keep reduction direction": a cap never becomes a quota). The
numbers are the person's and the clinician's to fill; the tool never guesses
them.
"""

from __future__ import annotations

import re

from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import GoalAnalysis, Suggestion
from smartcheck.rewrite import grammar
from smartcheck.rewrite.concerns import main_action
from smartcheck.rewrite.intent import intent_of
from smartcheck.rewrite.wording import fill_pronouns, voice_of

_MARKER = re.compile(
    r"\s*\b(?:a\s+lot\s+|much\s+|a\s+little\s+|a\s+bit\s+)?(?:less|fewer)(?:\s+often)?\b"
    r"|\s*\bnot\s+as\s+(?:much|often)\b|\s*\bas\s+(?:much|often)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:cut(?:ting)?\s+(?:down|back)(?:\s+on)?|reduce|decrease|limit|lower|minimi[sz]e)\b",
    re.IGNORECASE,
)
_CURRENT, _TARGET = "[current number]", "[target number]"


def reduction_suggestion(
    analysis: GoalAnalysis, kb: RewriteKB, *, timeframe: str | None
) -> Suggestion | None:
    """Return the baseline-to-limit rewrite of a reduction goal without numbers, or None."""
    if intent_of(analysis.text).direction != "reduce":
        return None
    els = analysis.elements
    if els.quantities or els.frequencies or els.measures:
        return None  # the person's own numbers are kept by the engine
    action = main_action(analysis)
    if action is not None and action.kind == "state":
        return None  # "feel less anxious" is a state; a count of feelings is no behaviour
    voice = voice_of(analysis, action, kb)
    end = min((p.start for p in els.purposes), default=len(analysis.text))
    end = min([end, *(t.start for t in els.timeframes)])
    body = voice.rest if voice.rest else ""
    phrase = (analysis.text[action.start : end] if action else body).strip(" ,.;!")
    if not phrase:
        return None
    when = (els.timeframes[0].text if els.timeframes else None) or timeframe
    when = when or kb.templates.placeholders["timeframe"]
    purpose = els.purposes[0].text if els.purposes else ""
    if _LEADING.match(phrase):
        core = f"{phrase} from [current amount] to no more than [target amount] a week"
    else:
        verb = _MARKER.sub("", phrase).strip(" ,")
        if not verb or verb == phrase:
            return None
        # The person's verb leads and the limit follows it ("smoke weed no more
        # than [target number] times a week, down from [current number]"):
        # "reduce how often I ..." reads as a vague verb and a vague frequency
        # to the analyzer (rubric S, M), and it hides the person's behaviour.
        verb = verb[:1].lower() + verb[1:] if not verb[:2].isupper() else verb
        core = f"{verb} no more than {_TARGET} times a week, down from {_CURRENT},"
    if not purpose and not analysis.met["relevant"]:
        purpose = fill_pronouns(kb.templates.placeholders["purpose"], voice.role)
    text = grammar.tidy(f"{voice.actor} will {core} {when} {purpose}")
    return Suggestion(
        text=text,
        slots={"action": phrase, "timeframe": when},
        sources={"action": "goal", "timeframe": "goal" if els.timeframes else "knowledge_base"},
        placeholders=grammar.placeholders_in(text),
        template="reduce_to_limit",
    )


_NEVER_AGAIN = re.compile(
    r"^(?:never|no\s+more)\s+(?P<verb>[a-z]+)(?P<rest>.*?)(?:\s+(?:again|ever\s+again))?$",
    re.IGNORECASE,
)


def stop_suggestion(
    analysis: GoalAnalysis,
    kb: RewriteKB,
    *,
    timeframe: str | None,
    purpose: str | None,
) -> Suggestion | None:
    """Return "stop X-ing" for a stop worded as an absolute ("never drink again"), or None.

    A stop stays a stop (issue 11 §2), in the person's own verb, for a period: the
    absolute ("never ... again") is what the rubric flags (A), not the stop. The
    safety rules then add the supervised route where one is needed.
    """
    if intent_of(analysis.text).direction != "quit" or analysis.elements.actors:
        return None
    match = _NEVER_AGAIN.match(analysis.text.strip().rstrip(".!"))
    if match is None or not grammar.is_base_form(match["verb"].lower()):
        return None
    action = main_action(analysis)
    if action is None or action.lemma.lower() != match["verb"].lower():
        return None
    voice = voice_of(analysis, action, kb)
    verb = grammar.gerund(match["verb"].lower())
    when = timeframe or kb.templates.placeholders["timeframe"]
    why = purpose or fill_pronouns(kb.templates.placeholders["purpose"], voice.role)
    text = grammar.tidy(f"{voice.actor} will stop {verb}{match['rest']} {when} {why}")
    return Suggestion(
        text=text,
        slots={"action": f"stop {verb}{match['rest']}".strip(), "timeframe": when},
        sources={"action": "goal", "timeframe": "knowledge_base" if timeframe else "placeholder"},
        placeholders=grammar.placeholders_in(text),
        template="keep_stop",
    )
