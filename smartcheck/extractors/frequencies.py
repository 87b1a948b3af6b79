"""Frequencies: how often the behaviour happens ("three times a week", "BID")."""

from __future__ import annotations

import re

from smartcheck.extractors.base import Candidate, doc_text, overlaps, parse_number, phrase_spans
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Frequency, Period

_WEEKDAY = re.compile(
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bmon\b|\btue|\bwed\b|\bthu|\bfri\b|\bsat\b|\bsun\b",
    re.I,
)


def _per(word: str, state: ExtractionState) -> Period | None:
    return state.res.kb.numbers.period_words.get(re.sub(r"\s+", " ", word.lower()))


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _day_index(word: str) -> int:
    return _DAYS.index(word.lower()[:3])


def _special(cand: Candidate, state: ExtractionState) -> tuple[float, Period] | None:
    """Rates of the patterns that are not "N per period": ranges, clock times, q4h."""
    g, pid = cand.groups, cand.pattern_id
    text = doc_text(state.doc)[cand.start : cand.end]
    if pid == "freq.day_range":  # "Mon–Fri": every day of the range
        return float((_day_index(g["to_day"]) - _day_index(g["from_day"])) % 7 + 1), "week"
    if pid == "freq.clock_times":  # "8 am/8 pm": each clock time once a day
        return float(len(re.findall(r"\d{1,2}(?::\d{2})?\s*[ap]\.?m", text, re.I))), "day"
    if pid == "freq.q_hours":  # "q4h": every four hours
        n = parse_number(g["n"], state.res)
        return (24.0 / n, "day") if n else None
    if pid in {"freq.n_of_week", "freq.n_days_of_week"}:  # "on 3 of 5 school days"
        n = parse_number(g["n"], state.res)
        return (n, "week") if n else None
    if "weekday" in g or "weekday_on" in g:
        return float(len(_WEEKDAY.findall(text)) or 1), "week"
    return None


def _word_key(word: str) -> str:
    """Normalise a frequency word: lowercase, one space, no dots ("q.d." -> "qd")."""
    return re.sub(r"\s+", " ", word.lower().replace(".", "")).strip()


def normalise_frequency(cand: Candidate, state: ExtractionState) -> tuple[float, Period] | None:
    """Turn a frequency candidate into ``(times, per)``."""
    g, res = cand.groups, state.res
    words = res.kb.numbers.frequency_words
    special = _special(cand, state)
    if special is not None:
        return special
    if "word" in g and "event" in g:  # "all 3 meals daily"
        n = parse_number(g["n"], res)
        rate = words.get(_word_key(g["word"]))
        return (n, rate.per) if n and rate else None
    if "word" in g:
        key = _word_key(g["word"])
        if key.replace(" ", "") in words:
            key = key.replace(" ", "")
        if "n" in g and key in words:  # "twice weekly"
            n = parse_number(g["n"], res)
            return (n, words[key].per) if n else None
        if key in words:
            return words[key].times, words[key].per
        if f"every {key}" in words:
            return words[f"every {key}"].times, words[f"every {key}"].per
        return None
    if "other" in g or "other2" in g:
        rate = words.get(f"every other {(g.get('other') or g['other2']).lower()}")
        return (rate.times, rate.per) if rate else None
    if cand.pattern_id == "freq.n_of_7":
        return float(g["n"]), "week"
    if "every_unit" in g:
        n = parse_number(g["n"], res)
        unit = g["every_unit"].lower()
        if not n:
            return None
        if unit in {"hours", "hrs"}:
            return 24.0 / n, "day"
        per = _per(unit.rstrip("s"), state)
        return (1.0 / n, per) if per else None
    per = _per(g.get("per", ""), state)
    if per is None:
        return None
    n = parse_number(g["n"], res) if "n" in g else 1.0
    return (n, per) if n else None


def _merge_daily_weekly(items: list[Frequency], text: str) -> list[Frequency]:
    """Merge "once a day, 5 days a week" into one rate of 5 a week."""
    out: list[Frequency] = []
    for item in items:
        prev = out[-1] if out else None
        gap = text[prev.end : item.start] if prev else ""
        if (
            prev is not None
            and prev.per == "day"
            and prev.times == 1
            and item.per == "week"
            and re.fullmatch(r"\s*,?\s*(?:and\s+)?", gap)
        ):
            out[-1] = Frequency(
                start=prev.start,
                end=item.end,
                text=text[prev.start : item.end],
                times=item.times,
                per="week",
            )
            continue
        out.append(item)
    return out


#: Before a rate: a determiner makes "weekly" an adjective ("a weekly budget sheet"),
#: "how many times" a question, "from" the baseline of a change.
_NOT_A_RATE_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|my|his|her|their|your|our|this|that)\s+"
    r"|\bhow\s+(?:many\s+times|often)\s+"
    r"|\bfrom\s+(?:about\s+|around\s+|approximately\s+|~\s*)?)$",
    re.I,
)
#: After a rate: "to" makes it the baseline of a change ("from 4/wk to 1/wk").
_BASELINE_AFTER = re.compile(
    r"^\s*,?\s*(?:down\s+|up\s+)?to\s+(?:under\s+|below\s+|about\s+|~\s*|<=?\s*|≤\s*)?\d",
    re.I,
)
#: Before a rate: the target of a change whose baseline came first ("... to <=1/wk").
_TARGET_BEFORE = re.compile(
    r"\bfrom\b[^.;,]{1,40}\bto\s+(?:under\s+|below\s+|less\s+than\s+|<=?\s*|≤\s*)?$",
    re.I,
)


def _names_event(after: str, events: frozenset[str]) -> bool:
    words = re.findall(r"[a-z][\w'-]*", after.lower())[:4]
    return any(w in events for w in words)


def is_change_or_question(text: str, start: int, end: int) -> bool:
    """Tell whether the rate at ``[start, end)`` is a change's baseline or target, or asked about.

    Rubric (frequency): how often the behaviour happens. "Reduce hand washing from
    40 times a day to under 15" states a measure's baseline, not a schedule.
    """
    before = text[max(0, start - 60) : start]
    head = _NOT_A_RATE_BEFORE.search(before)
    if head and re.match(r"\s*(?:how|from)\b", head.group(0), re.I):
        return True
    return bool(_BASELINE_AFTER.search(text[end : end + 12]) or _TARGET_BEFORE.search(before))


def rate_adjective(text: str, start: int, end: int, events: frozenset[str]) -> str | None:
    """Classify "a weekly <noun>": ``"given"`` in a condition, ``"adjective"``, or ``None``.

    "Attend a weekly support group" is attended weekly (an event noun follows);
    "set a daily phone alarm" implies a daily act unless the goal states its own
    rate; "given a weekly list of words" is a condition, never the rate.
    """
    head = _NOT_A_RATE_BEFORE.search(text[max(0, start - 60) : start])
    if head is None or _names_event(text[end : end + 40], events):
        return None
    if re.search(
        r"\bgiven\s+$", text[max(0, start - 60) : head.start() + max(0, start - 60)], re.I
    ):
        return "given"
    return "adjective"


def is_step_size(text: str, start: int, end: int, verbs: frozenset[str]) -> bool:
    """Tell whether a bare "N every week" is the step of a change ("adding 500 every week").

    Rubric (frequency): how often the behaviour happens. A bare number after a verb of
    step change says how much is added each period, not how often anything is done.
    """
    span = text[start:end].lower()
    if not re.match(r"[\d,.]+\s+(?:a|an|per|each|every)\b", span):
        return False
    before = re.findall(r"[a-z]+", text[max(0, start - 30) : start].lower())
    before = [w for w in before if w not in {"by", "another"}]
    return bool(before) and _stem(before[-1]) in {_stem(v) for v in verbs}


def _stem(word: str) -> str:
    """Strip an inflection, enough to compare verb forms ("adding", "cutting" -> "add", "cut")."""
    stem = re.sub(r"(?:ing|es|ed|e|s)$", "", word)
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou" else stem


def _counts_not_rates(state: ExtractionState, cand: Candidate) -> bool:
    """Tell whether a bare "N weekly" / "N daily" counts something instead of a rate.

    "Exercise 3x weekly" is a rate. In "2 of 3 weekly groups" and "one weekly pill
    organiser" the number counts the noun that follows; in "2 sets of 15 daily" it
    counts repetitions.
    """
    text = doc_text(state.doc)
    if re.search(r"(?:\d\s*x|\btimes?)\b", text[cand.start : cand.end], re.IGNORECASE):
        return False
    if re.search(r"\bof\s*$", text[max(0, cand.start - 5) : cand.start], re.IGNORECASE):
        return True
    head = next((t for t in state.doc if t.idx >= cand.end), None)
    return head is not None and head.pos_ in {"NOUN", "PROPN"} and head.lower_ not in _PERIODS


#: Words after "N weekly" that continue the rate rather than name a counted noun.
_PERIODS = frozenset({"basis", "schedule", "intervals"})


def find_frequencies(state: ExtractionState) -> list[Frequency]:
    """Find frequency spans and normalise them to times per day, week or month."""
    text = doc_text(state.doc)
    vague = [
        (s.start_char, s.end_char) for s in phrase_spans(state.doc, state.res, "vague_frequencies")
    ]
    items: list[Frequency] = []
    adjectives: list[Frequency] = []
    events = state.res.kb.units.event_nouns
    for cand in state.of_kind("frequency"):
        if any(overlaps(cand.start, cand.end, s, e) for s, e in vague):
            continue
        if is_change_or_question(text, cand.start, cand.end):
            continue
        if is_step_size(text, cand.start, cand.end, state.res.kb.units.increment_verbs):
            continue
        if cand.pattern_id == "freq.n_times_word" and _counts_not_rates(state, cand):
            continue
        adjective = None
        if cand.pattern_id == "freq.word":
            adjective = rate_adjective(text, cand.start, cand.end, events)
        value = normalise_frequency(cand, state)
        if value is None or adjective == "given":
            continue
        times, per = value
        found = Frequency(
            start=cand.start, end=cand.end, text=text[cand.start : cand.end], times=times, per=per
        )
        (adjectives if adjective else items).append(found)
    # "a daily phone alarm" stands for the rate only when the goal states no other.
    return _merge_daily_weekly(items or adjectives, text)
