"""Drafts of a rewrite: keep the person's action, pair it, or replace it.

``build_drafts`` returns the candidates in preference order; slot filling is
in ``slots.py`` and the wording of a draft in ``render.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from smartcheck.kb.rewrite_models import Intervention, RewriteKB, Template
from smartcheck.models import Action, Duration, Element, Frequency, GoalAnalysis
from smartcheck.rewrite.concerns import (
    goal_concerns,
    is_named,
    main_action,
    match_intervention,
    match_score,
    named_in,
    primary_concerns,
)
from smartcheck.rewrite.intent import intent_of
from smartcheck.rewrite.render import choose_template
from smartcheck.rewrite.slots import (
    Draft,
    ask_confidence,
    fill_item,
    fill_missing,
    placeholder_purpose,
    placeholder_timeframe,
    settled,
)
from smartcheck.rewrite.wording import (
    apply_removals,
    drops_action,
    fill_pronouns,
    overlaps,
    red_flags,
    voice_of,
)

logger = logging.getLogger(__name__)

#: Slots of the person's own dose that a pair keeps when the knowledge base filled them.
_OWN_DOSE = ("criterion", "duration", "frequency")
#: At most this many behaviours of the person's own are paired (plus one: under four).
_MAX_PAIRED = 2


def _insert_point(analysis: GoalAnalysis, after: int) -> int:
    """Return where additions go: before a kept purpose or confidence, else at the end."""
    starts = [p.start for p in analysis.elements.purposes if p.start > after]
    starts += [c.start for c in analysis.elements.confidence if c.start > after]
    end = len(analysis.text.rstrip().rstrip(".!"))
    point = min(starts, default=end)
    while point > after and analysis.text[point - 1] in " ,;(":
        point -= 1
    return point


def _scale_down(
    analysis: GoalAnalysis, body_span: tuple[int, int], dose: Intervention | None, kb: RewriteKB
) -> tuple[str, bool] | None:
    """Replace red-flagged dose elements of the body with a starting dose.

    Returns the new body text and whether anything was replaced, or None when a
    red flag cannot be scaled down (the action must then be replaced).
    """
    text = analysis.text
    start, end = body_span
    every = red_flags(analysis, stacking=False)
    flags = [f for f in every if overlaps(f, body_span)]
    if any(
        f[1] <= start and not _actor_flag(analysis, f) and not _removed(text[f[0] : f[1]], kb)
        for f in every
    ):
        return None  # a red flag before the action ("never", "completely")
    els = analysis.elements
    doses: list[Element] = [*els.quantities, *els.durations, *els.frequencies, *els.timeframes]
    edits: list[tuple[int, int, str]] = []
    for flag in flags:
        hit = [e for e in doses if overlaps((e.start, e.end), flag)]
        if not hit:
            flagged = text[flag[0] : flag[1]]
            if drops_action(flagged, kb) or apply_removals(flagged, kb, body=True) == flagged:
                return None  # a red flag that no removal rule softens
            continue
        for element in hit:
            new = _scaled(element, dose)
            if new is None:
                return None
            edits.append((element.start, element.end, new))
    out = text[start:end]
    for e_start, e_end, new in sorted(set(edits), reverse=True):
        out = out[: e_start - start] + new + out[e_end - start :]
    return out, bool(edits)


def _smaller_dose(
    analysis: GoalAnalysis, span: tuple[int, int], dose: Intervention | None, body: str
) -> tuple[str, bool] | None:
    """Scale the person's own dose down to the starting dose when they are not confident.

    Rubric A: a confidence below 7/10 means the step is too big ("Walk the dog 30
    min every morning, confidence 4/10"). The behaviour, its objects and period stay
    and the amount, length and frequency take the knowledge base's starting dose
    ("walk the dog 15 minutes on five days a week"). None when there is nothing to
    scale or the starting dose is no smaller: a concern's first step then replaces it.
    """
    els = analysis.elements
    doses: list[Element] = [*els.quantities, *els.durations, *els.frequencies]
    inside = [e for e in doses if span[0] <= e.start and e.end <= span[1] and e.text in body]
    if not inside:
        return None
    for element in inside:
        new = _scaled(element, dose)
        if new is None or not _smaller(element, dose):
            return None
        body = body.replace(element.text, new, 1)
    return body, True


#: Periods of a frequency as a share of a week.
_PER_WEEK = {"day": 7.0, "week": 1.0, "month": 7 / 30}


def _smaller(element: Element, dose: Intervention | None) -> bool:
    """Tell whether the starting dose is smaller than the person's own amount."""
    if dose is None:
        return False
    if isinstance(element, Frequency) and dose.frequency is not None:
        mine = element.times * _PER_WEEK.get(element.per, 1.0)
        start = dose.frequency.times * _PER_WEEK.get(dose.frequency.per, 1.0)
        return start < mine
    if isinstance(element, Duration) and dose.duration is not None:
        return dose.duration.seconds < element.seconds
    return False


def _removed(flagged: str, kb: RewriteKB) -> bool:
    """Tell whether the clean-up takes a flagged opening word out whole ("Eventually")."""
    return not drops_action(flagged, kb) and not apply_removals(flagged, kb, body=False).strip(" ,")


def _actor_flag(analysis: GoalAnalysis, flag: tuple[int, int]) -> bool:
    """Tell whether a red flag is the actor itself ("My partner will ...")."""
    return any(overlaps((a.start, a.end), flag) for a in analysis.elements.actors)


def _scaled(element: Element, dose: Intervention | None) -> str | None:
    """Return a starting-dose replacement for one red-flagged element."""
    if dose is None:
        return None
    kind = type(element).__name__
    if kind in {"Quantity", "Duration"} and dose.duration:
        new = dose.duration.text
        bare = kind == "Duration" and not element.text.lower().startswith("for ")
        return new.removeprefix("for ") if bare else new
    if kind == "Frequency" and dose.frequency:
        return dose.frequency.text
    if kind == "Timeframe":
        return ""
    return None


def keep_draft(
    analysis: GoalAnalysis,
    concerns: Sequence[str],
    kb: RewriteKB,
    template: Template,
    *,
    named: bool = True,
) -> Draft | None:
    """Build the rewrite that keeps the person's action and adds what is missing."""
    action = main_action(analysis)
    if action is None or action.kind != "behavior":
        return None
    if action.issue and not analysis.met["specific"] and concerns:
        return None  # "sleep better", "exercise more": a concrete action replaces it
    if any(a.role == "other" for a in analysis.elements.actors if a.end <= action.start):
        return None
    unsure = any(f.id == "achievable.low_confidence" for f in analysis.findings)
    text = analysis.text
    voice = voice_of(analysis, action, kb)
    point = _stack_point(analysis, action, _insert_point(analysis, action.end))
    concern = concerns[0] if concerns else None
    wording = f"{voice.rest} {text[action.start : point]}"
    graded = _graded_dose(wording, action, concern, kb)
    if action.negated or (graded is None and drops_action(wording, kb)):
        return None
    dose = (
        graded
        or match_intervention(action, concerns, kb)
        or match_intervention(action, list(kb.interventions.concerns), kb)
    )
    if dose is None and not analysis.met["specific"] and concerns:
        return None  # nothing concrete to add to a non-specific action
    if red_flags(analysis) and dose is None and kb.entry(concern):
        dose = kb.entry(concern).actions[0]  # type: ignore[union-attr]
    scaled = _scale_down(analysis, (action.start, point), dose, kb)
    if scaled is not None and unsure and concerns:
        scaled = _smaller_dose(analysis, (action.start, point), dose, scaled[0])
    if scaled is None:
        return None
    body = apply_removals(scaled[0], kb, body=True)
    softened = body != scaled[0]
    if drops_action(body, kb):
        return None
    tail = apply_removals(
        text[_tail_start(analysis, point) :].rstrip().rstrip(".!"), kb, body=False
    )
    tail_flags = [f for f in red_flags(analysis) if f[0] >= _tail_start(analysis, point)]
    if tail_flags and any(text[f[0] : f[1]].lower() in tail.lower() for f in tail_flags):
        tail = ""  # a purpose with cure language is replaced, not repeated
    start = _tail_start(analysis, point)
    confident = any(not text[start : c.start].strip(" ,;(") for c in analysis.elements.confidence)
    if tail.strip() and confident:
        tail = tail.strip()  # "…, I'd say 80% confident" -> "(80% confident)"
        tail = tail if tail.startswith(("(", ",")) or tail.endswith(")") else f"({tail})"
    draft = Draft(
        template=template.id,
        concern=concern,
        keeps_action=True,
        matched=bool(dose),
        item=dose.id if dose else None,
        softened=softened,
        bare=len(body.split()) <= 2,
    )
    prefix = apply_removals(voice.prefix, kb, body=False).lstrip(" ,")  # "Eventually I'd like"
    label, rest, body = _heading(analysis, action, voice.rest, body)
    prefix = f"{prefix}{label}"
    draft.fill("prefix", prefix[:1].upper() + prefix[1:] if prefix.strip() else "", "goal")
    draft.fill("actor", voice.actor, "goal")
    if not voice.prefix and voice.actor == "I" and not _actor_before(analysis, action):
        body = body[:1].lower() + body[1:]  # "Take atorvastatin" -> "I will take atorvastatin"
    draft.fill("goal", " ".join(x for x in (rest, body) if x), "goal")
    draft.fill("action", text[action.start : action.end], "goal")
    draft.fill("tail", tail, "goal")
    if graded is not None and graded.frequency:  # "stop ... completely": a graded step
        draft.fill("frequency", graded.frequency.text, "knowledge_base")
    off = off_context(analysis, action, concerns, kb)
    entry = None if off else kb.entry(concern)  # never claim a link it lacks
    fill_missing(analysis, draft, dose=dose, entry=entry, role=voice.role, kb=kb, claim=named)
    return draft


def _actor_before(analysis: GoalAnalysis, action: Action) -> bool:
    """Tell whether an actor stands before the action ("I'd say" after it does not count)."""
    return any(a.end <= action.start for a in analysis.elements.actors)


def _heading(analysis: GoalAnalysis, action: Action, rest: str, body: str) -> tuple[str, str, str]:
    """Keep a shorthand heading as a label before the actor: ``(label, rest, body)``.

    Clinicians head a goal with its area and a colon ("Fluency: use easy onset
    ...", "Artic: final consonants ..."). The heading stays as a label, so the
    concern it names stays (rubric R), and the sentence after "will" starts
    with a verb: the one after the colon, or the verb the heading noun names
    ("Artic: I will articulate final consonants ...").
    """
    if rest.rstrip().endswith(":"):  # "Fluency: use easy onset"
        return f"{rest.strip()} ", "", body
    heading = analysis.text[action.start : action.end]
    after = analysis.text[action.end :]
    if not re.match(r"\s*:", after) or " " in heading.strip() or not body.startswith(heading):
        return "", rest, body
    if heading.lower() == action.lemma.lower():
        return "", rest, body
    return f"{heading}: ", rest, f"{action.lemma} {body[len(heading) :].lstrip(' :')}"


def _graded_dose(
    wording: str, action: Action, concern: str | None, kb: RewriteKB
) -> Intervention | None:
    """Keep a stop whose absolute the clean-up removes ("stop drinking completely").

    A goal to stop stays a goal to stop ("stop drinking for the next four
    weeks"); a concern's optional ``graded`` frequency is added only when the
    knowledge base gives one. Any other wording to avoid ("never", "less") is
    replaced by a concrete action or a reduction to a limit.
    """
    entry = kb.entry(concern)
    if entry is None or not drops_action(wording, kb):
        return None
    if intent_of(wording).direction != "quit":
        return None  # "drink less" never becomes "drink ..." with a quota (issue 11)
    if drops_action(apply_removals(wording, kb, body=True), kb):
        return None
    return Intervention(id=f"{concern}_graded", verb=action.lemma, frequency=entry.graded)


def off_context(
    analysis: GoalAnalysis, action: Action | None, concerns: Sequence[str], kb: RewriteKB
) -> bool:
    """Tell whether the goal's behaviour does not serve the concern its context names."""
    return bool(
        analysis.context
        and not analysis.met["relevant"]
        and concerns
        and concerns[0] not in goal_concerns(analysis)
        and match_intervention(action, concerns[:1], kb) is None
    )


def pair_drafts(
    analysis: GoalAnalysis, kept: Draft, concerns: Sequence[str], kb: RewriteKB
) -> list[Draft]:
    """Keep an off-context behaviour and add one action of the context's concern.

    The added action brings its own dose and purpose, so the purpose is claimed
    for the knowledge-base action, not for the person's own. Only a concrete
    goal of one or two behaviours (a routine such as "pack my bag and lay out my
    clothes") with a number or a timeframe of its own, or a dose the knowledge
    base gives its own action ("keep a sleep diary" -> "every morning"), and no
    Achievable red flag is paired, so a pair has at most three behaviours (the
    rubric's red flag is four) and the person's part is never left open. A goal
    has one timeframe (issue 11 §4): the person's, when they gave one, else the
    concern's.
    """
    action = main_action(analysis)
    entry = kb.entry(concerns[0] if concerns else None)
    met = settled(analysis)
    behaviours = [a for a in analysis.elements.actions if a.kind == "behavior"]
    dosed = any(kept.sources.get(s) == "knowledge_base" for s in _OWN_DOSE)
    if (
        entry is None
        or not off_context(analysis, action, concerns, kb)
        or not met["specific"]
        or not (met["measurable"] or met["time_bound"] or dosed)
        or red_flags(analysis)
        or len(behaviours) > _MAX_PAIRED
    ):
        return []
    template = next(t for t in kb.templates.templates if t.id == "pair_action")
    voice = voice_of(analysis, action, kb)
    added = [kept.parts[s] for s in _OWN_DOSE if kept.sources.get(s) == "knowledge_base"]
    own = " ".join(x for x in (kept.parts.get("goal", ""), *added, kept.parts.get("tail", "")) if x)
    timed = kept.sources.get("timeframe") == "goal"
    drafts = []
    for item in entry.actions:
        draft = Draft(template=template.id, concern=concerns[0], keeps_action=True)
        for slot in ("prefix", "actor"):
            draft.fill(slot, kept.parts.get(slot, ""), "goal")
        draft.parts["goal"] = own
        for slot, source in kept.sources.items():
            if source == "goal" and slot != "action":
                draft.slots[slot], draft.sources[slot] = kept.slots[slot], source
        fill_item(draft, item, voice.role)
        if not timed:
            draft.fill("timeframe", entry.timeframe.text, "knowledge_base")
        draft.fill("purpose", fill_pronouns(entry.purpose, voice.role), "knowledge_base")
        drafts.append(draft)
    return drafts


def _tail_start(analysis: GoalAnalysis, point: int) -> int:
    """Return where the kept tail (purpose, confidence) starts after a cut at ``point``."""
    starts = [p.start for p in analysis.elements.purposes if p.start >= point]
    starts += [c.start for c in analysis.elements.confidence if c.start >= point]
    if not starts:
        return len(analysis.text)
    first = min(starts)
    while first > point and analysis.text[first - 1] in " ,;(":
        first -= 1
    return first


def _stack_point(analysis: GoalAnalysis, action: Action, point: int) -> int:
    """Cut a goal of three or more stacked behaviours after its first one."""
    others = [
        a
        for a in analysis.elements.actions
        if a.kind == "behavior" and a.start > action.end and a.start < point
    ]
    if len(others) < 2 or analysis.met["achievable"]:
        return point
    cut = others[0].start
    while cut > action.end and analysis.text[cut - 1] in " ,;":
        cut -= 1
    if analysis.text[:cut].rstrip().lower().endswith(" and"):
        cut = analysis.text[:cut].rstrip().lower().rfind(" and")
    return cut


def replace_draft(
    analysis: GoalAnalysis,
    concern: str | None,
    item: Intervention | None,
    kb: RewriteKB,
    template: Template,
) -> Draft:
    """Build a rewrite around a knowledge-base action for ``concern``."""
    action = main_action(analysis)
    voice = voice_of(analysis, action, kb)
    entry = kb.entry(concern)
    holders = kb.templates.placeholders
    draft = Draft(template=template.id, concern=concern)
    draft.fill("actor", voice.actor, "goal")
    if item is None:
        draft.fill("action", holders["action"], "placeholder")
        draft.fill("frequency", holders["frequency"], "placeholder")
    else:
        fill_item(draft, item, voice.role)
        draft.keeps_action = bool(action and action.lemma.lower() == item.verb)
    flagged = red_flags(analysis)
    timeframes = [
        t
        for t in analysis.elements.timeframes
        if not any(overlaps((t.start, t.end), f) for f in flagged) and (t.days or 99) >= 14
    ]
    if timeframes and analysis.met["time_bound"]:
        draft.fill("timeframe", timeframes[0].text, "goal")
    elif entry:
        draft.fill("timeframe", entry.timeframe.text, "knowledge_base")
    else:
        draft.fill("timeframe", placeholder_timeframe(draft, kb), "placeholder")
    purposes = [
        p
        for p in analysis.elements.purposes
        if p.concern == concern
        and len(p.text.split()) >= 3
        and (action is None or p.start >= action.end)
        and not drops_action(p.text, kb)
        and not any(overlaps((p.start, p.end), f) for f in flagged)
    ]
    if purposes:
        draft.fill("purpose", apply_removals(purposes[0].text, kb, body=False), "goal")
    elif entry:
        draft.fill("purpose", fill_pronouns(entry.purpose, voice.role), "knowledge_base")
    else:
        draft.fill("purpose", placeholder_purpose(voice.role, kb), "placeholder")
    return draft


def _replace_first(analysis: GoalAnalysis, concerns: Sequence[str], kb: RewriteKB) -> bool:
    """Tell whether replacing the action should come before keeping it."""
    action = main_action(analysis)
    if action is None or action.kind != "behavior":
        return True
    if len([a for a in analysis.elements.actions if a.kind == "behavior"]) >= 4:
        return True
    if not analysis.met["specific"] and (
        action.issue or action.lemma in kb.templates.generic_verbs
    ):
        return True
    return off_context(analysis, action, concerns, kb)


def build_drafts(analysis: GoalAnalysis, context: str | None, kb: RewriteKB) -> list[Draft]:
    """Return candidate drafts in preference order (kept wording first when usable)."""
    concerns = primary_concerns(analysis, context, kb)
    named = is_named(analysis, context, concerns, kb)
    replace_template = choose_template(analysis, kb, replace=True)
    keep_template = choose_template(analysis, kb, replace=False)
    kept = keep_draft(analysis, concerns if named else [], kb, keep_template, named=named)
    if kept is not None and not named and concerns:
        guessed = keep_draft(analysis, concerns, kb, keep_template, named=False)
        kept = guessed or kept  # a guessed concern may still lend its timeframe
    action = main_action(analysis)
    replaced: list[Draft] = []
    # a guessed concern never replaces the behaviour: only a placeholder action then
    chosen: list[str | None] = [*concerns[:3]] if named else [None]
    for cid in chosen:
        entry = kb.entry(cid)
        items: list[Intervention | None] = list(entry.actions) if entry else [None]
        if action is not None:  # the closest action first, then the one the goal's words name
            # a behaviour's own object words break ties ("never miss a dose of my inhaler")
            words = analysis.text if action.kind == "behavior" else ""
            items.sort(
                key=lambda i: (-match_score(action, i), -named_in(words, i)) if i else (0, 0)
            )
        replaced += [replace_draft(analysis, cid, item, kb, replace_template) for item in items]
    pairs = pair_drafts(analysis, kept, concerns, kb) if kept and named else []
    for draft in [*pairs, *replaced, *([kept] if kept else [])]:
        ask_confidence(analysis, draft, kb)
    if kept is None:
        return replaced
    if not named:  # nothing to propose: the person's wording with placeholders
        if any(f.id == "specific.vague_verb" for f in analysis.findings):
            # "sort my life out": a vague verb names no act to keep (rubric S), so a
            # placeholder action is offered too and the re-analysis ranks the two.
            open_draft = replace_draft(analysis, None, None, kb, replace_template)
            ask_confidence(analysis, open_draft, kb)
            return [kept, open_draft]
        return [kept]
    same_verb = [d for d in replaced if d.keeps_action and kept.matched and d.item == kept.item]
    els = analysis.elements
    bare = kept.bare and not (els.frequencies or els.durations or els.quantities or els.measures)
    if same_verb and (bare or kept.softened):  # "drive again", "eat more vegetables"
        return [same_verb[0], kept, *[d for d in replaced if d is not same_verb[0]]]
    if _replace_first(analysis, concerns, kb):
        return [*pairs, *replaced[:1], kept, *replaced[1:]]
    return [kept, *replaced]
