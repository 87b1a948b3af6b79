"""Input checks at the API boundary: type, emptiness, length, binary content, language."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from typing import Any

from smartcheck.config import Settings
from smartcheck.errors import EmptyInputError, InputTooLongError, NotEnglishError, NotTextError
from smartcheck.shorthand.spelling import is_known

logger = logging.getLogger(__name__)

#: Share of control or replacement characters above which text is treated as binary.
MAX_BINARY_SHARE = 0.1
#: Fewer letters than this and the language is not judged (too short to tell).
MIN_LETTERS_FOR_LANGUAGE = 12


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _binary_share(text: str) -> float:
    if text.isascii():  # most goals: only ASCII control characters can be binary
        return len(_ASCII_CONTROL.findall(text)) / max(1, len(text))
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in "\t\n\r")
    )
    return bad / max(1, len(text))


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.GERMAN, Language.ITALIAN,
        Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.TURKISH, Language.INDONESIAN,
        Language.SWEDISH, Language.TAGALOG, Language.VIETNAMESE, Language.ROMANIAN,
    ]  # fmt: skip
    # Low-accuracy mode loads only the small trigram models: it starts in
    # milliseconds and is enough for text that already lacks English function words.
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _latin_share(text: str) -> float:
    if text.isascii():  # every ASCII letter is Latin
        return 1.0
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


_WORD = re.compile(r"[^\W\d_]+")


def _english_share(text: str, vocabulary: frozenset[str]) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1]
    if not words:
        return 1.0
    return sum(1 for w in words if w in STOP_WORDS or is_known(w, vocabulary)) / len(words)


_TOKEN = re.compile(r"\S+")
_NUMBERISH = re.compile(r"^[\W\d_]*\d[\W\d_]*[a-z]{0,3}\.?$|^[\W_]+$", re.IGNORECASE)


def _shorthand_share(text: str) -> float:
    """Return the share of whitespace tokens that are numbers, symbols or known shorthand."""
    from smartcheck.shorthand import normalize

    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if not tokens:
        return 1.0
    known = normalize(text).shorthand
    hits = sum(
        1
        for start, end in tokens
        if _NUMBERISH.match(text[start:end]) or any(s < end and start < e for s, e in known)
    )
    return hits / len(tokens)


def check_language(text: str, vocabulary: frozenset[str] = frozenset()) -> None:
    """Raise ``NotEnglishError`` when ``text`` is clearly not English.

    Clinical shorthand is English: text made mostly of numbers, symbols and
    known abbreviations ("Pt amb 150 ft w/ RW CGA x2 wks") is never judged, and
    the rest is judged on its normalised wording ("patient ambulate 150 ft
    with rolling walker"). Text whose words are then mostly English (function
    words, or base forms from the pipeline's lemmatizer tables) passes at once;
    only the rest goes to the lingua detector (offline, bundled models).
    """
    letters = sum(1 for ch in text if ch.isalpha())
    if letters >= 2 and _latin_share(text) < 0.5:
        raise NotEnglishError("the goal is not written in English (mostly non-Latin script)")
    if letters < MIN_LETTERS_FOR_LANGUAGE:
        return
    if _english_share(text, vocabulary) >= 0.6:
        return
    if _shorthand_share(text) >= 0.5:
        return
    from smartcheck.shorthand import normalize

    # Shorthand only: correcting "typos" would turn another language into English words.
    text = normalize(text).text
    if _english_share(text, vocabulary) >= 0.6:
        return
    from lingua import Language

    detector = _detector()
    best = detector.detect_language_of(text)
    if best is None or best == Language.ENGLISH:
        return
    if detector.compute_language_confidence(text, Language.ENGLISH) < 0.15:
        name = best.name.title()
        raise NotEnglishError(f"the goal appears to be written in {name}, not English")


def validate_text(
    text: object, settings: Settings, vocabulary: frozenset[str] = frozenset()
) -> str:
    """Return the goal text if it can be analysed, else raise a typed ``InputError``."""
    if isinstance(text, bytes):
        raise NotTextError("the goal is bytes, not text; decode it first")
    if not isinstance(text, str):
        raise NotTextError(f"the goal must be a string, not {type(text).__name__}")
    if "\x00" in text or _binary_share(text) > MAX_BINARY_SHARE:
        raise NotTextError("the goal looks like binary data, not text")
    if not text.strip():
        raise EmptyInputError("the goal is empty")
    if len(text) > settings.max_chars:
        raise InputTooLongError(
            f"the goal has {len(text)} characters; the limit is {settings.max_chars} "
            "(raise Settings.max_chars to allow longer goals)"
        )
    if settings.check_language:
        check_language(text, vocabulary)
    return text
