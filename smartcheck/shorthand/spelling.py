"""Slips of the keyboard in notes ("wil", "weeek", "greif"), read as the word meant.

Notes and self-written goals carry typos, and a typo in the one word the rubric
reads ("3 days a weeek", "I want my greif to hurt less") changes a verdict. A word
is corrected only when all of this holds:

- it is not an English word: not in the pipeline's lemmatizer tables, even after
  stripping a common suffix, and not a stop word;
- it is not shorthand (the abbreviation table has already had its turn) and has
  no capital (shorthand, a name, a brand);
- a word of the knowledge base's own vocabulary (its lexicons, concern terms,
  measures, units and the stop words) is one edit away, and no other word is as
  likely: a doubled or undoubled letter ("wil", "allways", "weeek") is the most
  common slip, then two letters swapped ("greif"), then a letter dropped or
  added, then a letter changed; two readings of the same kind ("bak": back,
  bake, bank) leave the word as written. The first letter never changes, a letter
  typed in excess counts only when doubled, a changed letter only in a long word,
  and a three-letter word only by a doubled letter (see ``_plausible``).

Anything else is left as written: the tool reads "wil" as "will", never a drug
name or a surname as something else. Corrections are ordinary normalisation
edits, so every span still maps back to the characters the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from smartcheck.kb.models import KnowledgeBase

#: Suffixes whose stem may be the dictionary form ("walked" -> "walk", "tapering" -> "taper").
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
)

_TOKEN = re.compile(r"(?<![\w'’/@#.-])[A-Za-z]{3,}(?![\w'’/@-]|\.\w)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


#: Suffixes that make a new word rather than inflect one: their stem must be longer
#: before it counts ("dialy" is not "dia" + "ly"; "toes" is "toe" + "s").
_DERIVING = frozenset({"ly", "er", "est"})


def is_known(word: str, vocabulary: frozenset[str], min_stem: int = 2) -> bool:
    """Tell whether a lowercase word is in ``vocabulary``, as written or by its stem once
    a common suffix is stripped (a stem of ``min_stem`` letters or more after a
    deriving suffix such as "-ly", of two or more after an inflection)."""
    if word in vocabulary:
        return True
    for suffix, repl in SUFFIXES:
        least = min_stem if suffix in _DERIVING else 2
        if word.endswith(suffix) and len(word) >= len(suffix) + least:
            stem = word[: -len(suffix)] + repl
            if stem in vocabulary or (
                len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocabulary
            ):
                return True
    return False


def _edits(word: str) -> set[str]:
    """Every string one edit from ``word`` (Norvig's edits1, with transpositions)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


def _kind(word: str, fixed: str) -> int:
    """Rank how likely a slip turns ``fixed`` into ``word``: a doubled or undoubled letter
    ("wil", "allways"), then two letters swapped ("greif"), then a letter dropped or
    added, then a letter changed."""
    longer, shorter = (fixed, word) if len(fixed) > len(word) else (word, fixed)
    if len(longer) != len(shorter):
        i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
        doubled = (i > 0 and longer[i] == longer[i - 1]) or (
            i + 1 < len(longer) and longer[i] == longer[i + 1]
        )
        return 0 if doubled else 2
    diff = [k for k in range(len(word)) if word[k] != fixed[k]]
    return 1 if len(diff) == 2 else 3


def _plausible(word: str, fixed: str, kind: int) -> bool:
    """Keep the slips people make, not the ones that turn one real word into another:
    the first letter stays; a letter typed in excess counts only when doubled
    ("prehab" is not "rehab", "simpler" not "simple"); a changed letter only in a word
    of six letters or more ("pulm" is not "pull"); a three-letter word only by a
    doubled letter ("wil", but not "uni" for "unit")."""
    if fixed[0] != word[0]:
        return False
    if len(word) == 3:
        return kind == 0
    if kind == 2 and len(word) > len(fixed):
        return False
    return kind != 3 or len(word) >= 6


def _best(word: str, found: set[str]) -> str | None:
    """Return the one most likely reading of a typo, or ``None`` when two tie."""
    ranked = sorted((k, f) for f in found if _plausible(word, f, k := _kind(word, f)))
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


def _words(texts: Iterable[str]) -> set[str]:
    return {w for text in texts for w in re.findall(r"[a-z]{3,}", text.lower())}


_TARGETS: dict[int, tuple[KnowledgeBase, frozenset[str]]] = {}


def targets(kb: KnowledgeBase) -> frozenset[str]:
    """Return the words a typo may be corrected to: the knowledge base's vocabulary."""
    hit = _TARGETS.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    from spacy.lang.en.stop_words import STOP_WORDS

    sources: list[Any] = [
        kb.lexicon.model_dump(),
        kb.patterns.model_dump(),  # words the time and rate patterns read ("recert", "eval")
        [c.model_dump() for c in kb.concerns],
        [m.model_dump() for m in kb.measures],
        [a.model_dump() for a in kb.assistance],
        kb.units.model_dump(),
        [e.expansion for e in kb.abbreviations],
        sorted(STOP_WORDS),
    ]
    words = frozenset(_words(_strings(sources)))
    if len(_TARGETS) > 8:
        _TARGETS.clear()
    _TARGETS[id(kb)] = (kb, words)
    return words


def corrections(
    text: str,
    kb: KnowledgeBase,
    vocabulary: frozenset[str],
    skip: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """Return ``(start, end, word)`` for each typo of ``text`` that has one clear reading."""
    from spacy.lang.en.stop_words import STOP_WORDS

    taken = list(skip)
    known = targets(kb)
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        word = raw.lower()
        if raw[0].isupper() or any(s < m.end() and m.start() < e for s, e in taken):
            continue  # capitals: shorthand, a name, a brand
        if (
            word in STOP_WORDS
            or word in known
            or is_known(word, vocabulary, min_stem=4)
            or is_known(word, known, min_stem=4)  # "toes": the plural of a KB word
        ):
            continue
        fixed = _best(word, _edits(word) & known)
        if fixed is None:
            continue
        out.append((m.start(), m.end(), fixed))
    return out


@dataclass(frozen=True, eq=False)
class Speller:
    """The knowledge base and English vocabulary a text is spell-checked against
    (hashed by identity, so that normalisation results can be cached per speller)."""

    kb: KnowledgeBase
    vocabulary: frozenset[str]

    def corrections(
        self, text: str, skip: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """Return the typos of ``text`` with one clear reading (see :func:`corrections`)."""
        return corrections(text, self.kb, self.vocabulary, skip)


_SPELLERS: dict[tuple[int, int], Speller] = {}


def speller(kb: KnowledgeBase, vocabulary: frozenset[str]) -> Speller:
    """Return the one :class:`Speller` of this knowledge base and vocabulary."""
    key = (id(kb), id(vocabulary))
    hit = _SPELLERS.get(key)
    if hit is not None and hit.kb is kb and hit.vocabulary is vocabulary:
        return hit
    if len(_SPELLERS) > 8:
        _SPELLERS.clear()
    made = Speller(kb, vocabulary)
    _SPELLERS[key] = made
    return made
