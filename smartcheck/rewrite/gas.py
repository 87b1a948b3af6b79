"""Goal Attainment Scaling: five levels (-2 to +2) around a SMART goal.

Level 0 is the goal itself. The other levels change one quantified part of
it (the assistance level, a criterion, an amount, a session length, a
frequency or, last, the timeframe) by one or two steps, the way
rehabilitation teams write GAS scales.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.kb.rewrite_models import AssistanceStep
from smartcheck.models import (
    DIMENSIONS,
    Assistance,
    Element,
    Finding,
    GasLevel,
    GasScale,
    GoalAnalysis,
    Timeframe,
)
from smartcheck.rewrite import grammar, safety
from smartcheck.rewrite.intent import intent_of
from smartcheck.rewrite.verify import Analyze, as_analysis

logger = logging.getLogger(__name__)

LABELS: dict[int, str] = {
    -2: "much less than expected",
    -1: "somewhat less than expected",
    0: "expected outcome",
    1: "somewhat more than expected",
    2: "much more than expected",
}
_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "once": 1, "twice": 2,
}  # fmt: skip
_NICE_STEPS: tuple[float, ...] = (1, 2, 5, 10, 15, 20, 25, 50, 100, 250, 500, 1000, 2500, 5000)
#: A number to scale: never part of an instrument name ("GAD-7", "PHQ9", "6MWT") or a date.
_NUMBER = re.compile(
    r"(?<![\w/.-])\d+(?:\.\d+)?(?![\w/-]*[A-Za-z])(?!/\d)|\b(?:" + "|".join(_WORDS) + r")\b",
    re.IGNORECASE,
)
#: "4 of 5 trials", "8/10 opportunities": the scaled count never exceeds its denominator.
_RATIO = re.compile(r"^\s*(?:of|out\s+of|/)\s*(\d+)", re.IGNORECASE)
#: "from 10 to 5": the target (the second number) is scaled, the baseline is kept.
_FROM_TO = re.compile(r"\bfrom\s+\d+(?:\.\d+)?\s+to\s+(?:below\s+|under\s+|fewer\s+than\s+)?", re.I)
_LOWER_IS_BETTER = re.compile(
    r"\b(?:below|under|less than|fewer than|or less|or fewer|at most|no more than|reduce|"
    r"decrease|lower|cut down|down to)\b|<|≤",
    re.IGNORECASE,
)


def _not_smart(analysis: GoalAnalysis) -> Finding:
    """Explain why a goal that is not SMART gets no GAS levels."""
    first = next(d for d in DIMENSIONS if not analysis.met[d])
    reasons = [f.message for f in analysis.dimensions.get(first).findings]
    detail = f" {reasons[0]}" if reasons else ""
    return load_rewrite_kb().finding("gas_needs_smart_goal", dimension=first, detail=detail)


def _assistance_levels(analysis: GoalAnalysis, element: Assistance) -> list[GasLevel]:
    """Scale the support level: less help scores higher ("mod A" -> "min A" -> "CGA")."""
    ladder: tuple[AssistanceStep, ...] = load_rewrite_kb().templates.assistance_ladder
    levels = [step.level for step in ladder]
    if "cue" in element.text.lower() or element.level not in levels:
        return []
    index = levels.index(element.level)
    if index < 2 or index + 2 >= len(ladder):
        return []
    short = len(element.text) <= 5 or element.text.lower() in {s.short.lower() for s in ladder}
    out = []
    for score in range(-2, 3):
        step = ladder[index + score]
        if score == 0:
            new = element.text
        elif short:
            new = step.short
        else:
            with_ = element.text.lower().startswith("with ")
            new = step.text if with_ else step.text.removeprefix("with ")
        text = grammar.tidy(analysis.text[: element.start] + new + analysis.text[element.end :])
        out.append(
            GasLevel(score=score, label=LABELS[score], text=text, changed="assistance", value=new)
        )
    return out


def _candidates(analysis: GoalAnalysis) -> list[tuple[str, Element]]:
    """Return the quantified parts that can be scaled, in preference order."""
    els = analysis.elements
    return [
        *(("measure", e) for e in els.measures),
        *(("quantity", e) for e in els.quantities),
        *(("duration", e) for e in els.durations),
        *(("frequency", e) for e in els.frequencies),
        *(("timeframe", e) for e in els.timeframes),
    ]


def _steps(value: float, *, percent: bool) -> list[float]:
    """Return the values for levels -2..+2 (ascending), or [] when none fit.

    Steps are round numbers about a quarter of the value (15 min -> 5 min
    steps; 150 ft -> 50 ft), so every level reads like a clinician wrote it.
    """
    if percent:
        step = 10.0 if value <= 70 else 5.0
        values = [value + k * step for k in (-2, -1, 0, 1, 2)]
        return values if values[0] > 0 and values[-1] < 100 else []
    fitting = [s for s in _NICE_STEPS if value - 2 * s > 0]
    if not fitting:
        return []
    step = min(fitting, key=lambda s: (abs(s - value / 4), s))
    return [value + k * step for k in (-2, -1, 0, 1, 2)]


def _ratio_steps(value: float, denominator: float) -> list[float]:
    """Return counts value-2..value+2 when all fit in 0..denominator, else [].

    Level 0 is the goal's own count, so it stays in the middle; "4 of 5"
    cannot reach +2 without "6 of 5", so another part is scaled instead.
    """
    values = [value + k for k in (-2, -1, 0, 1, 2)]
    return values if values[0] >= 0 and values[-1] <= denominator else []


def _number_text(value: float, original: str) -> str:
    """Write ``value`` like the original number (digits or words)."""
    if original.lower() in _WORDS and value.is_integer() and 1 <= value <= 10:
        if original.lower() in {"once", "twice"}:
            return {1: "once", 2: "twice"}.get(int(value), f"{int(value)} times")
        return str(grammar.number_word(int(value)))
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _levels_for(analysis: GoalAnalysis, part: str, element: Element) -> list[GasLevel]:
    """Scale one part of the goal into the five GAS levels, or [] when it cannot."""
    match = _NUMBER.search(element.text)
    if match is None:
        return []
    target = _FROM_TO.search(element.text)
    if target is not None:  # scale the target, never the baseline
        match = _NUMBER.search(element.text, target.end()) or match
    raw = match.group(0)
    value = float(_WORDS[raw.lower()]) if raw.lower() in _WORDS else float(raw)
    percent = "%" in element.text[match.end() : match.end() + 2]
    values = _steps(value, percent=percent)
    ratio = _RATIO.match(element.text[match.end() :])
    if ratio is not None and values and max(values) > float(ratio.group(1)):
        values = _ratio_steps(value, float(ratio.group(1)))
    if len(set(values)) != 5 or any(v < 0 for v in values):
        return []
    if isinstance(element, Timeframe):
        # Reaching a deadline sooner is better; keeping a habit for longer is better.
        lower_better = element.kind == "deadline"
    else:
        lower_better = bool(_LOWER_IS_BETTER.search(analysis.text[: element.end]))
    if lower_better:
        values = values[::-1]
    start = element.start + match.start()
    end = element.start + match.end()
    levels = []
    for score, new in zip(range(-2, 3), values, strict=True):
        number = raw if score == 0 else _number_text(new, raw)
        text = grammar.tidy(analysis.text[:start] + number + analysis.text[end:])
        levels.append(
            GasLevel(score=score, label=LABELS[score], text=text, changed=part, value=number)
        )
    return levels


def _abstinence_levels(analysis: GoalAnalysis) -> list[GasLevel]:
    """Scale a goal to stop by days, not by weeks alone ("on 21 of the next 28 days").

    Below the goal, fewer days without the behaviour; above it, a longer
    period (the person's own stop kept). Only a stop with a period and no
    other number ("I will stop drinking for the next four weeks") is scaled
    this way; any count the goal states is scaled as usual.
    """
    if intent_of(analysis.text).direction != "quit":
        return []
    els = analysis.elements
    if els.quantities or els.frequencies or els.measures or els.durations:
        return []
    periods = [t for t in els.timeframes if t.kind == "period" and t.days and t.days >= 7]
    if len(periods) != 1:
        return []
    period = periods[0]
    days = int(period.days or 0)
    longer = _levels_for(analysis, "timeframe", period)
    if len(longer) != 5:
        return []
    out = []
    for score, share in ((-2, 0.5), (-1, 0.75)):
        phrase = f"on {round(days * share)} of the next {days} days"
        text = grammar.tidy(analysis.text[: period.start] + phrase + analysis.text[period.end :])
        out.append(
            GasLevel(score=score, label=LABELS[score], text=text, changed="days", value=phrase)
        )
    return [*out, *longer[2:]]


def _safe(levels: list[GasLevel], analysis: GoalAnalysis, context: str | None) -> bool:
    """Tell whether every level passes the clinical safety rules of the goal and context."""
    ctx = context if context is not None else analysis.context
    return not any(
        safety.violations(level.text, goal=analysis.text, context=ctx, check_route=False)
        for level in levels
        if level.score != 0
    )


def gas_levels(
    goal: str | GoalAnalysis,
    *,
    context: str | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
) -> GasScale:
    """Write the five GAS levels of a SMART goal; other goals get a finding instead."""
    analysis = as_analysis(goal, context, reference_date, analyze)
    if analysis.label != "SMART":
        return GasScale(goal=analysis.text, findings=(_not_smart(analysis),))
    for element in analysis.elements.assistance:
        levels = _assistance_levels(analysis, element)
        if levels and _safe(levels, analysis, context):
            return GasScale(goal=analysis.text, part="assistance", levels=tuple(levels))
    abstinence = _abstinence_levels(analysis)
    if abstinence and _safe(abstinence, analysis, context):
        return GasScale(goal=analysis.text, part="days", levels=tuple(abstinence))
    for part, quantified in _candidates(analysis):
        levels = _levels_for(analysis, part, quantified)
        if levels and _safe(levels, analysis, context):
            return GasScale(goal=analysis.text, part=part, levels=tuple(levels))
    return GasScale(goal=analysis.text, findings=(load_rewrite_kb().finding("gas_no_quantity"),))
