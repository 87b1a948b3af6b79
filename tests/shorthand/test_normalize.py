"""Clinical shorthand is ordinary wording: the normaliser and its alignment (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcheck.errors import KnowledgeBaseError
from smartcheck.kb.loader import default_kb
from smartcheck.kb.models import AbbreviationEntry
from smartcheck.shorthand import normalize
from smartcheck.shorthand.definitions import find_definitions
from smartcheck.shorthand.rules import compile_rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # assistance (domain.md §3)
        ("Pt will transfer bed to chair w/ CGA", "with contact guard assistance"),
        ("amb 100 ft w/ SBA", "stand-by assistance"),
        ("tub transfer with min A", "minimal assistance"),
        ("toilet transfer Mod A x1", "moderate assistance"),
        ("max assist for bed mobility", "maximal assistance"),
        ("LB dressing: Mod I w/ AE", "modified independent with adaptive equipment"),
        ("toilet transfers I by d/c", "transfers independently by discharge"),
        ("grooming at FIM 5 by week 2", "grooming at supervision"),
        ("answer wh- questions w/ mod cues", "moderate cues"),
        ("given min verbal cues", "minimal verbal cues"),
        # frequency
        ("metoprolol BID", "twice a day"),
        ("inhaler TID", "3 times a day"),
        ("check BG QID", "4 times a day"),
        ("aspirin q.d.", "daily"),
        ("melatonin qhs", "every night at bedtime"),
        ("HEP 3x/wk", "home exercise program 3 times per week"),
        ("stretch 2x/day", "2 times per day"),
        ("attend 4 sessions/wk", "4 sessions per week"),
        ("1 mtg/wk", "1 meeting per week"),
        ("reposition q2h", "every 2 hours"),
        # activity and body
        ("Pt will amb 150 ft", "Patient will ambulate 150 ft"),
        ("household amb w/ SPC", "household ambulation with single-point cane"),
        ("UB dressing w/ set-up", "upper body dressing"),
        ("5 STS from EOB", "5 sit-to-stand from edge of bed"),
        ("B/L LE strength", "bilateral lower extremity strength"),
        ("R knee flexion", "right knee flexion"),
        ("↑ BLE strength", "increase bilateral lower extremities strength"),
        ("self-propel w/c 150 ft", "propel wheelchair 150 ft"),
        # devices
        ("amb w/ RW", "rolling walker"),
        ("amb w/ FWW", "front-wheeled walker"),
        ("gait w/ QC", "quad cane"),
        ("w/ AFO on R", "ankle-foot orthosis"),
        # time
        ("by d/c home", "by discharge home"),
        ("by POD 3", "by day 3 after surgery"),
        ("daily x 6 wks", "daily for 6 weeks"),
        ("BID x2 wks", "twice a day for 2 weeks"),
        ("in 3 mos", "in 3 months"),
        ("STGs (10 days): amb 50 ft", "short-term goals (within 10 days)"),
        # school and SLP
        ("read CVC words", "consonant-vowel-consonant words"),
        ("read 90 WCPM", "90 words correct per minute"),
        ("with 80% acc. in 4/5 trials", "80% accuracy"),
        ("in 8/10 opps", "8/10 opportunities"),
        ("FIM toileting 3 → 5", "FIM toileting from 3 to 5"),
        ("FIM 5 → 6 for toileting", "FIM from 5 to 6"),
    ],
)
def test_shorthand_reads_as_plain_wording(text: str, expected: str) -> None:
    assert expected.lower() in normalize(text).text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "I will walk 20 minutes every day",  # the pronoun I is never an assistance level
        "I want to feel less anxious, and I will call my sister",
        "So I can play with my grandchildren",
        "I will practise for 10 min a day",  # 'min a' is not 'min A'
        "Sam will read a book about the moon",
        "My sister will walk with Mom and I",
        "I walk more than I.",
    ],
)
def test_ordinary_wording_keeps_its_words(text: str) -> None:
    norm = normalize(text)
    assert "minimal assistance" not in norm.text
    assert "independently" not in norm.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pt will amb 150 ft", "patient"),
        ("PT will instruct pt in HEP", "physical therapist"),
        ("PT will amb 150 ft w/ RW", "Patient will"),
        ("continue skilled PT 2x/wk", "physical therapy"),
        ("improved 5 pts on the Berg", "5 points"),
    ],
)
def test_case_and_context_choose_the_reading(text: str, expected: str) -> None:
    assert expected.lower() in normalize(text).text.lower()


def test_in_text_definitions_expand_later_uses() -> None:
    text = "Client will use an augmentative communication board (ACB) and take the ACB to class"
    uses = find_definitions(text)
    assert [(text[s:e], long) for s, e, long in uses] == [
        ("ACB", "augmentative communication board")
    ]
    assert "take the augmentative communication board to class" in normalize(text).text


def test_an_unrelated_parenthesis_is_not_a_definition() -> None:
    assert find_definitions("walk daily (with my dog) and log it (in my app)") == []


@given(
    st.lists(
        st.sampled_from(
            [
                "Pt",
                "will",
                "amb",
                "150",
                "ft",
                "w/",
                "RW",
                "CGA",
                "x2",
                "wks",
                "by",
                "d/c",
                "min A",
                "Mod I",
                "I",
                "3x/wk",
                "x 6 wks",
                "BID",
                "LB",
                "dressing",
                "EOB",
                "w/c",
                "4/5",
                "↑",
                "→",
                "5",
                "%",
                "acc.",
                "(TUG)",
                "Timed Up and Go",
                ",",
                "walk",
                "daily",
                "pts",
                "q4h",
                "sessions/wk",
                "+",
                "&",
                "STS",
                "FIM 6",
            ]
        ),
        min_size=1,
        max_size=14,
    ),
    st.sampled_from([" ", "  ", ""]),
)
def test_every_span_maps_back_inside_the_original(words: list[str], sep: str) -> None:
    text = sep.join(words) if sep else " ".join(words).replace(" ", "", 1)
    norm = normalize(text)
    for seg in norm.segments:
        assert norm.to_original(seg.norm_start, seg.norm_end) == (seg.orig_start, seg.orig_end)
    # Any span of the normalised text maps to an ordered span of the original.
    for start in range(0, len(norm.text) + 1, 3):
        for end in range(start, len(norm.text) + 1, 5):
            o_start, o_end = norm.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(text)
    # Text outside the replaced segments is copied through unchanged.
    pos = 0
    for seg in norm.segments:
        gap = seg.orig_start - pos
        n_start = seg.norm_start - gap
        assert norm.text[n_start : seg.norm_start] == text[pos : seg.orig_start]
        pos = seg.orig_end


def test_unchanged_text_has_no_alignment() -> None:
    norm = normalize("I will walk 20 minutes every day for 4 weeks")
    assert not norm.changed
    assert norm.to_original(2, 6) == (2, 6)


def test_every_table_entry_compiles_and_names_a_kind() -> None:
    kb = default_kb()
    rules = compile_rules(kb.abbreviations)
    assert rules.scanner.pattern
    kinds = {e.kind for e in kb.abbreviations}
    assert {"assistance", "frequency", "body", "activity", "device", "test", "time"} <= kinds
    assert "school_slp" in kinds


def test_a_bad_regex_in_the_table_is_a_knowledge_base_error(tmp_path) -> None:
    from smartcheck.kb.loader import parse_file
    from smartcheck.kb.models import AbbreviationsFile

    (tmp_path / "abbreviations.yaml").write_text(
        'version: "1"\nentries:\n  - {abbr: X, expansion: x, kind: test, pattern: "(?P<n>"}\n'
    )
    with pytest.raises(KnowledgeBaseError, match=r"abbreviations\.yaml"):
        parse_file("abbreviations.yaml", AbbreviationsFile, root=tmp_path)


def test_an_entry_needs_a_known_kind() -> None:
    with pytest.raises(ValueError):
        AbbreviationEntry.model_validate({"abbr": "X", "expansion": "x", "kind": "food"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amb 500' w/ RW", "500 ft"),
        ("ascend 12 steps w/ 1 HR", "1 handrail"),
        ("keep HR < 120", "heart rate"),
        ("be I w/ med mgmt", "medication management"),
        ("go over it with my OT", "my occupational therapist"),
        ("Pt would benefit from skilled PT", "skilled physical therapy"),
        ("10 reps TID", "10 reps 3 times a day"),
        ("Cardio 150 min/wk", "150 min/wk"),  # a unit rate stays as written
    ],
)
def test_context_decides_the_expansion(text: str, expected: str) -> None:
    assert expected in normalize(text).text
