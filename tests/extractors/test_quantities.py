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


# One row per KIND of quantity wording (rubric: quantity = value, unit; "5-pound weight;
# 10,000 steps; 3 km; one difficult memory"). Each row: goal, span that must be a quantity,
# value, unit.
QUANTITY_KINDS = [
    # counts with units
    ("Pt will ambulate 300 ft with a rolling walker", "300 ft", 300, "ft"),
    ("I will drink 2 L of water a day", "2 L", 2, "L"),
    # counts of objects, also when the tagger reads the plural noun as a verb
    ("Pt will propel w/c 100 ft including 2 turns", "2 turns", 2, "turn"),
    ("I will name 3 things I am grateful for each night", "3 things", 3, "item"),
    # sets and repetitions; "10k steps" is ten thousand steps, not 10 km
    ("Do 3x15 squats daily", "3x15", 15, "repetition"),
    ("I will walk 10k steps every day", "10k steps", 10000, "step"),
    # hyphenated counts ("5-pound weight" in the rubric)
    ("Use a 3-step checklist before handing in work", "3-step checklist", 3, "step"),
    # a count whose noun follows a hyphenated duration
    ("Take three 20-minute walks a week", "three 20-minute walks", 3, "walk"),
    # limits: a capped count is still a value with a unit, as a capped duration is a duration
    ("Pt will tolerate a 30 min session with ≤2 rest breaks", "≤2 rest breaks", 2, "break"),
    ("I will have no more than 2 drinks a day", "2 drinks", 2, "drink"),
    # ranges keep their lower end
    ("Eat 5–7 servings of vegetables daily", "5–7 servings", 5, "serving"),
    # an amount of a whole
    ("Pt will eat 75% of each meal", "75%", 75, "%"),
    # fractions and "half a" before a listed unit; money; a quoted word between number and noun
    ("Use a 1/2 cup measure for rice at dinner", "1/2 cup", 0.5, "cup"),
    ("Drink half a cup of water every hour", "half a cup", 0.5, "cup"),
    ("Save $50 a week for a bike", "$50", 50, "$"),
    ("Student will answer 4 'wh' questions about a story", "4 'wh' questions", 4, "question"),
    # "N sets of M" with no noun: M repetitions
    ("Do 2 sets of 15 daily", "15", 15, "repetition"),
    # "one weekly organiser" counts organisers; "weekly" describes them
    ("Keep all my pills in one weekly organiser", "one weekly organiser", 1, "organiser"),
    # an object's size is a quantity, not a body-weight target
    ("Lift a 20 lb weight 10 times", "20 lb weight", 20, "lb"),
    # a bare step size after a verb of change keeps the unit of the earlier quantity
    ("Walk 7,000 steps a day, adding 500 every week", "500", 500, "step"),
]


@pytest.mark.parametrize(("goal", "text", "value", "unit"), QUANTITY_KINDS)
def test_quantity_kinds(run, goal: str, text: str, value: float, unit: str) -> None:
    found = {q.text: q for q in run(goal).elements.quantities}
    assert text in found, list(found)
    assert found[text].value == pytest.approx(value)
    assert found[text].unit == unit


# Numbers that are something else and must NOT also be quantities.
NOT_QUANTITY_KINDS = [
    # a percentage criterion, or a share of occasions, is a measure
    ("Student will spell CVC words with 80% accuracy", "80"),
    ("Use the CPAP on 70% of nights", "70"),
    # the window of a mastery criterion
    ("Student will form letters with 90% legibilty across 3 writing samples", "3"),
    # frequencies, durations and timeframes
    ("I will walk 3 times a week for 20 minutes for 6 weeks", "20"),
    ("I will meditate for 10 minutes daily", "10"),
    ("I will quit smoking within 6 weeks", "6"),
    # ordinals, labels and instrument names
    ("Complete the GAD-7 by week 6", "6"),
    ("Pt will achieve 4/5 MMT grade in hip flexors", "4"),
    ("Rate my mood on a 10-point scale each evening", "10"),
    # support given to the person is assistance: counted cues, prompts and rails
    ("Given one verbal prompt, the student will name the picture", "one"),
    ("Pt will demo 3 techniques w/ ≤1 verbal cue", "≤1"),
    ("Pt will climb 12 steps w/ 1 rail and CGA", "1 rail"),
    ("Pt will stand for 2 min with 1 UE support", "1 UE"),
    # a rate per minute is a measure's target
    ("Keep speech rate ≤150 wpm in conversation", "150"),
]


@pytest.mark.parametrize(("goal", "number"), NOT_QUANTITY_KINDS)
def test_numbers_that_are_not_quantities(run, goal: str, number: str) -> None:
    analysis = run(goal)
    start = goal.index(number)
    quantities = analysis.elements.quantities
    assert not [q for q in quantities if q.start <= start < q.end], [q.text for q in quantities]


def test_step_size_is_not_a_frequency(run) -> None:
    freqs = run("Walk 7,000 steps a day, adding 500 every week").elements.frequencies
    assert [(f.times, f.per) for f in freqs] == [(1, "day")]


def test_fraction_of_an_hour_is_not_read_as_its_denominator(run) -> None:
    durations = run("Finish 1/2 hour of reading").elements.durations
    assert all(d.seconds != 7200 for d in durations), [d.text for d in durations]


@pytest.mark.parametrize(
    ("goal", "rates"),
    [
        ("Exercise 3x weekly for 6 weeks", [(3, "week")]),
        ("Walk 3 times daily", [(3, "day")]),
        ("Keep all my pills in one weekly organiser", []),
        ("Attend 2 of 3 weekly groups", []),
        ("Do 2 sets of 15 daily", []),
        ("Reduce screen time by 30 minutes, cutting 10 each week", []),
    ],
)
def test_counts_before_rate_words_are_not_rates(run, goal: str, rates: list) -> None:
    found = [(f.times, f.per) for f in run(goal).elements.frequencies]
    assert found == rates
