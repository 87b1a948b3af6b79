"""Measure criteria by kind of wording (goals written for these tests)."""

from __future__ import annotations

import pytest

from smartcheck import analyze

pytestmark = pytest.mark.model


def _measures(goal: str) -> list[tuple[str | None, str | None, float | None]]:
    a = analyze(goal, reference_date="2026-01-05")
    return [(m.instrument, m.comparator, m.target) for m in a.elements.measures]


# Rubric (measure): "80% in 4/5 trials"; a ratio over any counted noun is an accuracy criterion.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Leo will use easy onsets in 4 of 5 turns", ("accuracy", ">=", 80)),
        ("Jay will wait his turn in 4/5 transitions", ("accuracy", ">=", 80)),
        ("Mia will solve 8 out of 10 word problems", ("accuracy", ">=", 80)),
        ("Sam will spell 9/10 correctly on the weekly test", ("accuracy", ">=", 90)),
        ("Ana will name pictures with 80% acc. w/ min cues", ("accuracy", ">=", 80)),
    ],
)
def test_ratio_criteria(goal: str, expected: tuple[str, str, float]) -> None:
    assert expected in _measures(goal)


# Rubric (measure): an instrument with a comparator and target.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Pt will increase R shoulder flexion AROM to 150°", ("AROM", ">=", 150)),
        ("FIM toileting 3 → 5 by d/c", ("FIM", ">=", 5)),
        ("Client will report knee pain of 3/10 or less", ("pain NRS", "<=", 3)),
    ],
)
def test_instrument_targets(goal: str, expected: tuple[str, str, float]) -> None:
    assert expected in _measures(goal)


# Rubric (measure): a change in a rate ("from 20 a night to 10") is a criterion with a baseline.
@pytest.mark.parametrize(
    ("goal", "target"),
    [
        ("I'll cut stove checks from 20 a night to 10 by the end of the month", 10),
        ("Cut cola from twice daily to once daily", 1),
        ("Panic attacks from 4/wk to 1/wk by the review", 1),
    ],
)
def test_rate_changes(goal: str, target: float) -> None:
    assert (None, "<=", target) in _measures(goal)


# A count of sessions or weeks after "over" is a course or a period, not a comparison.
@pytest.mark.parametrize("goal", ["PHQ-9 under 10 over 8 sessions", "Walk daily over 6 weeks"])
def test_over_n_sessions_is_no_comparison(goal: str) -> None:
    assert all(not (c == ">" and t in {8, 6}) for _, c, t in _measures(goal))


# Rubric (measure): a rate per minute is a fluency criterion, not an amount.
@pytest.mark.parametrize(
    ("goal", "target"),
    [("Student will read 90 wcpm on a grade 4 probe", 90), ("Student will type 25 wpm", 25)],
)
def test_rate_per_minute(goal: str, target: float) -> None:
    a = analyze(goal, reference_date="2026-01-05")
    assert (None, ">=", target) in [
        (m.instrument, m.comparator, m.target) for m in a.elements.measures
    ]
    assert all(q.value != target for q in a.elements.quantities)


# Rubric (measure): a value right before an instrument is its target ("90° knee flexion").
@pytest.mark.parametrize(
    ("goal", "target"), [("Do heel slides daily to reach 90° knee flexion", 90)]
)
def test_value_before_instrument(goal: str, target: float) -> None:
    a = analyze(goal, reference_date="2026-01-05")
    assert target in [m.target for m in a.elements.measures]
    assert all(q.value != target for q in a.elements.quantities)


# A number after a label word names something ("grade 4 probe", "IDDSI level 5"); it counts nothing.
@pytest.mark.parametrize(
    "goal",
    [
        "Student will read 90 wcpm on a grade 4 probe",
        "Pt will eat IDDSI level 5 solids at every meal",
    ],
)
def test_label_numbers_are_no_quantities(goal: str) -> None:
    a = analyze(goal, reference_date="2026-01-05")
    assert all(q.value not in {4, 5} for q in a.elements.quantities)
