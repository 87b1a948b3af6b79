"""Measures: an instrument or criterion with comparator and target ("GAD-7 below 10")."""

from __future__ import annotations

import re
from typing import Any

from smartcheck.extractors.base import (
    Candidate,
    doc_text,
    find_candidates,
    matches,
    overlaps,
    parse_number,
)
from smartcheck.extractors.state import ExtractionState, Spans
from smartcheck.kb.models import Lexicon
from smartcheck.models import Measure

#: The criterion prefix of a mastery criterion ("3 consecutive sessions").
MASTERY = "consecutive"


def is_mastery(m: Measure) -> bool:
    """Tell whether ``m`` is a mastery criterion (a streak of sessions, trials or days)."""
    return (m.criterion or "").startswith(MASTERY)


#: The criterion prefix of a rate per minute ("90 wcpm").
PER_MINUTE = "per minute"


def owns_its_number(m: Measure) -> bool:
    """Tell whether the number in ``m`` is its criterion, not a separate amount.

    True for a named instrument, a mastery streak, a change with a baseline
    ("from 6 to 2 tabs") and a rate per minute ("90 wcpm").
    """
    crit = m.criterion or ""
    return (
        bool(m.instrument) or is_mastery(m) or m.baseline is not None or crit.startswith(PER_MINUTE)
    )


#: Ratio criteria read as accuracy ("4 of 5 turns" = 80%).
_RATIOS = {"meas.trials", "meas.ratio", "meas.ratio_correct"}
#: "a 20 lb weight" is an object of that size (a quantity), not a body-weight target.
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)

#: Percentage criteria: "80% accuracy", "90% legibility across 3 writing samples".
_PERCENT_CRITERIA = frozenset({"meas.accuracy", "meas.pct_window"})

#: Criteria that count only next to a named instrument ("AROM to 150°").
_ATTACHED_ONLY = {"meas.to_target", "meas.value_unit"}

#: How far after an instrument name its criterion may start, in characters.
_WINDOW = 70


def comparator(word: str | None, lex: Lexicon) -> str | None:
    """Map comparator wording to one of <, <=, >, >=."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    for sym in ("<=", ">=", "<", ">"):
        if w in lex.comparators[sym]:
            return sym
    return None


def _criterion(cand: Candidate, state: ExtractionState) -> dict[str, Any]:
    g, res = cand.groups, state.res
    if cand.pattern_id == "meas.consecutive":  # a streak: at least N in a row
        n = parse_number(g.get("target") or g.get("target2", ""), res)
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        return {"target": n, "comparator": ">=", "criterion": f"{MASTERY} {unit}"} if n else {}
    if cand.pattern_id == "meas.rate_unit":  # "90 wcpm": at least 90 words a minute
        n = parse_number(g["target"], res)
        unit = " ".join(g["unit"].lower().split())
        return {"target": n, "comparator": ">=", "criterion": f"{PER_MINUTE} ({unit})"} if n else {}
    if cand.pattern_id == "meas.by_amount":  # a relative change: "by half", "by 20%"
        share = {"half": 50.0, "a third": 33.0, "a quarter": 25.0}
        word = " ".join(g["target"].lower().split())
        value = share.get(word) or parse_number(
            word.rstrip("%").replace("percent", "").strip(), res
        )
        return {"target": value, "criterion": "relative change (%)"}
    target = parse_number(g["target"], res) if g.get("target") else None
    base = parse_number(g["base"], res) if g.get("base") else None
    cmp = comparator(g.get("cmp2"), res.kb.lexicon) or comparator(g.get("cmp"), res.kb.lexicon)
    if (
        cand.pattern_id in {"meas.from_to", "meas.from_rate_to", "meas.to_target"}
        and cmp is None
        and target is not None
        and base is not None
    ):
        cmp = "<=" if target < base else ">="
    if cand.pattern_id in {"meas.trials", "meas.ratio", "meas.ratio_correct"}:
        a, b = float(g["a"]), float(g["b"])
        if b == 0 or a > b:
            return {}
        target, cmp = round(100.0 * a / b), ">="
    if cand.pattern_id in _PERCENT_CRITERIA and cmp is None:
        cmp = "=" if target == 100 else ">="
    return {"target": target, "baseline": base, "comparator": cmp}


def _toward(instrument: str, state: ExtractionState) -> str | None:
    """The comparator a bare target implies for an instrument: at least, or at most."""
    entry = next((m for m in state.res.kb.measures if m.id == instrument), None)
    if entry is None:
        return None
    return ">=" if entry.direction == "higher" else "<="


def _instrument_measures(
    state: ExtractionState, cands: list[Candidate], used: set[int]
) -> list[Measure]:
    text = doc_text(state.doc)
    out: list[Measure] = []
    for inst, span in matches(state.doc, state.res.measure_matcher):
        if inst == "accuracy":
            continue
        best = None
        for i, cand in enumerate(cands):
            if i in used or cand.pattern_id == "meas.value_unit":
                continue
            inside = cand.start <= span.start_char and span.end_char <= cand.end
            after = 0 <= cand.start - span.end_char <= _WINDOW and not re.search(
                r"[;.]", text[span.end_char : cand.start]
            )
            if inside or after:
                best = i
                break
        if best is None:  # a value right before the name: "90° knee flexion"
            best = next(
                (
                    i
                    for i, c in enumerate(cands)
                    if i not in used
                    and c.pattern_id == "meas.value_unit"
                    and 0 <= span.start_char - c.end <= 3
                    and not _ARTICLE_BEFORE.search(text[max(0, c.start - 4) : c.start])
                ),
                None,
            )
        start, end = span.start_char, span.end_char
        fields: dict[str, object] = {}
        if best is not None:
            used.add(best)
            fields = _criterion(cands[best], state)
            start, end = min(start, cands[best].start), max(end, cands[best].end)
            if fields.get("comparator") is None and fields.get("target") is not None:
                fields["comparator"] = _toward(inst, state)  # "AROM to 150°": better is higher
        out.append(Measure(start=start, end=end, text=text[start:end], instrument=inst, **fields))
    return out


def find_measures(state: ExtractionState, *, timed: Spans, taken: Spans) -> list[Measure]:
    """Find named instruments with their targets, and accuracy/trial criteria.

    ``timed`` are the spans of confidence ratings, frequencies and timeframes (a
    named instrument never takes its criterion from them); ``taken`` adds the
    durations, which only a named instrument may absorb ("TUG in under 14 sec").
    """
    text = doc_text(state.doc)
    all_cands = find_candidates(text, state.res, kinds=("measure",))
    used: set[int] = set()
    inst_cands = [c for c in all_cands if not any(overlaps(c.start, c.end, s, e) for s, e in timed)]
    out = _instrument_measures(state, inst_cands, used)
    absorbed = {(inst_cands[i].start, inst_cands[i].end) for i in used}
    cands = [
        c
        for c in all_cands
        if (c.start, c.end) not in absorbed
        and (
            not any(overlaps(c.start, c.end, s, e) for s, e in taken)
            or c.pattern_id in {"meas.from_to", "meas.from_rate_to", *_PERCENT_CRITERIA}
        )
    ]
    used = set()
    for i, cand in enumerate(cands):
        if i in used or any(m.start <= cand.start and cand.end <= m.end for m in out):
            continue
        fields = _criterion(cand, state)
        if not fields:
            continue
        pid = cand.pattern_id
        if pid in _ATTACHED_ONLY:
            continue
        if pid in {"meas.cmp_prefix", "meas.cmp_postfix"} and fields.get("target") is None:
            continue
        instrument = "accuracy" if pid in {*_PERCENT_CRITERIA, *_RATIOS} else None
        if pid == "meas.rating":
            before = text[max(0, cand.start - 40) : cand.start].lower()
            instrument = "pain NRS" if "pain" in before else "rating"
        criterion = (
            fields.pop("criterion", None) or cand.groups.get("what") or cand.groups.get("unit")
        )
        out.append(
            Measure(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                instrument=instrument,
                criterion=criterion,
                **fields,
            )
        )
    return sorted(out, key=lambda m: (m.start, m.end))
