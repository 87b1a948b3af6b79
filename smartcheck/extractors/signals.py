"""Signals: lexical flags the rubric weighs (absolutes, hedges, vague words, questions)."""

from __future__ import annotations

import re

from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from smartcheck.extractors.actions import body_part
from smartcheck.extractors.base import doc_text, inside, matches, overlaps, phrase_spans
from smartcheck.extractors.non_goals import find_non_goal_flags
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Dimension, Flag

#: Lexicon category -> (flag category, dimension it bears on).
CATEGORY_FLAGS: dict[str, tuple[str, Dimension]] = {
    "absolutes": ("absolute", "achievable"),
    "cure_words": ("cure", "achievable"),
    "hedges": ("hedge", "achievable"),
    "vague_frequencies": ("vague_frequency", "measurable"),
    "vague_times": ("vague_time", "time_bound"),
    "start_markers": ("start_marker", "time_bound"),
    "desire_markers": ("desire", "specific"),
    "example_markers": ("example", "specific"),
    "vague_phrases": ("vague_phrase", "specific"),
    "every_occurrence": ("every_occurrence", "measurable"),
}


def _token_flag(tok: Token, category: str, dimension: Dimension) -> Flag:
    return Flag(
        start=tok.idx,
        end=tok.idx + len(tok.text),
        text=tok.text,
        category=category,
        dimension=dimension,
    )


_VERB_POS = frozenset({VERB, AUX})


def _structure_flags(state: ExtractionState) -> list[Flag]:
    doc = state.doc
    text = doc_text(doc)
    out: list[Flag] = []
    stripped = text.rstrip()
    if not any(pos in _VERB_POS for pos in doc.to_array("POS").tolist()):
        out.append(
            Flag(
                start=0, end=len(stripped), text=stripped, category="no_verb", dimension="specific"
            )
        )
    return out


def _comparatives(state: ExtractionState) -> list[Flag]:
    lex = state.res.kb.lexicon
    numeric = state.spans("frequencies", "durations", "quantities", "measures", "timeframes")
    out: list[Flag] = []
    for tok in state.doc:
        if tok.lower_ not in lex.comparatives:
            continue
        if tok.tag_ not in {"JJR", "RBR"} and tok.lower_ not in {"more", "less", "fewer"}:
            continue
        if inside(tok.idx, tok.idx + len(tok.text), numeric):
            continue
        if body_part(tok, state.res.kb.body_nouns):  # "lower body dressing", "upper-extremity"
            continue
        nxt = state.doc[tok.i + 1] if tok.i + 1 < len(state.doc) else None
        if nxt is not None and nxt.lower_ == "than":
            continue
        out.append(_token_flag(tok, "comparative", "measurable"))
    return out


#: Words that open an optional extra beyond a stated dose ("more if possible").
_EXTRA = re.compile(r"(?:\b(?:more|longer|further|extra|again)|\bor\s+more)\W{0,3}$", re.I)
#: ... or that a hedge opens ("maybe more", "possibly longer").
_EXTRA_AFTER = re.compile(r"\W{0,3}(?:more|longer|further|extra)\b", re.I)


def _optional_extra(flag: Flag, text: str, dosed: list[tuple[int, int]]) -> bool:
    """Tell whether a hedge or vague rate only qualifies an extra beyond a stated dose.

    Rubric (A): the goal is achievable when it shows "a concrete behaviour with a bounded
    dose". In "swim at least once a week (more if possible)" or "walk 20 minutes a day,
    longer if I can", the dose is the commitment; the hedge covers the optional extra
    only, so it does not hedge the goal.
    """
    if flag.category not in {"hedge", "vague_frequency"}:
        return False
    if not any(end <= flag.start for _, end in dosed):
        return False
    before = text[max(0, flag.start - 16) : flag.start]
    return bool(_EXTRA.search(before) or _EXTRA_AFTER.match(text, flag.end))


def find_flags(state: ExtractionState) -> list[Flag]:
    """Find red flags, hedges, vague words and structural signals, in text order."""
    out: list[Flag] = []
    for cat, (flag, dim) in CATEGORY_FLAGS.items():
        for span in phrase_spans(state.doc, state.res, cat):
            out.append(
                Flag(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    category=flag,
                    dimension=dim,
                )
            )
    for label, span in matches(state.doc, state.res.context_matcher):
        if label in {"strenuous", "full_load"}:
            out.append(
                Flag(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    category=label,
                    dimension="achievable",
                )
            )
    out.extend(_comparatives(state))
    out.extend(_structure_flags(state))
    out.extend(find_non_goal_flags(state))
    # A rating such as "100% confidence" is not an absolute, nor is "no more than 2".
    rated = state.spans("confidence")
    text = doc_text(state.doc)
    dosed = state.spans("frequencies", "durations", "quantities")
    out = [
        f
        for f in out
        if not any(overlaps(f.start, f.end, s, e) for s, e in rated)
        and not (f.category == "absolute" and text[f.end : f.end + 5].lower() == " than")
        and not _optional_extra(f, text, dosed)
    ]
    return sorted(out, key=lambda f: (f.start, f.end, f.category))
