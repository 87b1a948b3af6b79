"""S: the goal names a concrete, observable behaviour or a change on a named measure."""

from __future__ import annotations

from smartcheck.models import Action, DimensionScore, Measure
from smartcheck.rubric.base import RubricInput, evidence, finding, score
from smartcheck.rubric.red_flags import others_made_to_act
from smartcheck.rubric.structure import (
    abstention,
    bare_tool,
    behaviour_state,
    capability_only,
    experienced_state,
    learning_only,
    measure_object,
    nominal_vague_object,
    wished_outcome,
)

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


def structural_issue(action: Action, inp: RubricInput) -> str | None:
    """Return the issue the structure of an action shows, beyond the extractor's own.

    A behaviour on a process noun ("perform glute strengthening") is an umbrella; a verb
    followed only by a comparative ("talk more") is a quality comparative.
    """
    if action.issue is not None:
        return action.issue
    if action.kind == "behavior" and vague_phrase_on(action, inp):
        return "vague_verb"
    if nominal_vague_object(action, inp) or bare_tool(action, inp):
        return "umbrella"
    if learning_only(action, inp):
        return "vague_verb"
    return None


def concrete(action: Action, inp: RubricInput) -> bool:
    """Tell whether an action is a concrete, observable behaviour (rubric S, 1)."""
    if measure_object(action, inp):
        return True
    if action.kind == "state" and not behaviour_state(action, inp):
        return False
    if experienced_state(action, inp):
        return False
    return structural_issue(action, inp) is None


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
    abstain = abstention(inp)
    if abstain is not None and (main is None or abstain.start < main.start):
        # "No caffeine after 2 pm", "Abstinent from alcohol for 60 days": not doing a named thing
        return score(
            "specific", True, 0.9, inp=inp, evidence_spans=[evidence(abstain)], findings=findings
        )
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
    made = others_made_to_act(inp)
    if made is not None:  # "get my son to stop vaping": the behaviour is the son's
        findings.append(finding(kb, "specific.other_actor", made))
        return score("specific", False, 0.3, inp=inp, findings=findings)
    if capability_only(inp) or wished_outcome(inp):
        findings.append(finding(kb, "specific.state_not_behavior", main))
        return score("specific", False, 0.1, inp=inp, findings=findings)
    issue = structural_issue(main, inp)
    if concrete(main, inp):
        return score(
            "specific", True, 1.0, inp=inp, evidence_spans=[evidence(main)], findings=findings
        )
    # A method ("by bringing her out") pins down any main action; a coordinated concrete act
    # ("be indep w/ HEP and jog 2 km") only rescues a main that is a state.
    methods = [
        a
        for a in inp.elements.actions
        if a is not main
        and (a.role == "method" or (main.kind == "state" and a.role == "coordinated"))
        and concrete(a, inp)
    ]
    if methods:
        return score(
            "specific", True, 0.9, inp=inp, evidence_spans=[evidence(methods[0])], findings=findings
        )
    if measure is not None:
        return score(
            "specific", True, 0.9, inp=inp, evidence_spans=[evidence(measure)], findings=findings
        )
    if (main.kind == "state" and issue != "outcome") or experienced_state(main, inp):
        findings.append(finding(kb, "specific.state_not_behavior", main))
        return score("specific", False, 0.1, inp=inp, findings=findings)
    findings.append(finding(kb, _ISSUE_FINDING.get(issue or "", "specific.vague_verb"), main))
    return score("specific", False, 0.4, inp=inp, findings=findings)
