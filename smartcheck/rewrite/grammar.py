"""Grammar helpers for rewrites: articles, plurals, agreement and tidy punctuation.

Articles and plurals come from the ``inflect`` library rather than
hand-written rules; this module only decides where to apply them.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import inflect

_ARTICLE = re.compile(r"\b([Aa]n?) (\[?[\w][\w'/-]*)")
_COUNTED = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)"
    r"(?P<sep> |-)(minutes?|hours?|seconds?|days?|weeks?|months?|times?|sets?|reps?|"
    r"repetitions?|steps?|miles?|sessions?|servings?|drinks?|nights?|sentences?|words?|pounds?)\b"
)
_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.IGNORECASE)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_REPEATED_PUNCT = re.compile(r"([,;])(\s*[,;])+")
_PLACEHOLDER = re.compile(r"\[[^\[\]]+\]")
# Doubling a word is fine in a few fixed phrases ("had had", "that that").
_DOUBLE_OK = frozenset({"had", "that"})


@functools.lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    """Return the shared inflect engine (imported lazily: inflect takes seconds to import)."""
    import inflect

    return inflect.engine()


def article_for(word: str) -> str:
    """Return "a" or "an" for ``word``; numbers are read aloud first ("an 8-week")."""
    head = word.lstrip("[")
    match = re.match(r"\d+", head)
    if match:
        head = str(_engine().number_to_words(match.group(0)))
    if head.lower().startswith("number"):
        return "a"
    return str(_engine().a(head)).split(" ", 1)[0]


def fix_articles(text: str) -> str:
    """Correct "a"/"an" before every following word."""

    def repl(match: re.Match[str]) -> str:
        art, word = match.group(1), match.group(2)
        before = text[: match.start()].rstrip()
        if art[0].isupper() and before and before[-1] not in ".!?":
            return match.group(0)  # "mod A on": an abbreviation, not an article
        if word.lower() in {"few", "lot", "little", "bit"}:
            return match.group(0)
        new = article_for(word)
        if art[0].isupper():
            new = new.capitalize()
        return f"{new} {word}"

    return _ARTICLE.sub(repl, text)


def agree_count(number: str, noun: str) -> str:
    """Return ``noun`` singular after one and plural otherwise ("1 minute", "2 minutes")."""
    engine = _engine()
    singular = engine.singular_noun(noun) or noun
    count = 1 if number in {"1", "one", "1.0"} else 2
    return str(engine.plural_noun(singular, count))


def fix_counts(text: str) -> str:
    """Make counted nouns agree with their number ("1 times" -> "1 time")."""

    def repl(match: re.Match[str]) -> str:
        number, sep, noun = match.group(1), match.group("sep"), match.group(3)
        if sep == "-":  # compound adjective: "a 5-minute walk" stays singular
            return f"{number}-{_engine().singular_noun(noun) or noun}"
        return f"{number} {agree_count(number, noun)}"

    return _COUNTED.sub(repl, text)


def is_base_form(verb: str) -> bool:
    """Tell whether ``verb`` is in the base form that follows "will"."""
    word = verb.lower()
    if word in {"is", "are", "was", "were", "has", "does", "did", "had"}:
        return False
    if word.endswith("ed") and word not in {"need", "feed", "bleed", "speed", "proceed"}:
        return False
    plural = _engine().plural_verb(word)
    return bool(plural == word)


def gerund(verb: str) -> str:
    """Return the -ing form of a base-form verb ("drink" -> "drinking", "smoke" -> "smoking")."""
    made = _engine().present_participle(verb)
    return made if isinstance(made, str) and made else verb + "ing"


def possessive(role: str) -> str:
    """Return the possessive that matches an actor role ("my", "our" or "their")."""
    return {"self": "my", "we": "our"}.get(role, "their")


def subject_pronoun(role: str) -> str:
    """Return the subject pronoun that matches an actor role ("I", "we" or "they")."""
    return {"self": "I", "we": "we"}.get(role, "they")


def remove_doubled_words(text: str) -> str:
    """Collapse accidental word repeats ("for for" -> "for")."""

    def repl(match: re.Match[str]) -> str:
        word = match.group(1)
        return match.group(0) if word.lower() in _DOUBLE_OK else word

    return _DOUBLED.sub(repl, text)


def tidy(text: str) -> str:
    """Normalise spacing and punctuation, fix articles and counts, end with a period."""
    out = re.sub(r"\s+", " ", text).strip()
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    out = _REPEATED_PUNCT.sub(r"\1", out)
    out = re.sub(r"\(\s+", "(", out)
    out = remove_doubled_words(out)
    out = fix_counts(out)
    out = fix_articles(out)
    out = out.strip(" ,;:")
    out = re.sub(r"[.!?;:,]+$", "", out).rstrip()
    if out and out[0].islower():
        out = out[0].upper() + out[1:]
    return f"{out}." if out else out


def placeholders_in(text: str) -> tuple[str, ...]:
    """Return the bracketed placeholders of ``text`` in order."""
    return tuple(_PLACEHOLDER.findall(text))


def number_word(value: int) -> str:
    """Spell a small number ("three") with inflect."""
    return str(_engine().number_to_words(str(value)))
