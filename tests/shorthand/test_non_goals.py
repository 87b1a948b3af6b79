"""Texts that are not goals: each kind, and the look-alike goals that must stay goals."""

from __future__ import annotations

import pytest

from smartcheck import analyze, analyze_many
from smartcheck.models import GoalAnalysis

REF = "2026-01-05"
pytestmark = pytest.mark.model

NON_GOALS: list[tuple[str, str]] = [
    # plan of care: how often the person will be seen or treated, what care they receive
    ("Pt will be seen 2x/wk x 6 wks for skilled PT", "plan_of_care"),
    ("Pt to be seen BID for gait training until d/c", "plan_of_care"),
    ("Client will receive OT services 3x/week for 4 weeks", "plan_of_care"),
    ("Skilled PT 2x/wk x 8 wks: gait training, ther ex, HEP", "plan_of_care"),
    ("Frequency: 3x/wk x 4 wks", "plan_of_care"),
    ("SLP to provide 30-min sessions 3x/wk for dysphagia tx", "plan_of_care"),
    ("Student will receive 30 min/wk of speech services in a small group", "plan_of_care"),
    ("Pt would benefit from skilled PT to address balance deficits", "plan_of_care"),
    ("Cont POC", "plan_of_care"),
    ("P: cont POC 2x/wk", "plan_of_care"),
    # care given to the person, in the passive: the clinician acts, no change is named
    ("Pt will be educated on fall prevention", "plan_of_care"),
    ("Caregiver will be instructed in safe transfers prior to discharge", "plan_of_care"),
    ("Pt will be given a written HEP", "plan_of_care"),
    ("Client will be offered weekly CBT sessions", "plan_of_care"),
    # progress notes and results in the past tense
    ("Client walked 400 m on the 6MWT, up from 310 m", "progress_note"),
    ("Pt tolerated tx well.", "progress_note"),
    ("Goal met: pt amb 150 ft w/ RW", "progress_note"),
    ("Student achieved 80% accuracy on final /k/ across 3 sessions.", "progress_note"),
    ("Pt has completed HEP 5/7 days this week", "progress_note"),
    ("BBS 41/56 at IE; TUG 16 s today", "progress_note"),
    ("Skipped meds twice last week", "progress_note"),
    ("Pt educated on HEP", "progress_note"),
    ("Pt amb 150 ft w/ RW, 1 LOB corrected w/ min A", "progress_note"),
    ("O: TUG 16 s w/ SPC", "progress_note"),
    ("Rehab potential: good", "progress_note"),
    # symptom reports
    ("Patient reports knee pain on stairs", "symptom_report"),
    ("c/o dizziness when standing", "symptom_report"),
    ("Pt denies SOB at rest", "symptom_report"),
    ("My back hurts when I sit for more than an hour", "symptom_report"),
    ("Problem: impaired balance", "symptom_report"),
    # questions
    ("Should I do my exercises every day?", "question"),
    ("How long should I ice my knee", "question"),
    # headings
    ("Goals:", "heading"),
    ("Short-term goals", "heading"),
    ("LTG 1", "heading"),
    ("STG #2 - Self-care", "heading"),
    ("OT Goals", "heading"),
    # junk
    ("😀😀😀", "junk"),
    ('=HYPERLINK("https://example.org", "goal")', "junk"),
    ("=SUM(B2:B9)", "junk"),
    ("-", "junk"),
    ("...", "junk"),
    ("—", "junk"),
    ("N/A", "junk"),
    ("#REF!", "junk"),
    # no two letters in a row: no word to read (the rewrite used to catch these itself)
    ("5 x 3", "junk"),
    ("a b", "junk"),
    ("I: 5/10", "junk"),
]


@pytest.mark.parametrize(("text", "kind"), NON_GOALS)
def test_non_goals_are_recognised_with_their_kind(text: str, kind: str) -> None:
    a = analyze(text, reference_date=REF)
    assert not a.is_goal
    assert a.non_goal == kind
    assert a.score == 0.0
    assert not any(s.met for _, s in a.dimensions.items())
    reasons = [f for f in a.findings if f.id.startswith("specific.not_a_goal")]
    assert len(reasons) == 1 and reasons[0].message
    assert a.label == "Not SMART"


LOOK_ALIKES: list[str] = [
    # a stated need is a wish for a change (rubric: "a wish ('I want to')" is a goal)
    "I need more sleep",
    "I need help with my anxiety",
    # a formula-led cell that still carries goal wording (the reports neutralise the cell)
    '=HYPERLINK("https://example.org") I will journal every night before bed',
    "@ home: Pt will amb 150 ft w/ RW by d/c",
    # a therapist-worded aim that names a change in the person is a goal (rubric)
    "Help the client express emotions related to grief",
    "Pt will attend 10 of 12 scheduled group sessions by the end of the program",
    "Client will attend 1 AA meeting per week for 8 weeks",
    "Pt will report knee pain at or below 3/10 during stairs by d/c",
    "Client will verbalize 3 coping strategies by the next session",
    "I will walk 20 minutes every day for 4 weeks",
    "Walk 20 min daily x 4 wks",
    "Independent stair climbing by discharge",
    "LB dressing: Mod I w/ AE by d/c",
    "Goal 1: Pt will amb 150 ft w/ RW by d/c",
    "Plan: I will walk to work twice a week",
    "Reduce pain from 7/10 to 4/10 by the end of the month",
    "Rate my mood every evening for 2 weeks",
    "Student will read 90 WCPM by the annual review",
    "Do 10 sit-to-stands from a kitchen chair twice a day",
    "When I feel anxious, I will use box breathing for 2 minutes",
    "Therapist will teach the client breathing exercises twice a week",
    "Continue HEP daily x 4 wks",
    "Goal: independent stair climbing",
    "Lights out at 10:30 every night, weekends included, for 4 weeks",
    "Pt amb 150 ft w/ RW CGA x2 wks",
    "Pain: 3/10 or less w/ stairs by d/c",
    "Pt tolerated tx well. Pt will amb 150 ft w/ RW by d/c",
    # taught, and then doing something: the person acts
    "Pt will be educated on fall prevention and will demonstrate 3 strategies by d/c",
    "Pt will be able to demonstrate the HEP independently by d/c",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike_goals_stay_goals(text: str) -> None:
    a = analyze(text, reference_date=REF)
    assert a.is_goal, a.non_goal
    assert a.non_goal is None


def test_non_goals_get_no_rewrite() -> None:
    a = analyze("Pt will be seen 2x/wk x 6 wks for skilled PT", reference_date=REF, suggestions=3)
    assert a.suggestions == ()
    b = analyze("=SUM(A1:A3)", reference_date=REF, suggestions=3)
    assert b.suggestions == ()


def test_junk_rows_never_crash_a_batch() -> None:
    rows = ["😀", "=SUM(A1:A2)", "?", "I will walk daily", "-", "   ", "LTG 2"]
    results = list(analyze_many(rows, reference_date=REF))
    assert len(results) == len(rows)
    kinds = [r.non_goal if isinstance(r, GoalAnalysis) else r.error for r in results]
    assert kinds[:3] == ["junk", "junk", "junk"]
    assert kinds[3] is None
    assert kinds[4] == "junk"
    assert kinds[6] == "heading"
