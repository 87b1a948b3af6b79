"""Confidence ratings: "confidence 7/10", "80% confident", "50/50", "— very confident"."""

from __future__ import annotations

import re
from functools import lru_cache

from smartcheck.extractors.base import doc_text, find_candidates
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Confidence

#: What may stand before confidence said in words: a clause after the goal ("… — very
#: confident", "(pretty confident)", ", I'm not very confident").
_CLAUSE_START = re.compile(
    r"(?:[—–(;,:]|\s-)\s*(?:(?:i'?m|i\s+am|i\s+feel|feeling|and|but)\s+)?$", re.I
)
#: ... and after it, at most a few words to the end of the text.
_CLAUSE_END = re.compile(r"\s*(?:[\w']+\s*){0,4}[).!]*\s*$")


@lru_cache(maxsize=8)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alt})(?![\w'])", re.I)


def _in_words(text: str, table: dict[str, float]) -> list[Confidence]:
    """Confidence said in words in a trailing clause; "be more confident at work" is a goal."""
    if not table:
        return []
    out = []
    for m in _words_re(tuple(table)).finditer(text):
        if not _CLAUSE_START.search(text[: m.start()]) or not _CLAUSE_END.fullmatch(text, m.end()):
            continue
        value = table[" ".join(m.group(0).lower().split())]
        out.append(Confidence(start=m.start(), end=m.end(), text=m.group(0), value=value))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop brackets and punctuation around a rating: "(honestly 2/10)." -> "honestly 2/10"."""
    while start < end and text[start] in "([ ,;:-":
        start += 1
    while end > start and text[end - 1] in ")] .,;:":
        end -= 1
    return start, end


def find_confidence(state: ExtractionState) -> list[Confidence]:
    """Find stated confidence ratings and scale them to [0, 1]."""
    text = doc_text(state.doc)
    out: list[Confidence] = []
    for cand in find_candidates(text, state.res, kinds=("confidence",)):
        if cand.groups.get("even"):
            value = 0.5
        else:
            n = float(cand.groups["n"])
            scale = "".join(cand.groups.get("scale", "").split())
            value = n / 100.0 if scale in {"%", "/100"} or (not scale and n > 10) else n / 10.0
        if not 0.0 <= value <= 1.0:
            continue
        start, end = cand.group_spans.get("even", (cand.start, cand.end))
        start, end = _trimmed(text, start, end)
        out.append(Confidence(start=start, end=end, text=text[start:end], value=value))
    said = _in_words(text, state.res.kb.lexicon.confidence_words)
    out.extend(c for c in said if not any(c.start < o.end and o.start < c.end for o in out))
    return out
