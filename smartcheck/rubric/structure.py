"""The structure of a goal, read for S and M: what is a behaviour, what can be checked.

Each rule names the rubric sentence behind it. They read the elements and the goal
text (offsets point into it), never a list of known goals.
"""

from __future__ import annotations

import re

from smartcheck.models import Action, Element
from smartcheck.rubric.base import RubricInput

_WORD = re.compile(r"[a-z][a-z'/-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _has_phrase(text: str, phrases: tuple[str, ...] | frozenset[str]) -> str | None:
    low = f" {' '.join(_words(text))} "
    return next((p for p in phrases if f" {p} " in low), None)


def behaviour_state(action: Action, inp: RubricInput) -> bool:
    """Tell whether a "remain/stay/keep" state is an observable behaviour ("remain seated").

    Rubric S: a concrete, observable behaviour; issue 10 §5: "remain seated" and
    "take turns" are behaviours. Being *in a place or a posture* or *free of a named
    substance* can be observed; being calm or happy cannot.
    """
    if action.kind != "state":
        return False
    head = " ".join(_words(inp.after(action, 60))[:5])
    return _has_phrase(head, inp.kb.lexicon.behaviour_states) is not None


def capability_only(inp: RubricInput) -> bool:
    """Tell whether the goal states only an ability ("be able to walk again").

    Rubric S, 0: "get better", states; an ability with no task, distance or level is
    not yet a behaviour anyone can observe (the dev set's "be able to drive").
    """
    main = inp.main_action
    if main is None or "able to" not in inp.before(main, 20):
        return False
    els = inp.elements
    return not (els.frequencies or els.durations or els.measures or els.assistance) and not any(
        q.unit for q in els.quantities
    )


def nominal_vague_object(action: Action, inp: RubricInput) -> bool:
    """Tell whether the object is a process noun of a vague verb ("glute strengthening").

    Rubric S, 0: umbrella activities with nothing concrete ("work on my trauma").
    """
    if not action.object:
        return False
    head = _words(action.object)[-1:] or [""]
    nxt = _words(inp.text[action.end : action.end + 20])[:1]
    if nxt and nxt[0].endswith(("ing", "ment")):
        head = nxt  # "perform glute | strengthening"
    lex = inp.kb.lexicon
    for suffix in ("ing", "ment"):
        if head[0].endswith(suffix):
            stem = head[0][: -len(suffix)]
            if {stem, stem + "e"} & lex.vague_verbs:
                return True
    return head[0] in lex.process_nouns


def bare_comparative(action: Action, inp: RubricInput) -> bool:
    """Tell whether a verb is followed only by a comparative ("talk more", "be more focused").

    Rubric S, 0: "exercise more"; M, 0: comparatives with no number. A verb that by itself
    names a problem behaviour stays a behaviour ("drink less", "vape less").
    """
    if action.object:
        return False
    words = _words(inp.after(action, 40))
    if len(words) < 2:
        return False
    nxt = words[1] if words[0] != "be" else (words[1] if len(words) > 1 else "")
    comparative = {"more", "less", "fewer", "better"}
    if words[0] == "be" and len(words) > 2 and words[1] in comparative:
        return True
    if nxt not in comparative:
        return False
    return not any(action.lemma in e.bare_verbs for e in inp.kb.concerns)


_NO = re.compile(
    r"(?:^|[:;•\-–—(]\s*)(?:no|zero)\s+(?!more\b|longer\b|later\b|less\b)([a-z][a-z-]*)"
)


def abstention(inp: RubricInput) -> Element | None:
    """Return the span of a verbless abstention ("No caffeine after 2 pm", "no alcohol").

    Rubric S, 1: a concrete behaviour (not doing a named thing); M, 1: "abstaining from
    a behaviour over a stated period is checkable".
    """
    low = inp.text.lower()
    for m in _NO.finditer(low):
        word = m.group(1)
        if word in inp.kb.lexicon.state_nouns or word in {"pain", "more"}:
            continue
        return Element(start=m.start(1), end=m.end(1), text=inp.text[m.start(1) : m.end(1)])
    m3 = re.match(r"\W*(?:remain |stay |be )?(abstinent from [a-z]+|[a-z]+-free)\b", low)
    free = m3.group(1)[: -len("-free")] if m3 is not None and m3.group(1).endswith("-free") else ""
    if m3 is not None and free not in inp.kb.lexicon.state_nouns and free != "pain":
        # "Abstinent from cannabis x 30 days", "alcohol-free for a month" (not "pain-free")
        return Element(start=m3.start(1), end=m3.end(1), text=inp.text[m3.start(1) : m3.end(1)])
    m2 = re.search(r"\bno more than\s+\S+\s+([a-z][a-z-]*)", low)
    if m2 is not None and m2.group(1) not in inp.kb.lexicon.state_nouns:
        return Element(start=m2.start(), end=m2.end(), text=inp.text[m2.start() : m2.end()])
    return None


def habit_start(action: Action, inp: RubricInput) -> bool:
    """Tell whether the action is a habit being started ("start going to AA").

    Rubric M: a *single* event either happens or not; starting a habit does not end.
    """
    before = _words(inp.before(action, 25))
    return bool(before) and before[-1] in {"start", "begin", "starting", "beginning", "keep"}


_CARRY_ON = frozenset({"complete", "do", "finish", "attend", "go", "follow", "continue", "use"})


def recurring_object(action: Action, inp: RubricInput) -> bool:
    """Tell whether the action carries on an ongoing programme ("complete my HEP", "homework").

    Signing up for a class is one event; doing or attending the class is not.
    """
    if not action.object or action.lemma not in _CARRY_ON:
        return False
    words = set(_words(action.object))
    return bool(words & inp.kb.lexicon.recurring_objects)


def comparative_assistance(el: Element, inp: RubricInput) -> bool:
    """Tell whether an assistance level is only compared ("more indep", "↑ independence").

    Issue 10 §5: "independent" alone is not a measure; "more independent" is a comparative
    with no level (rubric M, 0: comparatives with no number and no baseline).
    """
    before = inp.before(el, 14)
    if attributive_assistance(el, inp):
        return True
    return bool(re.search(r"(more|less|greater|increased?|improved?|↑)\s*(in\s+)?$", before))


def experienced_state(action: Action, inp: RubricInput) -> bool:
    """Tell whether the action is having more or less of a state ("have fewer panic attacks").

    Rubric S, 0: feelings and states; issue 10 §5: "fewer panic attacks" and "fewer
    depressive symptoms" get the same verdict. Having fewer drinks or cigarettes is still
    a behaviour (a consumable), and "get my stress under control" is a state.
    """
    if not action.object or action.lemma not in {"have", "experience", "suffer", "get", "keep"}:
        return False
    words = _words(action.object)
    lex = inp.kb.lexicon
    if words and words[-1] in lex.state_nouns and action.lemma in {"get", "keep", "have"}:
        return True
    compared = bool(set(_words(inp.after(action, 30))[1:3]) & {"fewer", "less", "more", "no"})
    return compared and not set(words) & lex.consumables


def bare_tool(action: Action, inp: RubricInput) -> bool:
    """Tell whether the goal only uses or tries a thing, with nothing more ("use a calendar").

    Issue 10 §5: "use a calendar" with nothing more is not specific: no task, time or
    purpose says what the person will do with it.
    """
    if action.lemma not in {"use", "try"} or _words(inp.text[action.end :]):
        return False  # "use my inhaler as prescribed" says how
    els = inp.elements
    return not (
        els.frequencies
        or els.durations
        or els.measures
        or els.purposes
        or els.timeframes
        or els.assistance
        or len(els.actions) > 1
        or inp.flags("every_occurrence", "example")
    )


_LEARNING = {"learn", "learning", "understand", "understanding", "know", "gain", "develop"}


def learning_only(action: Action, inp: RubricInput) -> bool:
    """Tell whether the action is only learned or understood ("learn coping skills").

    Rubric S, 0: the verb must be observable; learning about a skill is not ("learn to
    swim" is read as swimming, so it never reaches this rule).
    """
    before = _words(inp.before(action, 20))
    return bool(before) and before[-1] in _LEARNING


_WISH = re.compile(
    r"\bwant(?:s|ed)?\s+(?:the|my|his|her|their|our|these|those|this|that)\s+"
    r"(?:[a-z'-]+\s+){0,3}?to\s+[a-z]"
)


def wished_outcome(inp: RubricInput) -> bool:
    """Tell whether the goal wishes something of a thing or person ("I want my grief to hurt less").

    Rubric S, 0: states and outcomes are not the person's behaviour.
    """
    return _WISH.search(inp.text.lower()) is not None


def measure_object(action: Action, inp: RubricInput) -> bool:
    """Tell whether the action moves a named measure ("get my A1c down", "bring my BP down").

    Rubric S, 1: "a change on a named measure".
    """
    if action.lemma not in {"get", "bring", "keep"} or not action.object:
        return False
    obj = f" {' '.join(_words(action.object))} "
    return any(f" {alias.lower()} " in obj for m in inp.kb.measures for alias in m.aliases)


_ATTRIBUTIVE_NEXT = {
    "with",
    "in",
    "for",
    "at",
    "on",
    "by",
    "during",
    "when",
    "while",
    "and",
    "or",
    "to",
    "from",
    "of",
    "using",
    "without",
    "after",
    "before",
    "within",
    "across",
    "x",
}


def attributive_assistance(el: Element, inp: RubricInput) -> bool:
    """Tell whether "independent" describes a task, not a level ("an independent task").

    An assistance level says how the person performs (rubric M: "with minimal
    assistance; independently"); "independent work" names a kind of classwork.
    """
    if el.text.lower() not in {"independent", "indep"}:
        return False
    nxt = _words(inp.text[el.end : el.end + 20])[:1]
    return bool(nxt) and nxt[0] not in _ATTRIBUTIVE_NEXT
