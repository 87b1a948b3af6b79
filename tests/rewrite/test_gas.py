"""Goal Attainment Scaling levels from hand-built SMART analyses."""

from __future__ import annotations

import pytest

from smartcheck.models import Assistance, Duration, Frequency, Measure, Quantity, Timeframe
from smartcheck.orchestrate import gas_levels


def _smart(make, at, text, **elements):
    return make(text, met="11111", verb=text.split()[2], **elements)


def test_gas_scales_duration(make, at):
    text = "I will walk for 15 minutes each day for the next two weeks"
    analysis = _smart(
        make,
        at,
        text,
        durations=(Duration(seconds=900, **at(text, "for 15 minutes")),),
        frequencies=(Frequency(times=1, per="day", **at(text, "each day")),),
        timeframes=(Timeframe(kind="period", days=14, **at(text, "for the next two weeks")),),
    )
    scale = gas_levels(analysis)
    assert scale.part == "duration"
    assert [lvl.score for lvl in scale.levels] == [-2, -1, 0, 1, 2]
    assert scale.levels[2].text == text + "."
    assert [lvl.value for lvl in scale.levels] == ["5", "10", "15", "20", "25"]
    assert all(lvl.text.endswith("each day for the next two weeks.") for lvl in scale.levels)
    assert len({lvl.text for lvl in scale.levels}) == 5


def test_gas_accuracy_stays_below_100(make, at):
    text = "Pt will produce /r/ in words with 80% accuracy in 4 of 5 trials by March 31"
    analysis = make(
        text,
        met="11111",
        actor="Pt",
        role="client",
        verb="produce",
        measures=(Measure(criterion="accuracy", target=80, **at(text, "80% accuracy")),),
    )
    scale = gas_levels(analysis)
    values = [lvl.value for lvl in scale.levels]
    assert values == ["70", "75", "80", "85", "90"]
    assert scale.levels[4].text.startswith("Pt will produce /r/ in words with 90% accuracy")


def test_gas_lower_is_better_reverses(make, at):
    text = "Client will reduce GAD-7 score from 15 to below 10 within 8 weeks"
    analysis = make(
        text,
        met="11111",
        actor="Client",
        role="client",
        verb="reduce",
        measures=(Measure(instrument="GAD-7", target=10, **at(text, "below 10")),),
    )
    scale = gas_levels(analysis)
    assert [lvl.value for lvl in scale.levels] == ["14", "12", "10", "8", "6"]
    assert (
        scale.levels[4].text == "Client will reduce GAD-7 score from 15 to below 6 within 8 weeks."
    )


def test_gas_small_counts_step_by_one(make, at):
    text = "I will attend 3 AA meetings per week for the next month"
    analysis = _smart(
        make, at, text, quantities=(Quantity(value=3, unit="meeting", **at(text, "3 AA meetings")),)
    )
    assert [lvl.value for lvl in gas_levels(analysis).levels] == ["1", "2", "3", "4", "5"]


LONG = ["total", "maximal", "moderate", "minimal", "contact guard"]


@pytest.mark.parametrize(
    ("part", "level", "values"),
    [
        ("min A", "minimal", ["max A", "mod A", "min A", "CGA", "SBA"]),
        ("with moderate assistance", "moderate", [f"with {w} assistance" for w in LONG]),
    ],
)
def test_gas_scales_assistance_level(make, at, part, level, values):
    text = f"Pt will complete grooming at the sink {part} within 3 weeks"
    analysis = make(
        text,
        met="11111",
        actor="Pt",
        role="client",
        verb="complete",
        assistance=(Assistance(level=level, **at(text, part)),),
        durations=(Duration(seconds=300, **at(text, "3 weeks")),),
    )
    scale = gas_levels(analysis)
    assert scale.part == "assistance"
    assert [lvl.value for lvl in scale.levels] == values
    assert (
        scale.levels[0].text == f"Pt will complete grooming at the sink {values[0]} within 3 weeks."
    )


@pytest.mark.parametrize("met", ["11110", "01111", "00000"])
def test_gas_not_smart_gives_finding(make, met):
    analysis = make("I will walk every day", met=met, verb="walk")
    scale = gas_levels(analysis)
    assert scale.levels == ()
    assert scale.findings[0].id.endswith("gas_needs_smart_goal")


def test_gas_without_number_gives_finding(make):
    analysis = make("I will attend my cousin's wedding by June 1", met="11111", verb="attend")
    scale = gas_levels(analysis)
    assert scale.levels == ()
    assert scale.findings[0].id == "measurable.gas_no_quantity"


@pytest.mark.parametrize(
    ("phrase", "kind", "values"),
    [
        ("for the next four weeks", "period", ["two", "three", "four", "five", "six"]),
        ("within 6 weeks", "deadline", ["8", "7", "6", "5", "4"]),
    ],
)
def test_gas_scales_timeframe_last(make, at, phrase, kind, values):
    text = f"I will take my pills every morning {phrase}"
    analysis = _smart(
        make, at, text, timeframes=(Timeframe(kind=kind, days=28, **at(text, phrase)),)
    )
    scale = gas_levels(analysis)
    assert scale.part == "timeframe"
    assert [lvl.value for lvl in scale.levels] == values
