"""Specific and Measurable from the structure of the goal (issue 10 §5), on goals written here.

Rubric S: "a concrete, observable behaviour ... or a change on a named measure"; M: "a
count, frequency, duration ... or a single event that either happened or did not";
"comparatives with no number and no baseline" are not measurable.
"""

from __future__ import annotations

import pytest

from smartcheck import analyze

pytestmark = pytest.mark.model

REF = "2026-01-05"


def _sm(goal: str, context: str | None = None) -> str:
    dims = analyze(goal, context=context, reference_date=REF).dimensions
    return f"{int(dims.specific.met)}{int(dims.measurable.met)}"


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        # a change from A to B on a named measure is specific and measurable
        ("Reduce my PHQ-9 score from 18 to below 10 by June", "11"),
        ("Increase my 6MWT distance from 300 m to 380 m by discharge", "11"),
        # behaviours in a place or posture, or free of a named substance
        ("Student will remain seated during circle time for 10 minutes on 4 of 5 days", "11"),
        ("Student will stay on task for 15 minutes during independent work", "11"),
        ("Remain alcohol-free for 60 days with weekly SMART Recovery meetings", "11"),
        ("Student will take turns in a board game with 2 peers for 10 minutes", "11"),
        # verbless abstention with a period or cut-off
        ("No caffeine after 3 pm on weekdays for the next month", "11"),
        ("No cigarettes until 1 March 2026", "11"),
        ("Abstinent from alcohol for 60 days, checked by breath tests", "11"),
        # a concrete task by a date either happens or not
        ("I'll phone the clinic and book a hearing test by next Friday", "11"),
        (
            "Client will complete a written safety plan with her therapist before the end of the session",
            "11",
        ),
        ("Get my blood pressure down", "10"),
        # an absolute over a concrete act is countable; A carries the red flag
        ("I will never skip a dose of my blood thinner again", "11"),
    ],
)
def test_structure_behaviours_and_checkable_acts(goal: str, expected: str) -> None:
    assert _sm(goal) == expected


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        # not specific: process nouns, vague phrases, bare tools, abilities
        ("Take it easy this week", "00"),
        ("Pain-free by June", "00"),
        ("Pt will decrease edema in the left hand", "00"),
        ("Student will demonstrate improved social skills", "00"),
        ("Pt will participate in therapy", "00"),
        ("Build up my stamina", "00"),
        ("Pt will perform hip strengthening", "00"),
        ("Pt will be able to climb stairs again", "00"),
        ("Get my stress under control", "00"),
        ("Control my cravings at parties", "00"),
        # "independent" alone or compared is not a measure
        ("Pt will be more independent with dressing", "00"),
        ("Pt will increase independence in bathing", "00"),
        # a habit started or a programme carried on is not a single event
        ("Complete my home exercise program", "10"),
        ("Start going to the gym", "10"),
        # a wish about a thing is not the person's act, and "independent work" is not a level
        ("I want the panic attacks to stop", "00"),
        ("Student will stay seated during independent work", "10"),
    ],
)
def test_structure_vague_wordings_are_not_specific_or_measurable(goal: str, expected: str) -> None:
    assert _sm(goal) == expected


@pytest.mark.parametrize(
    "pair",
    [
        ("I will have fewer panic attacks", "I will have fewer depressive symptoms"),
        ("I want fewer nightmares", "I want fewer flashbacks"),
        ("I will feel less anxious", "I will feel less depressed"),
        (
            "Have fewer panic attacks than 3 a week by March",
            "Have fewer migraines than 3 a week by March",
        ),
    ],
)
def test_structure_parallel_wordings_get_the_same_verdict(pair: tuple[str, str]) -> None:
    first, second = (_sm(goal) for goal in pair)
    assert first == second


def test_structure_use_a_calendar_alone_is_not_specific() -> None:
    assert _sm("Use a calendar") == "00"
