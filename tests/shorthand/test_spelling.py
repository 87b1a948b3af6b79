"""Typos in notes are read as the word meant, and only when one reading is clear."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from smartcheck import analyze
from smartcheck.errors import SmartCheckError
from smartcheck.kb.models import KnowledgeBase
from smartcheck.nlp import english_vocabulary
from smartcheck.shorthand import normalize

pytestmark = pytest.mark.model

REF = "2026-01-05"


@pytest.fixture(scope="module")
def vocabulary(nlp: Language) -> frozenset[str]:
    return english_vocabulary(nlp)


@pytest.mark.parametrize(
    ("text", "typo", "meant"),
    [
        # a doubled or undoubled letter, the commonest slip
        ("I wil walk 100 ft", "wil", "will"),
        ("I will allways take my meds", "allways", "always"),
        ("Walk 3 days a weeek", "weeek", "week"),
        # two letters swapped
        ("I want my greif to hurt less", "greif", "grief"),
        ("Meditate dialy for 10 minutes", "dialy", "daily"),
        # a letter dropped
        ("Use pursed-lip breathing durng stairs", "durng", "during"),
        ("Use coping skils when anxious", "skils", "skills"),
        ("Walk evry day for 2 weeks", "evry", "every"),  # not "very": the first letter stays
    ],
)
def test_a_clear_typo_is_read_as_the_word_meant(
    text: str, typo: str, meant: str, kb: KnowledgeBase, vocabulary: frozenset[str]
) -> None:
    norm = normalize(text, kb, vocabulary)
    assert norm.text == text.replace(typo, meant)
    # the corrected word maps back onto what the user wrote
    at = norm.text.index(meant)
    start, end = norm.to_original(at, at + len(meant))
    assert norm.original[start:end] == typo


@pytest.mark.parametrize(
    "text",
    [
        "I'll get bak into yoga",  # back, bake, bank: no one clear reading
        "Not be so angery all the time",  # anger or angry
        "Walk with Ella and Ozempic weekly",  # names and brands inside a sentence
        "Take metformin with meals",  # a drug the dictionary does not know
        "I will wear my TEDs and use the commode",  # capitals are shorthand
        "I will journal about vaping urges",  # English words
        "Reduce stres at work",  # already a knowledge-base spelling
        "Ava will read 3 books by May",  # a name opening the sentence
        "Go back to uni in September",  # three letters, not a doubled one: not "unit"
        "Finish prehab before the op",  # a letter more that is not doubled: not "rehab"
        "Make my routine simpler this month",  # a real word the tables lack
        "See the pulm team monthly",  # a changed letter in a short word: not "pull"
        "Touch my toes 10 times",  # the plural of a knowledge-base word
    ],
)
def test_no_correction_without_one_clear_reading(
    text: str, kb: KnowledgeBase, vocabulary: frozenset[str]
) -> None:
    assert normalize(text, kb, vocabulary).text == text


def test_without_a_vocabulary_nothing_is_corrected(kb: KnowledgeBase) -> None:
    assert normalize("Walk 3 days a weeek", kb).text == "Walk 3 days a weeek"


@pytest.mark.parametrize(
    ("goal", "context", "dimension"),
    [
        ("Starting Monday I'll walk to work 3 days a weeek for a month", None, "measurable"),
        ("I want my greif to hurt less", None, "relevant"),
    ],
)
def test_a_typo_no_longer_changes_a_verdict(goal: str, context: str | None, dimension: str) -> None:
    a = analyze(goal, context=context, reference_date=REF)
    assert a.dimensions.get(dimension).met  # type: ignore[arg-type]
    assert a.text == goal  # the analysis quotes what the user wrote


@given(
    st.lists(
        st.sampled_from(
            ["wil", "walk", "weeek", "daily", "greif", "bak", "Ella", "10", "min", ","]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_spans_map_back_after_corrections(text: str) -> None:
    if not text.strip():
        return
    try:
        a = analyze(text, reference_date=REF)
    except SmartCheckError:  # too short to be a goal, or not English: typed, never a crash
        return
    for el in (*a.elements.frequencies, *a.elements.actions, *a.elements.timeframes):
        assert a.text[el.start : el.end] == el.text
