"""Necessary literals of a regex: a cheap test that lets a candidate pattern skip a goal.

Most candidate patterns can only match where some word is written ("minutes", "week",
"until"). Running each of them over every goal costs more than the rest of the
extraction; a substring test costs next to nothing. :func:`required_factors` reads a
compiled pattern's syntax tree and returns sets of strings such that every match of
the pattern (and every lookahead it needs) contains at least one string of each set.
It is the classic "prefilter" of RE2 and Hyperscan in its simplest form: literal runs,
alternations and mandatory repeats.

The test is exact in one direction only, which is the one that matters: if
:func:`may_match` says no, the pattern cannot match. Both sides are lowercased, so
the test holds for patterns compiled with ``re.IGNORECASE``; the few characters that
``re`` folds onto an ASCII letter without ``str.lower`` doing the same (the long s,
the Kelvin sign, dotted and dotless i) switch the test off for that text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

if sys.version_info >= (3, 11):  # the parser moved to ``re._parser``; ``sre_parse`` is deprecated
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

Factors = frozenset[str]

#: Characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` keeps apart.
_FOLD_SPECIAL = frozenset("ſKİı")


def _better(a: Factors | None, b: Factors | None) -> Factors | None:
    """Return the more selective of two factor sets: longer shortest string, then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _all_of(items: Iterable[tuple[Any, Any]]) -> list[Factors]:
    """Return the factor sets of a sequence: each of them is needed by every match."""
    sets: list[Factors] = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            sets.append(frozenset({run}))
            run = ""
        found = _item(op, arg)
        if found is not None:
            sets.append(found)
    if run:
        sets.append(frozenset({run}))
    return sets


def _sequence(items: Iterable[tuple[Any, Any]]) -> Factors | None:
    best: Factors | None = None
    for found in _all_of(items):
        best = _better(best, found)
    return best


def _item(op: Any, arg: Any) -> Factors | None:
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(arg)
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, body = arg
        return _sequence(body) if low >= 1 else None
    if op is _c.ASSERT:  # a lookaround that must hold: its text is in the goal too
        return _sequence(arg[1])
    if op is _c.IN:
        chars = [chr(a).lower() for o, a in arg if o is _c.LITERAL]
        return frozenset(chars) if chars and len(chars) == len(arg) else None
    return None


def required_factors(pattern: re.Pattern[str]) -> tuple[Factors, ...]:
    """Return sets of strings such that every match of ``pattern`` contains one string
    of each set (most selective set first); an empty tuple when none can be shown."""
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError, ValueError):  # pragma: no cover - compiled already
        return ()
    sets = {found for found in _all_of(list(tree)) if found and all(found)}
    # Single ASCII characters ("s", "-") are in nearly every goal: they filter nothing. A rare
    # symbol ("×", "≥") or a marker a caller substituted for a sub-pattern is kept.
    useful = [found for found in sets if not any(len(f) == 1 and f.isascii() for f in found)]
    return tuple(sorted(useful, key=lambda f: (-min(map(len, f)), len(f), sorted(f))))


def lowered(text: str) -> str | None:
    """Return ``text`` lowercased for :func:`may_match`, or ``None`` if the test must be off."""
    return None if _FOLD_SPECIAL.intersection(text) else text.lower()


def may_match(factors: tuple[Factors, ...], low: str | None) -> bool:
    """Tell whether a pattern with ``factors`` can match the text lowered to ``low``."""
    if low is None:
        return True
    for found in factors:  # plain loops: this runs for every pattern on every goal
        for literal in found:
            if literal in low:
                break
        else:
            return False
    return True
