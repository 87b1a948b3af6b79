"""Read the context given next to a goal: its concerns and recovery status."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from smartcheck.extractors.base import Resources, doc_text, matches
from smartcheck.extractors.concerns import concern_mentions, situation_mentions
from smartcheck.kb.models import KnowledgeBase
from smartcheck.models import ContextInfo

_UNIT_DAYS = {"d": 1, "day": 1, "wk": 7, "week": 7, "mo": 30, "month": 30}
_NUM_UNIT = r"(\d{1,3})\s*-?\s*(days?|d|weeks?|wks?|wk|months?|mos?)\b"
_STAGE = (
    re.compile(r"\bPOD\s*#?\s*(\d{1,3})\b", re.IGNORECASE),
    re.compile(r"\bday\s+(\d{1,3})\b(?:\s*(?:post|after|of))?", re.IGNORECASE),
)
_AGO = re.compile(
    _NUM_UNIT + r"\s*(?:ago|post[- ]?op\w*|postop\w*|after|out|since|s/p|post\b)", re.IGNORECASE
)
_ANY = re.compile(_NUM_UNIT, re.IGNORECASE)


def _days(num: str, unit: str) -> int:
    key = unit.lower().rstrip("s")
    return int(num) * _UNIT_DAYS.get(key, _UNIT_DAYS.get(key[:2], 1))


@lru_cache(maxsize=64)
def _procedure_re(terms: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


def read_stage(text: str, kb: KnowledgeBase) -> tuple[tuple[str, ...], int | None]:
    """Return the procedures a context names and the days since them, when stated.

    "POD 2", "day 3", "10 days ago", "6 weeks post-op" give the stage; with a named
    procedure, a bare "6 wks" does too ("s/p R TKA 6 wks"). No stage is guessed.
    """

    procs = tuple(p.id for p in kb.plausibility.procedures if _procedure_re(p.terms).search(text))
    for pattern in _STAGE:
        m = pattern.search(text)
        if m is not None:
            return procs, int(m.group(1))
    m = _AGO.search(text) or (_ANY.search(text) if procs else None)
    return procs, (_days(m.group(1), m.group(2)) if m is not None else None)


def word_key(word: str) -> str:
    """Return a word lowercase and singular enough to compare ("falls" -> "fall")."""
    w = word.lower()
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def content_words(doc: Doc, generic: frozenset[str]) -> tuple[str, ...]:
    """Return the words of a context that can carry its problem (the context Doc is only
    tokenised, not tagged: every word but stop words and general words counts)."""
    words = {word_key(t.text) for t in doc if t.is_alpha and not t.is_stop and len(t) >= 4}
    return tuple(sorted(w for w in words if w not in generic))


def read_context(doc: Doc | None, res: Resources) -> ContextInfo:
    """Return the concerns a context names and whether it describes recent injury or illness.

    ``concerns`` come from the diagnosis and the problems the context names;
    ``situations`` from activity words and words that only describe the person's
    situation ("injury", "post-op"), which may confirm a link but never rule one out.
    """
    if doc is None or not doc_text(doc).strip():
        return ContextInfo(present=False)
    mentions = concern_mentions(doc, res)
    concerns = tuple(sorted({c.concern for c in mentions if c.source == "problem"}))
    # Activity words in a context ("wants to walk further") and situation words only confirm.
    weak = [c for c in mentions if c.source != "problem"] + situation_mentions(doc, res)
    situations = tuple(sorted({c.concern for c in weak} - set(concerns)))
    labels = {label for label, _ in matches(doc, res.context_matcher)}
    procedures, stage = read_stage(doc_text(doc), res.kb)
    return ContextInfo(
        present=True,
        concerns=concerns,
        situations=situations,
        recovering="recovery" in labels,
        words=content_words(doc, res.kb.lexicon.generic_context_words),
        procedures=procedures,
        stage_days=stage,
    )
