"""R: the goal is tied to the person's therapeutic need (context or stated purpose)."""

from __future__ import annotations

from smartcheck.models import Concern, DimensionScore, Evidence, Purpose
from smartcheck.rubric.base import RubricInput, evidence, finding, score


def related(concern_ids: set[str], inp: RubricInput) -> set[str]:
    """Return the concerns together with the concerns the knowledge base relates to them."""
    out = set(concern_ids)
    for cid in concern_ids:
        entry = inp.kb.concern(cid)
        if entry is not None:
            out.update(entry.related)
    return out


def _goal_concerns(inp: RubricInput) -> list[Concern | Purpose]:
    items: list[Concern | Purpose] = list(inp.elements.concerns)
    items.extend(p for p in inp.elements.purposes if p.concern)
    return items


def _with_context(inp: RubricInput) -> DimensionScore:
    kb, ctx = inp.kb, inp.context
    ctx_ids = set(ctx.concerns)
    goal_items = _goal_concerns(inp)
    goal_ids = {i.concern for i in goal_items if i.concern}
    if not ctx_ids:
        if goal_ids or inp.elements.purposes:
            return score(
                "relevant",
                True,
                0.7,
                inp=inp,
                evidence_spans=[evidence(goal_items[0])] if goal_items else [],
            )
        return score("relevant", False, 0.3, inp=inp, findings=[finding(kb, "relevant.no_purpose")])
    linked = [
        i
        for i in goal_items
        if i.concern and (i.concern in related(ctx_ids, inp) or ctx_ids & related({i.concern}, inp))
    ]
    if linked:
        label = next((kb.concern(i.concern) for i in linked if i.concern), None)
        info = finding(
            kb, "relevant.linked", linked[0], value=label.label if label else linked[0].concern
        )
        return score(
            "relevant",
            True,
            1.0,
            inp=inp,
            evidence_spans=[evidence(i) for i in linked],
            findings=[info],
        )
    main = inp.main_action
    # A goal about an inner state is about the person's concern even when it names no term of it.
    if main is not None and main.kind == "state" and main.issue != "outcome":
        return score("relevant", True, 0.6, inp=inp, evidence_spans=[evidence(main)])
    names = ", ".join(sorted(kb.concern(c).label for c in ctx_ids if kb.concern(c)))  # type: ignore[union-attr]
    return score(
        "relevant",
        False,
        0.0,
        inp=inp,
        findings=[finding(kb, "relevant.context_mismatch", value=names)],
    )


def _without_context(inp: RubricInput) -> DimensionScore:
    kb = inp.kb
    ev: list[Evidence] = []
    for c in inp.elements.concerns:
        if c.source in {"problem", "measure"}:
            ev.append(evidence(c))
    for p in inp.elements.purposes:
        if p.concern or p.text.lower().startswith(kb.lexicon.functional_purposes):
            ev.append(evidence(p))
    if ev:
        first = ev[0]
        return score(
            "relevant",
            True,
            1.0,
            inp=inp,
            evidence_spans=ev,
            findings=[finding(kb, "relevant.linked", first, value="a therapeutic concern")],
        )
    return score("relevant", False, 0.0, inp=inp, findings=[finding(kb, "relevant.no_purpose")])


def check_relevant(inp: RubricInput) -> DimensionScore:
    """Score R against the context when given, else against the stated purpose or concern."""
    if inp.not_a_goal is not None:
        return score(
            "relevant", False, 0.0, inp=inp, findings=[finding(inp.kb, "relevant.no_purpose")]
        )
    return _with_context(inp) if inp.context.present else _without_context(inp)
