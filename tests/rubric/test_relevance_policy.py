"""Relevance against terse contexts: positive evidence for a mismatch, unconfirmed links, purposes.

Every goal and context here was written for these tests (issue 10 §4). Rubric, R: "A goal
that plausibly serves the stated problem counts ...; 0 needs a goal that clearly serves
something else."
"""

from __future__ import annotations

import pytest

from smartcheck import analyze
from smartcheck.extractors.context import read_context
from smartcheck.nlp import load_nlp

pytestmark = pytest.mark.model

REF = "2026-01-05"


def _relevant(goal: str, context: str | None) -> tuple[bool, list[str], float]:
    dim = analyze(goal, context=context, reference_date=REF).dimensions.relevant
    return dim.met, [f.id for f in dim.findings], dim.score


#: A goal whose behaviour serves the concern of a terse context, one row per discipline.
LINKED = [
    (
        "Copy a 3-line sentence with correct letter sizing in 4 of 5 trials by March",
        "OT, handwriting",
    ),
    (
        "Walk up one flight of stairs using pursed-lip breathing twice a day for 4 weeks",
        "COPD; breathless on stairs",
    ),
    (
        "Read a grade-level passage aloud at 90 WCPM by the end of the marking period",
        "grade 3; reading",
    ),
    ("Pt will amb 150 ft with a rolling walker and CGA by discharge", "s/p L TKA POD 1"),
    (
        "Remain seated during circle time for 10 minutes on 4 of 5 days",
        "kindergarten; autism, difficulty with transitions",
    ),
    ("Take small sips with a chin tuck at every meal for 2 weeks", "dysphagia after stroke"),
    (
        "Use easy onsets in 8 of 10 sentences during clinic sessions by June",
        "school-age stuttering",
    ),
    ("Pay my bills with a written checklist every Friday for 6 weeks", "TBI; money management"),
    (
        "Use a day planner to record appointments every evening for 4 weeks",
        "traumatic brain injury",
    ),
    ("Do the Otago exercises 3 times a week for 12 weeks", "two falls this year"),
    (
        "Walk on the treadmill for 20 minutes at RPE 12, 3 times a week for 8 weeks",
        "post-MI, phase II cardiac rehab",
    ),
    (
        "Eat three meals and two snacks every day for the next 4 weeks",
        "anorexia nervosa; weight restoration",
    ),
    ("Delay purging by 30 minutes after each meal for the next 2 weeks", "bulimia"),
    (
        "Shower seated on a tub bench with a long-handled sponge every morning for 2 weeks",
        "COPD; breathless when washing",
    ),
    (
        "Do my wrist exercises for 5 minutes 3 times a day for 6 weeks",
        "carpal tunnel syndrome R hand",
    ),
    ("Solve 8 of 10 two-step word problems by the end of the IEP year", "SLD in math"),
    ("Wear my hearing aids during waking hours every day for 4 weeks", "hearing loss"),
    ("Pt will prepare a simple hot meal with supervision by discharge", "CVA; lives with wife"),
    ("Pt will return to work 4 hours a day by 3/1", "low back pain"),
    ("Client will attend 4 of 5 scheduled counseling sessions this month", "depression"),
    ("Do pelvic floor exercises 3 times a day for 12 weeks", "postpartum"),
    (
        "Lay out my work clothes and pack my bag every weeknight for 3 weeks",
        "adult ADHD; always late",
    ),
]


@pytest.mark.parametrize(("goal", "context"), LINKED)
def test_relevance_discipline_targets_link_to_terse_contexts(goal: str, context: str) -> None:
    met, findings, value = _relevant(goal, context)
    assert met and "relevant.linked" in findings, findings
    assert value >= 0.8


#: Positive evidence: the goal's behaviour belongs to a concern the context does not touch.
MISMATCHED = [
    (
        "Do 15 heel slides 3 times a day to reach 100 degrees of knee flexion by discharge",
        "panic disorder",
    ),
    ("Fill in a weekly budget sheet every Friday for six weeks", "plantar fasciitis"),
    ("Attend a conversation group every week for 8 weeks", "tennis elbow"),
    (
        "Practise box breathing for 10 minutes every morning for 4 weeks",
        "s/p ACL reconstruction; lacks knee extension",
    ),
    ("Practise sit-to-stands 10 times 3 times a day for 2 weeks", "adult who stutters"),
    ("Use slow, smooth speech in 4 of 5 turns by the end of term", "picky eating"),
    ("Be more grateful", "COPD; wants to walk further"),
    ("Bake a cake from a recipe card once a week for 6 weeks", "tinnitus"),
    ("I will get a promotion by the end of the year", "chronic knee pain"),
    ("Walk 20 minutes, 5 days a week, for 8 weeks", "dysphagia after stroke"),
]


@pytest.mark.parametrize(("goal", "context"), MISMATCHED)
def test_relevance_mismatch_needs_a_goal_from_another_concern(goal: str, context: str) -> None:
    met, findings, _ = _relevant(goal, context)
    assert not met and findings == ["relevant.context_mismatch"]


#: The link can be shown neither way: unknown words in the goal or the context.
UNCONFIRMED = [
    (
        "Feed the cat at 7 am every day for a month",
        "adult ADHD; often late",
    ),
    ("Play catch for 10 minutes three evenings a week", "R shoulder impingement"),
    ("Lights out at 10:30 and up at 6:30 every day for 4 weeks", "bipolar II"),
    ("Walk for 20 minutes every day for 4 weeks", "Ehlers-Danlos syndrome"),
    ("Practise touch-typing with the tutor 15 minutes a day for 8 weeks", "grade 7"),
]


@pytest.mark.parametrize(("goal", "context"), UNCONFIRMED)
def test_relevance_unknown_link_is_met_with_a_lower_score(goal: str, context: str) -> None:
    met, findings, value = _relevant(goal, context)
    assert met and value < 1.0
    assert "relevant.context_mismatch" not in findings


#: A situation word in a context confirms but never rules out ("injury" is not a walking concern).
@pytest.mark.parametrize(
    ("context", "concerns", "situations"),
    [
        ("traumatic brain injury", {"cognition"}, set()),
        ("brain injury; poor memory", {"cognition"}, set()),
        ("recovering from an injury", set(), {"mobility_walking"}),
        ("s/p surgery, POD 2", set(), {"mobility_walking"}),
        ("COPD; wants to walk further", {"pulmonary_rehab", "endurance"}, None),
        ("OT, handwriting", {"handwriting"}, None),
        ("grade 3; reading", {"reading_fluency"}, None),
    ],
)
def test_relevance_context_concerns_come_from_the_diagnosis(
    context: str, concerns: set[str], situations: set[str] | None
) -> None:
    nlp = load_nlp()
    info = read_context(nlp.make_doc(context), nlp.get_pipe("smartcheck").res)
    assert concerns <= set(info.concerns)
    assert "mobility_walking" not in info.concerns or "mobility_walking" in concerns
    if situations is not None:
        assert situations <= set(info.situations)


def test_relevance_planner_goal_is_not_a_walking_goal_after_brain_injury() -> None:
    met, findings, _ = _relevant(
        "Use a planner to write down every appointment each evening for 4 weeks",
        "brain injury after a fall",
    )
    assert met and "relevant.linked" in findings


#: Without a context, a functional purpose is a purpose (issue 10 §4).
@pytest.mark.parametrize(
    "goal",
    [
        "Pt will climb 12 steps with one rail by discharge to return home safely",
        "Client will type a 200-word report in 20 minutes so that she can return to work",
        "Student will use a slant board for written work to participate in class",
        "Pt will use a chin tuck with every sip of thin liquid to eat safely",
        "Practise parallel parking twice a week for 6 weeks so I can drive again",
    ],
)
def test_relevance_functional_purpose_counts_without_context(goal: str) -> None:
    met, findings, _ = _relevant(goal, None)
    assert met and findings == ["relevant.linked"]


@pytest.mark.parametrize(
    "goal",
    [
        "Walk 5 km for charity by my birthday",
        "Drink 8 glasses of water a day",
        "Amb 50 ft with a hemi-walker",
    ],
)
def test_relevance_no_purpose_without_context_is_not_met(goal: str) -> None:
    met, findings, _ = _relevant(goal, None)
    assert not met and findings == ["relevant.no_purpose"]


#: A verb with no object can name its concern ("drink less" is about alcohol), but not with one.
@pytest.mark.parametrize(
    ("goal", "met"),
    [
        ("Drink less at weekends", True),
        ("Never smoke again", True),
        ("I will lose 5 kg by the end of June", True),
        ("Drink 8 glasses of water a day", False),
    ],
)
def test_relevance_bare_verbs_name_their_concern(goal: str, met: bool) -> None:
    assert _relevant(goal, None)[0] is met


# Rubric R: "1 when the goal's concern ... matches the context". A purpose that restates the
# problem the context names shows the link, even for a problem the knowledge base has no
# concern for; a word too general ("home", "daily") shows nothing.
@pytest.mark.parametrize(
    ("goal", "context"),
    [
        (
            "Resident will join the music group 2x/week for 4 weeks to reduce agitation",
            "dementia; afternoon agitation",
        ),
        (
            "Pt will sit out in the chair for 30 min 3x/day to prevent pressure ulcers by d/c",
            "immobile after CVA; sacral pressure ulcer risk",
        ),
        (
            "Client will chew each mouthful 20 times at every meal for 3 weeks to reduce bloating",
            "IBS; abdominal bloating",
        ),
    ],
)
def test_a_purpose_that_restates_the_context_problem_links(goal: str, context: str) -> None:
    met, ids, score = _relevant(goal, context)
    assert met
    assert "relevant.linked" in ids
    assert score == 1.0


def test_a_general_word_in_common_links_nothing() -> None:
    met, ids, _ = _relevant(
        "I will do 3 sets of 10 squats 3 times a week for 6 weeks so I feel strong at work",
        "social anxiety; dreads work meetings",
    )
    assert not met
    assert "relevant.context_mismatch" in ids
