"""Combine the five dimension scores into a class and a 0-100 score, per profile."""

from __future__ import annotations

from smartcheck.kb.models import Profile
from smartcheck.models import Dimensions, Label


def overall(dims: Dimensions, profile: Profile) -> tuple[Label, float]:
    """Return the class label and the overall score for the counted dimensions."""
    counted = [s for _, s in dims.items() if s.counted]
    met = sum(1 for s in counted if s.met)
    if met >= profile.classes.smart_min:
        label: Label = "SMART"
    elif met >= profile.classes.partial_min:
        label = "Partially SMART"
    else:
        label = "Not SMART"
    value = 100.0 * sum(s.score for s in counted) / len(counted) if counted else 0.0
    return label, round(value, 1)
