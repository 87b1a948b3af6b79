"""Property tests for GAS levels: ratios, instrument names, distinct levels, safety."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcheck.models import Frequency, Measure, Timeframe
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
