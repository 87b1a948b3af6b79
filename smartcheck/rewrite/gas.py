"""Goal Attainment Scaling: five levels (-2 to +2) around a SMART goal.

Level 0 is the goal itself. The other levels change one quantified part of
it (the assistance level, a criterion, an amount, a session length, a
frequency or, last, the timeframe) by one or two steps, the way
rehabilitation teams write GAS scales. When the goal states where the person
starts ("from 10 to 4", "down from 10", "currently 10", "baseline: 10"), the
-2 level is that baseline (no change), -1 lies between the baseline and the
goal, and +1/+2 go past the goal in the same direction.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from dataclasses import dataclass

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
#: "from 10 to 5": the target (the second number) is scaled, the baseline is kept. The
#: first number may carry a percent sign or a unit ("from 60% to 80%", "from 10 cigs to 4").
_FROM_TO = re.compile(
    r"\bfrom\s+\d+(?:\.\d+)?(?:\s*%|\s+[a-z]+)?\s+to\s+(?:below\s+|under\s+|fewer\s+than\s+)?",
    re.IGNORECASE,
)
#: "down from 10", "(currently 10)", "; baseline: 12 drinks a week": where the person starts.
_BASELINE = re.compile(
    r"(?P<lead>\s*[,;(]\s*|\s+)?\b(?:(?:down|up)\s+from|currently(?:\s+at)?|"
    r"(?:from\s+a\s+)?baseline(?:\s+(?:of|is|at))?\s*[:=]?)\s*"
    r"(?P<value>\d+(?:\.\d+)?)(?![\w/.-]*\d)(?!\s*to\b)"
    r"(?P<tail>(?:\s+(?!(?:to|for|by|within|until|in|over|during|and)\b)[A-Za-z]+){0,4})\)?",
    re.IGNORECASE,
)
#: The baseline of "from 10 to 4": the first number of the pair.
_FROM_VALUE = re.compile(r"\bfrom\s+(\d+(?:\.\d+)?)", re.IGNORECASE)
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


@dataclass(frozen=True)
class Baseline:
    """Where the person starts: its value and the words that state it.

    ``start``/``end`` span "from 10 to 4" for a pair (``paired``), or the
    separate mention (", down from 10", "(currently 10)"), which the -2 level
    drops; ``unit`` is the word after a separate mention ("12 drinks"), if any.
    """

    value: float
    start: int
    end: int
    paired: bool
    unit: str = ""


def baseline_mentions(text: str) -> list[Baseline]:
    """Return the separate baseline mentions of a goal ("down from 10", "currently 10")."""
    return [
        Baseline(
            float(m.group("value")),
            m.start(),
            m.end(),
            paired=False,
            unit=(m.group("tail").split() or [""])[0].lower(),
        )
        for m in _BASELINE.finditer(text)
    ]


def _baseline_of(analysis: GoalAnalysis, element: Element) -> Baseline | None:
    """Return the baseline of a scaled element: its own "from A to" or a separate mention."""
    pair = _FROM_TO.search(element.text)
    if pair is not None:
        start = _FROM_VALUE.search(element.text, pair.start())
        if start is not None:
            target = _NUMBER.search(element.text, pair.end())
            end = element.start + (target.end() if target else pair.end())
            value = float(start.group(1))
            return Baseline(value, element.start + pair.start(), end, paired=True)
    after = analysis.text[element.end :].split()
    counted = f"{element.text} {after[0] if after else ''}".lower()  # "4 cigarettes", "4 drinks"
    mentions = [
        b
        for b in baseline_mentions(analysis.text)
        if not (b.start < element.end and element.start < b.end)
        and (not b.unit or b.unit[:4] in counted)  # "up from 2 days" is no baseline of minutes
    ]
    return mentions[0] if mentions else None


def _between(low: float, high: float) -> float | None:
    """Return a round value strictly between two levels, or None when none fits."""
    middle = float(math.floor((low + high) / 2 + 0.5))
    return middle if min(low, high) < middle < max(low, high) else None


def _anchored(
    value: float, base: float, *, percent: bool, denominator: float | None
) -> list[float]:
    """Return levels -2..+2 anchored at the baseline (-2) with the goal (0), or [].

    Rubric (GAS): -2 is the baseline, no change; -1 lies between it and the
    goal; +1 and +2 go past the goal in the goal's direction, never past a
    ratio's denominator, 100% or (for a reduction) down to zero, which would
    turn a reduction into a stop.
    """
    middle = _between(base, value)
    if middle is None:
        return []
    sign = -1.0 if base > value else 1.0
    ceiling = denominator if denominator is not None else (100.0 if percent else math.inf)
    for step in (*sorted(_NICE_STEPS, key=lambda s: (abs(s - value / 4), s)), 1.0):
        beyond = [value + sign * step, value + 2 * sign * step]
        if all(1 <= v <= ceiling and (not percent or v < 100) for v in beyond):
            return [base, middle, value, *beyond]
    return []


def _baseline_text(analysis: GoalAnalysis, element: Element, baseline: Baseline, end: int) -> str:
    """Write the -2 level: "No change from the baseline: 10 cigarettes a day ...".

    The baseline number takes the goal's number; what the goal counts (an
    instrument name, a unit) and its period stay, and the separate mention of
    the baseline is dropped, so the level never reads "from 10 to 10".
    """
    text = analysis.text
    number = _number_text(baseline.value, "0")
    rest = text[end:]
    if not baseline.paired and baseline.start >= end:
        rest = text[end : baseline.start] + text[baseline.end :]
    named = ""
    if baseline.paired:  # "GAD-7 score from 15 to below 10": the name stays
        named = text[element.start : baseline.start].strip()
    body = grammar.tidy(f"{named} {number}{rest}".strip(" ,;"))
    return f"No change from the baseline: {body}"


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
    ratio = _RATIO.match(element.text[match.end() :])
    baseline = None if isinstance(element, Timeframe) else _baseline_of(analysis, element)
    if baseline is not None and baseline.value != value:
        return _anchored_levels(
            analysis, part, element, match, baseline=baseline, percent=percent, ratio=ratio
        )
    values = _steps(value, percent=percent)
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


def _anchored_levels(
    analysis: GoalAnalysis,
    part: str,
    element: Element,
    match: re.Match[str],
    *,
    baseline: Baseline,
    percent: bool,
    ratio: re.Match[str] | None,
) -> list[GasLevel]:
    """Write the five levels of a goal that states its baseline (-2 is the baseline)."""
    raw = match.group(0)
    value = float(_WORDS[raw.lower()]) if raw.lower() in _WORDS else float(raw)
    denominator = float(ratio.group(1)) if ratio is not None else None
    values = _anchored(value, baseline.value, percent=percent, denominator=denominator)
    if len(set(values)) != 5:
        return []
    start = element.start + match.start()
    end = element.start + match.end()
    levels = []
    for score, new in zip(range(-2, 3), values, strict=True):
        if score == -2:
            number = _number_text(new, "0")
            text = _baseline_text(analysis, element, baseline, end)
        else:
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
    mentions = baseline_mentions(analysis.text)
    for part, quantified in _candidates(analysis):
        if any(b.start <= quantified.start < b.end for b in mentions):
            continue  # the baseline itself ("currently 10 drinks") is never scaled
        levels = _levels_for(analysis, part, quantified)
        if levels and _safe(levels, analysis, context):
            return GasScale(goal=analysis.text, part=part, levels=tuple(levels))
    return GasScale(goal=analysis.text, findings=(load_rewrite_kb().finding("gas_no_quantity"),))
