"""Durations: how long one performance lasts ("for at least 30 minutes")."""

from __future__ import annotations

from typing import Literal

from smartcheck.extractors.base import doc_text, parse_number
from smartcheck.extractors.state import ExtractionState
from smartcheck.kb.models import Lexicon
from smartcheck.models import Duration

Bound = Literal["exact", "min", "max"]


def bound_of(word: str | None, lex: Lexicon) -> Bound:
    """Map a bound word ("at least", "under") to min, max or exact."""
    if not word:
        return "exact"
    w = " ".join(word.lower().split())
    if w in lex.duration_bounds["min"]:
        return "min"
    if w in lex.duration_bounds["max"]:
        return "max"
    return "exact"


def _seconds(n_text: str, unit: str, state: ExtractionState) -> float | None:
    n_text = n_text.lower()
    n = 0.5 if n_text.startswith("half") or n_text == "a half" else parse_number(n_text, state.res)
    entry = state.res.units.get(unit.lower().lstrip("-"))
    if n is None or entry is None or entry.dimension != "time":
        return None
    return n * entry.factor


def find_durations(state: ExtractionState) -> list[Duration]:
    """Find the length of one session or performance, in seconds."""
    text = doc_text(state.doc)
    out: list[Duration] = []
    for cand in state.of_kind("duration"):
        g = cand.groups
        seconds = _seconds(g["n"], g["unit"], state)
        if seconds is None:
            continue
        if "n2" in g:
            extra = _seconds(g["n2"], g["unit2"], state)
            seconds += extra or 0.0
        if cand.pattern_id == "dur.and_half":  # "an hour and a half"
            seconds += (_seconds("1", g["unit"], state) or 0.0) / 2
        # A range ("30-45 minutes") commits to its lower end at least.
        lex = state.res.kb.lexicon
        # "15+ min" is at least 15 minutes.
        ranged = ("n_hi" in g or "plus" in g) and "bound" not in g
        bound = "min" if ranged else bound_of(g.get("bound"), lex)
        out.append(
            Duration(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                seconds=seconds,
                bound=bound,
            )
        )
    return out
