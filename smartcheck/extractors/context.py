"""Read the context given next to a goal: its concerns and recovery status."""

from __future__ import annotations

from spacy.tokens import Doc

from smartcheck.extractors.base import Resources, matches
from smartcheck.extractors.concerns import concern_mentions
from smartcheck.models import ContextInfo


def read_context(doc: Doc | None, res: Resources) -> ContextInfo:
    """Return the concerns a context names and whether it describes recent injury or illness."""
    if doc is None or not doc.text.strip():
        return ContextInfo(present=False)
    concerns = tuple(sorted({c.concern for c in concern_mentions(doc, res)}))
    labels = {label for label, _ in matches(doc, res.context_matcher)}
    return ContextInfo(present=True, concerns=concerns, recovering="recovery" in labels)
