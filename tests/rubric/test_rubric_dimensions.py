"""Dimension rules on hand-built elements (rubric.md), one behaviour per test."""

from __future__ import annotations

import pytest
from rubric_helpers import at

from smartcheck.models import (
    Action,
    Actor,
    Concern,
    Confidence,
    ContextInfo,
    Duration,
    Flag,
    Frequency,
    Measure,
    Purpose,
    Timeframe,
)
from smartcheck.rubric.achievable import check_achievable
from smartcheck.rubric.measurable import check_measurable
from smartcheck.rubric.relevant import check_relevant
from smartcheck.rubric.specific import check_specific
from smartcheck.rubric.time_bound import check_time_bound

G = "I will practice deep breathing every day for 10 minutes to manage my anxiety"


def behaviour(text: str = G, part: str = "practice deep breathing", **kw) -> Action:
    return Action(**at(text, part, lemma=part.split(maxsplit=1)[0], kind="behavior", **kw))


@pytest.mark.parametrize(
    ("action", "met"),
    [
        ({"kind": "behavior", "issue": None}, True),
        ({"kind": "state", "issue": None}, False),
        ({"kind": "behavior", "issue": "umbrella"}, False),
        ({"kind": "behavior", "issue": "vague_verb"}, False),
    ],
)
def test_specific_depends_on_the_main_action(make_input, action, met) -> None:
    a = Action(**at(G, "practice deep breathing", lemma="practice", **action))
    assert check_specific(make_input(actions=(a,))).met is met


def test_specific_named_measure_makes_a_change_goal_specific(make_input) -> None:
    text = "reduce my GAD-7 score to below 10"
    a = Action(
        **at(text, "reduce my GAD-7 score", lemma="reduce", kind="behavior", issue="vague_verb")
    )
    m = Measure(
        **at(text, "GAD-7 score to below 10", instrument="GAD-7", comparator="<", target=10)
    )
    result = check_specific(make_input(actions=(a,), measures=(m,)))
    assert result.met and result.evidence[0].text == m.text


def test_specific_question_is_not_a_goal(make_input) -> None:
    text = "Did you walk today?"
    q = Flag(**at(text, text, category="question", dimension="specific"))
    result = check_specific(make_input(actions=(behaviour(text, "walk"),), flags=(q,)))
    assert not result.met
    assert result.findings[0].id == "specific.not_a_goal"


@pytest.mark.parametrize("role", ["clinician", "other"])
def test_specific_wrong_actor(make_input, role) -> None:
    text = "Therapist will teach breathing"
    actor = Actor(**at(text, "Therapist", role=role))
    result = check_specific(
        make_input(actors=(actor,), actions=(behaviour(text, "teach breathing"),))
    )
    assert not result.met


def test_measurable_frequency_is_enough(make_input) -> None:
    f = Frequency(**at(G, "every day", times=1, per="day"))
    result = check_measurable(make_input(actions=(behaviour(),), frequencies=(f,)))
    assert result.met and result.evidence[0].text == "every day"


def test_measurable_comparative_without_number_fails_with_reason(make_input) -> None:
    text = "I will journal more"
    c = Flag(**at(text, "more", category="comparative", dimension="measurable"))
    result = check_measurable(make_input(actions=(behaviour(text, "journal"),), flags=(c,)))
    assert not result.met
    assert "measurable.comparative_without_number" in [f.id for f in result.findings]


def test_measurable_single_event(make_input) -> None:
    text = "I will attend my cousin's wedding"
    a = Action(
        **at(text, "attend my cousin's wedding", lemma="attend", object="wedding", kind="behavior")
    )
    assert check_measurable(make_input(actions=(a,))).met


def test_time_bound_period_counts_but_duration_does_not(make_input) -> None:
    d = Duration(**at(G, "10 minutes", seconds=600))
    assert not check_time_bound(make_input(durations=(d,))).met
    text = G + " for the next month"
    tf = Timeframe(**at(text, "for the next month", kind="period", days=31))
    assert check_time_bound(make_input(timeframes=(tf,))).met


def test_time_bound_hedged_deadline_is_vague(make_input) -> None:
    text = "cut back on drinking, maybe by spring"
    h = Flag(**at(text, "maybe", category="hedge", dimension="achievable"))
    tf = Timeframe(**at(text, "by spring", kind="deadline"))
    result = check_time_bound(make_input(timeframes=(tf,), flags=(h,)))
    assert not result.met
    assert "time_bound.vague_timeframe" in [f.id for f in result.findings]


@pytest.mark.parametrize(
    ("flag", "finding"),
    [
        ("absolute", "achievable.absolute"),
        ("cure", "achievable.cure_language"),
        ("hedge", "achievable.hedged"),
    ],
)
def test_achievable_red_flags(make_input, flag, finding) -> None:
    f = Flag(**at(G, "every day", category=flag, dimension="achievable"))
    result = check_achievable(
        make_input(actions=(behaviour(),), flags=(f,)), specific=True, measurable=True
    )
    assert not result.met and result.findings[0].id == finding


def test_achievable_low_confidence(make_input) -> None:
    text = G + ", confidence 3/10"
    c = Confidence(**at(text, "confidence 3/10", value=0.3))
    result = check_achievable(
        make_input(actions=(behaviour(),), confidence=(c,)), specific=True, measurable=True
    )
    assert [f.id for f in result.findings] == ["achievable.low_confidence"]


def test_achievable_implausible_walk_when_recovering(make_input) -> None:
    from smartcheck.models import Quantity

    text = "I will walk 10 miles per day"
    q = Quantity(**at(text, "10 miles", value=10, unit="mile"))
    inp = make_input(
        actions=(behaviour(text, "walk"),),
        quantities=(q,),
        context=ContextInfo(present=True, recovering=True),
    )
    result = check_achievable(inp, specific=True, measurable=True)
    assert [f.id for f in result.findings] == ["achievable.implausible_magnitude"]


def test_achievable_coaching_needs_confidence(make_input) -> None:
    result = check_achievable(
        make_input(profile="coaching", actions=(behaviour(),)), specific=True, measurable=True
    )
    assert not result.met and result.findings[0].id == "achievable.no_confidence"


def test_relevant_purpose_without_context(make_input) -> None:
    p = Purpose(**at(G, "to manage my anxiety", concern="anxiety"))
    assert check_relevant(make_input(purposes=(p,))).met


def test_relevant_context_mismatch(make_input) -> None:
    text = "I will clean out the garage by Saturday"
    ctx = ContextInfo(present=True, concerns=("social_anxiety",))
    chore = Concern(
        **at(
            text, "clean", concern="adl_self_care", domain="occupational_therapy", source="activity"
        )
    )
    result = check_relevant(
        make_input(
            actions=(behaviour(text, "clean out the garage"),), concerns=(chore,), context=ctx
        )
    )
    assert not result.met and result.findings[0].id == "relevant.context_mismatch"


def test_relevant_unknown_behaviour_is_an_unconfirmed_link(make_input) -> None:
    text = "I will clean out the garage by Saturday"
    ctx = ContextInfo(present=True, concerns=("social_anxiety",))
    result = check_relevant(
        make_input(actions=(behaviour(text, "clean out the garage"),), context=ctx)
    )
    assert result.met and result.score < 1.0
    assert [f.id for f in result.findings] == ["relevant.link_unconfirmed"]


def test_relevant_related_concern_matches_context(make_input) -> None:
    text = "Walk 10,000 steps a day"
    c = Concern(
        **at(
            text, "steps", concern="physical_activity", domain="health_coaching", source="activity"
        )
    )
    ctx = ContextInfo(present=True, concerns=("blood_sugar",))
    assert check_relevant(make_input(concerns=(c,), context=ctx)).met
