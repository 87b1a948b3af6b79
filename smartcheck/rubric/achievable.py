"""A: a realistic, attainable step: bounded, in the person's control, free of red flags."""

from __future__ import annotations

from smartcheck.models import DimensionScore, Element, Finding
from smartcheck.rubric.base import RubricInput, evidence, finding, score
from smartcheck.rubric.red_flags import (
    graded_step,
    named_support,
    others_made_to_act,
    rushed_step,
    stacked_items,
    stage_conflicts,
    zero_target,
)
from smartcheck.rubric.structure import comparative_assistance

#: A goal that stacks this many behaviours is a red flag (rubric: four or more).
MAX_BEHAVIOURS = 4


def _fmt_limit(dimension: str, limit: float) -> str:
    if dimension == "time":
        return f"{limit / 60:.0f} minutes" if limit < 3600 else f"{limit / 3600:g} hours"
    return f"{limit / 1609.34:.1f} miles" if limit >= 1000 else f"{limit:.0f} m"


def implausible(inp: RubricInput) -> list[Finding]:
    """Return findings for doses beyond the plausibility limits of the knowledge base."""
    els, plaus, kb = inp.elements, inp.kb.plausibility, inp.kb
    lemmas = {a.lemma for a in els.actions if a.kind == "behavior"}
    out: list[Finding] = []
    for limit in plaus.limits:
        if not lemmas & limit.activities:
            continue
        cap = limit.max_recovering if inp.context.recovering else limit.max
        if limit.max_event is not None and not inp.context.recovering and not els.frequencies:
            cap = limit.max_event  # one event ("run a half marathon"), not a daily dose
        values: list[tuple[Element, float]] = []
        if limit.dimension == "time":
            values = [(d, d.seconds) for d in els.durations if d.bound != "max"]
        else:
            metres = {u.unit: u.factor for u in kb.units.units if u.dimension == "length"}
            values = [(q, q.value * metres[q.unit]) for q in els.quantities if q.unit in metres]
        for el, value in values:
            if value > cap:
                out.append(
                    finding(
                        kb,
                        "achievable.implausible_magnitude",
                        el,
                        limit=limit.message.format(limit=_fmt_limit(limit.dimension, cap)),
                    )
                )
    soonest = min((t.days for t in els.timeframes if t.days is not None), default=None)
    out.extend(_weight_change(inp, soonest))
    for flag in inp.flags("strenuous"):
        if inp.context.recovering or (
            soonest is not None and soonest < plaus.strenuous_events.min_days
        ):
            out.append(
                finding(
                    kb,
                    "achievable.implausible_magnitude",
                    flag,
                    limit="a strenuous event this soon",
                )
            )
    rushed = rushed_step(inp)
    if rushed is not None and soonest is not None and soonest < plaus.rushed_steps.min_days:
        out.append(
            finding(
                kb,
                "achievable.implausible_magnitude",
                rushed,
                limit="the top of a graded hierarchy this soon",
            )
        )
    if inp.context.recovering:
        out.extend(finding(kb, "achievable.context_conflict", f) for f in inp.flags("full_load"))
    # The stage after surgery against the target (safety.md §5): "jog" 3 weeks after a TKA.
    out.extend(finding(kb, "achievable.context_conflict", span) for span, _ in stage_conflicts(inp))
    return out


def _weight_change(inp: RubricInput, days: int | None) -> list[Finding]:
    """Flag weight loss faster than the knowledge base's weekly limit."""
    if days is None or days <= 0 or not any(a.lemma == "lose" for a in inp.elements.actions):
        return []
    limit = inp.kb.plausibility.max_weight_loss_kg_per_week
    mass = {u.unit: u.factor for u in inp.kb.units.units if u.dimension == "mass"}
    out = []
    for q in inp.elements.quantities:
        if q.unit in mass and q.value * mass[q.unit] / max(days / 7.0, 1 / 7) > limit:
            out.append(
                finding(
                    inp.kb,
                    "achievable.implausible_magnitude",
                    q,
                    limit=f"more than {limit:g} kg a week",
                )
            )
    return out


def red_flags(inp: RubricInput) -> list[Finding]:
    """Return every red-flag finding of the Achievable check."""
    kb, els = inp.kb, inp.elements
    out = [finding(kb, "achievable.absolute", f) for f in inp.flags("absolute")]
    zero = zero_target(inp)
    if zero is not None and not any(f.span and f.span.start == zero.start for f in out):
        out.append(finding(kb, "achievable.absolute", zero))
    out += [finding(kb, "achievable.cure_language", f) for f in inp.flags("cure")]
    out += [finding(kb, "achievable.hedged", f) for f in inp.flags("hedge")]
    out += implausible(inp)
    actor = next(iter(els.actors), None)
    if actor is not None and actor.role == "other":
        out.append(finding(kb, "achievable.depends_on_others", actor))
    main = inp.main_action
    if main is not None and main.issue == "outcome":
        out.append(finding(kb, "achievable.depends_on_others", main))
    made = others_made_to_act(inp)  # "get my son to stop vaping"
    if made is not None and not any(f.id == "achievable.depends_on_others" for f in out):
        out.append(finding(kb, "achievable.depends_on_others", made))
    behaviours = [
        a for a in els.actions if a.role in {"main", "coordinated"} and a.kind == "behavior"
    ]
    count = max(len(behaviours), stacked_items(inp))  # lists: "up at 6, run 5k, cold shower, ..."
    if count >= MAX_BEHAVIOURS:
        where = behaviours[0] if behaviours else None
        out.append(finding(kb, "achievable.too_many_behaviors", where, count=count))
    for c in els.confidence:
        if c.value < inp.profile.min_confidence:
            out.append(finding(kb, "achievable.low_confidence", c))
    return out


def check_achievable(inp: RubricInput, *, specific: bool, measurable: bool) -> DimensionScore:
    """Score A: red flags fail it; a concrete bounded dose or a stated confidence shows it."""
    kb, els = inp.kb, inp.elements
    if inp.not_a_goal is not None:
        return score(
            "achievable", False, 0.0, inp=inp, findings=[finding(kb, "achievable.not_demonstrated")]
        )
    flags = red_flags(inp)
    confident = [c for c in els.confidence if c.value >= inp.profile.min_confidence]
    support: list[Element] = [a for a in els.assistance if not comparative_assistance(a, inp)]
    extra = [e for e in (named_support(inp), graded_step(inp)) if e is not None]
    if flags:
        errors = sum(1 for f in flags if f.severity == "error")
        return score("achievable", False, max(0.0, 0.4 - 0.15 * errors), inp=inp, findings=flags)
    ev = [evidence(c) for c in confident] + [evidence(s) for s in support]
    if inp.profile.achievable_requires_confidence:
        if confident:
            return score("achievable", True, 1.0, inp=inp, evidence_spans=ev)
        return score(
            "achievable", False, 0.3, inp=inp, findings=[finding(kb, "achievable.no_confidence")]
        )
    if specific and measurable:
        return score("achievable", True, 1.0 if ev else 0.9, inp=inp, evidence_spans=ev)
    # Explicit evidence: a confidence, named support or a graded step (rubric A, 1).
    if (confident or support or extra) and (specific or measurable):
        ev += [evidence(e) for e in extra]
        return score("achievable", True, 0.8, inp=inp, evidence_spans=ev)
    return score(
        "achievable", False, 0.3, inp=inp, findings=[finding(kb, "achievable.not_demonstrated")]
    )
