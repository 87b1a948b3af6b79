"""Hostile inputs for the public API, shared by ``test_fuzz.py`` and ``benchmarks/fuzz.py``.

Each table holds one KIND of trouble seen in real exports or in attacks, not sentences
from a data set: invalid code points, numbers too large for a float, dates at the edge of
the calendar, control and bidi characters, emoji, spreadsheet formulas. ``random_input``
builds goal-like text from these pieces with a seeded ``random.Random`` (deterministic);
the hypothesis strategies in ``test_fuzz.py`` sample the same tables.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

#: Ordinary goal wording the nasty pieces are mixed into.
VOCABULARY = (
    "I will walk swim practice deep breathing every day for 10 minutes three times a week "
    "by March 15 within 6 weeks to manage my anxiety confidence 7/10 80% accuracy with min A "
    "PHQ-9 below 10 the next month 5-pound weight 3x/wk pt client ambulate 150 ft independently "
    "in 4/5 trials , . ( ) ? ; / - 2/10"
)
WORDS = tuple(VOCABULARY.split())

#: Pieces that have made the analysis raise, or could: one kind per group.
NASTY = (
    # code points that are not characters (a broken JSON "\ud800" escape), and noncharacters
    "\ud800",
    "\udfff",
    "a\ud83d",
    "\ufffe",
    "\U0010ffff",
    # numbers too large or too small for a float or a date
    "9" * 400,
    "1" + "0" * 40,
    "1e999",
    "-1e999",
    "0.0000000000000000000001",
    "10/0",
    "0/0",
    "99999999999 times a day",
    "for 99999999999 weeks",
    "every day for the next 10000 years",
    "within 9999 years",
    "in 1e308 months",
    "by 12/31/9999",
    "by 9999-12-31",
    "by 0001-01-01",
    "by February 30",
    "by 31/02/2026",
    "by the year 10000",
    "3 weeks ago",
    # control, format and bidi characters
    "\x00",
    "\x1b[31m",
    "\x07",
    "\u202e",
    "\u2066evil\u2069",
    "\u200b",
    "\ufeff",
    "\r\n",
    "\u2028",
    # emoji, combining marks, other scripts and digits
    "\U0001f600",
    "\U0001f3c3\u200d\u2640\ufe0f",
    "a\u0301\u0301\u0301",
    "\uff11\uff10",
    "\u0663",
    "\u00bd",
    "\ufb01t",
    "\u0645\u0631\u062d\u0628\u0627",
    # spreadsheet formulas and markup
    '=HYPERLINK("http://example.invalid","x")',
    "=1+2",
    "@SUM(A1:A2)",
    "+cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "-",
    "",
    " ",
)

#: Reference dates at the edges of ``datetime.date``, as dates and as strings.
REFERENCE_DATES: tuple[Any, ...] = (
    None,
    dt.date(2026, 1, 5),
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.date(9999, 12, 1),
    dt.date(1900, 2, 28),
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "not a date",
)


def random_text(rng: random.Random, max_pieces: int = 20) -> str:
    """Return goal-like text with a few nasty pieces mixed in (sometimes none)."""
    pieces = [rng.choice(WORDS) for _ in range(rng.randint(0, max_pieces))]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(NASTY))
    return rng.choice((" ", " ", "")).join(pieces)


def random_context(rng: random.Random) -> str | None:
    """Return no context, a short note, or one with nasty pieces."""
    kind = rng.random()
    if kind < 0.5:
        return None
    if kind < 0.97:
        return random_text(rng, 40)
    return "Patient reports knee pain. " * rng.choice((400, 4000))  # over the length limit


def random_input(rng: random.Random) -> dict[str, Any]:
    """Return keyword arguments for one call: text, context and reference date."""
    return {
        "text": random_text(rng),
        "context": random_context(rng),
        "reference_date": rng.choice(REFERENCE_DATES),
    }
