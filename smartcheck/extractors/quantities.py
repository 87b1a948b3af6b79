"""Quantities: a value with a unit ("10,000 steps", "5-pound weight", "3 km").

Units come from ``units.yaml`` or, for a count, from the noun the number
modifies. quantulum3 runs only on a short candidate span whose unit word is
neither, with its classifier switched off explicitly (see ``_quantulum``).
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
import warnings
from collections.abc import Sequence

from spacy.tokens import Token

from smartcheck.extractors.base import (
    Resources,
    doc_text,
    find_candidates,
    inside,
    matches,
    overlaps,
    parse_number,
)
from smartcheck.extractors.measures import owns_its_number
from smartcheck.extractors.state import ExtractionState, Spans
from smartcheck.models import Measure, Quantity

logger = logging.getLogger(__name__)

#: Signs written against a number ("≤2 rest breaks", "~4,000"): the number still counts.
_NUMBER_PREFIXES = "≤≥<>~"

_MONTH_WORDS = frozenset(
    {m.lower() for m in calendar.month_name if m} | {m.lower() for m in calendar.month_abbr if m}
)


@functools.lru_cache(maxsize=2048)
def quantulum_unit(span_text: str) -> tuple[float, str] | None:
    """Ask quantulum3 for the value and unit of a short span; ``None`` if it finds none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

    # quantulum3 silently switches to a scikit-learn classifier when it can import
    # one; its bundled model does not load under recent scikit-learn, so pin the mode.
    classifier.USE_CLF = False
    try:
        found = parser.parse(span_text)
    except Exception:
        logger.debug("quantulum3 failed on a candidate span of %d chars", len(span_text))
        return None
    for q in found:
        name = q.unit.name
        # Known mistakes: time words read as minutes of arc, "pound" as currency,
        # "pm" as picometres. Time and those units are handled before we get here.
        if q.unit.entity.name in {"angle", "currency", "dimensionless"} or name in {"picometre"}:
            continue
        return float(q.value), name
    return None


def _number_text(tok: Token) -> str | None:
    """Return the number a token writes, without a leading sign ("≤2" -> "2"), or ``None``."""
    doc = tok.doc
    if tok.lower_ == "half" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"a", "an"}:
        return "half"  # "half a cup"
    text = tok.text.lstrip(_NUMBER_PREFIXES)
    digits = text.replace(",", "").replace(".", "").isdigit()
    if len(text) == len(tok.text):
        return text if tok.like_num or digits else None
    return text if digits else None


def _unit_token(num_tok: Token) -> Token | None:
    doc = num_tok.doc
    i = num_tok.i + 1
    if i < len(doc) and doc[i].text == "-":
        i += 1
    if i >= len(doc):
        return None
    return doc[i]


def _count_head(num_tok: Token) -> Token | None:
    head = num_tok.head
    if (
        num_tok.dep_ in {"nummod", "quantmod", "compound", "amod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i > num_tok.i
    ):
        return head
    return None


def _hyphen_word(tok: Token) -> tuple[str, Token]:
    """Return the hyphenated word starting at ``tok`` ("sit-to-stands") and its last token."""
    doc = tok.doc
    end = tok
    i = tok.i
    while (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
    ):
        i += 2
        end = doc[i]
    return doc_text(doc)[tok.idx : end.idx + len(end.text)], end


def _extend_to_head(tok: Token) -> Token:
    """Extend a compound or hyphenated modifier to the noun it modifies ("5-pound weight")."""
    end = tok
    for _ in range(3):
        head = end.head
        if (
            end.dep_ in {"compound", "amod", "nmod", "npadvmod"}
            and head.pos_ in {"NOUN", "PROPN"}
            and 0 < head.i - end.i <= 2
        ):
            end = head
        else:
            break
    return end


def _counted_noun(num_tok: Token) -> Token | None:
    """Find the noun a number counts when the parse did not attach them ("2 coping statements")."""
    for t in num_tok.doc[num_tok.i + 1 : num_tok.i + 4]:
        if t.i == num_tok.i + 1 and t.tag_ == "VBZ" and t.lower_.endswith("s"):
            return t  # "incl. 2 turns": a plural noun the tagger read as a verb
        if t.is_quote:
            continue  # "4 'wh' questions"
        if t.is_punct or t.like_num or (t.pos_ in {"ADP", "VERB", "AUX"} and t.tag_ != "VBG"):
            return None
        if t.pos_ in {"NOUN", "PROPN"}:
            return t
    return None


def _word_distance(a: Token, b: Token) -> int:
    """Count the words from ``a`` to ``b``, a hyphenated word as one ("10 grade-level words")."""
    hyphens = sum(1 for t in a.doc[a.i : b.i] if t.text == "-" and not t.whitespace_)
    return b.i - a.i - 2 * hyphens


def _is_denominator(tok: Token) -> bool:
    """Tell whether ``tok`` is the M of "N of M" / "N out of M" / "N/M"."""
    doc = tok.doc
    i = tok.i
    if i >= 2 and doc[i - 1].lower_ in {"of", "/"} and doc[i - 2].like_num:
        return True
    return (
        i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "out" and doc[i - 3].like_num
    )


def _followed_by_of(tok: Token) -> bool:
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].lower_ == "of"


def _sets_and_reps(state: ExtractionState, taken: Spans) -> list[Quantity]:
    """Read "3x15" as 3 sets and 15 repetitions, and "x2 sets" as 2 sets."""
    text = doc_text(state.doc)
    out: list[Quantity] = []
    for cand in find_candidates(text, state.res, kinds=("quantity",)):
        if any(overlaps(cand.start, cand.end, s, e) for s, e in taken):
            continue
        g = cand.groups
        span_text = text[cand.start : cand.end]
        if cand.pattern_id == "qty.sets_reps":  # "3x15": 3 sets of 15 repetitions
            for name, unit in (("sets", "set"), ("reps", "repetition")):
                value = parse_number(g[name], state.res)
                if value is not None:
                    out.append(
                        Quantity(
                            start=cand.start, end=cand.end, text=span_text, value=value, unit=unit
                        )
                    )
            continue
        value = parse_number(g["n"], state.res)
        entry = state.res.units.get(g["unit"].lower())
        if entry is not None and entry.dimension in {"time", "calendar"}:
            continue  # a range of minutes or weeks is a duration or a timeframe
        if value is not None:
            unit = entry.unit if entry else re.sub(r"(?<=[^s])s$", "", g["unit"].lower())
            out.append(
                Quantity(
                    start=cand.start,
                    end=cand.end,
                    text=text[cand.start : cand.end],
                    value=value,
                    unit=unit,
                )
            )
    return out


def _skip_number(
    tok: Token,
    blocked: Spans,
    labels: frozenset[str] = frozenset(),
    window: frozenset[str] = frozenset(),
) -> bool:
    """Tell whether a numeric token cannot start a quantity."""
    if _number_text(tok) is None:
        return True
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in labels:
        return True  # "grade 4", "IDDSI level 5": a label, not a count
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in window:
        return True  # "across 3 writing samples": the window of a mastery criterion
    if inside(tok.idx, tok.idx + len(tok.text), blocked):
        return True
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i >= 2 else None
    if prev is not None and prev.text == "-" and not prev.whitespace_ and doc[tok.i - 2].like_num:
        return True  # the end of a digit chain such as "5-4-3-2-1"
    low = tok.text.lower()
    # "4 of 5 turns" is a ratio criterion, not 5 turns
    return _is_denominator(tok) or low in {"a", "an"} or low.endswith(("am", "pm"))


def _unit_end(tok: Token, nxt: Token, res: Resources) -> tuple[str, Token] | None:
    """Return the unit of the number ``tok`` and the token that ends the quantity."""
    doc = tok.doc
    hyphen, hyphen_end = _hyphen_word(nxt)
    unit_entry = res.units.get(hyphen.lower()) or res.units.get(nxt.text.lower())
    end_tok = hyphen_end if hyphen.lower() in res.units else nxt
    if unit_entry is not None and not nxt.text[0].isalnum() and tok.whitespace_:
        unit_entry = None  # "4 'wh' questions": a quote, not feet; a sign unit is written close
    if unit_entry is not None:
        if unit_entry.dimension in {"time", "calendar"}:
            return None
        return unit_entry.unit, _extend_to_head(end_tok)
    head = _count_head(tok) or _counted_noun(tok)
    if head is not None and _word_distance(tok, head) <= 4:
        end_tok = _extend_to_head(head)
        after = doc[end_tok.i + 1] if end_tok.i + 1 < len(doc) else None
        if after is not None and f"{end_tok.lower_} {after.lower_}" in res.units:
            end_tok = after  # "10 heel raises" even when the tagger reads "raises" as a verb
        alias = res.units.get(end_tok.text.lower()) or res.units.get(head.text.lower())
        if alias is not None and alias.dimension in {"time", "calendar"}:
            return None  # "1 a day": a rate, not an amount
        if end_tok.lower_ in res.kb.numbers.period_words:
            return None  # "20 a night"
        return (alias.unit if alias else end_tok.lemma_.lower()), end_tok
    if nxt.pos_ in {"NOUN", "PROPN", "X", "SYM"} and not nxt.is_punct:
        guess = quantulum_unit(f"{tok.text} {nxt.text}")
        return (guess[1], end_tok) if guess is not None else None
    return None


def _share_of_occasions(percent: Token, res: Resources) -> bool:
    """Tell whether "N% of" counts occasions ("70% of nights") rather than an amount."""
    words = [t.lower_ for t in percent.doc[percent.i + 2 : percent.i + 6] if not t.is_punct]
    occasions = res.kb.units.occasion_nouns
    return any(
        w in occasions or " ".join(words[i : i + 2]) in occasions for i, w in enumerate(words)
    )


def _per_time_unit(end: Token, res: Resources) -> bool:
    """Tell whether the counted noun is followed by "per minute" / "/min" (a rate)."""
    doc = end.doc
    if end.i + 2 >= len(doc) or doc[end.i + 1].lower_ not in {"per", "/", "a", "an"}:
        return False
    entry = res.units.get(doc[end.i + 2].lower_)
    return entry is not None and entry.dimension == "time"


def _names_support_or_instrument(tok: Token, end: Token, res: Resources) -> bool:
    """Tell whether the counted words are support ("1 verbal cue"), a rate ("150 wpm")
    or an instrument ("a 5-point scale") rather than an amount."""
    units = res.kb.units
    words = [t.lower_ for t in tok.doc[tok.i + 1 : end.i + 1] if t.text != "-"]
    last_two = " ".join(words[-2:])
    if words and (words[-1] in units.support_nouns or last_two in units.support_nouns):
        return True
    if words and words[0] in units.rate_units:
        return True  # "≤150 wpm": a rate, read as a measure
    if _per_time_unit(end, res):
        return True  # "150 words per minute": a rate, read as a measure
    return any(w in units.instrument_nouns for w in words)


def _after_sets_of(tok: Token) -> bool:
    """Tell whether ``tok`` follows "N sets of" / "N x" with no noun of its own."""
    doc = tok.doc
    return (
        tok.i >= 3
        and doc[tok.i - 1].lower_ == "of"
        and doc[tok.i - 2].lower_ in {"sets", "set"}
        and doc[tok.i - 3].like_num
    )


def _count_past_modifier(tok: Token, value: float, res: Resources) -> Quantity | None:
    """Read "three 10-min walks": a count whose noun follows a hyphenated number modifier."""
    doc = tok.doc
    i = tok.i + 1
    if not (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_):
        return None
    head = _count_head(tok)
    if head is None or _word_distance(tok, head) > 3 or head.i <= i + 2:
        return None
    alias = res.units.get(head.lower_)
    if alias is not None and alias.dimension in {"time", "calendar"}:
        return None
    if head.lower_ in res.kb.numbers.period_words:
        return None
    end = head.idx + len(head.text)
    unit = alias.unit if alias else head.lemma_.lower()
    return Quantity(
        start=tok.idx, end=end, text=doc_text(doc)[tok.idx : end], value=value, unit=unit
    )


_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})")


def _fraction_at(tok: Token, res: Resources, blocked: Spans) -> Quantity | None:
    """Read "1/2 cup", "3/4 mile": a fraction before a listed unit (not "4/5 trials")."""
    found = _FRACTION.fullmatch(tok.text)
    doc = tok.doc
    if found is None or tok.i + 1 >= len(doc) or inside(tok.idx, tok.idx + 1, blocked):
        return None
    top, bottom = int(found.group(1)), int(found.group(2))
    entry = res.units.get(doc[tok.i + 1].lower_)
    if entry is None or entry.dimension in {"time", "calendar", "count"} or not 0 < top < bottom:
        return None
    nxt = doc[tok.i + 1]
    end = nxt.idx + len(nxt.text)
    return Quantity(
        start=tok.idx,
        end=end,
        text=doc_text(doc)[tok.idx : end],
        value=top / bottom,
        unit=entry.unit,
    )


def _increment_at(tok: Token, res: Resources, earlier: Sequence[Quantity]) -> Quantity | None:
    """Read a bare step size ("adding 1,000 every 2 wks") in the unit of the last quantity."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "X", "SYM", "NUM"} and not nxt.is_punct:
        return None
    before = [t for t in doc[max(0, tok.i - 2) : tok.i] if t.lower_ not in {"by", "another"}]
    if not before or before[-1].lemma_.lower() not in res.kb.units.increment_verbs:
        return None
    previous = [q for q in earlier if q.end <= tok.idx and q.unit != "%"]
    number = _number_text(tok)
    value = parse_number(number, res) if number is not None else None
    if not previous or value is None:
        return None
    end = tok.idx + len(tok.text)
    return Quantity(start=tok.idx, end=end, text=tok.text, value=value, unit=previous[-1].unit)


def _quantity_at(tok: Token, res: Resources, taken: Spans) -> Quantity | None:
    """Read the quantity that starts at the number ``tok``, if any."""
    doc = tok.doc
    number = _number_text(tok)
    value = parse_number(number, res) if number is not None else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if value is not None and prev is not None and prev.text in res.kb.units.currency_symbols:
        end = tok.idx + len(tok.text)  # "$50": an amount of money
        text = doc_text(doc)[prev.idx : end]
        return Quantity(start=prev.idx, end=end, text=text, value=value, unit=prev.text)
    nxt = _unit_token(tok)
    if value is None or nxt is None:
        return None
    if nxt.like_num:
        return _count_past_modifier(tok, value, res)
    if _after_sets_of(tok) and (nxt.is_punct or nxt.pos_ not in {"NOUN", "PROPN"}):
        end = tok.idx + len(tok.text)  # "3 sets of 10": 10 repetitions
        return Quantity(start=tok.idx, end=end, text=tok.text, value=value, unit="repetition")
    if nxt.lower_ in {"times", "time"} and value >= 1:
        # "practise it 3 times": a count of repetitions (a rate "3 times a day" is taken).
        end = nxt.idx + len(nxt.text)
        return Quantity(
            start=tok.idx, end=end, text=doc_text(doc)[tok.idx : end], value=value, unit="time"
        )
    if nxt.text.lower() in res.kb.lexicon.not_units or nxt.lower_.rstrip(".") in _MONTH_WORDS:
        return None  # "1 May" is a date
    if nxt.text == "%" and (not _followed_by_of(nxt) or _share_of_occasions(nxt, res)):
        return None  # "80% accuracy", "on 70% of nights" are criteria; "75% of meal" an amount
    found = _unit_end(tok, nxt, res)
    if found is None or _names_support_or_instrument(tok, found[1], res):
        return None
    unit, end_tok = found
    start, end = tok.idx, end_tok.idx + len(end_tok.text)
    if any(overlaps(start, end, s, e) for s, e in taken):
        end = nxt.idx + len(nxt.text)
    return Quantity(start=start, end=end, text=doc_text(doc)[start:end], value=value, unit=unit)


def find_quantities(
    state: ExtractionState, *, taken: Spans, measures: Sequence[Measure]
) -> list[Quantity]:
    """Find numbers with units or counted nouns, outside ``taken`` spans and named measures."""
    doc, res = state.doc, state.res
    out: list[Quantity] = _sets_and_reps(state, taken)
    taken = [*taken, *((q.start, q.end) for q in out)]
    instruments = [(m.start, m.end) for m in measures if owns_its_number(m)]
    blocked = [*taken, *instruments]
    for tok in doc:
        fraction = _fraction_at(tok, res, blocked)
        if fraction is not None:
            out.append(fraction)
            continue
        if _skip_number(tok, blocked, res.kb.units.label_words, res.kb.units.window_before):
            continue
        found = _quantity_at(tok, res, taken) or _increment_at(tok, res, out)
        if found is not None:
            out.append(found)
    for name, span in matches(doc, res.named_quantity_matcher):
        named = res.kb.units.named_quantities[name]
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in {"steps", "step"} and name.endswith("k"):
            # "10k steps" counts steps in thousands, not kilometres
            out.append(
                Quantity(
                    start=span.start_char,
                    end=after.idx + len(after.text),
                    text=doc_text(doc)[span.start_char : after.idx + len(after.text)],
                    value=named.value * 1000,
                    unit="step",
                )
            )
            continue
        if not inside(span.start_char, span.end_char, taken):
            out.append(
                Quantity(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    value=named.value,
                    unit=named.unit,
                )
            )
    return sorted(out, key=lambda q: (q.start, q.end))
