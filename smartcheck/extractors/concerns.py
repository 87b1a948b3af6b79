"""Concerns: the therapeutic concern a goal or its context names."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from smartcheck.extractors.base import Resources, _terms_matcher, matches
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Concern, ConcernSource, Measure


def _in_compound(span: Span) -> bool:
    """Tell whether a one-word match is only part of a hyphenated word ("two-step", "calm-down")."""
    if len(span) != 1:
        return False
    doc = span.doc
    before = (
        span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    )
    after = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
    return before or after


def concern_mentions(doc: Doc, res: Resources) -> list[Concern]:
    """Return every concern term in ``doc`` (problem or activity term).

    A word that is only part of a hyphenated compound ("a two-step problem", "the
    calm-down corner") is not a mention of its concern.
    """
    out: list[Concern] = []
    found = matches(doc, res.concern_matcher) + matches(doc, res.activity_matcher)
    for label, span in sorted(found, key=lambda t: (t[1].start, t[1].end, t[0])):
        if _in_compound(span):
            continue
        source, concern_id = label.split("|", 1)
        entry = res.kb.concern(concern_id)
        if entry is None:
            continue
        kind: ConcernSource = "problem" if source == "P" else "activity"
        out.append(entry.mention(span.start_char, span.end_char, span.text, kind))
    return out


#: Situation matchers, compiled once per compiled resources (keyed by identity).
_SITUATION: dict[int, tuple[Resources, PhraseMatcher]] = {}


def _situation_matcher(res: Resources) -> PhraseMatcher:
    cached = _SITUATION.get(id(res))
    if cached is not None and cached[0] is res:
        return cached[1]
    matcher = _terms_matcher(
        res.vocab,
        None,
        {f"S|{c.id}": c.context_terms for c in res.kb.concerns if c.context_terms},
    )
    _SITUATION[id(res)] = (res, matcher)
    return matcher


def situation_mentions(doc: Doc, res: Resources) -> list[Concern]:
    """Return concerns implied only by situation words of a context ("injury", "post-op").

    A situation word inside a longer diagnosis ("brain injury") is the diagnosis, not a
    situation, and is skipped.
    """
    named = [(s.start, s.end) for _, s in matches(doc, res.concern_matcher)]
    out: list[Concern] = []
    for label, span in matches(doc, _situation_matcher(res)):
        if any(
            s <= span.start and span.end <= e and (s, e) != (span.start, span.end) for s, e in named
        ):
            continue
        entry = res.kb.concern(label.split("|", 1)[1])
        if entry is not None:
            out.append(entry.mention(span.start_char, span.end_char, span.text, "activity"))
    return out


def find_concerns(state: ExtractionState) -> list[Concern]:
    """Find concerns named in the goal, including those implied by named measures."""
    rated = state.spans("confidence")
    out = [
        c
        for c in concern_mentions(state.doc, state.res)
        if not any(s <= c.start < e for s, e in rated)
    ]
    for measure in state.found_of("measures", Measure):
        entry = next((m for m in state.res.kb.measures if m.id == measure.instrument), None)
        if entry is None or entry.concern is None:
            continue
        concern = state.res.kb.concern(entry.concern)
        if concern is None:
            continue
        out.append(concern.mention(measure.start, measure.end, measure.text, "measure"))
    return sorted(out, key=lambda c: (c.start, c.end, c.concern))
