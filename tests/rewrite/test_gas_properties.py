"""Property tests for GAS levels: ratios, instrument names, distinct levels, safety."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smartcheck.models import Duration, Frequency, Measure, Quantity, Timeframe
from smartcheck.orchestrate import gas_levels
from smartcheck.rewrite import safety

INSTRUMENTS = ["GAD-7", "PHQ-9", "PCL-5", "ODI", "6MWT", "K10", "AUDIT-C"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    instrument=st.sampled_from(INSTRUMENTS),
    start=st.integers(min_value=8, max_value=40),
    drop=st.integers(min_value=2, max_value=7),
    weeks=st.integers(min_value=2, max_value=12),
)
def test_gas_never_scales_an_instrument_name(make, at, instrument, start, drop, weeks):
    target = start - drop
    text = (
        f"Client will reduce {instrument} score from {start} to below {target} within {weeks} weeks"
    )
    measure = f"{instrument} score from {start} to below {target}"
    analysis = make(
        text,
        met="11111",
        actor="Client",
        role="client",
        verb="reduce",
        measures=(Measure(instrument=instrument, target=float(target), **at(text, measure)),),
        timeframes=(
            Timeframe(kind="deadline", days=7 * weeks, **at(text, f"within {weeks} weeks")),
        ),
    )
    scale = gas_levels(analysis)
    for level in scale.levels:
        assert instrument in level.text, level.text  # the name is never scaled
        if level.score == -2 and scale.part == "measure":  # -2 is the baseline, worded once
            assert level.value == str(start) and f"{start} to" not in level.text
        else:
            assert f"from {start} to" in level.text  # the baseline is kept
    if scale.levels:
        assert len({lvl.text for lvl in scale.levels}) == 5


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    hits=st.integers(min_value=1, max_value=10),
    extra=st.integers(min_value=0, max_value=5),
    weeks=st.integers(min_value=2, max_value=12),
)
def test_gas_ratio_never_exceeds_its_denominator(make, at, hits, extra, weeks):
    total = hits + extra
    text = f"Pt will name the item in {hits} of {total} trials within {weeks} weeks"
    analysis = make(
        text,
        met="11111",
        actor="Pt",
        role="client",
        verb="name",
        measures=(
            Measure(
                instrument="trials", target=float(hits), **at(text, f"in {hits} of {total} trials")
            ),
        ),
        timeframes=(
            Timeframe(kind="deadline", days=7 * weeks, **at(text, f"within {weeks} weeks")),
        ),
    )
    scale = gas_levels(analysis)
    for level in scale.levels:
        for num, den in re.findall(r"\b(\d+) of (\d+)\b", level.text):
            assert int(num) <= int(den), level.text
    if scale.levels:
        assert len({lvl.text for lvl in scale.levels}) == 5
        assert [lvl.score for lvl in scale.levels] == [-2, -1, 0, 1, 2]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(times=st.integers(min_value=2, max_value=7), weeks=st.integers(min_value=3, max_value=12))
def test_gas_levels_are_distinct_and_safe(make, at, times, weeks):
    text = f"I will practise paced breathing {times} times a week for the next {weeks} weeks"
    analysis = make(
        text,
        met="11111",
        verb="practise",
        frequencies=(Frequency(times=times, per="week", **at(text, f"{times} times a week")),),
        timeframes=(
            Timeframe(kind="period", days=7 * weeks, **at(text, f"for the next {weeks} weeks")),
        ),
    )
    scale = gas_levels(analysis)
    assert scale.levels or scale.findings
    if scale.levels:
        assert len({lvl.text for lvl in scale.levels}) == 5
        for level in scale.levels:
            assert not safety.violations(level.text, goal=text, context=None, check_route=False)


@pytest.mark.model
@pytest.mark.parametrize(
    "goal",
    [
        "I will stop drinking for the next four weeks",
        "I will not smoke for the next 4 weeks",
        "I will stay off cannabis for the next 6 weeks",
    ],
)
def test_gas_abstinence_is_scaled_by_days_not_weeks_alone(goal: str) -> None:
    scale = gas_levels(goal, reference_date="2026-01-05")
    if not scale.levels:
        pytest.skip("the analyzer does not read this wording as SMART")
    assert scale.part == "days"
    below = [lvl.text for lvl in scale.levels if lvl.score < 0]
    assert all(re.search(r"on \d+ of the next \d+ days", t) for t in below)
    assert len({lvl.text for lvl in scale.levels}) == 5


# -- issue 11 §5: the -2 level is anchored at the baseline when the goal gives one --

#: Wordings of a baseline for a reduction; {a} is the baseline, {b} the target.
REDUCTION_WORDINGS = [
    "I will cut down from {a} to {b} cigarettes a day for the next {w} weeks",
    "I will smoke {b} cigarettes a day, down from {a}, for the next {w} weeks",
    "I will smoke no more than {b} cigarettes a day for the next {w} weeks (currently {a})",
    "I will smoke {b} cigarettes a day for the next {w} weeks; baseline: {a} cigarettes a day",
]
#: The same for a goal to do more.
INCREASE_WORDINGS = [
    "I will increase my reading from {a} to {b} pages a day for the next {w} weeks",
    "I will read {b} pages a day, up from {a}, for the next {w} weeks",
    "I will read {b} pages a day for the next {w} weeks (currently {a})",
]


def _target_element(text: str, target: int, at, *, increase: bool):
    """Return the scaled element of a built goal: the from-to pair or the target count."""
    pair = re.search(r"from \d+ to \d+ ", text)
    if pair is not None:
        return Measure(instrument=None, target=float(target), **at(text, pair.group(0)))
    unit = "pages" if increase else "cigarettes"
    return Quantity(value=float(target), unit=unit, **at(text, f"{target} {unit}"))


def _numbers(level_text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\b\d+\b", level_text)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    wording=st.sampled_from(REDUCTION_WORDINGS + INCREASE_WORDINGS),
    low=st.integers(min_value=2, max_value=30),
    gap=st.integers(min_value=2, max_value=30),
    weeks=st.integers(min_value=2, max_value=12),
)
def test_gas_minus_two_is_the_stated_baseline(make, at, wording, low, gap, weeks):
    increase = wording in INCREASE_WORDINGS
    assume(increase or low >= 3)  # +2 of a reduction to 2 would be 0: a stop, not a level
    base, target = (low, low + gap) if increase else (low + gap, low)
    text = wording.format(a=base, b=target, w=weeks)
    element = _target_element(text, target, at, increase=increase)
    field = "measures" if isinstance(element, Measure) else "quantities"
    analysis = make(
        text,
        met="11111",
        verb=text.split()[2],
        timeframes=(
            Timeframe(kind="period", days=7 * weeks, **at(text, f"for the next {weeks} weeks")),
        ),
        **{field: (element,)},
    )
    scale = gas_levels(analysis)
    assert scale.levels and scale.part in {"measure", "quantity"}, text
    values = [float(lvl.value or "nan") for lvl in scale.levels]
    assert values[0] == base and values[2] == target, (text, values)
    assert len(set(values)) == 5 and len({lvl.text for lvl in scale.levels}) == 5
    ordered = values if increase else [-v for v in values]
    assert ordered == sorted(ordered), (text, values)  # -2 < -1 < 0 < +1 < +2
    assert all(v >= 1 for v in values)  # a reduction never becomes a stop (0)
    minus_two = scale.levels[0].text
    assert "baseline" in minus_two and f"{base} to {base}" not in minus_two
    assert str(base) in minus_two and str(target) not in _numbers(minus_two)[:1]
    for level in scale.levels:
        assert not safety.violations(level.text, goal=text, context=None, check_route=False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    now=st.integers(min_value=0, max_value=4),
    gap=st.integers(min_value=2, max_value=6),
    extra=st.integers(min_value=0, max_value=4),
    weeks=st.integers(min_value=2, max_value=12),
)
def test_gas_baseline_ratio_never_exceeds_its_denominator(make, at, now, gap, extra, weeks):
    hits = now + gap
    total = hits + extra
    text = (
        f"Pt will name the item in {hits} of {total} trials within {weeks} weeks"
        f" (currently {now} of {total})"
    )
    analysis = make(
        text,
        met="11111",
        actor="Pt",
        role="client",
        verb="name",
        measures=(
            Measure(
                instrument="trials", target=float(hits), **at(text, f"in {hits} of {total} trials")
            ),
        ),
        timeframes=(
            Timeframe(kind="deadline", days=7 * weeks, **at(text, f"within {weeks} weeks")),
        ),
    )
    scale = gas_levels(analysis)
    for level in scale.levels:
        for num, den in re.findall(r"\b(\d+) of (\d+)\b", level.text):
            assert int(num) <= int(den), level.text
    if extra >= 2:  # room for +1 and +2 within the denominator: the baseline anchors -2
        assert scale.part == "measure"
        assert scale.levels[0].value == str(now)
    if scale.levels:
        assert len({lvl.text for lvl in scale.levels}) == 5


def test_gas_baseline_of_another_unit_is_not_used(make, at):
    text = "I will walk for 30 minutes on 5 days a week for the next 6 weeks, up from 2 days a week"
    analysis = make(
        text,
        met="11111",
        verb="walk",
        durations=(Duration(seconds=1800, **at(text, "for 30 minutes")),),
        timeframes=(Timeframe(kind="period", days=42, **at(text, "for the next 6 weeks")),),
    )
    scale = gas_levels(analysis)
    assert scale.part == "duration"
    assert scale.levels[0].value != "2"  # "2 days" is no baseline of minutes
