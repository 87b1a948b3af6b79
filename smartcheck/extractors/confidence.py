"""Confidence ratings: "confidence 7/10", "80% confident", as a value in [0, 1]."""

from __future__ import annotations

from smartcheck.extractors.base import doc_text, find_candidates
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Confidence


def find_confidence(state: ExtractionState) -> list[Confidence]:
    """Find stated confidence ratings and scale them to [0, 1]."""
    text = doc_text(state.doc)
    out: list[Confidence] = []
    for cand in find_candidates(text, state.res, kinds=("confidence",)):
        n = float(cand.groups["n"])
        scale = "".join(cand.groups.get("scale", "").split())
        value = n / 100.0 if scale in {"%", "/100"} or (not scale and n > 10) else n / 10.0
        if not 0.0 <= value <= 1.0:
            continue
        out.append(
            Confidence(
                start=cand.start, end=cand.end, text=text[cand.start : cand.end], value=value
            )
        )
    return out
