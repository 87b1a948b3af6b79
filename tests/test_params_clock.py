"""The reference date and profile travel as typed values; only the API reads the clock."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from spacy.language import Language

import smartcheck
from smartcheck import Settings, analyze, analyze_many, clock
from smartcheck.errors import InputError
from smartcheck.extensions import GoalParams, read_params, register_extensions, write_params
from smartcheck.extractors.state import Found

FROZEN = dt.date(2031, 7, 14)
PACKAGE = Path(smartcheck.__file__).parent


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Make ``smartcheck.clock.today`` return a fixed day."""
    monkeypatch.setattr(clock, "today", lambda: FROZEN)
    return FROZEN


@pytest.mark.parametrize(
    "pattern", [r"\bdate\.today\(", r"\bdatetime\.now\(", r"\bdatetime\.today\(", r"\butcnow\("]
)
def test_clock_read_only_in_clock_module(pattern: str) -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.name != "clock.py" and re.search(pattern, p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.model
@pytest.mark.parametrize("goal", ["I will walk 20 minutes daily for the next two weeks"])
def test_analyze_reads_the_clock_once_at_the_boundary(frozen_clock: dt.date, goal: str) -> None:
    result = analyze(goal)
    assert result.reference_date == frozen_clock
    assert result.elements.timeframes[0].end_date == frozen_clock + dt.timedelta(days=14)


@pytest.mark.model
@pytest.mark.parametrize("goal", ["I will walk 20 minutes daily by the end of the month"])
def test_analyze_many_uses_the_clock(frozen_clock: dt.date, goal: str) -> None:
    (result,) = list(analyze_many([goal]))
    assert isinstance(result, smartcheck.GoalAnalysis)
    assert result.reference_date == frozen_clock
    assert result.elements.timeframes[0].end_date == dt.date(2031, 7, 31)


@pytest.mark.model
@pytest.mark.parametrize("goal", ["I will walk 20 minutes daily for 3 weeks"])
def test_component_without_params_uses_the_clock(
    nlp: Language, frozen_clock: dt.date, goal: str
) -> None:
    doc = nlp(goal)
    assert doc._.smart.reference_date == frozen_clock


@pytest.mark.model
@pytest.mark.parametrize("goal", ["I will walk 20 minutes daily for 3 weeks"])
def test_explicit_date_wins_over_clock(frozen_clock: dt.date, goal: str) -> None:
    result = analyze(goal, reference_date="2026-01-05")
    assert result.reference_date == dt.date(2026, 1, 5)


@pytest.mark.model
@pytest.mark.parametrize(
    ("settings_profile", "argument", "expected"),
    [
        ("coaching", None, "coaching"),
        ("therapy", None, "therapy"),
        ("coaching", "therapy", "therapy"),
        ("therapy", "coaching", "coaching"),
    ],
)
def test_profile_from_settings_unless_given(
    settings_profile: str, argument: str | None, expected: str
) -> None:
    settings = Settings(profile=settings_profile)
    goal = "I will walk 20 minutes daily for 3 weeks"
    one = analyze(goal, reference_date="2026-01-05", settings=settings, profile=argument)
    (many,) = list(
        analyze_many([goal], reference_date="2026-01-05", settings=settings, profile=argument)
    )
    assert one.profile == expected
    assert isinstance(many, smartcheck.GoalAnalysis)
    assert many.profile == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "params",
    [
        GoalParams(),
        GoalParams(reference_date=dt.date(2026, 3, 1), profile="coaching", context="knee", id="g1"),
        GoalParams(reference_date=dt.date(9999, 12, 31), index=7),
    ],
)
def test_params_round_trip_typed(nlp: Language, params: GoalParams) -> None:
    register_extensions()
    doc = nlp.make_doc("I will walk daily")
    write_params(doc, params)
    assert read_params(doc) == params
    assert doc._.smartcheck_params == params
    raw = doc._.smartcheck_reference_date  # plain values survive nlp.pipe(n_process=2)
    assert raw is None or isinstance(raw, str)


@pytest.mark.model
@pytest.mark.parametrize("raw", ["15/04/2026", "tomorrow", "2026-13-01"])
def test_malformed_date_on_doc_is_an_input_error(nlp: Language, raw: str) -> None:
    register_extensions()
    doc = nlp.make_doc("I will walk daily")
    doc._.smartcheck_reference_date = raw
    with pytest.raises(InputError):
        read_params(doc)


@pytest.mark.model
@pytest.mark.parametrize("value", [dt.date(2026, 2, 1), dt.datetime(2026, 2, 1, 9, 30)])
def test_date_object_on_doc_is_accepted(nlp: Language, value: dt.date) -> None:
    register_extensions()
    doc = nlp.make_doc("I will walk daily for 2 weeks")
    doc._.smartcheck_reference_date = value
    assert read_params(doc).reference_date == dt.date(2026, 2, 1)


@pytest.mark.parametrize("name", ["memo", "durations_x", "main_verbs"])
def test_found_rejects_unknown_lists(name: str) -> None:
    with pytest.raises(KeyError):
        Found().of(name)
