"""Rewrite engine on hand-built analyses: keep the person's wording, fill what is missing."""

from __future__ import annotations

import pytest

from smartcheck.models import Concern, Confidence, Evidence, Finding, Frequency, Quantity, Timeframe
from smartcheck.rewrite.engine import rewrite_analysis


def _flag(text, part, at, fid="achievable.implausible_magnitude"):
    return Finding(
        id=fid,
        dimension="achievable",
        severity="error",
        message="red flag",
        fix="scale down",
        span=Evidence(**at(text, part)),
    )


def first(analysis, kb, context=None):
    result = rewrite_analysis(analysis, context=context, kb=kb)
    assert result.suggestions, result.findings
    return result.suggestions[0]


@pytest.mark.parametrize(
    ("text", "concern", "word", "expected"),
    [
        ("I want to feel less anxious", "anxiety", "anxious", "I will practice deep breathing"),
        ("I want to be stronger", "strength", "stronger", "I will lift a light hand weight"),
        (
            "I want to regain the ability to drive",
            "driving",
            "drive",
            "I will practice turning the steering",
        ),
    ],
)
def test_engine_state_becomes_behavior(make, at, kb, text, concern, word, expected):
    found = (Concern(concern=concern, domain="x", **at(text, word)),)
    analysis = make(text, met="00010", verb=text.split()[3], kind="state", concerns=found)
    suggestion = first(analysis, kb)
    assert suggestion.text.startswith(expected)
    assert suggestion.sources["action"] == "knowledge_base"
    assert suggestion.sources["timeframe"] == "knowledge_base"
    assert suggestion.concern == concern
    assert not suggestion.placeholders


@pytest.mark.parametrize(
    ("text", "actor", "role", "verb", "start"),
    [
        ("I will journal more", "I", "self", "journal", "I will journal for 15 minutes"),
        ("Client will say /s/ correctly", "Client", "client", "say", "Client will say /s/"),
        ("pt will answer yes/no questions", "pt", "client", "answer", "Pt will answer yes/no"),
        ("i want to walk after dinner", "i", "self", "walk", "I will walk after dinner"),
    ],
)
def test_engine_keeps_actor_voice_and_action(make, kb, text, actor, role, verb, start):
    analysis = make(text, met="10010", actor=actor, role=role, verb=verb)
    suggestion = first(analysis, kb)
    assert suggestion.text.startswith(start)
    assert suggestion.sources["action"] == "goal"


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("I'll try to cut back on drinking when I can, maybe by spring", "maybe"),
        ("I will go to the gym regularly", "regularly"),
        ("I will sleep 8 hours every single night starting tonight", "single"),
    ],
)
def test_engine_removes_hedges_and_absolutes(make, kb, text, removed):
    verb = {"I'll": "cut"}.get(text.split()[0], text.split()[2])
    analysis = make(text, met="10010", verb=verb)
    suggestion = first(analysis, kb)
    assert removed not in suggestion.text
    assert " will " in suggestion.text


def test_engine_scales_down_red_flag_magnitude(make, at, kb):
    text = "I will walk 10 miles per day"
    analysis = make(
        text,
        met="11010",
        verb="walk",
        quantities=(Quantity(value=10, unit="mile", **at(text, "10 miles")),),
        frequencies=(Frequency(times=1, per="day", **at(text, "per day")),),
        findings=(_flag(text, "10 miles", at),),
    )
    suggestion = first(analysis, kb, context="recovering from an injury")
    assert "10 miles" not in suggestion.text
    assert suggestion.text.startswith("I will walk for 15 minutes")
    assert "for the next two weeks" in suggestion.text


def test_engine_replaces_an_action_to_avoid(make, at, kb):
    text = "I will never lose my temper with my kids again"
    analysis = make(
        text, met="00010", verb="lose", findings=(_flag(text, "never", at, "achievable.absolute"),)
    )
    suggestion = first(analysis, kb, context="anger outbursts at home")
    assert "never" not in suggestion.text
    assert "lose my temper" not in suggestion.text
    assert "time-out" in suggestion.text


def test_engine_keeps_purpose_and_confidence_tail(make, at, kb):
    text = (
        "I will take my blood pressure pills every morning, 90% confident, "
        "to keep my BP under control"
    )
    analysis = make(
        text,
        met="11110",
        verb="take",
        frequencies=(Frequency(times=1, per="day", **at(text, "every morning")),),
        confidence=(Confidence(value=0.9, **at(text, "90% confident")),),
    )
    suggestion = first(analysis, kb)
    assert suggestion.text.endswith(", 90% confident, to keep my BP under control.")
    assert suggestion.text.startswith("I will take my blood pressure pills every morning for ")


def test_engine_unknown_concern_uses_placeholders(make, kb):
    analysis = make("I want to feel different", met="00000", verb="feel", kind="state")
    suggestion = first(analysis, kb)
    assert "do [one specific activity]" in suggestion.text
    assert "[number] times a week" in suggestion.placeholders
    assert suggestion.sources["action"] == "placeholder"


def test_engine_keeps_goal_timeframe_when_replacing(make, at, kb):
    text = "I will get over my fear of crowds within 6 weeks"
    analysis = make(
        text,
        met="00011",
        verb="get",
        kind="state",
        timeframes=(Timeframe(kind="deadline", days=42, **at(text, "within 6 weeks")),),
    )
    suggestion = first(analysis, kb, context="panic disorder")
    assert "within 6 weeks" in suggestion.text
    assert suggestion.sources["timeframe"] == "goal"


def test_engine_not_a_goal_in_analysis(make, kb):
    analysis = make("Did you walk today?", verb="walk")
    analysis = analysis.model_copy(update={"is_goal": False, "non_goal": "question"})
    result = rewrite_analysis(analysis, context=None, kb=kb)
    assert result.suggestions == ()
    assert result.findings[0].id == "specific.not_a_goal"


def test_engine_smart_goal_needs_no_rewrite(make, kb):
    analysis = make("I will walk for 15 minutes each day for the next two weeks", met="11111")
    result = rewrite_analysis(analysis, context=None, kb=kb)
    assert result.suggestions == ()
    assert result.findings[0].severity == "info"


def test_engine_is_deterministic(make, kb):
    analysis = make("I will journal more", met="10000", verb="journal")
    one = rewrite_analysis(analysis, context=None, kb=kb)
    two = rewrite_analysis(analysis, context=None, kb=kb)
    assert one == two
