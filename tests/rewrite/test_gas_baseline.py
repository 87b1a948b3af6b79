"""GAS levels of real goals that state their baseline (issue 11 §5).

Rubric (GAS): the -2 level is the baseline, no change; -1 lies between the
baseline and the goal; 0 is the goal; +1 and +2 go past it in the goal's
direction. The baseline may be worded "from A to B", "down from A",
"up from A", "currently A" or "baseline: A".
"""

from __future__ import annotations

import re

import pytest

from smartcheck.orchestrate import gas_levels

pytestmark = pytest.mark.model

CASES = [
    # (goal, baseline, target)
    ("I will cut down from 10 to 4 cigarettes a day for the next 4 weeks", 10, 4),
    ("I will smoke 4 cigarettes a day, down from 10, for the next 4 weeks", 10, 4),
    ("I will smoke no more than 4 cigarettes a day for the next 4 weeks (currently 10)", 10, 4),
    (
        "I will drink no more than 4 drinks a week for the next 6 weeks; baseline: 12 drinks a week",
        12,
        4,
    ),
    ("Client will reduce GAD-7 score from 15 to below 10 within 8 weeks", 15, 10),
    ("I will cut down from 20 to 8 joints a week for the next 6 weeks", 20, 8),
]


@pytest.mark.parametrize(("goal", "baseline", "target"), CASES)
def test_minus_two_is_the_baseline(goal: str, baseline: int, target: int) -> None:
    scale = gas_levels(goal, reference_date="2026-01-05")
    assert scale.levels, scale.findings
    values = [float(level.value or "nan") for level in scale.levels]
    assert values[0] == baseline and values[2] == target
    assert len(set(values)) == 5 and len({level.text for level in scale.levels}) == 5
    direction = 1 if target > baseline else -1
    assert [direction * v for v in values] == sorted(direction * v for v in values)
    minus_two = scale.levels[0].text
    assert "baseline" in minus_two
    assert not re.search(rf"\b{baseline} to {baseline}\b", minus_two)  # never "from 10 to 10"
    assert scale.levels[2].text.rstrip(".") == goal.rstrip(".")


@pytest.mark.parametrize(
    "goal",
    [
        "Pt will name pictures with accuracy from 60% to 80% by 6/1/2026 to improve word finding",
        "Pt will name pictures from 60% to 80% accuracy within 8 weeks to improve word finding",
    ],
)
def test_a_percent_baseline_is_never_scaled(goal: str) -> None:
    scale = gas_levels(goal, context="aphasia after stroke", reference_date="2026-01-05")
    assert [level.value for level in scale.levels] == ["60", "70", "80", "85", "90"]
    assert all("from 60% to" in level.text for level in scale.levels[1:])
    assert "60%" in scale.levels[0].text and "80" not in scale.levels[0].text


def test_instrument_name_stays_in_the_baseline_level() -> None:
    scale = gas_levels(
        "Client will reduce GAD-7 score from 15 to below 10 within 8 weeks",
        reference_date="2026-01-05",
    )
    assert all("GAD-7" in level.text for level in scale.levels)


def test_a_goal_without_a_baseline_keeps_symmetric_steps() -> None:
    scale = gas_levels(
        "I will walk for 15 minutes each day for the next two weeks",
        context="recovering from a knee injury",
        reference_date="2026-01-05",
    )
    assert [level.value for level in scale.levels] == ["5", "10", "15", "20", "25"]
