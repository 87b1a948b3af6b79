"""Abbreviations a goal defines itself: "Timed Up and Go (TUG)", "words correct per minute (WCPM)".

A small Schwartz-Hearst style detector: a parenthesised short form of 2-8
letters/digits whose letters appear, in order, as initials (or inside) the
words just before it. Later uses of the short form in the same goal read as
the long form. scispaCy's detector does the same on a parsed Doc but would add
a dependency and a second pass for what one regex does here.
"""

from __future__ import annotations

import re

_SHORT = re.compile(r"\((?P<sf>[A-Za-z][A-Za-z0-9-]{1,7})\)")
_WORD = re.compile(r"[\w'-]+")


def _long_form(before: str, short: str) -> str | None:
    """Return the words at the end of ``before`` that spell ``short``, or None."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = _WORD.findall(before)[-(len(letters) + 2) :]
    if not words or len(letters) < 2:
        return None
    long = " ".join(words)
    s_i, l_i = len(letters) - 1, len(long) - 1
    while s_i >= 0:
        c = letters[s_i]
        while l_i >= 0 and (
            long[l_i].lower() != c or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())
        ):
            l_i -= 1
        if l_i < 0:
            return None
        s_i -= 1
        l_i -= 1
    found = long[long.rfind(" ", 0, l_i + 1) + 1 :]
    return found if len(found.split()) <= len(letters) + 1 else None


def find_definitions(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, long form)`` for each later use of a defined short form."""
    defined: dict[str, tuple[int, str]] = {}
    for m in _SHORT.finditer(text):
        short = m.group("sf")
        if short in defined:
            continue
        long = _long_form(text[: m.start()], short)
        if long is not None and long.lower() != short.lower():
            defined[short] = (m.end(), long)
    uses: list[tuple[int, int, str]] = []
    for short, (after, long) in defined.items():
        for use in re.finditer(rf"(?<![\w(]){re.escape(short)}(?![\w)])", text[after:]):
            uses.append((after + use.start(), after + use.end(), long))
    return uses
