"""Timeframes: a deadline or period, resolved against the reference date.

Rubric (T): a deadline ("by the end of the month", "within six weeks", "before
my next session") or a bounded period ("for the next two weeks") makes a goal
time-bound. A real deadline that names no date ("by d/c", "before my
daughter's wedding", "by the end of the IEP year") is still a deadline, with
``end_date`` and ``days`` left empty. A mastery criterion ("across 3
consecutive sessions") is a measure, and vague time ("soon", "in the coming
weeks") is no timeframe at all.

dateparser runs only on the date part of a candidate span ("March 15",
"Saturday"), English only and future-preferring, cached per span. Every piece
of date arithmetic goes through :func:`shift`, so a far-future reference date
or an absurd number gives a timeframe with no end date instead of an error.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import math
import re
from collections.abc import Callable
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from spacy.tokens import Token

from smartcheck.extractors.base import Candidate, Resources, doc_text, inside, parse_number
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Timeframe

TimeframeKind = Literal["deadline", "period"]

logger = logging.getLogger(__name__)

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
#: Prepositions that make a bounded period rather than a deadline.
_PERIOD_PREPS = {"for", "over", "during", "through", "thru", "throughout", "across", "x"}
_START_BEFORE = re.compile(r"(?:starting|beginning|from|after|since)\s*$")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS.update({"fourth": 4, "4th": 4})
#: Longest horizon smartcheck computes, in days; beyond it the end date is unknown.
_MAX_DAYS = 366 * 200


#: Unit initial -> (days, months) per unit ("f" is a fortnight, "q" a quarter).
_UNIT_STEPS: dict[str, tuple[int, int]] = {
    "d": (1, 0),
    "w": (7, 0),
    "f": (14, 0),
    "m": (0, 1),
    "q": (0, 3),
    "y": (0, 12),
}


def shift(ref: dt.date, n: float, unit: str) -> dt.date | None:
    """Return ``ref`` moved by ``n`` calendar ``unit``s, or ``None`` if out of range."""
    u = unit.lower().rstrip(".")
    step = _UNIT_STEPS.get(u[:1])
    if step is None or not math.isfinite(n) or n < 0 or u.startswith("min"):
        return None
    days_per, months_per = step
    try:
        if days_per or n != int(n):
            days = n * (days_per or 30 * months_per)
            return ref + dt.timedelta(days=round(days)) if days <= _MAX_DAYS else None
        if n * months_per * 31 > _MAX_DAYS:
            return None
        moved: dt.date = ref + relativedelta(months=int(n) * months_per)
        return moved
    except (OverflowError, ValueError):
        return None


def _end_of_month(year: int, month: int) -> dt.date | None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _next_year_if_past(day: dt.date, ref: dt.date) -> dt.date | None:
    if day >= ref:
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February, or past year 9999
        return None


def _holiday(name: str, year: int, res: Resources) -> dt.date | None:
    rule = res.kb.patterns.holidays.get(name)
    if rule is None or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if rule == "easter":
        sunday: dt.date = easter(year)
        return sunday
    if rule == "thanksgiving":  # US: the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day)


def _numeric_date(text: str, ref: dt.date) -> dt.date | None:
    """Read "3/15", "15/04/2026" (month first unless impossible) and ISO dates."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        y, m, d = (int(x) for x in iso.groups())
        return _safe_date(y, m, d)
    month_year = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if month_year:  # "12/2026": the end of that month
        month, year = int(month_year[1]), int(month_year[2])
        return _end_of_month(year, month) if 1 <= month <= 12 else None
    num = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?", text)
    if not num:
        return None
    a, b = int(num[1]), int(num[2])
    year = int(num[3]) if num[3] else ref.year
    year = year + 2000 if year < 100 else year
    month, day = (a, b) if a <= 12 else (b, a)
    found = _safe_date(year, month, day)
    if found is None or num[3]:
        return found
    return _next_year_if_past(found, ref)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _quarter_end(q: int, ref: dt.date) -> dt.date | None:
    end = _end_of_month(ref.year, q * 3)
    if end is not None and end < ref:
        end = _end_of_month(ref.year + 1, q * 3)
    return end


def parse_date(text: str, reference_date: dt.date, res: Resources | None = None) -> dt.date | None:
    """Parse the date part of a span; ``None`` when it names no day smartcheck can compute."""
    low = " ".join(text.lower().replace("’", "'").split())
    name = re.sub(r"^the\s+", "", low)
    if res is not None and name in res.kb.patterns.holidays:
        this_year = _holiday(name, reference_date.year, res)
        if this_year is not None and this_year >= reference_date:
            return this_year
        return _holiday(name, reference_date.year + 1, res)
    return _parse_date(text, reference_date)


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str, ref: dt.date) -> dt.date | None:
    clean = " ".join(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip(), flags=re.I).split())
    low = clean.lower().replace("’", "'")
    day_only = re.fullmatch(r"(?:the\s+)?(\d{1,2})", low)
    if day_only:
        n = int(day_only[1])
        found = _safe_date(ref.year, ref.month, n)
        if found is not None and found < ref:
            nxt = ref + relativedelta(months=1) if ref.year < dt.MAXYEAR or ref.month < 12 else None
            found = _safe_date(nxt.year, nxt.month, n) if nxt else None
        return found
    if re.fullmatch(r"20\d\d", low):
        return _safe_date(int(low), 12, 31)
    if re.fullmatch(r"[\d/-]+", low):
        return _numeric_date(low, ref)
    quarter = re.fullmatch(r"q([1-4])", low)
    if quarter:
        return _quarter_end(int(quarter[1]), ref)
    if re.search(r"spring|summer|fall|autumn|winter", low):
        return None  # seasons depend on the hemisphere and the school calendar
    return _dateparser(clean, ref)


def _dateparser(clean: str, ref: dt.date) -> dt.date | None:
    import dateparser

    if ref.year >= dt.MAXYEAR:
        return None
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(ref, dt.time()),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "last",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    try:
        parsed = dateparser.parse(clean, languages=["en"], settings=settings)
    except (OverflowError, ValueError):
        logger.debug("dateparser failed on a %d-char span", len(clean))
        return None
    if parsed is None:
        return None
    day = parsed.date()
    if day < ref and not re.search(r"\d{4}", clean):
        return _next_year_if_past(day, ref)
    return day


def _calendar_end(w: str, rel: str, ref: dt.date) -> dt.date | None:
    """End of a calendar unit ("month", "week", "Q2", "March") seen from ``ref``."""
    if w.rstrip(".") in _MONTHS:
        month = _MONTHS[w.rstrip(".")]
        return _end_of_month(ref.year if month >= ref.month else ref.year + 1, month)
    base = ref
    if rel == "next":
        unit = {"month": "month", "week": "week", "year": "year", "quarter": "quarter"}.get(w)
        moved = shift(ref, 1, unit) if unit else ref
        if moved is None:
            return None
        base = moved
    if w == "month":
        return _end_of_month(base.year, base.month)
    if w == "week":
        return shift(base, 6 - base.weekday(), "days")
    if w == "year":
        return _safe_date(base.year, 12, 31)
    if w in {"day", "today", "the day", "today's session", "the session", "session"}:
        return ref
    if w == "quarter":
        return _end_of_month(base.year, ((base.month - 1) // 3 + 1) * 3)
    q = re.fullmatch(r"q([1-4])|(\w+) quarter", w)
    if q:
        n = int(q[1]) if q[1] else _ORDINALS.get(q[2] or "")
        return _quarter_end(n, ref) if n else None
    return None


def end_of(what: str, ref: dt.date, res: Resources) -> tuple[int, dt.date | None]:
    """Resolve the X of "the end of X"; return how many of its words were read, and the day.

    The day is ``None`` for periods smartcheck cannot place (a semester, the IEP
    year, treatment); those still end a deadline.
    """
    words = what.replace("’", "'").split()
    lead = 0
    rel = ""
    while lead < len(words) and words[lead].lower() in {"the", "this", "next", "my", "our"}:
        rel = words[lead].lower() if words[lead].lower() == "next" else rel
        lead += 1
    for stop in range(len(words), lead, -1):
        w = " ".join(words[lead:stop]).lower()
        day = _calendar_end(w, rel, ref)
        if day is None:
            day = _counted_end(w, ref, res)
        if day is not None:
            return stop, day
        if stop - lead == 2 and re.fullmatch(rf"{w.split()[0]} \d{{4}}", w):
            return stop, parse_date(w, ref, res)
    return len(words), None


def _counted_end(w: str, ref: dt.date, res: Resources) -> dt.date | None:
    """ "8-week course", "week 6", "wk 6 of POC", "12 weeks": a length from the reference date."""
    m = re.match(r"(\d{1,3}|[a-z]+)[-\s](day|week|wk|month|year)s?\b", w) or re.match(
        r"(day|week|wk|month)\s+(\d{1,3})\b", w
    )
    if m is None:
        return None
    a, b = m.groups()
    n_text, unit = (b, a) if a in {"day", "week", "wk", "month"} else (a, b)
    n = parse_number(n_text, res)
    return shift(ref, n, unit) if n else None


def _kind(prep: str) -> TimeframeKind:
    return "period" if prep.split(maxsplit=1)[0] in _PERIOD_PREPS else "deadline"


#: What a resolver returns: kind, end date, and the end offset of the span.
Resolved = tuple[TimeframeKind, dt.date | None, int]
_COURSE = re.compile(
    r"sessions|visits|treatments|appointments|appts|classes|lessons|meetings|tx|.* of .*"
)


#: What "at the end of X" must name to be a time: "at the end of the hallway" is a place.
_PERIOD_WORDS = re.compile(
    r"\b(?:day|week|month|year|quarter|q[1-4]|term|semester|trimester|session|program|programme"
    r"|course|treatment|therapy|block|unit|placement|rotation|cycle|phase|episode|season|summer"
    r"|spring|fall|autumn|winter|holidays?|break|school|grade|iep|poc|stay|admission)s?\b",
    re.I,
)


def _end_of_span(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    used, end = end_of(cand.groups["what"], state.reference_date, state.res)
    prep = cand.groups.get("prep", "").lower()
    if prep in {"at", "to"} and end is None and not _PERIOD_WORDS.search(cand.groups["what"]):
        return None
    stop = cand.end
    if cand.pattern_id == "tf.end_of":
        stop = _after_words(doc_text(state.doc), cand.group_spans["what"][0], used) or cand.end
    return kind, end, stop


def _counted(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    g, prep = cand.groups, cand.groups.get("prep", "").lower()
    unit = g["unit"].lower()
    if not g.get("n") and unit.endswith("s"):
        return None  # "in the coming weeks": no number, no bound
    # A deadline given as a range ("within 4-6 weeks") is due by its far end.
    n = parse_number(g.get("n_hi") or g["n"], state.res) if g.get("n") else 1.0
    if n is None:
        return None
    # A course of N sessions has no calendar end.
    end = None if _COURSE.fullmatch(unit) else shift(state.reference_date, n, unit)
    if cand.pattern_id == "tf.bare_next":
        kind = "period"
    if cand.pattern_id == "tf.next_period" and prep in {"in", "within"}:
        kind = "deadline"
    return kind, end, cand.end


def _programme(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    n = parse_number(cand.groups["n"], state.res)
    end = shift(state.reference_date, n, cand.groups["unit"]) if n else None
    prep = cand.groups.get("prep", "").lower()
    return ("deadline" if prep in {"in", "within"} else "period"), end, cand.end


#: A bare season name ("fall", "the spring").
_SEASON_ONLY = re.compile(r"(?:the\s+)?(?:spring|summer|fall|autumn|winter)", re.I)
#: ... followed by a noun it modifies ("fall prevention", "spring cleaning"): not a time.
_SEASON_AS_MODIFIER = re.compile(
    r"[ \t]+(?!(?:and|or|to|of|in|at|on|for|by|with|term|semester|break|holidays?|session|"
    r"season|vacation|hols|quarter|\d)\b)[a-z]",
    re.I,
)


def _season_as_word(cand: Candidate, state: ExtractionState) -> bool:
    """Tell whether a season in a date candidate is a word, not a time: "on fall prevention",
    "by spring cleaning". A season is never "on" a time ("on Christmas" is a day)."""
    if not _SEASON_ONLY.fullmatch(cand.groups["date"].strip()):
        return False
    if " ".join(cand.groups.get("prep", "").lower().split()) == "on":
        return True
    return _SEASON_AS_MODIFIER.match(doc_text(state.doc), cand.end) is not None


def _dated(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    date = cand.groups["date"]
    if _season_as_word(cand, state):
        return None
    end = parse_date(date, state.reference_date, state.res)
    prep = cand.groups.get("prep", "").lower()
    if (
        end is not None
        and re.fullmatch(r"20\d\d", date.strip())
        and prep.startswith(("before", "prior"))
    ):
        end = _safe_date(end.year - 1, 12, 31)  # "before 2027" ends with 2026
    if cand.pattern_id == "tf.in_month":
        if end is not None and date.split()[0].lower().rstrip(".") in _MONTHS:
            end = _end_of_month(end.year, end.month)
        if cand.groups.get("prep", "").lower() == "in":
            kind = "deadline"
    if end is None and not _names_season(date):
        return None
    return kind, end, cand.end


#: With "at", an event is a point in time only when it is marked as one:
#: "at the 6-week review", "at the next session", "at discharge"; "at the team
#: meeting" and "at my appointments" name a setting.
_AT_MARKED = re.compile(r"\b(?:next|final|last|annual|following|upcoming|first)\b", re.I)
_AT_POINTS = re.compile(
    r"^(?:discharge|d/c|re-?assessment|re-?evaluation|re-?eval|follow-?up)", re.I
)


def _event(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    g, end = cand.groups, None
    if g.get("prep", "").lower() == "at" and not (
        g.get("n")
        or g.get("date")
        or _AT_MARKED.search(doc_text(state.doc)[cand.start : cand.end])
        or _AT_POINTS.match(g.get("event", ""))
    ):
        return None
    if g.get("date"):
        end = parse_date(g["date"], state.reference_date, state.res)
    elif g.get("n"):
        n = parse_number(g["n"], state.res)
        end = shift(state.reference_date, n, g["unit"]) if n else None
    return ("period" if g.get("prep", "").lower() == "through" else "deadline"), end, cand.end


def _hours(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved | None:
    """ "within 48 hours": due in whole days from the reference date. "within 24 hours of
    admission" counts from an event whose date the goal does not give: a deadline, no date."""
    if cand.groups.get("event"):
        return "deadline", None, cand.end
    word = cand.groups["n"].lower()
    n = _HOUR_WORDS.get(word) or parse_number(word, state.res)  # the table has no "forty-eight"
    if not n:
        return None
    end = shift(state.reference_date, math.ceil(n / 24), "days")
    return "deadline", end, cand.end


_HOUR_WORDS = {"twenty-four": 24.0, "forty-eight": 48.0, "seventy-two": 72.0}


def _week_n(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    n = parse_number(cand.groups["n"], state.res)
    unit = cand.groups["unit"].lower()
    calendar_unit = unit in {"week", "wk", "month", "day"}
    end = shift(state.reference_date, n, unit) if n and calendar_unit else None
    return kind, end, cand.end


def _part(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    g = cand.groups
    return kind, _part_of_month(g["part"], g["month"], state.reference_date), cand.end


def _relative_span(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    return kind, _relative(cand.groups["relword"], state.reference_date, state.res), cand.end


#: A recurrence right before "this week" makes the week a period ("each day this week").
_RECURRENCE_BEFORE = re.compile(
    r"(?:(?:each|every)\s+(?:day|morning|evening|night)|daily|nightly|a\s+day)\s*$", re.I
)


def _this_period(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    before = doc_text(state.doc)[max(0, cand.start - 20) : cand.start]
    rest = "rest" in cand.groups["prep"].lower() or bool(_RECURRENCE_BEFORE.search(before))
    end = _calendar_end(cand.groups["this"].lower(), "this", state.reference_date)
    return ("period" if rest else "deadline"), end, cand.end


def _sessions(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    prep = cand.groups.get("prep", "").lower()
    return ("period" if prep in {"across", "over"} else "deadline"), None, cand.end


def _named_period(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    prep = cand.groups.get("prep", "").lower()
    return ("deadline" if prep == "within" else "period"), None, cand.end


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _week_of_month(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    g, ref = cand.groups, state.reference_date
    month = _MONTHS.get(g["month"].lower().rstrip("."))
    last = _end_of_month(ref.year if month and month >= ref.month else ref.year + 1, month or 1)
    if month is None or last is None:
        return kind, None, cand.end
    nth = _NTH.get(g["nth"].lower())
    end = last if nth is None else last.replace(day=min(7 * nth, last.day))
    return kind, end, cand.end


def _season(cand: Candidate, state: ExtractionState, kind: TimeframeKind) -> Resolved:
    name = cand.groups["season"].lower()
    fixed = name in {"christmas", "easter", "xmas"}
    end = parse_date(name, state.reference_date, state.res) if fixed else None
    return "period", end, cand.end


_Resolver = Callable[[Candidate, ExtractionState, TimeframeKind], "Resolved | None"]
#: Pattern id -> the function that reads its groups.
RESOLVERS: dict[str, _Resolver] = {
    "tf.end_of": _end_of_span,
    "tf.x_end": _end_of_span,
    "tf.next_period": _counted,
    "tf.bare_next": _counted,
    "tf.for_n": _counted,
    "tf.x_n": _counted,
    "tf.within": _counted,
    "tf.programme": _programme,
    "tf.date": _dated,
    "tf.in_month": _dated,
    "tf.event": _event,
    "tf.on_discharge": _event,
    "tf.week_n": _week_n,
    "tf.part_of_month": _part,
    "tf.relative": _relative_span,
    "tf.bare_relative": _relative_span,
    "tf.this_period": _this_period,
    "tf.within_sessions": _sessions,
    "tf.within_hours": _hours,
    "tf.season_period": _season,
    "tf.paren": _counted,
    "tf.named_period": _named_period,
    "tf.week_of_month": _week_of_month,
    "tf.bare_date": _dated,
}


def resolve(cand: Candidate, state: ExtractionState) -> Timeframe | None:
    """Resolve a timeframe candidate to a kind, an end date and days from the reference."""
    prep = " ".join(cand.groups.get("prep", "").lower().split())
    kind = _kind(prep) if prep else "deadline"
    resolver = RESOLVERS.get(cand.pattern_id)
    found = resolver(cand, state, kind) if resolver else (kind, None, cand.end)
    if found is None:
        return None
    kind, end, stop = found
    return _timeframe(state, cand.start, stop, kind, end)


def _timeframe(
    state: ExtractionState, start: int, end: int, kind: TimeframeKind, end_date: dt.date | None
) -> Timeframe:
    ref = state.reference_date
    days = (end_date - ref).days if end_date is not None else None
    text = doc_text(state.doc)[start:end]
    return Timeframe(start=start, end=end, text=text, kind=kind, end_date=end_date, days=days)


def _after_words(text: str, start: int, n: int) -> int | None:
    """Return the offset after the ``n``-th word starting at ``start``."""
    found = list(re.finditer(r"[\w'’/-]+", text[start:]))
    if n < 1 or len(found) < n:
        return None
    return start + found[n - 1].end()


def _names_season(text: str) -> bool:
    return bool(re.search(r"spring|summer|fall|autumn|winter", text, re.I))


_PART_DAY = {"mid": 15, "middle of": 15, "early": 10, "beginning of": 1, "start of": 1}


def _part_of_month(part: str, month_word: str, ref: dt.date) -> dt.date | None:
    month = _MONTHS.get(month_word.lower().rstrip("."))
    if month is None:
        return None
    year = ref.year if month >= ref.month else ref.year + 1
    key = " ".join(part.lower().split())
    if key == "late":
        return _end_of_month(year, month)
    return _safe_date(year, month, _PART_DAY.get(key, 15))


def _relative(word: str, ref: dt.date, res: Resources) -> dt.date | None:
    w = " ".join(word.lower().split())
    if w.startswith("this ") and w != "this weekend":
        return parse_date(w.split()[1], ref, res)
    steps = {
        "tomorrow": (1, "days"),
        "tonight": (0, "days"),
        "the end of today": (0, "days"),
        "next week": (1, "weeks"),
        "next month": (1, "months"),
        "next year": (1, "years"),
        "the weekend": (6 - ref.weekday(), "days"),
        "this weekend": (6 - ref.weekday(), "days"),
        "next weekend": (13 - ref.weekday(), "days"),
    }
    if w not in steps:
        return None
    n, unit = steps[w]
    return shift(ref, n, unit)


def _is_habit(tokens: list[Token], habit_words: frozenset[str]) -> bool:
    return any(t.lower_ in habit_words for t in tokens)


def clause_deadlines(state: ExtractionState) -> list[Timeframe]:
    """Find deadlines worded as a clause naming a one-off event ("before I go back to work")."""
    doc = state.doc
    verbs = set(state.res.kb.patterns.deadline_clause_verbs)
    out: list[Timeframe] = []
    for tok in doc:
        if tok.lower_ not in {"before", "until", "till", "til"} or tok.dep_ != "mark":
            continue
        head = tok.head
        if head.i < tok.i or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            continue
        particles = [
            c.lower_ for c in head.children if c.dep_ in {"prt", "advmod"} and c.i > head.i
        ]
        lemma = head.lemma_.lower()
        phrases = {lemma, *(f"{lemma} {p}" for p in particles)}
        if not phrases & verbs:
            continue
        right = head.right_edge.i
        for t in doc[head.i : right + 1]:
            if t.is_punct and t.text in {",", ";", ".", ":"}:
                right = t.i - 1
                break
        span = doc[tok.i : right + 1]
        if _is_habit(list(span), state.res.kb.patterns.habit_words):
            continue
        end_date = None
        if state.res.date_re is not None:
            m = state.res.date_re.search(span.text)
            date_text = m.group(0) if m and re.search(r"\d|[a-z]{3}", m.group(0), re.I) else None
            end_date = parse_date(date_text, state.reference_date, state.res) if date_text else None
        out.append(_timeframe(state, span.start_char, span.end_char, "deadline", end_date))
    return out


def find_timeframes(state: ExtractionState) -> list[Timeframe]:
    """Find deadlines and periods; session lengths stay durations, streaks stay measures."""
    out: list[Timeframe] = []
    text = doc_text(state.doc).lower()
    for cand in state.of_kind("timeframe"):
        before = text[max(0, cand.start - 12) : cand.start]
        starts = cand.pattern_id in {"tf.bare_relative", "tf.this_period", "tf.bare_date"}
        if starts and _START_BEFORE.search(before):
            continue  # "starting tomorrow" is a start, not an end point
        tf = resolve(cand, state)
        if tf is not None:
            out.append(tf)
    clauses = clause_deadlines(state)
    spans = [(c.start, c.end) for c in clauses]
    out = [tf for tf in out if not inside(tf.start, tf.end, spans)]
    out.extend(c for c in clauses if not any(tf.start <= c.start and c.end <= tf.end for tf in out))
    return out
