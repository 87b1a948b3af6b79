"""Run the five dimension rules in a fixed order and assemble dimension scores."""

from __future__ import annotations

from smartcheck.models import Dimensions
from smartcheck.rubric.achievable import check_achievable
from smartcheck.rubric.base import RubricInput
from smartcheck.rubric.measurable import check_measurable
from smartcheck.rubric.relevant import check_relevant
from smartcheck.rubric.specific import check_specific
from smartcheck.rubric.time_bound import check_time_bound


def score_dimensions(inp: RubricInput) -> Dimensions:
    """Score S, M, A, R and T for one goal."""
    s = check_specific(inp)
    m = check_measurable(inp)
    a = check_achievable(inp, specific=s.met, measurable=m.met)
    r = check_relevant(inp)
    t = check_time_bound(inp)
    return Dimensions(specific=s, measurable=m, achievable=a, relevant=r, time_bound=t)
