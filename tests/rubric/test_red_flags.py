"""Achievable red flags in every wording (issue 10 §6), on goals written for these tests.

Rubric A, 0 when a red flag is present: absolutes; an implausible target for the context
("a strenuous target right after surgery"); dependence on other people; four or more
stacked new behaviours. A, 1 with explicit evidence: named support or a graded step.
"""

from __future__ import annotations

import pytest

from smartcheck import analyze
from smartcheck.extractors.context import read_stage
from smartcheck.kb.loader import default_kb

pytestmark = pytest.mark.model

REF = "2026-01-05"


def _a(goal: str, context: str | None = None) -> tuple[bool, set[str]]:
    dim = analyze(goal, context=context, reference_date=REF).dimensions.achievable
    return dim.met, {f.id for f in dim.findings}


@pytest.mark.parametrize(
    "goal",
    [
        "I will stay 100% sober for the next 3 months",
        "Walk with my cane every day with no falls at all for the next month",
        "Walk to the shops pain-free every day by March",
        "I will do my breathing exercises every single morning for 6 weeks",
        "I will never binge again after starting the meal plan next week",
        "Zero takeaway meals for the next 6 weeks",
        "Get full marks on every weekly spelling quiz this term",
    ],
)
def test_red_flags_absolutes(goal: str) -> None:
    met, ids = _a(goal)
    assert not met
    assert ids & {"achievable.absolute", "achievable.cure_language"}


@pytest.mark.parametrize(
    ("goal", "context"),
    [
        ("Pt will be independent in all ADLs by POD 2", "s/p R TKA POD 1"),
        ("Jog 2 km three times a week within 3 weeks", "s/p L TKA, 5 days post-op"),
        ("Return to football training within 4 weeks", "ACL reconstruction 6 weeks ago"),
        ("Lift 10 kg boxes at work by next Monday", "lumbar fusion 2 weeks ago"),
        ("Do 20 push-ups a day for two weeks", "pacemaker fitted 8 days ago"),
        ("Touch my toes 10 times each morning for a week", "s/p L THA POD 3"),
    ],
)
def test_red_flags_target_against_the_stage_after_surgery(goal: str, context: str) -> None:
    met, ids = _a(goal, context)
    assert not met and "achievable.context_conflict" in ids


@pytest.mark.parametrize(
    ("goal", "context"),
    [
        # the stage has passed, or the target is a precaution, or the stage is not stated
        ("Jog 2 km three times a week for 4 weeks", "s/p L TKA, 6 months post-op"),
        ("Walk 15 minutes daily with my walker and no running for 2 weeks", "s/p R TKA POD 4"),
        ("Jog 2 km three times a week for 4 weeks", "s/p L TKA"),
        ("Pt will amb 150 ft with RW and CGA by discharge", "s/p R TKA POD 1"),
    ],
)
def test_red_flags_stage_needs_positive_evidence(goal: str, context: str) -> None:
    _, ids = _a(goal, context)
    assert "achievable.context_conflict" not in ids


@pytest.mark.parametrize(
    "goal",
    [
        "Get my teenage son to stop vaping by the summer",
        "Make my husband listen when I talk about money this month",
        "My partner will stop yelling at me by next month",
        "Convince my boss to give me Fridays off by March",
    ],
)
def test_red_flags_dependence_on_other_people(goal: str) -> None:
    met, ids = _a(goal)
    assert not met and "achievable.depends_on_others" in ids


@pytest.mark.parametrize(
    "goal",
    [
        "From Monday: up at 6, run 5 km, cold shower, meditate 20 min, no phone till noon",
        "• Walk 30 min daily • log all food • no sugar • yoga 3x/wk • lights out by 10",
        "I will swim, cycle, lift weights and do yoga every day for the next 2 months",
    ],
)
def test_red_flags_stacked_behaviours(goal: str) -> None:
    met, ids = _a(goal)
    assert not met and "achievable.too_many_behaviors" in ids


@pytest.mark.parametrize(
    "goal",
    [
        "Walk 20 min, 3x/wk, for 6 weeks, with my cane",
        "Practise coping strategies such as journaling, walking, calling a friend and music for 10 minutes daily",
        "When the urge hits, I'll use my safety plan: hold ice, text my sister, walk outside, call the line",
        "STGs: • bed to chair transfer, min A → CGA • don shirt w/ set-up only",
    ],
)
def test_red_flags_doses_and_examples_are_not_stacked_behaviours(goal: str) -> None:
    _, ids = _a(goal)
    assert "achievable.too_many_behaviors" not in ids


@pytest.mark.parametrize(
    "goal",
    [
        "Given a visual timer, the student will request a break instead of leaving the room",
        "I will practise the bus route with my support worker before term starts",
    ],
)
def test_red_flags_named_support_shows_achievability(goal: str) -> None:
    met, ids = _a(goal)
    assert met and not ids


@pytest.mark.parametrize(
    ("context", "procedures", "days"),
    [
        ("s/p L TKA POD 1; lives alone", ("tka",), 1),
        ("s/p R THA, day 3", ("tha",), 3),
        ("R rotator cuff repair 8 wks ago", ("rcr",), 56),
        ("microdiscectomy 10 days ago", ("spine",), 10),
        ("s/p R TKA 6 wks", ("tka",), 42),
        ("s/p R TKA", ("tka",), None),
        ("generalised anxiety", (), None),
    ],
)
def test_red_flags_stage_is_read_from_the_context(
    context: str, procedures: tuple[str, ...], days: int | None
) -> None:
    assert read_stage(context, default_kb()) == (procedures, days)


@pytest.mark.parametrize(
    ("goal", "flagged"),
    [
        ("I will run a half marathon in October", False),  # one event
        ("I will run 20 miles every day for the next month", True),  # a daily dose
        ("I will walk 8 miles every day for the next month", False),
        ("I will walk 15 miles every day for the next month", True),
    ],
)
def test_red_flags_distance_caps_tell_an_event_from_a_daily_dose(goal: str, flagged: bool) -> None:
    _, ids = _a(goal)
    assert ("achievable.implausible_magnitude" in ids) is flagged


# Rubric A: "a concrete behaviour with a bounded dose" is achievable. A hedge that only
# covers an optional extra beyond the stated dose does not hedge the goal; a hedge on
# the commitment itself, or on a goal with no dose, still does.
@pytest.mark.parametrize(
    "goal",
    [
        "Swim at least once a week (more if possible), 30 minutes each time, for 8 weeks",
        "Walk 20 minutes a day, longer if I can, for the next 4 weeks",
        "Meditate 10 minutes daily, maybe more, for a month",
        "Read to my son 3 nights a week, or more when I can, until the end of term",
    ],
)
def test_a_hedge_on_an_optional_extra_is_not_a_red_flag(goal: str) -> None:
    met, ids = _a(goal)
    assert "achievable.hedged" not in ids
    assert met


@pytest.mark.parametrize(
    "goal",
    [
        "I'll try to walk 20 minutes a day for the next 4 weeks",
        "Maybe walk 10 minutes daily for a month",
        "Walk more if possible",
        "Swim once a week if I can for 8 weeks",
    ],
)
def test_a_hedge_on_the_commitment_stays_a_red_flag(goal: str) -> None:
    met, ids = _a(goal)
    assert "achievable.hedged" in ids
    assert not met


@pytest.mark.parametrize(
    ("goal", "context", "flagged"),
    [
        ("Finish the whole exposure ladder, top step included, this week", "emetophobia", True),
        ("Reach the top of my hierarchy by Friday", "spider phobia; starting exposure", True),
        ("Do the top step of my ladder tomorrow", "OCD; ERP week 1", True),
        # weeks away, or one step at a time: no red flag (domain.md §5, 2-3 exposures a week)
        ("Finish the whole exposure ladder within 10 weeks", "emetophobia", False),
        ("Do step 2 of my exposure ladder 3 times this week", "emetophobia", False),
    ],
)
def test_red_flags_top_of_a_hierarchy_at_once(goal: str, context: str, flagged: bool) -> None:
    _, ids = _a(goal, context)
    assert ("achievable.implausible_magnitude" in ids) == flagged
