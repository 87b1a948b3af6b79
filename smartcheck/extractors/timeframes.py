"""Timeframes: a deadline or period, resolved against the reference date.

dateparser runs only on the date part of a candidate span ("March 15",
"3/15/2026", "Saturday"), with English only and future dates preferred, so it
cannot read "to" or "10 minutes" as dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from dateutil.relativedelta import relativedelta

from smartcheck.extractors.base import Candidate, parse_number
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Timeframe

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_PERIOD_PREPS = {"for", "over", "during", "through", "thru", "x"}
_START_BEFORE = re.compile(r"(?:starting|beginning|from|after|since)\s*$")
_UNIT_DELTA = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def _delta(n: float, unit: str) -> relativedelta:
    key = unit.lower()[0]
    if key == "m" and unit.lower().startswith("min"):
        return relativedelta()
    name = _UNIT_DELTA.get(key, "days")
    whole = int(n)
    if name == "weeks":
        return relativedelta(days=round(n * 7))
    if name == "months" and n != whole:
        return relativedelta(days=round(n * 30))
    return relativedelta(**{name: whole})


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, reference_date: dt.date) -> dt.date | None:
    """Parse a date span with dateparser (English, future-preferring, month first)."""
    import dateparser

    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I)
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(reference_date, dt.time()),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "last",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    parsed = dateparser.parse(clean, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if day < reference_date and not re.search(r"\d{4}", clean):
        day = day.replace(year=day.year + 1)
    return day


def _end_of(what: str, rel: str | None, ref: dt.date) -> dt.date | None:
    w = " ".join(what.lower().split())
    rel = (rel or "").lower()
    if w.rstrip(".") in _MONTHS:
        month = _MONTHS[w.rstrip(".")]
        year = ref.year if month >= ref.month else ref.year + 1
        return _end_of_month(year, month)
    if w == "month":
        base = ref + relativedelta(months=1) if rel == "next" else ref
        return _end_of_month(base.year, base.month)
    if w == "week":
        base = ref + dt.timedelta(days=7) if rel == "next" else ref
        return base + dt.timedelta(days=6 - base.weekday())
    if w == "year":
        return dt.date(ref.year + (1 if rel == "next" else 0), 12, 31)
    if w == "day":
        return ref
    if w == "quarter":
        q_end = ((ref.month - 1) // 3 + 1) * 3
        return _end_of_month(ref.year, q_end)
    return None  # term, semester, seasons: depend on a local calendar


_PART_DAY = {"mid": 15, "middle of": 15, "early": 10, "beginning of": 1, "start of": 1}


def _part_of_month(part: str, month_word: str, ref: dt.date) -> dt.date | None:
    month = _MONTHS.get(month_word.lower().rstrip("."))
    if month is None:
        return None
    year = ref.year if month >= ref.month else ref.year + 1
    key = " ".join(part.lower().split())
    if key == "late":
        return _end_of_month(year, month)
    return dt.date(year, month, _PART_DAY.get(key, 15))


def _relative(word: str, ref: dt.date) -> dt.date | None:
    w = " ".join(word.lower().split())
    if w.startswith("this ") and w != "this weekend":
        return parse_date(w.split()[1], ref)
    table = {
        "tomorrow": ref + dt.timedelta(days=1),
        "tonight": ref,
        "the end of today": ref,
        "next week": ref + dt.timedelta(days=7),
        "next month": ref + relativedelta(months=1),
        "next year": ref + relativedelta(years=1),
        "the weekend": ref + dt.timedelta(days=6 - ref.weekday()),
        "next weekend": ref + dt.timedelta(days=13 - ref.weekday()),
        "this weekend": ref + dt.timedelta(days=6 - ref.weekday()),
    }
    return table.get(w)


def resolve(cand: Candidate, state: ExtractionState) -> Timeframe | None:
    """Resolve a timeframe candidate to a kind, an end date and days from the reference."""
    g, ref, res = cand.groups, state.reference_date, state.res
    prep = g.get("prep", "").lower()
    kind = "period" if prep in _PERIOD_PREPS else "deadline"
    end: dt.date | None = None
    pid = cand.pattern_id
    if pid == "tf.end_of":
        end = _end_of(g["what"], g.get("rel"), ref)
    elif pid in {"tf.next_period", "tf.for_n", "tf.x_n", "tf.within"}:
        n = parse_number(g["n"], res) if g.get("n") else 1.0
        if n is None:
            return None
        end = ref + _delta(n, g["unit"])
        if pid == "tf.next_period" and prep in {"in", "within"}:
            kind = "deadline"
    elif pid == "tf.date" or (pid == "tf.event" and "date" in g):
        end = parse_date(g["date"], ref)
        if (
            end is None
            and pid == "tf.date"
            and not re.search(
                r"spring|summer|fall|autumn|winter|christmas|thanksgiving|easter|new",
                g["date"],
                re.I,
            )
        ):
            return None
    elif pid == "tf.week_n":
        n = parse_number(g["n"], res)
        end = ref + _delta(n, g["unit"]) if n else None
    elif pid == "tf.part_of_month":
        end = _part_of_month(g["part"], g["month"], ref)
    elif pid in {"tf.relative", "tf.bare_relative"}:
        end = _relative(g["relword"], ref)
    elif pid == "tf.this_period":
        kind = "period"
        end = _end_of(g["this"], "this", ref)
    days = (end - ref).days if end is not None else None
    text = state.doc.text[cand.start : cand.end]
    return Timeframe(start=cand.start, end=cand.end, text=text, kind=kind, end_date=end, days=days)


def find_timeframes(state: ExtractionState) -> list[Timeframe]:
    """Find deadlines and periods; session lengths stay durations."""
    out: list[Timeframe] = []
    text = state.doc.text.lower()
    for cand in state.of_kind("timeframe"):
        before = text[max(0, cand.start - 12) : cand.start]
        if cand.pattern_id == "tf.bare_relative" and _START_BEFORE.search(before):
            continue  # "starting tomorrow" is a start, not an end point
        tf = resolve(cand, state)
        if tf is not None:
            out.append(tf)
    return out
