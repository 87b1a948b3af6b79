"""Achievable red flags read from the wording and the context (issue 10 §6).

Rubric A, 0 when any red flag is present: absolutes; "an implausible magnitude for the
domain or the context"; "the outcome depends on other people"; "four or more distinct
new behaviours stacked in one goal"; "a contradiction with the context (a strenuous
target right after surgery)". A, 1 needs a concrete bounded dose or explicit evidence:
confidence, "a graded step", or "named support ('with my therapist', 'using my cane')".
"""

from __future__ import annotations

import re
from functools import lru_cache

from smartcheck.models import Element
from smartcheck.rubric.base import RubricInput

_NEGATORS = {"no", "not", "without", "avoid", "avoiding", "never", "don't", "dont", "stop"}
_SUPPORT_LEAD = r"(?:with|w/|using|use|given|via|and|\+|plus|from)"


def _find(text: str, term: str) -> re.Match[str] | None:
    return re.search(rf"(?<![\w/-]){re.escape(term.lower())}(?![\w-])", text)


def stage_conflicts(inp: RubricInput) -> list[tuple[Element, str]]:
    """Return targets too strenuous for the stage after the context's procedure.

    The stage at the goal's end point is the stated days since the procedure plus the
    goal's timeframe (when it resolves). A target preceded by "no", "without" or "avoid"
    is a precaution, not a target.
    """
    ctx = inp.context
    if ctx.stage_days is None or not ctx.procedures:
        return []
    ahead = min((t.days for t in inp.elements.timeframes if t.days is not None), default=0)
    stage = ctx.stage_days + max(ahead, 0)
    low = inp.text.lower()
    out: list[tuple[Element, str]] = []
    for proc in inp.kb.plausibility.procedures:
        if proc.id not in ctx.procedures:
            continue
        for rule in proc.rules:
            if stage >= rule.until_days:
                continue
            for term in rule.targets:
                m = _find(low, term)
                if m is None:
                    continue
                before = re.findall(r"[a-z']+", low[max(0, m.start() - 15) : m.start()])[-2:]
                if term.lower().startswith(("without", "w/o", "no ")) or not (
                    set(before) & _NEGATORS
                ):
                    span = Element(start=m.start(), end=m.end(), text=inp.text[m.start() : m.end()])
                    out.append((span, f"{term} {stage} days after {proc.label}"))
                    break
    return out


def others_made_to_act(inp: RubricInput) -> Element | None:
    """Return "get my son to stop vaping", "make my partner listen": another person must act."""
    m = _made_to_act_re(inp.kb.lexicon.other_people).search(inp.text.lower())
    if m is None:
        return None
    return Element(start=m.start(), end=m.end(), text=inp.text[m.start() : m.end()])


_STEPS_OF_ONE = re.compile(r"\b(plan|routine|steps|strategies|skills|list|checklist|following)\b")
_SEPARATORS = re.compile(r"[•;,:\n]|\s[-–—]\s")
_NOT_AN_ACT = re.compile(
    r"^(?:\d|for\b|by\b|within\b|until\b|till\b|over\b|at\b|on\b|per\b|every\b|each\b|daily\b|"
    r"weekly\b|x\b|from\b|starting\b|start\b|beginning\b|during\b|before\b|after\b|then\b|while\b|"
    r"when\b|to\b|so\b|in\b|with\b|w/|using\b|next\b|confidence\b|i'?m\b|i am\b|about\b|"
    r"etc\b|and\b|or\b|as\b|the next\b|this\b|tonight\b|today\b|tomorrow\b|monday\b|tuesday\b|"
    r"wednesday\b|thursday\b|friday\b|saturday\b|sunday\b|weekdays?\b|weekends?\b|mornings?\b|"
    r"evenings?\b|nights?\b|[a-z]+ly\b)"
)


def stacked_items(inp: RubricInput) -> int:
    """Count the behaviours a list-shaped goal stacks ("up at 6, run 5k, cold shower, ...").

    Parts inside brackets and after an example marker ("such as", "like") are not new
    behaviours; parts that start with a time, a number or a preposition are doses.
    """
    if inp.flags("example"):
        return 0
    text = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), inp.text.lower())
    head, colon, rest = text.partition(":")
    if colon and _STEPS_OF_ONE.search(head):
        return 0  # "I'll use my safety plan: hold ice, text my sister, ..." lists one plan's steps
    if colon and len(re.findall(r"[a-z]+", head)) <= 3:
        text = " " * (len(head) + 1) + rest  # a heading or a start: "STGs:", "Starting Monday:"
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _SEPARATORS.finditer(text + ","):
        parts.append((start, text[start : m.start()]))
        start = m.end()
    levels = [(a.start, a.end) for a in inp.elements.assistance]
    acts = [
        p
        for at, p in parts
        if re.search(r"[a-z]", p)
        and not _NOT_AN_ACT.match(p.strip(" .!-–—"))
        and not any(at <= s < at + len(p) for s, _ in levels)  # "min A → CGA" is a level
    ]
    return len(acts) if len(parts) >= 4 else 0


@lru_cache(maxsize=8)
def _made_to_act_re(people: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(people, key=lambda p: (-len(p), p)))
    return re.compile(
        rf"\b(?:get|make|have|convince|persuade|force)\s+(?:my|our|her|his|their|the)\s+"
        rf"(?:[a-z-]+\s+)?(?:{alt})\b"
    )


@lru_cache(maxsize=8)
def _support_re(terms: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True))
    return re.compile(
        rf"{_SUPPORT_LEAD}\s+(?:(?:a|an|the|my|his|her|their|our|\d)\s+)?(?:[\w-]+\s+){{0,2}}"
        rf"(?:{alt})(?![\w-])"
    )


@lru_cache(maxsize=8)
def _terms_re(terms: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w/-])(?:{alt})(?![\w-])")


def named_support(inp: RubricInput) -> Element | None:
    """Return a named support ("with my therapist", "w/ RW", "given a break card")."""
    m = _support_re(inp.kb.plausibility.support_terms).search(inp.text.lower())
    if m is None:
        return None
    return Element(start=m.start(), end=m.end(), text=inp.text[m.start() : m.end()])


def graded_step(inp: RubricInput) -> Element | None:
    """Return a graded step ("start with 5 minutes", "step 4 of the ladder")."""
    m = _terms_re(inp.kb.plausibility.graded_terms).search(inp.text.lower())
    if m is None:
        return None
    return Element(start=m.start(), end=m.end(), text=inp.text[m.start() : m.end()])


def rushed_step(inp: RubricInput) -> Element | None:
    """Return the top of a graded hierarchy named as the target ("the whole exposure ladder")."""
    m = _terms_re(inp.kb.plausibility.rushed_steps.terms).search(inp.text.lower())
    if m is None:
        return None
    return Element(start=m.start(), end=m.end(), text=inp.text[m.start() : m.end()])


_ZERO = re.compile(r"(?<![\w-])zero\s+(?!to\b|or\b|and\b|from\b)(?:[a-z-]+\s+)?[a-z-]+s\b")


def zero_target(inp: RubricInput) -> Element | None:
    """Return a "zero ..." target ("zero missed doses"): an absolute (domain.md §5).

    A product name ("coke zero") or a scale point ("from 3 to zero") is not a target.
    """
    m = _ZERO.search(inp.text.lower())
    if m is None:
        return None
    end = m.start() + 4
    return Element(start=m.start(), end=end, text=inp.text[m.start() : end])
