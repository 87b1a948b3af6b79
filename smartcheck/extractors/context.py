"""Read the context given next to a goal: its concerns and recovery status."""

from __future__ import annotations

from spacy.tokens import Doc

from smartcheck.extractors.base import Resources, matches
from smartcheck.extractors.concerns import concern_mentions, situation_mentions
from smartcheck.models import ContextInfo


def read_context(doc: Doc | None, res: Resources) -> ContextInfo:
    """Return the concerns a context names and whether it describes recent injury or illness.

    ``concerns`` come from the diagnosis and the problems the context names;
    ``situations`` from activity words and words that only describe the person's
    situation ("injury", "post-op"), which may confirm a link but never rule one out.
    """
    if doc is None or not doc.text.strip():
        return ContextInfo(present=False)
    mentions = concern_mentions(doc, res)
    concerns = tuple(sorted({c.concern for c in mentions if c.source == "problem"}))
    # Activity words in a context ("wants to walk further") and situation words only confirm.
    weak = [c for c in mentions if c.source != "problem"] + situation_mentions(doc, res)
    situations = tuple(sorted({c.concern for c in weak} - set(concerns)))
    labels = {label for label, _ in matches(doc, res.context_matcher)}
    return ContextInfo(
        present=True,
        concerns=concerns,
        situations=situations,
        recovering="recovery" in labels,
    )
