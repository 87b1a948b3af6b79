"""Numbers too large to use become an info finding with their span; scores are unchanged.

Issue 12: "out-of-range numbers become a finding". The extractors pass over a number
from ``NUMBER_LIMIT`` up (``parse_number``); ``smartcheck/number_limits.py`` says so.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import smartcheck.component
from smartcheck import analyze
from smartcheck.extractors.base import NUMBER_LIMIT, compile_resources, parse_number
from smartcheck.kb.models import KnowledgeBase
from smartcheck.number_limits import FINDING_ID, oversized_numbers, quote

REF = dt.date(2026, 1, 5)  # the labelled data's reference date, for determinism
BIG = "9" * 400

#: Text -> the numbers the check must find, in order (kinds of writing, no model).
SPANS = [
    ("walk 10000000000000 steps", ["10000000000000"]),  # 13 digits: the limit itself
    ("walk 9999999999999 steps", ["9999999999999"]),
    (f"walk {BIG} steps a day", [BIG]),
    ("save 1,000,000,000,000 dollars", ["1,000,000,000,000"]),  # thousands separators
    ("save 12,345,678,901,234.50 dollars", ["12,345,678,901,234.50"]),
    ("run 0000012345678901234.5 km", ["0000012345678901234.5"]),  # leading zeros aside
    ("a 10000000000000-step day and 20000000000000 more", ["10000000000000", "20000000000000"]),
    ("($10000000000000)", ["10000000000000"]),
    # below the limit, or not one number: nothing to report
    ("walk 999999999999 steps", []),  # 12 digits
    ("save 999,999,999,999 dollars", []),
    ("walk 0000000000000000001 km", []),  # leading zeros: the value is 1
    ("run 0.00000000000000001 km", []),  # a long fraction is a small number
    ("id A10000000000000 and x10000000000000", []),  # part of a word or a code
    ("walk 10,000 steps daily for 4 weeks", []),
    ("call 0800 123 4567", []),
]


@pytest.mark.parametrize(("text", "numbers"), SPANS)
def test_oversized_numbers_are_found_with_their_spans(text: str, numbers: list[str]) -> None:
    found = oversized_numbers(text)
    assert [e.text for e in found] == numbers
    assert all(text[e.start : e.end] == e.text for e in found)


@pytest.mark.model
def test_the_limit_is_the_one_parse_number_uses(nlp: Language, kb: KnowledgeBase) -> None:
    res = compile_resources(kb, nlp.vocab, nlp.make_doc)
    below = str(int(NUMBER_LIMIT) - 1)
    at = str(int(NUMBER_LIMIT))
    assert parse_number(below, res) == NUMBER_LIMIT - 1
    assert parse_number(at, res) is None
    assert [e.text for e in oversized_numbers(f"walk {below} steps")] == []
    assert [e.text for e in oversized_numbers(f"walk {at} steps")] == [at]


def test_a_long_number_is_quoted_short() -> None:
    assert quote("10000000000000") == "10000000000000"
    assert quote(BIG) == "999999999999… (400 digits)"


GOALS = [
    f"I will walk {BIG} steps every day for 4 weeks",
    "I will save 1,000,000,000,000 dollars by June 2026",
    "Pt will amb 10000000000000 ft w/ RW by d/c",  # shorthand: the span maps back
    "10000000000000",  # not a goal: the number is still reported
]


@pytest.mark.model
@pytest.mark.parametrize("text", GOALS)
def test_analyze_reports_the_number_and_keeps_the_scores(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysis = analyze(text, reference_date=REF)
    flagged = [f for f in analysis.findings if f.id == FINDING_ID]
    assert len(flagged) == 1
    finding = flagged[0]
    assert finding.severity == "info"
    assert finding.dimension == "measurable"
    assert finding.span is not None
    assert analysis.text[finding.span.start : finding.span.end] == finding.span.text
    assert finding.span.text.replace(",", "").strip("0").isdigit()
    assert finding in analysis.dimensions.measurable.findings
    assert len(finding.message) < 200  # a 400-digit number is quoted short

    # The same goal without the check: identical scores, label and other findings.
    monkeypatch.setattr(smartcheck.component, "with_number_findings", lambda d, t, k: d)
    plain = analyze(text, reference_date=REF)
    assert (plain.score, plain.label, plain.is_goal) == (
        analysis.score,
        analysis.label,
        analysis.is_goal,
    )
    for dim in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        assert plain.dimensions.get(dim).score == analysis.dimensions.get(dim).score
        assert plain.dimensions.get(dim).met == analysis.dimensions.get(dim).met
    assert [f for f in analysis.findings if f.id != FINDING_ID] == list(plain.findings)


@pytest.mark.model
def test_an_ordinary_goal_has_no_such_finding() -> None:
    analysis = analyze("I will walk 10,000 steps every day for 4 weeks", reference_date=REF)
    assert FINDING_ID not in {f.id for f in analysis.findings}
