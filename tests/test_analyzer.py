"""The public analyzer: seed examples, bad input, batches and determinism."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcheck import (
    AnalysisFailure,
    ConfigError,
    EmptyInputError,
    GoalAnalysis,
    InputError,
    InputTooLongError,
    NotEnglishError,
    NotTextError,
    Settings,
    analyze,
    analyze_many,
)

pytestmark = pytest.mark.model
REF = "2026-01-05"


def met(a: GoalAnalysis) -> str:
    return "".join("1" if s.met else "0" for _, s in a.dimensions.items())


@pytest.mark.parametrize(
    ("goal", "context", "smart", "label"),
    [
        ("I want to feel less anxious", None, "00010", "Not SMART"),
        (
            "I will practice deep breathing techniques every day for 10 minutes to manage my anxiety",
            None,
            "11110",
            "Partially SMART",
        ),
        (
            "I will attend a social event for at least 30 minutes every week for the next month",
            "social anxiety",
            "11111",
            "SMART",
        ),
        ("I will walk 10 miles per day", "recovering from an injury", "11010", "Partially SMART"),
        (
            "I will clean out the garage by Saturday",
            "social anxiety; avoids parties",
            "11101",
            "Partially SMART",
        ),
        ("Pt will reduce PHQ-9 score to <10 by 3/15/2026", "moderate depression", "11111", "SMART"),
        (
            "I will never lose my temper with my kids again",
            "anger outbursts at home",
            "00010",
            "Not SMART",
        ),
        (
            "Did you complete your breathing exercises each day this week?",
            None,
            "00000",
            "Not SMART",
        ),
    ],
)
def test_analyze_seed_examples(goal: str, context: str | None, smart: str, label: str) -> None:
    a = analyze(goal, context=context, reference_date=REF)
    assert met(a) == smart
    assert a.label == label


def test_analyze_explains_why_a_vague_goal_fails() -> None:
    a = analyze("I want to feel less anxious", reference_date=REF)
    ids = {f.id for f in a.findings}
    assert {
        "specific.state_not_behavior",
        "measurable.comparative_without_number",
        "time_bound.no_timeframe",
    } <= ids
    state = next(f for f in a.findings if f.id == "specific.state_not_behavior")
    assert state.span is not None
    assert a.text[state.span.start : state.span.end] == state.span.text == "feel less anxious"
    assert all(f.fix for f in a.findings)


def test_analyze_time_bound_evidence_points_at_the_period() -> None:
    goal = "I will attend a social event for at least 30 minutes every week for the next month"
    t = analyze(goal, reference_date=REF).dimensions.time_bound
    assert [e.text for e in t.evidence] == ["for the next month"]


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ("", EmptyInputError),
        ("   \n\t ", EmptyInputError),
        (None, NotTextError),
        (42, NotTextError),
        (b"I will walk", NotTextError),
        ("I will walk\x00\x01\x02 every day", NotTextError),
        ("I will walk every day " * 200, InputTooLongError),
        ("Quiero caminar treinta minutos todos los días para mi ansiedad", NotEnglishError),
        ("我想每天散步", NotEnglishError),
        ("Eu vou caminhar todos os dias para minha ansiedade", NotEnglishError),
    ],
)
def test_analyze_bad_input_raises_typed_errors(bad: object, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        analyze(bad, reference_date=REF)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert info.value.reason


@pytest.mark.parametrize(
    "goal",
    [
        "Explore educational content in app",
        "manage stres better",
        "walk 20 min daily x 4 wks",
        "Pt will don/doff UB clothing w/ min A by d/c",
    ],
)
def test_analyze_short_or_clipped_english_is_not_rejected(goal: str) -> None:
    assert analyze(goal, reference_date=REF).ok


def test_analyze_length_limit_is_configurable() -> None:
    goal = "I will walk for 10 minutes every day for the next two weeks"
    with pytest.raises(InputTooLongError):
        analyze(goal, settings=Settings(max_chars=20), reference_date=REF)


def test_analyze_unknown_profile_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        analyze("I will walk", profile="nope")


@pytest.mark.parametrize(
    "goal",
    [
        "I will walk 🚶 every day for 10 minutes 😀",
        "<b>I will</b> walk <script>alert(1)</script> daily",
        "I will walk daily\u200b\u202e for two weeks",
        "walking",
        "!!!???...",
        "I will walk Κάθε μέρα every day",
    ],
)
def test_analyze_odd_text_does_not_crash(goal: str) -> None:
    a = analyze(goal, reference_date=REF)
    for el in a.elements.frequencies + a.elements.durations:
        assert goal[el.start : el.end] == el.text


def test_analyze_reference_date_defaults_to_today() -> None:
    assert analyze("I will walk daily").reference_date == dt.date.today()


def test_analyze_many_keeps_order_and_reports_bad_items() -> None:
    items = [
        "I will walk daily for two weeks",
        "",
        ("I will journal three times a week", "stress"),
        {"id": "x9", "text": "I will swim weekly", "context": None},
        None,
        {"id": "x10", "text": "   "},
        "I want to be happier",
    ]
    out = list(analyze_many(items, reference_date=REF))  # type: ignore[arg-type]
    assert [r.index for r in out] == list(range(len(items)))
    assert [r.ok for r in out] == [True, False, True, True, False, False, True]
    assert out[2].context == "stress"  # type: ignore[union-attr]
    assert out[3].id == "x9" and out[5].id == "x10"
    failure = out[1]
    assert isinstance(failure, AnalysisFailure) and failure.error == "empty"


def test_analyze_many_matches_analyze() -> None:
    goals = [
        "I will walk 20 minutes daily for 4 weeks",
        "sleep better",
        "Pt will ambulate 150 ft with CGA",
    ]
    many = list(analyze_many(goals, reference_date=REF, batch_size=2))
    single = [analyze(g, reference_date=REF) for g in goals]
    assert [m.model_dump() for m in many] == [
        s.model_copy(update={"index": i}).model_dump() for i, s in enumerate(single)
    ]


def test_analyze_many_streams_lazily() -> None:
    def endless():
        n = 0
        while True:
            n += 1
            yield f"I will walk {n} minutes every day"

    stream = analyze_many(endless(), reference_date=REF, batch_size=8)
    first = [next(stream) for _ in range(5)]
    assert [r.index for r in first] == [0, 1, 2, 3, 4]


def test_analyze_is_deterministic() -> None:
    goal = "I will go to the grocery store alone once a week for the next 6 weeks (confidence 6/10)"
    a = analyze(goal, context="panic disorder", reference_date=REF).model_dump_json()
    b = analyze(goal, context="panic disorder", reference_date=REF).model_dump_json()
    assert a == b


def test_analyze_coaching_profile_counts_s_m_a() -> None:
    a = analyze("Jog for at least 30 minutes, once a week (confidence 7/10)", profile="coaching")
    assert a.label == "SMART"
    assert not a.dimensions.time_bound.counted and not a.dimensions.relevant.counted


def test_analyze_many_two_processes_match_one() -> None:
    goals = ["I will walk daily for two weeks", "", "sleep better", ("journal 3x/wk", "stress")] * 4
    one = [r.model_dump() for r in analyze_many(goals, reference_date=REF)]
    two = [
        r.model_dump() for r in analyze_many(goals, reference_date=REF, n_process=2, batch_size=4)
    ]
    assert one == two
