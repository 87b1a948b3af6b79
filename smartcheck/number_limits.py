"""Numbers too large to use: an info finding instead of silence (issue 12, "out-of-range numbers").

The extractors read a number only when its magnitude is below
:data:`NUMBER_LIMIT` (``smartcheck/extractors/base.py``, ``parse_number``: "a number
hundreds of digits long is no quantity anyone can do or count"). Anything larger is
passed over, so "walk 10000000000000 steps" used to lose its amount without a word.
This check runs after scoring and adds ``measurable.number_out_of_range`` at each such
number. It never changes a score: the number was not read before either.
"""

from __future__ import annotations

import re

from smartcheck.kb.models import KnowledgeBase
from smartcheck.models import Dimensions, DimensionScore, Evidence, Finding
from smartcheck.rubric.base import finding

FINDING_ID = "measurable.number_out_of_range"

#: A number written with 13 or more integer digits (leading zeros aside), plain
#: ("10000000000000") or with thousands separators ("1,000,000,000,000"), i.e. at least
#: NUMBER_LIMIT; a fraction after it belongs to the span. It must not continue a word,
#: a decimal fraction or a comma list, nor run on into more digits.
TOO_LARGE = re.compile(r"(?<![\w.,])0*(?:[1-9]\d{12,}|[1-9]\d{0,2}(?:,\d{3}){4,})(?:\.\d+)?(?!\d)")
#: Longest number quoted whole in the finding's message; longer ones are abbreviated.
QUOTE_CHARS = 24


def oversized_numbers(text: str) -> list[Evidence]:
    """Return the spans of ``text`` that hold a number too large for the extractors."""
    return [
        Evidence(start=m.start(), end=m.end(), text=m.group()) for m in TOO_LARGE.finditer(text)
    ]


def quote(number: str) -> str:
    """Shorten a long number for a message: its first digits and how many there are."""
    if len(number) <= QUOTE_CHARS:
        return number
    digits = sum(ch.isdigit() for ch in number)
    return f"{number[:12]}… ({digits} digits)"


def number_findings(text: str, kb: KnowledgeBase) -> list[Finding]:
    """Return one ``measurable.number_out_of_range`` finding per oversized number in ``text``."""
    return [
        finding(kb, FINDING_ID, span, number=quote(span.text)) for span in oversized_numbers(text)
    ]


def with_number_findings(dims: Dimensions, text: str, kb: KnowledgeBase) -> Dimensions:
    """Add the oversized-number findings to the measurable dimension; scores are unchanged."""
    extra = number_findings(text, kb)
    if not extra:
        return dims
    measurable: DimensionScore = dims.measurable
    return dims.model_copy(
        update={
            "measurable": measurable.model_copy(update={"findings": (*measurable.findings, *extra)})
        }
    )
