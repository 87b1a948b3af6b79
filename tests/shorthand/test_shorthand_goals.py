"""Shorthand goals across disciplines, spans on the user's characters, and no false 'not English'."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from smartcheck import analyze, analyze_many
from smartcheck.models import Evidence, GoalAnalysis

REF = "2026-01-05"
pytestmark = pytest.mark.model


def _spans(model: Any) -> list[Evidence]:
    out: list[Evidence] = []
    if isinstance(model, Evidence):
        out.append(model)
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            out.extend(_spans(getattr(model, name)))
    elif isinstance(model, tuple):
        for item in model:
            out.extend(_spans(item))
    return out


def _assert_spans_slice_back(a: GoalAnalysis, text: str) -> None:
    assert a.text == text
    for ev in _spans(a):
        assert text[ev.start : ev.end] == ev.text, ev
    for f in a.findings:
        if f.span is not None:
            assert text[f.span.start : f.span.end] == f.span.text


# (goal, context, dimensions the rubric says are demonstrated, element kinds that must be found)
SHORTHAND_GOALS: list[tuple[str, str | None, str, tuple[str, ...]]] = [
    # physical therapy
    (
        "Pt will amb 150 ft w/ RW and CGA on level surfaces by d/c",
        "s/p R TKA",
        "SMART",
        ("quantities", "assistance", "timeframes"),
    ),
    (
        "Pt to amb 300 ft w/ SPC mod I x 4 wks to return to community outings",
        None,
        "SMART",
        ("assistance", "timeframes"),
    ),
    (
        "Pt will complete HEP 1x/day 5x/wk x 6 wks to ↓ knee pain",
        None,
        "SMART",
        ("frequencies", "timeframes"),
    ),
    (
        "Pt will complete sit<>stand from standard chair 5x w/o UE support in 3 wks",
        "deconditioning",
        "SMART",
        ("timeframes",),
    ),
    (
        "Safe transfers EOB to w/c with SBA by POD 3",
        "s/p L THA",
        "SMART",
        ("assistance", "timeframes"),
    ),
    # occupational therapy
    (
        "LB dressing: Mod I w/ AE by d/c",
        "s/p R THA, hip precautions",
        "SMART",
        ("assistance", "timeframes"),
    ),
    ("UB bathing w/ set-up only in 2 wks", "L CVA", "SMART", ("assistance", "timeframes")),
    (
        "Independent stair climbing (12 steps w/ 1 rail) by discharge",
        "R TKA",
        "SMART",
        ("timeframes",),
    ),
    (
        "Pt will don/doff R AFO w/ min A in 2 wks",
        "R CVA w/ foot drop",
        "SMART",
        ("assistance", "timeframes"),
    ),
    # SLP and school
    (
        "Client will read CVC words w/ 90% acc. in 4/5 trials by the end of the semester",
        "grade 1; reading",
        "SMART",
        ("measures", "timeframes"),
    ),
    (
        "Student will read 90 WCPM on grade-level passages by the annual IEP review",
        "grade 3; reading fluency",
        "SMART",
        ("timeframes",),
    ),
    # nursing and health
    (
        "Pt will check BG QID and log results x 2 wks",
        "type 1 diabetes",
        "SMART",
        ("frequencies", "timeframes"),
    ),
    (
        "Client will attend 1 mtg/wk x 8 wks to support sobriety",
        None,
        "SMART",
        ("frequencies", "timeframes"),
    ),
]


@pytest.mark.parametrize(("goal", "context", "met", "kinds"), SHORTHAND_GOALS)
def test_shorthand_goals_read_as_a_clinician_reads_them(
    goal: str, context: str | None, met: str, kinds: tuple[str, ...]
) -> None:
    a = analyze(goal, context=context, reference_date=REF)
    assert a.is_goal
    got = "".join(
        letter if a.met[dim] else "."
        for letter, dim in zip(
            "SMART", ("specific", "measurable", "achievable", "relevant", "time_bound"), strict=True
        )
    )
    assert got == met
    for kind in kinds:
        assert getattr(a.elements, kind), kind
    _assert_spans_slice_back(a, goal)


@pytest.mark.parametrize(
    ("goal", "action"),
    [
        ("LB dressing: Mod I w/ AE by d/c", "LB dressing"),
        ("Independent stair climbing by discharge", "stair climbing"),
        ("Safe transfers EOB to w/c with SBA", "transfers"),
        ("FIM toileting 3 → 5 by d/c", "toileting"),
    ],
)
def test_a_verbless_goal_gets_its_action_from_its_noun(goal: str, action: str) -> None:
    a = analyze(goal, reference_date=REF)
    main = next(x for x in a.elements.actions if x.role == "main")
    assert main.text == action
    assert main.kind == "behavior"
    assert not a.elements.actors  # "Mod I", "FIM" are not people


@pytest.mark.parametrize(
    "goal",
    [
        "Pt will complete LB dressing with min A in 2 wks",
        "Pt will complete lower-body dressing with min A in 2 wks",
        "UE HEP 2x/day x 4 wks",
    ],
)
def test_body_words_are_not_comparatives(goal: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert not [f for f in a.elements.flags if f.category == "comparative"]


@pytest.mark.parametrize(
    "goal",
    [
        "Pt amb 150 ft w/ RW CGA x2 wks",
        "Pt TUG <14 s, BBS 45/56, 6MWT 300 m x 4 wks",
        "3x/wk x 6 wks HEP BID",
        "B/L LE 4/5 MMT, AROM 0-120 deg by d/c",
        "amb 500 ft mod I w/ SPC x 4 wks; TUG < 12 s",
        "90 WCPM, 95% acc., 4/5 opps, min cues, by IEP",
        "Pt I w/ ADLs & IADLs, FIM 7, by POD 5",
        "SBA → Mod I w/ FWW x 2 wks",
    ],
)
def test_numbers_and_abbreviations_are_never_non_english(goal: str) -> None:
    a = analyze(goal, reference_date=REF)  # must not raise NotEnglishError
    _assert_spans_slice_back(a, goal)


_PIECES = [
    "Pt",
    "will",
    "amb",
    "150 ft",
    "w/",
    "RW",
    "CGA",
    "x2 wks",
    "by d/c",
    "min A",
    "Mod I",
    "3x/wk",
    "x 6 wks",
    "BID",
    "LB dressing",
    "EOB",
    "w/c",
    "↑",
    "4/5",
    "to",
    "walk",
    "daily",
    "I",
    "+",
    "&",
    "STS",
    "FIM 6",
    "80% acc.",
    "in 4/5 trials",
    "qhs",
    "SBA",
]


@settings(max_examples=25)
@given(st.lists(st.sampled_from(_PIECES), min_size=2, max_size=10))
def test_every_span_of_the_analysis_slices_the_original(pieces: list[str]) -> None:
    text = " ".join(pieces)
    a = analyze(text, reference_date=REF)
    _assert_spans_slice_back(a, text)


def test_batches_map_spans_back_too() -> None:
    goals = ["Pt will amb 150 ft w/ RW by d/c", "I will walk daily", "LB dressing: Mod I w/ AE"]
    results = list(analyze_many(goals, reference_date=REF))
    for goal, result in zip(goals, results, strict=True):
        assert isinstance(result, GoalAnalysis)
        _assert_spans_slice_back(result, goal)


def test_finding_messages_quote_the_users_words() -> None:
    a = analyze("Pt will amb better w/ RW", reference_date=REF)
    vague = next(f for f in a.findings if f.id == "specific.vague_verb")
    assert vague.message.startswith("'amb better w/ RW'")
    assert "ambulate" not in vague.message


@pytest.mark.parametrize(
    ("goal", "kind"),
    [
        # an activity at a stated level of help is a behaviour ...
        ("Pt will be I w/ toileting by d/c", "behavior"),
        ("Pt will be (I) with toilet transfers by d/c", "behavior"),
        ("Pt will be indep w/ HEP by d/c", "behavior"),
        # ... but a comparative or an umbrella stays a state
        ("Pt will be more indep w/ ADLs", "state"),
        ("Client will be independent in all ADLs", "state"),
        ("I will be independent with my exercises by May", "state"),
    ],
)
def test_be_independent_with_an_activity(goal: str, kind: str) -> None:
    a = analyze(goal, reference_date=REF)
    main = next(x for x in a.elements.actions if x.role == "main")
    assert main.kind == kind


_SHORTHAND_ONLY = [
    "Pt",
    "amb",
    "150",
    "ft",
    "w/",
    "RW",
    "CGA",
    "x2",
    "wks",
    "d/c",
    "BID",
    "TID",
    "qhs",
    "3x/wk",
    "HEP",
    "LE",
    "UE",
    "B/L",
    "EOB",
    "w/c",
    "SBA",
    "min",
    "A",
    "Mod",
    "I",
    "FIM",
    "6",
    "TUG",
    "<14",
    "s",
    "BBS",
    "45/56",
    "6MWT",
    "300",
    "m",
    "CVC",
    "WCPM",
    "90",
    "%",
    "acc.",
    "4/5",
    "opps",
    "IEP",
    "POD",
    "3",
    "AFO",
    "SPC",
    "FWW",
    "STS",
    "5x",
    "ROM",
    "0-120",
    "deg",
    ",",
    ";",
]


@settings(max_examples=30)
@given(st.lists(st.sampled_from(_SHORTHAND_ONLY), min_size=3, max_size=16))
def test_numbers_and_shorthand_alone_are_never_rejected_as_another_language(
    words: list[str],
) -> None:
    text = " ".join(words)
    a = analyze(text, reference_date=REF)  # never NotEnglishError
    _assert_spans_slice_back(a, text)


@pytest.mark.parametrize(
    ("goal", "concern"),
    [
        # knowledge-base terms written in shorthand still match the normalised goal
        ("Pt will amb 150 ft w/ CGA by d/c", "mobility_walking"),
        ("Pt will complete UE HEP daily x 4 wks", "strength"),
    ],
)
def test_shorthand_terms_of_the_knowledge_base_still_match(goal: str, concern: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert concern in {c.concern for c in a.elements.concerns}
