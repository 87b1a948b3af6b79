"""T: the goal has an end point or a review horizon that resolves."""

from __future__ import annotations

import re

from smartcheck.models import DimensionScore, Finding, Timeframe
from smartcheck.rubric.base import RubricInput, evidence, finding, score

#: A hedge this close before a timeframe ("maybe by spring") makes it vague.
_HEDGE_WINDOW = 12


def hedged(tf: Timeframe, inp: RubricInput) -> bool:
    """Tell whether a hedge word sits right before the timeframe."""
    return any(0 <= tf.start - h.end <= _HEDGE_WINDOW for h in inp.flags("hedge"))


def too_long(tf: Timeframe) -> bool:
    """Tell whether a timeframe spans a year or more, even one too far to put a date on."""
    if tf.days is not None:
        return tf.days >= 365
    m = _YEARS.search(tf.text)
    return m is not None and (not m.group(1).isdigit() or int(m.group(1)) >= 1)


#: "for the next 10000 years", "over 2 yrs": a count of years, read when no date resolves.
_YEARS = re.compile(r"\b(\d+|a|one|two|three|four|five|ten)\s*(?:years?|yrs?)\b", re.I)


def check_time_bound(inp: RubricInput) -> DimensionScore:
    """Score T from deadlines and periods; frequencies and session lengths do not count."""
    kb = inp.kb
    if inp.not_a_goal is not None:
        return score(
            "time_bound", False, 0.0, inp=inp, findings=[finding(kb, "time_bound.no_timeframe")]
        )
    findings: list[Finding] = []
    valid = [tf for tf in inp.elements.timeframes if not hedged(tf, inp)]
    for tf in inp.elements.timeframes:
        if tf not in valid:
            findings.append(finding(kb, "time_bound.vague_timeframe", tf))
    if valid:
        for tf in valid:
            if too_long(tf):
                findings.append(finding(kb, "time_bound.too_long", tf))
        value = 0.8 if any(too_long(tf) for tf in valid) else 1.0
        return score(
            "time_bound",
            True,
            value,
            inp=inp,
            evidence_spans=[evidence(t) for t in valid],
            findings=findings,
        )
    for f in inp.flags("vague_time"):
        findings.append(finding(kb, "time_bound.vague_timeframe", f))
    for f in inp.flags("start_marker"):
        findings.append(finding(kb, "time_bound.start_only", f))
    for el in [*inp.elements.frequencies, *inp.elements.durations][:2]:
        findings.append(finding(kb, "time_bound.frequency_not_deadline", el))
    findings.append(finding(kb, "time_bound.no_timeframe"))
    partial = (
        0.2 if findings and any(f.id == "time_bound.vague_timeframe" for f in findings) else 0.0
    )
    return score("time_bound", False, partial, inp=inp, findings=findings)
