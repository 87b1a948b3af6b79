"""Kinds of rewrite that the re-analysis must read as SMART, with the person's words kept.

Each table holds goals written for these tests (issue 11 §3-4; none is taken from a
labelled data set). Placeholders stay placeholders: the tool never fills a value it
cannot know, but it words the gap so that the analyzer reads its structure
("until the review on [date]", "so I can do [what this is for]").
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import smartcheck
from smartcheck.orchestrate import rewrite

pytestmark = pytest.mark.model

REF = dt.date(2026, 1, 5)


def _first(goal: str, context: str | None = None) -> str:
    result = rewrite(goal, context=context, reference_date=REF)
    assert result.suggestions, result.findings
    return result.suggestions[0].text


def _smart(text: str, context: str | None = None) -> bool:
    return smartcheck.analyze(text, context=context, reference_date=REF).label == "SMART"


# A concrete goal that names no concern the knowledge base knows: the person's wording is
# kept, the timeframe and the purpose are placeholders the analyzer can read.
OWN_WORDING = [
    ("Text my sister every Sunday", "I will text my sister every Sunday"),
    ("Sam will stack 5 blocks", "Sam will stack 5 blocks"),
    ("Client will fold the laundry", "Client will fold the laundry"),
    ("Sign up for the library", "I will sign up for the library"),
]


@pytest.mark.parametrize(("goal", "kept"), OWN_WORDING)
def test_unknown_concern_keeps_wording_with_readable_placeholders(goal: str, kept: str) -> None:
    text = _first(goal)
    assert text.startswith(kept)
    assert "[" in text, "a value the tool cannot know stays a placeholder"
    assert _smart(text), text


@pytest.mark.parametrize(
    ("goal", "purpose"),
    [
        ("Client will fold the laundry", "so they can do [what this is for]"),
        ("Text my sister every Sunday", "so I can do [what this is for]"),
    ],
)
def test_purpose_placeholder_speaks_in_the_actors_voice(goal: str, purpose: str) -> None:
    assert purpose in _first(goal)


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Text my sister every Sunday", "until the review on [date]"),  # a habit: until
        ("Sign up for the library", "by the review on [date]"),  # a one-off task: by
    ],
)
def test_timeframe_placeholder_is_a_review_date(goal: str, expected: str) -> None:
    text = _first(goal)
    assert expected in text
    assert len(re.findall(r"\b(?:until|by|for the next|within)\b", text)) == 1, text


# A reduction keeps the person's verb as a limit with a baseline (issue 11 §2).
REDUCTIONS = [
    ("I want to gamble less", "gamble"),
    ("Pt will yell less at his kids", "yell"),
    ("I want to bite my nails less", "bite"),
    ("Client will check the door less", "check"),
]


@pytest.mark.parametrize(("goal", "verb"), REDUCTIONS)
def test_reduction_is_a_limit_on_the_persons_verb(goal: str, verb: str) -> None:
    texts = [s.text for s in rewrite(goal, reference_date=REF).suggestions]
    limits = [t for t in texts if "no more than [target number]" in t]
    assert limits, texts
    assert verb in limits[0]
    assert "down from [current number]" in limits[0]
    assert not any(re.search(rf"{verb}\w*[^.]{{0,30}}at least", t) for t in texts)
    assert "reduce how often" not in " ".join(texts)


@pytest.mark.parametrize(("goal", "verb"), REDUCTIONS[:2])
def test_reduction_limit_is_read_as_smart(goal: str, verb: str) -> None:
    texts = [s.text for s in rewrite(goal, reference_date=REF).suggestions]
    limit = next(t for t in texts if "no more than [target number]" in t)
    assert _smart(limit), limit


# A hedge before the action ("Eventually", "Someday") is cleaned up, not a reason to drop
# the person's behaviour.
@pytest.mark.parametrize(
    ("goal", "context", "start"),
    [
        ("Eventually I'd like to walk to the corner shop", "knee osteoarthritis", "I will walk"),
        ("Someday I want to swim again", None, "I will swim"),
        ("Hopefully I will ride my bike to work", None, "I will ride"),
    ],
)
def test_hedge_before_the_action_keeps_the_behaviour(
    goal: str, context: str | None, start: str
) -> None:
    texts = [s.text for s in rewrite(goal, context=context, reference_date=REF).suggestions]
    assert any(t.startswith(start) for t in texts), texts
    assert not any(re.match(r"(?:Eventually|Someday|Hopefully)\b", t) for t in texts)


# "Pt to VERB ..." shorthand keeps its subject even when the main action comes later.
@pytest.mark.parametrize(
    ("goal", "start"),
    [
        ("Pt to wean from O2 during amb", "Pt will wean from O2"),
        ("Pt to transfer bed to chair w/ min A", "Pt will transfer"),
        ("Client to attend group twice a week", "Client will attend"),
    ],
)
def test_shorthand_subject_is_kept(goal: str, start: str) -> None:
    texts = [s.text for s in rewrite(goal, reference_date=REF).suggestions]
    assert any(t.startswith(start) for t in texts), texts
    assert not any(t.lower().startswith(("i will pt", "i will client")) for t in texts)


# A vague verb with no known concern: a placeholder action the analyzer reads as a
# behaviour is offered, never an unrelated knowledge-base action.
@pytest.mark.parametrize("goal", ["sort my life out", "Get my act together this spring"])
def test_vague_verb_gets_a_placeholder_action(goal: str) -> None:
    result = rewrite(goal, reference_date=REF)
    texts = [s.text for s in result.suggestions]
    assert any("do [one specific activity]" in t for t in texts), texts
    assert all(s.concern is None for s in result.suggestions)


# Among candidates the analyzer reads as SMART, the one keeping the person's verb leads.
@pytest.mark.parametrize(
    ("goal", "context", "verb"),
    [
        ("Pt will complete LE HEP", "s/p R TKA 4 wks ago", "complete"),
        ("Client will complete the UE HEP", "s/p L rotator cuff repair 10 wks ago", "complete"),
    ],
)
def test_person_verb_leads_among_smart_candidates(goal: str, context: str, verb: str) -> None:
    text = _first(goal, context)
    assert re.search(rf"\b{verb}\b", text, re.IGNORECASE), text
    assert _smart(text, context), text


# A stop worded as an absolute ("never X again") stays a stop in the person's own verb,
# for a period (issue 11 §2); with a withdrawal risk the safety rules lead instead.
@pytest.mark.parametrize(
    ("goal", "stop"),
    [
        ("Never drink again", "I will stop drinking"),
        ("never gamble online again", "I will stop gambling online"),
        ("Never bite my nails again", "I will stop biting my nails"),
    ],
)
def test_never_again_stays_a_stop_in_the_persons_verb(goal: str, stop: str) -> None:
    texts = [s.text for s in rewrite(goal, reference_date=REF).suggestions]
    stops = [t for t in texts if t.startswith(stop)]
    assert stops, texts
    assert not re.search(r"\b(?:never|again)\b", stops[0])
    assert not re.search(r"\b(?:cut down|less|fewer)\b", stops[0])


def test_never_again_with_withdrawal_risk_never_gets_a_bare_stop() -> None:
    context = "alcohol dependence; withdrawal seizures last year"
    texts = [s.text for s in rewrite("Never drink again", context=context).suggestions]
    assert texts
    for text in texts:
        if re.search(r"\bstop drinking\b", text):
            assert re.search(r"GP|alcohol service|medically managed", text), text


# A verb alone names no concern when its object says otherwise: no purpose and no
# replacement action from a stray verb ("call" is not therapy attendance, "take turns"
# is not medication, "check the door" is not blood pressure).
@pytest.mark.parametrize(
    ("goal", "foreign"),
    [
        ("Call my brother once a week", r"therapy|session"),
        ("Sam will take turns in a board game for 3 turns", r"medication|pills"),
        ("Client will check the door less", r"blood pressure|blood sugar"),
    ],
)
def test_a_stray_verb_names_no_concern(goal: str, foreign: str) -> None:
    result = rewrite(goal, reference_date=REF)
    assert result.suggestions
    for suggestion in result.suggestions:
        assert not re.search(foreign, suggestion.text, re.IGNORECASE), suggestion.text
        assert suggestion.sources.get("purpose") != "knowledge_base"


@pytest.mark.parametrize(
    ("goal", "named"),
    [("Take my meds every morning", "medication"), ("journal every night", "stress")],
)
def test_a_verb_whose_object_fits_still_names_its_concern(goal: str, named: str) -> None:
    assert named in rewrite(goal, reference_date=REF).suggestions[0].text


@pytest.mark.model
@pytest.mark.parametrize(
    "goal", ["I want to feel less anxious", "I want to be less stressed", "I want to feel sad less"]
)
def test_a_state_is_never_rewritten_as_a_count_of_feelings(goal: str) -> None:
    """Rubric S: a feeling is a state; "feel anxious no more than N times" is no behaviour."""
    texts = [s.text for s in smartcheck.suggest(goal, reference_date="2026-01-05")]
    assert texts
    assert not any(re.search(r"\bfeel\w*\b[^.]*no more than", t) for t in texts), texts


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "context"),
    [
        ("I will come off my meds", "bipolar disorder on lithium"),
        ("I want to stop taking my antidepressants", "depression"),
    ],
)
def test_a_request_to_stop_medication_carries_the_prescriber_in_every_suggestion(
    goal: str, context: str
) -> None:
    """safety.md §9: a medicine change goes through the prescriber, in every suggestion."""
    texts = [s.text for s in smartcheck.suggest(goal, context=context, reference_date="2026-01-05")]
    assert texts
    assert all(re.search(r"prescriber|doctor|GP", t) for t in texts), texts
