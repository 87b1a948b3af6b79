"""The person's wording: voice, clean-up rules, and the analysis's not-a-goal finding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import Action, Finding, GoalAnalysis
from smartcheck.rewrite import grammar


@dataclass(frozen=True)
class Voice:
    """Who the rewrite speaks for: actor text, role and a kept opening clause."""

    actor: str
    role: str
    prefix: str = ""
    rest: str = ""


def not_a_goal(analysis: GoalAnalysis, kb: RewriteKB) -> Finding | None:
    """Return the finding that says why the analysed text gets no rewrite, if it is not a goal.

    The analyzer decides (``is_goal``, ``non_goal``: a question, a progress
    note, a symptom report, a plan of care, a heading or a junk row); the
    message comes from templates.yaml.
    """
    if analysis.is_goal:
        return None
    return kb.finding(analysis.non_goal or "junk")


def voice_of(analysis: GoalAnalysis, action: Action | None, kb: RewriteKB) -> Voice:
    """Find the actor and any opening clause to keep before "will"."""
    text = analysis.text
    limit = action.start if action else len(text)
    actors = [
        a
        for a in analysis.elements.actors
        if a.end <= limit and a.text.lower() not in kb.templates.not_actors
    ]
    stem = re.compile(rf"^\s*(?:{'|'.join(kb.templates.stems)})\s*", re.IGNORECASE)
    if not actors:  # an imperative: "Continue using the app", "Every morning, take ..."
        lead = text[:limit].strip()
        who = re.match(r"^(\w+)(?:\s+(?:to|will|shall|should)\b)?\s*(.*)$", lead, re.I | re.S)
        if who and who.group(1).lower() in kb.templates.clinical_subjects:  # "Pt to wean ..."
            # The main action may come later ("Pt to wean from O2 during amb"): the
            # words before it stay as the start of the kept wording.
            name = who.group(1)
            return Voice(actor=name[:1].upper() + name[1:], role="client", rest=who.group(2))
        if lead.endswith(","):
            return Voice(actor="I", role="self", prefix=lead + " ")
        while (m := stem.match(lead)) and m.end() > 0:
            lead = lead[m.end() :]
        return Voice(actor="I", role="self", rest=lead[:1].lower() + lead[1:])
    actor = actors[-1]
    if actor.role == "other":  # the goal must be the person's own behaviour
        return Voice(actor="I", role="self")
    role: str = "client" if actor.role == "clinician" else actor.role
    name = "Client" if actor.role == "clinician" else actor.text
    if name.lower() == "i":
        name = "I"
    if name.lower() == "we":
        role = "we"
    prefix = text[: actor.start]
    if not prefix.strip():
        prefix, name = "", name[:1].upper() + name[1:]
    between = text[actor.end : limit]
    while (m := stem.match(between)) and m.end() > 0:
        between = between[m.end() :]
    return Voice(actor=name, role=role, prefix=prefix, rest=between.strip())


def fill_pronouns(text: str, role: str) -> str:
    """Fill {poss}/{subj} in a knowledge-base phrase for the actor's role."""
    return text.replace("{poss}", grammar.possessive(role)).replace(
        "{subj}", grammar.subject_pronoun(role)
    )


def red_flags(analysis: GoalAnalysis, *, stacking: bool = True) -> list[tuple[int, int]]:
    """Return the spans of the analysis's Achievable red flags (``GoalAnalysis.red_flags``)."""
    return analysis.red_flags(stacking=stacking)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def apply_removals(text: str, kb: RewriteKB, *, body: bool) -> str:
    """Take hedges, vague words and absolutes out of the person's wording."""
    for rule in kb.templates.removals:
        if rule.scope == "body" and not body:
            continue
        text = re.sub(rule.pattern, rule.replace, text, flags=re.IGNORECASE)
    return text


def drops_action(text: str, kb: RewriteKB) -> bool:
    """Tell whether the wording asks to avoid something rather than do something."""
    return any(re.search(p, text, re.IGNORECASE) for p in kb.templates.drop_action)
