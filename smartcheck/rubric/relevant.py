"""R: the goal is tied to the person's therapeutic need (context or stated purpose).

Policy (rubric, R): "0 needs a goal that clearly serves something else" and "a
goal that plausibly serves the stated problem counts". So, with a context:

- the goal is *linked* when one of its own concerns is the context's concern or
  one the knowledge base relates to it;
- it is a *mismatch* only on positive evidence: the goal's behaviour belongs to a
  domain the context's diagnosis does not touch (knee exercises for anxiety), or
  the goal is only a feeling while the context names a bodily problem;
- otherwise the link is *unconfirmed*: met, with a lower score and an info finding.

A goal's concerns come from its behaviour and object (terms inside an action),
from problem terms it names (in a purpose clause or elsewhere) and from named
measures, never from a stray activity word ("with my son", "to reach" in a knee
goal). The context's come from its diagnosis; situation words ("injury",
"post-op") can confirm a link but never rule one out.
"""

from __future__ import annotations

import re

from smartcheck.extractors.context import word_key
from smartcheck.models import Concern, DimensionScore, Evidence, Purpose
from smartcheck.rubric.base import RubricInput, evidence, finding, score

#: Scores of the three verdicts with a context.
LINKED, SITUATION_LINKED, UNCONFIRMED, INNER_STATE = 1.0, 0.8, 0.6, 0.6


def related(concern_ids: set[str], inp: RubricInput) -> set[str]:
    """Return the concerns together with the concerns the knowledge base relates to them."""
    out = set(concern_ids)
    for cid in concern_ids:
        entry = inp.kb.concern(cid)
        if entry is not None:
            out.update(entry.related)
    return out


def goal_concerns(inp: RubricInput) -> list[Concern]:
    """Return the concerns the goal itself is about.

    Problem terms and named measures count wherever they stand; an activity term
    counts in the behaviour and its object, not inside a purpose clause ("to reach
    90 degrees of knee flexion" is about the knee, not about reaching) or a time
    ("before my next cardiology appointment").
    """
    els = inp.elements
    purposes = [(e.start, e.end) for e in (*els.purposes, *els.timeframes)]
    out = [
        c
        for c in inp.elements.concerns
        if c.source != "activity" or not any(s <= c.start and c.end <= e for s, e in purposes)
    ]
    return out + bare_verb_concerns(inp)


_DAYS = frozenset(
    {
        "weekend",
        "weekends",
        "weekday",
        "weekdays",
        "weeknights",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


def bare_verb_concerns(inp: RubricInput) -> list[Concern]:
    """Return the concerns named by a verb without an object ("drink less", "never smoke")."""
    out: list[Concern] = []
    times = inp.kb.lexicon.time_nouns
    units = {a.lower() for u in inp.kb.units.units if u.dimension == "mass" for a in u.aliases}
    for action in inp.elements.actions:
        words = (action.object or "").lower().split()
        if words and not all(
            w.rstrip("s") in times or w in _DAYS or w in units or w[:1].isdigit() for w in words
        ):
            continue  # "drink less at weekends", "lose 5 kg": the object is only a time or amount
        for entry in inp.kb.concerns:
            if action.lemma in entry.bare_verbs:
                out.append(entry.mention(action.start, action.end, action.text, "problem"))
    return out


def _linked(goal: list[Concern], ctx_ids: set[str], inp: RubricInput) -> list[Concern]:
    near = related(ctx_ids, inp)
    return [c for c in goal if c.concern in near or ctx_ids & related({c.concern}, inp)]


def _domains(ids: set[str], inp: RubricInput) -> set[str]:
    return {e.domain for e in (inp.kb.concern(c) for c in ids) if e is not None}


def _areas(ids: set[str], inp: RubricInput) -> set[str]:
    """Return the areas of concerns: one shared area for inner experience, else the concern.

    Concerns of inner experience (mood, anxiety, trauma, sleep, substances, eating)
    overlap too much to rule a link out between them; bodily and functional concerns
    (a knee, handwriting, swallowing) are distinct unless the knowledge base relates them.
    """
    inner = inp.kb.lexicon.inner_domains
    out = set()
    for cid in ids:
        entry = inp.kb.concern(cid)
        if entry is not None:
            out.add("inner" if entry.domain in inner else cid)
    return out


def _labels(ids: set[str], inp: RubricInput) -> str:
    return ", ".join(sorted(e.label for e in (inp.kb.concern(c) for c in ids) if e is not None))


def _met(
    inp: RubricInput, value: float, ev: list[Evidence], *, unconfirmed: bool = False
) -> DimensionScore:
    kb = inp.kb
    findings = []
    if unconfirmed:
        findings.append(
            finding(kb, "relevant.link_unconfirmed", value=_labels(set(inp.context.concerns), inp))
        )
    return score("relevant", True, value, inp=inp, evidence_spans=ev, findings=findings)


def _with_context(inp: RubricInput) -> DimensionScore:
    kb, ctx = inp.kb, inp.context
    strong = set(ctx.concerns)
    goal = goal_concerns(inp)
    # A diagnosis in the context links fully; a situation word ("s/p", "injury") less so.
    for targets, value in ((strong, LINKED), (set(ctx.situations), SITUATION_LINKED)):
        linked = _linked(goal, targets, inp)
        if linked:
            entry = kb.concern(linked[0].concern)
            info = finding(kb, "relevant.linked", linked[0], value=entry.label if entry else "")
            return score(
                "relevant",
                True,
                value,
                inp=inp,
                evidence_spans=[evidence(c) for c in linked],
                findings=[info],
            )
    restated = _restated(inp)
    if restated is not None:
        purpose, word = restated
        info = finding(kb, "relevant.linked", purpose, value=f"the context's '{word}'")
        return score(
            "relevant", True, LINKED, inp=inp, evidence_spans=[evidence(purpose)], findings=[info]
        )
    mismatch = finding(kb, "relevant.context_mismatch", value=_labels(strong, inp))
    main = inp.main_action
    inner = kb.lexicon.inner_domains
    if not goal and main is not None and main.kind == "state" and main.issue != "outcome":
        # A goal that is only a feeling serves an inner concern, not a bodily one.
        if strong and not _domains(strong, inp) & inner:
            return score("relevant", False, 0.1, inp=inp, findings=[mismatch])
        return _met(inp, INNER_STATE, [evidence(main)], unconfirmed=not strong)
    if strong and main is not None and main.issue == "outcome":
        # A life outcome ("get a promotion") that links to nothing in the context serves itself.
        return score("relevant", False, 0.1, inp=inp, findings=[mismatch])
    goal_ids = {c.concern for c in goal}
    areas = _areas(goal_ids, inp)
    if main is not None and main.kind == "state":
        areas.add("inner")  # "be perfect at my job" is about perfectionism, not about work
    if strong and goal_ids and not areas & _areas(strong, inp):
        return score("relevant", False, 0.0, inp=inp, findings=[mismatch])
    ev = [evidence(p) for p in inp.elements.purposes] or [evidence(c) for c in goal]
    return _met(inp, UNCONFIRMED, ev, unconfirmed=True)


def _restated(inp: RubricInput) -> tuple[Purpose, str] | None:
    """Return a purpose clause that names a problem word of the context, and the word.

    Rubric (R): 1 when the goal's concern matches the context. "… to reduce agitation"
    next to "dementia; afternoon agitation" says which of the context's problems the goal
    serves, even when the knowledge base has no concern for the word.
    """
    words = set(inp.context.words)
    for purpose in inp.elements.purposes:
        for raw in re.findall(r"[a-z][a-z'-]+", purpose.text.lower()):
            if len(raw) >= 4 and word_key(raw) in words:
                return purpose, word_key(raw)
    return None


def functional(purpose: Purpose, inp: RubricInput) -> bool:
    """Tell whether a purpose clause names a function the person wants back or keeps."""
    lex = inp.kb.lexicon
    text = purpose.text.lower()
    if text.startswith(lex.functional_purposes):
        return True
    return any(w in lex.functional_purpose_words for w in re.findall(r"[a-z][a-z'-]*", text))


def _without_context(inp: RubricInput) -> DimensionScore:
    kb = inp.kb
    ev: list[Evidence] = []
    for c in (*inp.elements.concerns, *bare_verb_concerns(inp)):
        if c.source in {"problem", "measure"}:
            ev.append(evidence(c))
    for p in inp.elements.purposes:
        if p.concern or functional(p, inp):
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
