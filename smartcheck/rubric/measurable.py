"""M: progress can be checked without judgement (count, dose, score or single event)."""

from __future__ import annotations

from smartcheck.models import DimensionScore, Element, Evidence, Finding
from smartcheck.rubric.base import RubricInput, evidence, finding, score
from smartcheck.rubric.specific import concrete, vague_phrase_on
from smartcheck.rubric.structure import (
    abstention,
    comparative_assistance,
    habit_start,
    recurring_object,
    wished_outcome,
)


def criteria(inp: RubricInput) -> list[Element]:
    """Return the elements that make the goal checkable."""
    els = inp.elements
    out: list[Element] = []
    out.extend(els.frequencies)
    out.extend(els.durations)
    out.extend(q for q in els.quantities if q.unit)
    out.extend(m for m in els.measures if m.target is not None or m.comparator is not None)
    # "More independent" compares; it names no level (issue 10 §5).
    out.extend(a for a in els.assistance if not comparative_assistance(a, inp))
    vague = inp.flags("vague_frequency")
    out.extend(
        f
        for f in inp.flags("every_occurrence")
        if not any(v.start <= f.start < v.end for v in vague)
    )
    return out


def single_event(inp: RubricInput) -> Element | None:
    """Return the action when the goal is one event that either happens or not.

    Abstaining from a behaviour over a stated period ("I will not smoke after
    8pm for the next 2 weeks") is checkable the same way.
    """
    main = inp.main_action
    actor = next(iter(inp.elements.actors), None)
    if actor is not None and actor.role == "other":
        return None
    abstain = main is not None and (
        main.negated or main.lemma in {"avoid", "eliminate", "quit", "stop"}
    )
    if main is not None and abstain and main.kind == "behavior" and inp.elements.timeframes:
        return main
    held = abstention(inp)
    first = held is not None and (main is None or held.start < main.start)
    if first and (inp.elements.timeframes or inp.elements.frequencies):
        return held  # "No alcohol until 30/03/2026", "Abstinent from cannabis x 30 days"
    if main is None:
        return None
    if habit_start(main, inp) or recurring_object(main, inp) or wished_outcome(inp):
        return None  # "start going to AA", "complete my HEP": ongoing, not one event
    obj_words = (main.object or "").lower().split()
    if obj_words and obj_words[-1] in inp.kb.lexicon.state_nouns:
        return None  # "get my anxiety under control"
    lex = inp.kb.lexicon
    deadline = any(t.kind == "deadline" for t in inp.elements.timeframes)
    plural = bool(main.object) and main.object.split()[-1].lower().endswith("s")  # type: ignore[union-attr]
    task = (
        deadline
        and main.object
        and (not plural or main.lemma in lex.single_event_verbs)
        and main.kind == "behavior"
        and concrete(main, inp)
        and not ({main.lemma} & (lex.change_verbs | lex.umbrella_verbs | lex.vague_verbs))
        and not inp.flags("vague_frequency", "comparative", "hedge")
    )
    if task:
        return main  # a concrete task by a date is done by then or not ("book a review by Friday")
    if main.lemma not in lex.single_event_verbs:
        return None
    if main.kind == "state" and main.issue != "outcome":
        return None
    plural = bool(main.object) and main.object.split()[-1].lower().endswith("s")  # type: ignore[union-attr]
    if main.issue == "outcome" and plural:
        return None  # "make friends" is an open-ended outcome, "get a promotion" one event
    if main.issue in {"umbrella", "vague_verb", "quality_comparative"} or vague_phrase_on(
        main, inp
    ):
        return None
    if inp.flags("vague_frequency", "comparative"):
        return None
    return main


def all_or_none(inp: RubricInput) -> Element | None:
    """Return the absolute that makes a concrete behaviour checkable ("never drink again").

    Rubric M: "a single event that either happened or did not"; every or no occurrence of
    a concrete act can be counted. The absolute stays a red flag for A.
    """
    main = inp.main_action
    if main is None or not concrete(main, inp):
        return None
    flags = [f for f in inp.flags("absolute") if f.text.lower() != "no more"]
    return flags[0] if flags else None


def check_measurable(inp: RubricInput) -> DimensionScore:
    """Score M from frequencies, doses, amounts, targets and single events."""
    kb = inp.kb
    if inp.not_a_goal is not None:
        return score(
            "measurable", False, 0.0, inp=inp, findings=[finding(kb, "measurable.no_criterion")]
        )
    found = criteria(inp)
    findings: list[Finding] = []
    for f in inp.flags("vague_frequency"):
        findings.append(finding(kb, "measurable.vague_frequency", f))
    for m in inp.elements.measures:
        if m.instrument and m.target is None and m.comparator is None:
            findings.append(finding(kb, "measurable.no_target", m))
    if found:
        ev: list[Evidence] = [evidence(e) for e in found]
        return score(
            "measurable",
            True,
            min(1.0, 0.7 + 0.15 * len(found)),
            inp=inp,
            evidence_spans=ev,
            findings=findings,
        )
    every = all_or_none(inp)
    if every is not None:
        return score(
            "measurable", True, 0.7, inp=inp, evidence_spans=[evidence(every)], findings=findings
        )
    event = single_event(inp)
    if event is not None:
        return score(
            "measurable", True, 0.8, inp=inp, evidence_spans=[evidence(event)], findings=findings
        )
    for f in inp.flags("comparative")[:1]:
        findings.append(finding(kb, "measurable.comparative_without_number", f))
    if not findings or all(f.severity != "error" for f in findings):
        findings.append(finding(kb, "measurable.no_criterion"))
    return score(
        "measurable", False, 0.0 if not inp.elements.actions else 0.2, inp=inp, findings=findings
    )
