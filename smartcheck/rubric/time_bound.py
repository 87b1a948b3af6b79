"""T: the goal has an end point or a review horizon that resolves."""

from __future__ import annotations

from smartcheck.models import DimensionScore, Finding, Timeframe
from smartcheck.rubric.base import RubricInput, evidence, finding, score

#: A hedge this close before a timeframe ("maybe by spring") makes it vague.
_HEDGE_WINDOW = 12


def hedged(tf: Timeframe, inp: RubricInput) -> bool:
    """Tell whether a hedge word sits right before the timeframe."""
    return any(0 <= tf.start - h.end <= _HEDGE_WINDOW for h in inp.flags("hedge"))


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
            if tf.days is not None and tf.days >= 365:
                findings.append(finding(kb, "time_bound.too_long", tf))
        value = 1.0 if all(tf.days is None or tf.days < 365 for tf in valid) else 0.8
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
