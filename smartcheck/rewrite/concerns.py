"""Which concern a goal serves: from its context, its own words and its action.

A concern is *named* when the context, a problem word of the goal or the
goal's own action points to it; one guessed from an activity word alone is
used more carefully (see ``is_named``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from smartcheck.kb.rewrite_models import Intervention, RewriteKB
from smartcheck.models import Action, GoalAnalysis


def find_concerns(text: str | None, kb: RewriteKB, *, activities: bool = False) -> list[str]:
    """Return the concern ids named in ``text``, by first mention.

    A word inside a longer term of another concern does not name its own
    concern ("fluency" in "reading fluency" is not a speech-sound concern), and
    when two concerns share the same term, the one named after it wins
    ("stuttering"), then the narrower one (fewer problem terms).
    """
    if not text:
        return []
    lowered = text.lower()
    hits: list[tuple[int, int, int, str]] = []
    for order, concern in enumerate(kb.concerns.concerns):
        if concern.id not in kb.interventions.concerns:
            continue
        terms = concern.problem_terms + (concern.activity_terms if activities else ())
        for term in terms:
            for m in re.finditer(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", lowered):
                hits.append((m.start(), m.end(), order, concern.id))
    spans = {(start, end) for start, end, _, _ in hits}
    kept = [
        hit
        for hit in hits
        if not any(s <= hit[0] and hit[1] <= e and (s, e) != hit[:2] for s, e in spans)
    ]
    kept.sort(key=lambda h: (h[0], -(h[1] - h[0]), _tie(kb, h[3], lowered[h[0] : h[1]]), h[2]))
    first: dict[str, int] = {}
    for start, _, _, cid in kept:
        first.setdefault(cid, start)
    return list(first)


def _tie(kb: RewriteKB, cid: str, term: str) -> tuple[bool, int]:
    """Order concerns sharing a term: the one named after the term, then the narrower one."""
    entry = kb.terms(cid)
    words = {cid.replace("_", " "), cid}
    named = any(term.startswith(w[:5]) for w in words)
    return (not named, len(entry.problem_terms) if entry else 99)


def goal_concerns(analysis: GoalAnalysis) -> list[str]:
    """Return the concerns the analysis found in the goal and its purposes."""
    rank = {"problem": 1, "measure": 2, "activity": 3}
    found = [p.concern for p in analysis.elements.purposes if p.concern]
    found += [
        c.concern
        for c in sorted(analysis.elements.concerns, key=lambda c: (rank.get(c.source, 4), c.start))
    ]
    return list(dict.fromkeys(found))


def primary_concerns(analysis: GoalAnalysis, context: str | None, kb: RewriteKB) -> list[str]:
    """Order candidate concerns: the goal's when it fits the context, then the context's."""
    in_goal = _by_action_fit(
        analysis, [c for c in goal_concerns(analysis) if c in kb.interventions.concerns], kb
    )
    if not in_goal:
        in_goal = [c for c in find_concerns(analysis.text, kb) if c not in in_goal]
    in_context = find_concerns(context, kb)
    if not in_context:
        named = set(find_concerns(analysis.text, kb))
        by_action = _by_action_fit(analysis, _concerns_from_action(analysis, kb), kb)
        return list(dict.fromkeys([*(c for c in in_goal if c in named), *by_action, *in_goal]))
    related = {r for c in in_context for r in getattr(kb.terms(c), "related", ())}
    fitting = [c for c in in_goal if c in in_context] + [
        c for c in in_goal if c in related and _stated_or_done(analysis, c, kb)
    ]
    others = in_goal if analysis.met["relevant"] else []
    return list(dict.fromkeys([*fitting, *in_context, *others]))


def _stated_or_done(analysis: GoalAnalysis, concern: str, kb: RewriteKB) -> bool:
    """Tell whether the goal names a concern, or its own action is one of the concern's.

    A concern guessed from a stray activity word ("reach" in "to reach 90° knee
    flexion") is no reason to leave the context's concern (issue 11 §3: never the
    concern of a stray word); "walk" in a walking goal is.
    """
    named = {c.concern for c in analysis.elements.concerns if c.source != "activity"}
    named |= {p.concern for p in analysis.elements.purposes if p.concern}
    return concern in named or match_intervention(main_action(analysis), [concern], kb) is not None


def is_named(
    analysis: GoalAnalysis, context: str | None, concerns: Sequence[str], kb: RewriteKB
) -> bool:
    """Tell whether the lead concern is named (context, problem word, matching action).

    A concern guessed only from an activity word ("exposure", "friends") may
    set a timeframe, but it never supplies a purpose or replaces the person's
    own behaviour.
    """
    if not concerns:
        return False
    if find_concerns(context, kb):
        return True
    return concerns[0] in find_concerns(analysis.text, kb) or concerns[0] in _named_by_action(
        analysis, kb
    )


def _named_by_action(analysis: GoalAnalysis, kb: RewriteKB) -> list[str]:
    """Return the concerns the goal's own action names.

    The verb alone names a concern only when its object does not say otherwise:
    "journal every night" and "take my meds" name one, "call my brother" and "take
    turns in a board game" do not (issue 11 §3: never the concern of a stray word).
    """
    action = main_action(analysis)
    if action is None:
        return []
    words = _words(action.object)
    return [
        cid
        for cid, entry in kb.interventions.concerns.items()
        for item in entry.actions
        if match_score(action, item) >= 2
        and (not words or words & {k.lower() for k in item.keywords})
    ]


def _by_action_fit(analysis: GoalAnalysis, concerns: list[str], kb: RewriteKB) -> list[str]:
    """Order concerns named only by an activity so the best-fitting intervention comes first.

    A concern whose intervention uses the goal's own verb ("walk" for walking
    rather than "take a walk" for low mood) wins; named problems keep their place.
    """
    action = main_action(analysis)
    named = {c.concern for c in analysis.elements.concerns if c.source != "activity"}
    named |= {p.concern for p in analysis.elements.purposes if p.concern}
    if action is None or named & set(concerns):
        return concerns

    def fit(cid: str) -> int:
        entry = kb.entry(cid)
        items = entry.actions if entry else ()
        return max(
            (2 * (i.verb == action.lemma) + match_score(action, i) for i in items), default=0
        )

    return sorted(concerns, key=lambda c: -fit(c))


def _concerns_from_action(analysis: GoalAnalysis, kb: RewriteKB) -> list[str]:
    """Guess concerns from the goal's action when nothing names one."""
    action = main_action(analysis)
    if action is None:
        return []
    scored = [
        (score, cid)
        for cid, entry in kb.interventions.concerns.items()
        for item in entry.actions
        if (score := match_score(action, item)) >= 2
    ]
    return list(dict.fromkeys(cid for _, cid in sorted(scored, key=lambda x: -x[0])))


def _words(text: str | None) -> set[str]:
    """Return the lower-cased words of ``text``."""
    return set(re.findall(r"[a-z0-9'/-]+", (text or "").lower()))


def match_score(action: Action, item: Intervention) -> int:
    """Score how well a goal action matches a knowledge-base action."""
    keywords = {k.lower() for k in item.keywords}
    score = 2 if action.lemma.lower() in keywords else 0
    return score + len(_words(action.object) & keywords)


def named_in(text: str, item: Intervention) -> int:
    """Count the keywords of a knowledge-base action that the goal's words name ("inhaler")."""
    return len(_words(text) & {k.lower() for k in item.keywords})


def match_intervention(
    action: Action | None, concerns: Sequence[str], kb: RewriteKB
) -> Intervention | None:
    """Return the knowledge-base action closest to the goal's own action."""
    if action is None:
        return None
    best: tuple[int, Intervention] | None = None
    for cid in concerns:
        entry = kb.entry(cid)
        for item in entry.actions if entry else ():
            score = match_score(action, item)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, item)
    return best[1] if best else None


def main_action(analysis: GoalAnalysis) -> Action | None:
    """Return the goal's main behaviour, as the analysis gives it (``GoalAnalysis.main_action``)."""
    return analysis.main_action
