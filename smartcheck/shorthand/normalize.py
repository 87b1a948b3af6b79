"""Rewrite clinical shorthand as plain wording, keeping a map back to the original.

Why normalise the text instead of only setting ``Token.norm``: the tagger and
parser read a token's NORM, but the extractors read text (regexes, phrase
matchers on LOWER), and one token's norm cannot become several words ("RW" ->
"rolling walker", "3x/wk" -> "3 times per week"). So the parser reads a new
string, and :class:`Normalized` keeps an alignment (the replaced segments, in
order) that maps every span of the new string back to the characters the user
wrote; :mod:`smartcheck.shorthand.remap` applies it to the whole analysis.
Unchanged text costs one regex scan and no mapping.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from smartcheck.kb.models import KnowledgeBase
from smartcheck.shorthand.definitions import find_definitions
from smartcheck.shorthand.rules import RuleSet, rules_for
from smartcheck.shorthand.spelling import Speller, speller

_SENTENCE_END = re.compile(r"(?:^|[.!?]\s*)$")


@dataclass(frozen=True)
class Segment:
    """A replaced stretch: ``[norm_start, norm_end)`` of the new text came from
    ``[orig_start, orig_end)`` of the original."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class Normalized:
    """The normalised text, the original, and how to map spans between them."""

    original: str
    text: str
    segments: tuple[Segment, ...] = ()
    #: Original spans of recognised shorthand (rewritten or kept as written).
    shorthand: tuple[tuple[int, int], ...] = ()

    @property
    def changed(self) -> bool:
        """Tell whether the text differs from the original."""
        return bool(self.segments)

    def _shift(self, index: int) -> int:
        """Return original minus normalised offset after segment ``index`` (-1: none)."""
        if index < 0:
            return 0
        seg = self.segments[index]
        return seg.orig_end - seg.norm_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if not self.segments:
            return start, end
        starts = [s.norm_start for s in self.segments]
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < self.segments[i].norm_end:
            o_start = self.segments[i].orig_start
        else:
            o_start = start + self._shift(i)
        j = bisect.bisect_left(starts, end) - 1
        if j >= 0 and end <= self.segments[j].norm_end:
            o_end = self.segments[j].orig_end
        else:
            o_end = end + self._shift(j)
        o_start = max(0, min(o_start, len(self.original)))
        o_end = max(o_start, min(o_end, len(self.original)))
        return o_start, o_end


def _spaced(expansion: str, original: str, start: int, end: int) -> str:
    if expansion[:1].isalnum() and start > 0 and original[start - 1].isalnum():
        expansion = " " + expansion
    if expansion[-1:].isalnum() and end < len(original) and original[end].isalnum():
        expansion = expansion + " "
    return expansion


def _cased(expansion: str, found: str, original: str, start: int) -> str:
    if found[:1].isupper() and expansion[:1].islower() and _SENTENCE_END.search(original[:start]):
        return expansion[:1].upper() + expansion[1:]
    return expansion


def _edits(text: str, rules: RuleSet) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Return the replacements ``(start, end, wording)`` and the spans of known shorthand."""
    edits: list[tuple[int, int, str]] = []
    known: list[tuple[int, int]] = []
    for match in rules.scanner.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        rule = next((r for r in rules.candidates(match) if r.fits(text, start, end)), None)
        if rule is None:
            continue
        known.append((start, end))
        if not rule.entry.rewrite:
            continue
        wording = _spaced(_cased(rule.expand(match), match.group(0), text, start), text, start, end)
        if wording != match.group(0):
            edits.append((start, end, wording))
    if "(" in text:
        for start, end, long in find_definitions(text):
            if not any(s < end and start < e for s, e in known):
                known.append((start, end))
                edits.append((start, end, long))
    return sorted(edits), sorted(known)


def normalize_with(text: str, rules: RuleSet, spell: Speller | None = None) -> Normalized:
    """Normalise ``text`` with compiled ``rules`` (and abbreviations it defines itself);
    with a ``spell``-checker, clear typos are corrected too."""
    edits, known = _edits(text, rules)
    if spell is not None:
        skip = [*known, *((s, e) for s, e, _ in edits)]
        edits = sorted([*edits, *spell.corrections(text, skip)])
    if not edits:
        return Normalized(original=text, text=text, shorthand=tuple(known))
    pieces: list[str] = []
    segments: list[Segment] = []
    pos = 0
    out_len = 0
    for start, end, wording in edits:
        pieces.append(text[pos:start])
        out_len += start - pos
        segments.append(Segment(out_len, out_len + len(wording), start, end))
        pieces.append(wording)
        out_len += len(wording)
        pos = end
    pieces.append(text[pos:])
    return Normalized(
        original=text, text="".join(pieces), segments=tuple(segments), shorthand=tuple(known)
    )


@functools.lru_cache(maxsize=512)
def _cached(text: str, rules: RuleSet, spell: Speller | None) -> Normalized:
    return normalize_with(text, rules, spell)


def normalize(
    text: str, kb: KnowledgeBase | None = None, vocabulary: frozenset[str] | None = None
) -> Normalized:
    """Normalise the clinical shorthand in ``text`` with the knowledge base's table.

    With ``vocabulary`` (the English words of the pipeline, see
    :func:`smartcheck.nlp.english_vocabulary`), clear typos are corrected as well
    (:mod:`smartcheck.shorthand.spelling`). Results are cached for a few hundred
    texts: a goal is normalised when its Doc is made and again when the component
    maps its spans back.
    """
    if kb is None:
        from smartcheck.kb.loader import default_kb

        kb = default_kb()
    return _cached(text, rules_for(kb), speller(kb, vocabulary) if vocabulary else None)
