"""Input checks at the API boundary: type, emptiness, length, binary content, language."""

from __future__ import annotations

import functools
import logging
import unicodedata
from typing import Any

from smartcheck.config import Settings
from smartcheck.errors import EmptyInputError, InputTooLongError, NotEnglishError, NotTextError

logger = logging.getLogger(__name__)

#: Share of control or replacement characters above which text is treated as binary.
MAX_BINARY_SHARE = 0.1
#: Fewer letters than this and the language is not judged (too short to tell).
MIN_LETTERS_FOR_LANGUAGE = 12


def _binary_share(text: str) -> float:
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
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def check_language(text: str) -> None:
    """Raise ``NotEnglishError`` when ``text`` is clearly not English."""
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < MIN_LETTERS_FOR_LANGUAGE:
        return
    if _latin_share(text) < 0.5:
        raise NotEnglishError("the goal is not written in English (mostly non-Latin script)")
    from lingua import Language

    detector = _detector()
    english = detector.compute_language_confidence(text, Language.ENGLISH)
    best = detector.detect_language_of(text)
    if best is not None and best != Language.ENGLISH and english < 0.15:
        name = best.name.title()
        raise NotEnglishError(f"the goal appears to be written in {name}, not English")


def validate_text(text: object, settings: Settings) -> str:
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
        check_language(text)
    return text
