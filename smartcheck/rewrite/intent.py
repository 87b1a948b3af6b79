"""The direction of a goal: do more, do less (a reduction) or stop (quitting).

Rubric (safety.md §9, "Keep reduction direction"): a cap must never become a
quota. A goal to drink, check, smoke or binge *less* is rewritten as a
reduction from a baseline to a target, a limit ("no more than ...") or a
replacement behaviour, never as "at least N" of the problem behaviour; a goal
to *stop* stays a goal to stop (with a supervised step where safety needs one)
and is not quietly downgraded to "cut down".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["more", "reduce", "quit"]

_REDUCE = re.compile(
    r"\b(?:less|fewer|cut(?:ting)?\s+(?:down|back)|reduc\w*|decreas\w*|limit\w*|lower\w*|"
    r"minimi[sz]\w*|not\s+as\s+(?:much|often|many)|no\s+more\s+than|at\s+most|moderat\w*)\b",
    re.IGNORECASE,
)
QUIT_WORDS = _QUIT = re.compile(
    r"\b(?:stop(?:ping|s)?|quit(?:ting|s)?|give\s+up|giving\s+up|abstain\w*|stay\s+(?:off|away\s+from|"
    r"sober|clean)|be\s+(?:sober|clean|abstinent)|no\s+longer|cut\s+out|kick(?:ing)?\s+the|"
    r"get\s+off|come\s+off|wean\w*\s+(?:\w+\s+)?off|taper\w*\s+off|(?:be|get|am)\s+done\s+with|never\s+(?:\w+\s+){0,3}?again|sober|sobriety)\b|\b(?:will|to)\s+not\s+(?!only\b|just\b|be\b|let\b)(?=\w)|\bwon't\s+(?=\w)",
    re.IGNORECASE,
)
#: The actor and stem before the action ("Client will", "I want to").
_STEM = re.compile(
    r"^\s*(?:(?:the\s+)?(?:client|pt|patient|student|resident|child|i|he|she|they|we|[\w']+)\s+)?"
    r"(?:will|would\s+like\s+to|like\s+to|love\s+to|wanna|gonna|wants?\s+to|needs?\s+to|plans?\s+to|hopes?\s+to|is\s+going\s+to|"
    r"am\s+going\s+to|(?:will\s+)?try\s+to|to)?\s*",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "our",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "you",
        "your",
        "the",
        "a",
        "an",
        "to",
        "of",
        "on",
        "in",
        "at",
        "for",
        "and",
        "or",
        "less",
        "fewer",
        "more",
        "much",
        "many",
        "often",
        "down",
        "back",
        "cut",
        "reduce",
        "reducing",
        "decrease",
        "lower",
        "limit",
        "stop",
        "quit",
        "give",
        "up",
        "will",
        "want",
        "wants",
        "need",
        "needs",
        "would",
        "like",
        "try",
        "going",
        "be",
        "am",
        "is",
        "are",
        "than",
        "no",
        "with",
        "by",
        "from",
        "times",
        "time",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "lot",
        "so",
        "as",
        "not",
        "using",
        "use",
    ]
)
#: Contractions and fillers before the verb ("I won't drink", "try and vape less").
_STOPWORDS |= frozenset(
    ["won't", "don't", "and", "i'd", "i'll", "i'm", "wanna", "gonna", "gotta", "tryna", "just"]
)
_MINIMUM = (
    r"(?:at\s+least|or\s+more|a\s+minimum\s+of|minimum\s+of|no\s+fewer\s+than|no\s+less\s+than)"
)
_REDUCTION_WORDING = re.compile(
    r"\b(?:cut(?:ting)?\s+(?:down|back)|reduc\w*|fewer|less|no\s+more\s+than|limit\w*|"
    r"at\s+most|lower)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Intent:
    """The direction of a goal and the words naming the behaviour it changes."""

    direction: Direction
    behaviour: tuple[str, ...] = ()


def _stem(word: str) -> str:
    """Return a loose stem that matches inflections ("binge" -> "bing", "drinks" -> "drink")."""
    word = word.lower()
    for suffix in ("ing", "es", "s", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def intent_of(goal: str) -> Intent:
    """Return whether ``goal`` asks for more, less (a reduction) or a stop, and of what.

    The behaviour words are the verb right after the stem ("drink less" ->
    drink) and the nouns the reduction or stop applies to ("fewer joints",
    "cut down on weed", "stop using heroin").
    """
    text = goal.strip()
    quit_match = _QUIT.search(text)
    reduce_match = _REDUCE.search(text)
    if quit_match is None and reduce_match is None:
        return Intent("more")
    direction: Direction = "quit" if quit_match is not None else "reduce"
    if re.search(r"\b(?:so|as|too)\s+(?:much|often|many)\b", text, re.IGNORECASE):
        direction = "reduce"  # "stop eating so much" asks for less, not for a stop
        reduce_match = reduce_match or quit_match
    if quit_match is not None and reduce_match is not None:
        direction = "quit" if quit_match.start() < reduce_match.start() else "reduce"
    body = text[_STEM.match(text).end() :] if _STEM.match(text) else text  # type: ignore[union-attr]
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", body)
    first = [w for w in words[:3] if w.lower() not in _STOPWORDS][:1]
    marker = quit_match if direction == "quit" else reduce_match
    assert marker is not None
    after = re.findall(r"[A-Za-z][A-Za-z'-]+", text[marker.end() : marker.end() + 40])
    objects = _object(after)
    behaviour = tuple(dict.fromkeys(_stem(w) for w in [*first, *objects] if len(w) >= 3))
    return Intent(direction, behaviour)


_SKIP = frozenset(
    ["on", "using", "taking", "the", "my", "their", "his", "her", "of", "a", "an", "some"]
)
_PREPOSITIONS = frozenset(
    ["at", "with", "in", "when", "around", "to", "for", "about", "during", "after", "before", "if"]
)


def _object(words: list[str]) -> list[str]:
    """Return the thing reduced or stopped ("fewer joints", "cut down on alcohol"), if named.

    A prepositional phrase ("less at his kids", "less with my partner") names
    no object: the kids are not the behaviour to reduce.
    """
    for word in words[:4]:
        lowered = word.lower()
        if lowered in _PREPOSITIONS:
            return []
        if lowered in _SKIP:
            continue
        return [] if lowered in _STOPWORDS else [word]
    return []


def sets_minimum(suggestion: str, intent: Intent) -> str | None:
    """Return the wording that turns the reduced behaviour into a minimum, if any.

    "I will drink on at least two days a week" for "drink less" is such a
    wording; "keep at least two days alcohol-free" (a replacement) is not.
    """
    if intent.direction == "more" or not intent.behaviour:
        return None
    names = "|".join(re.escape(b) for b in intent.behaviour)
    before = re.compile(
        rf"\b(?:{names})\w*\b(?![- ]?free)[^.;,]{{0,40}}?\b{_MINIMUM}\b[^.;,]{{0,25}}?",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"\b{_MINIMUM}\s+(?:\w+\s+){{0,3}}?(?:{names})\w*\b(?![- ]?free)", re.IGNORECASE
    )
    for pattern in (before, after):
        match = pattern.search(suggestion)
        if match is not None and not _is_replacement(match.group(0)):
            return match.group(0)
    return None


def _is_replacement(wording: str) -> bool:
    """Tell whether a minimum is on a replacement ("drink-free days", "without drinking")."""
    return bool(re.search(r"\b(?:free|without|instead|resist\w*|delay\w*|urges?)\b", wording, re.I))


def downgrades_quit(suggestion: str, intent: Intent) -> bool:
    """Tell whether a suggestion turns a goal to stop into a goal to cut down."""
    if intent.direction != "quit":
        return False
    if _QUIT.search(suggestion):
        return False
    if re.search(r"\bat\s+least\s+\w+\s+days?\s+[\w-]+[- ]free\b", suggestion, re.IGNORECASE):
        return True
    if not intent.behaviour:
        return bool(_REDUCTION_WORDING.search(suggestion))
    names = "|".join(re.escape(b) for b in intent.behaviour)
    near = re.compile(
        rf"{_REDUCTION_WORDING.pattern}[^.;]{{0,30}}\b(?:{names})|\b(?:{names})\w*[^.;]{{0,30}}"
        rf"{_REDUCTION_WORDING.pattern}",
        re.IGNORECASE,
    )
    return bool(near.search(suggestion))
