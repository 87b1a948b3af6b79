"""S: the goal names a concrete, observable behaviour or a change on a named measure."""

from __future__ import annotations

from smartcheck.models import Action, DimensionScore, Measure
from smartcheck.rubric.base import RubricInput, evidence, finding, score

_ISSUE_FINDING = {
    "vague_verb": "specific.vague_verb",
    "umbrella": "specific.umbrella_activity",
    "quality_comparative": "specific.vague_verb",
    "outcome": "specific.state_not_behavior",
}


def named_measure(inp: RubricInput) -> Measure | None:
    """Return a change on a named measure: an instrument with a target, or both ends given."""
    for m in inp.elements.measures:
        if m.instrument and m.instrument != "rating" and m.target is not None:
            return m
        if m.baseline is not None and m.target is not None:  # "from 20 lb to 35 lb"
            return m
    return None


def vague_phrase_on(action: Action, inp: RubricInput) -> bool:
    """Tell whether a vague phrase ("work on", "get better") starts the action."""
    return any(
        f.start <= action.start < f.end or action.start <= f.start < action.end
        for f in inp.flags("vague_phrase")
    )


def check_specific(inp: RubricInput) -> DimensionScore:
    """Score S from the main action, method clauses and named measures."""
    kb = inp.kb
    not_goal = inp.not_a_goal
    if not_goal is not None:
        return score(
            "specific", False, 0.0, inp=inp, findings=[finding(kb, "specific.not_a_goal", not_goal)]
        )
    findings = [finding(kb, "specific.desire_wording", f) for f in inp.flags("desire")[:1]]
    actor = next(iter(inp.elements.actors), None)
    if actor is not None and actor.role in {"clinician", "other"}:
        fid = "specific.wrong_actor" if actor.role == "clinician" else "specific.other_actor"
        findings.append(finding(kb, fid, actor))
        return score("specific", False, 0.3, inp=inp, findings=findings)
    main = inp.main_action
    measure = named_measure(inp)
    if main is None:
        if measure is not None:
            return score(
                "specific",
                True,
                1.0,
                inp=inp,
                evidence_spans=[evidence(measure)],
                findings=findings,
            )
        return score(
            "specific", False, 0.0, inp=inp, findings=[*findings, finding(kb, "specific.no_action")]
        )
    issue = main.issue
    if issue is None and main.kind == "behavior" and vague_phrase_on(main, inp):
        issue = "vague_verb"
    if main.kind == "behavior" and issue is None:
        return score(
            "specific", True, 1.0, inp=inp, evidence_spans=[evidence(main)], findings=findings
        )
    methods = [
        a
        for a in inp.elements.actions
        if a.role == "method" and a.kind == "behavior" and a.issue is None
    ]
    if methods:
        return score(
            "specific", True, 0.9, inp=inp, evidence_spans=[evidence(methods[0])], findings=findings
        )
    if measure is not None:
        return score(
            "specific", True, 0.9, inp=inp, evidence_spans=[evidence(measure)], findings=findings
        )
    if main.kind == "state" and issue != "outcome":
        findings.append(finding(kb, "specific.state_not_behavior", main))
        return score("specific", False, 0.1, inp=inp, findings=findings)
    findings.append(finding(kb, _ISSUE_FINDING.get(issue or "", "specific.vague_verb"), main))
    return score("specific", False, 0.4, inp=inp, findings=findings)
