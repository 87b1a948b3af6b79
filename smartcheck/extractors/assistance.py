"""Assistance and cueing levels ("with min A", "independently", "mod verbal cues")."""

from __future__ import annotations

from smartcheck.extractors.base import matches
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Assistance


def find_assistance(state: ExtractionState) -> list[Assistance]:
    """Find assistance levels named in the goal."""
    out: list[Assistance] = []
    for level, span in matches(state.doc, state.res.assistance_matcher):
        out.append(
            Assistance(start=span.start_char, end=span.end_char, text=span.text, level=level)
        )
    return out
