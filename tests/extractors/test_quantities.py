"""Quantities: value with unit, from the unit table, the counted noun, or quantulum3."""

from __future__ import annotations

import pytest

from smartcheck.extractors.quantities import quantulum_unit

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "text", "value", "unit"),
    [
        ("I will be able to lift a 5-pound weight for 30 seconds", "5-pound weight", 5, "lb"),
        ("I will walk 10 miles per day", "10 miles", 10, "mile"),
        ("Walk 10,000 steps a day", "10,000 steps", 10000, "step"),
        ("I will process one difficult memory per week", "one difficult memory", 1, "memory"),
        ("I will learn 20 new Spanish words each week", "20 new Spanish words", 20, "word"),
        ("Pt will ambulate 150 ft with RW and CGA", "150 ft", 150, "ft"),
        ("Take atorvastatin 20 mg every evening", "20 mg", 20, "mg"),
        ("I will take my metformin 500 mg BID with meals", "500 mg", 500, "mg"),
        ("I will do 3 sets of 10 heel raises BID", "10 heel raises", 10, "repetition"),
        (
            "Pt will complete 10 sit-to-stands from a standard chair",
            "10 sit-to-stands",
            10,
            "repetition",
        ),
        ("I will walk a marathon in 6 weeks", "marathon", 42.195, "km"),
        ("I will learn to play three songs on the guitar", "three songs", 3, "song"),
        ("I will cycle 3 km to work", "3 km", 3, "km"),
    ],
)
def test_quantities_table(run, goal: str, text: str, value: float, unit: str) -> None:
    found = {q.text: q for q in run(goal).elements.quantities}
    assert text in found, list(found)
    assert found[text].value == pytest.approx(value)
    assert found[text].unit == unit


@pytest.mark.parametrize(
    "goal",
    [
        "I will practice deep breathing every day for 10 minutes",  # a duration, not minutes of arc
        "I will go to bed by 11pm",  # not picometres
        "I will use the 5-4-3-2-1 grounding exercise",
        "Pt will name 8/10 common objects",
        "confidence 7/10",
    ],
)
def test_quantities_not_found_in_times_ratios_or_ratings(run, goal: str) -> None:
    assert run(goal).elements.quantities == ()


@pytest.mark.parametrize(
    ("span", "unit"),
    [("120 mmHg", "of mercury"), ("2 tbsp", "tablespoon")],
)
def test_quantities_quantulum_reads_units_we_do_not_list(span: str, unit: str) -> None:
    found = quantulum_unit(span)
    assert found is not None
    assert unit in found[1]


@pytest.mark.parametrize("span", ["10 minutes", "5 pound", "11pm"])
def test_quantities_quantulum_known_mistakes_are_rejected(span: str) -> None:
    found = quantulum_unit(span)
    assert found is None or found[1] not in {"minute of arc", "pound sterling", "picometre"}
