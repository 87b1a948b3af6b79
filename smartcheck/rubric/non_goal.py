"""Scores of a text that is not a goal: 0 on every dimension and one finding saying why.

Rubric, "Goals and non-goals": a text that states no intention (a question, a
past-tense progress note or result, a symptom report, a plan-of-care line, a
heading, a row of junk) is labelled 0 on every dimension, however many numbers
it carries, and the library says that it is not a goal.
"""

from __future__ import annotations

from smartcheck.models import Dimensions, DimensionScore, Flag
from smartcheck.rubric.base import NON_GOAL_FLAGS, RubricInput, finding, score

#: Non-goal kind -> the finding that explains it (all share the ``specific.not_a_goal`` prefix).
NON_GOAL_FINDINGS: dict[str, str] = {
    "question": "specific.not_a_goal",
    "progress_note": "specific.not_a_goal_progress_note",
    "symptom_report": "specific.not_a_goal_symptom_report",
    "plan_of_care": "specific.not_a_goal_plan_of_care",
    "heading": "specific.not_a_goal_heading",
    "junk": "specific.not_a_goal_junk",
}


def non_goal_dimensions(inp: RubricInput, flag: Flag) -> Dimensions:
    """Return 0 on every dimension, with the not-a-goal finding on Specific."""
    kind = NON_GOAL_FLAGS.get(flag.category, "junk")
    found = finding(inp.kb, NON_GOAL_FINDINGS[kind], flag)

    def zero(dimension: str) -> DimensionScore:
        return score(
            dimension,  # type: ignore[arg-type]
            False,
            0.0,
            inp=inp,
            findings=[found] if dimension == "specific" else [],
        )

    return Dimensions(
        specific=zero("specific"),
        measurable=zero("measurable"),
        achievable=zero("achievable"),
        relevant=zero("relevant"),
        time_bound=zero("time_bound"),
    )
