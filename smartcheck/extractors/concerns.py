"""Concerns: the therapeutic concern a goal or its context names."""

from __future__ import annotations

from spacy.tokens import Doc

from smartcheck.extractors.base import Resources, matches
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Concern, Measure


def concern_mentions(doc: Doc, res: Resources) -> list[Concern]:
    """Return every concern term in ``doc`` (problem or activity term)."""
    out: list[Concern] = []
    found = matches(doc, res.concern_matcher) + matches(doc, res.activity_matcher)
    for label, span in sorted(found, key=lambda t: (t[1].start, t[1].end, t[0])):
        source, concern_id = label.split("|", 1)
        entry = res.kb.concern(concern_id)
        if entry is None:
            continue
        out.append(
            Concern(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                concern=concern_id,
                domain=entry.domain,
                source="problem" if source == "P" else "activity",
            )
        )
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
        out.append(
            Concern(
                start=measure.start,
                end=measure.end,
                text=measure.text,
                concern=concern.id,
                domain=concern.domain,
                source="measure",
            )
        )
    return sorted(out, key=lambda c: (c.start, c.end, c.concern))
