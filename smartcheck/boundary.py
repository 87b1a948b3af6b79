"""The API boundary: input checks the guards do not cover, and the last-resort error wrapper.

Everything here runs where a goal enters or leaves the library, never inside extraction:

* :func:`check_code_points` refuses text that cannot be encoded (lone surrogates such as
  ``"\\ud800"`` from a broken JSON escape), which spaCy's string store cannot hold;
* :func:`validate_context` gives the context the same type, code-point and length checks
  as the goal (parse time grows faster than linearly with its length);
* :func:`typed_errors` and :func:`unexpected` turn an exception that escapes the analysis
  of one goal into :class:`~smartcheck.errors.AnalysisError`. The exception *type* is
  logged and named in the reason; its message is not, because it may quote the goal.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from smartcheck.config import Settings
from smartcheck.errors import AnalysisError, ContextTooLongError, NotTextError, SmartCheckError

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def check_code_points(text: str, what: str = "goal") -> None:
    """Raise ``NotTextError`` when ``text`` holds code points that are not characters.

    Lone surrogates (U+D800-U+DFFF) are the only ``str`` values UTF-8 cannot encode.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise NotTextError(
            f"the {what} contains an invalid code point (U+{ord(text[err.start]):04X} "
            f"at position {err.start}); it is not valid Unicode text"
        ) from None


def safe_text(value: str) -> str:
    """Return ``value`` with invalid code points escaped (``\\ud800``), safe to serialise."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def validate_context(context: object, settings: Settings) -> str | None:
    """Return the context if it can be used with a goal, else raise a typed ``InputError``."""
    if context is None:
        return None
    if not isinstance(context, str):
        raise NotTextError(f"the context must be a string or None, not {type(context).__name__}")
    check_code_points(context, "context")
    if "\x00" in context:
        raise NotTextError("the context contains a NUL character; it looks like binary data")
    if len(context) > settings.max_context_chars:
        raise ContextTooLongError(
            f"the context has {len(context)} characters; the limit is "
            f"{settings.max_context_chars} (raise Settings.max_context_chars to allow more)"
        )
    return context or None


def unexpected(err: BaseException, where: str) -> AnalysisError:
    """Return the ``AnalysisError`` for an unexpected exception, logging only its type."""
    name = type(err).__name__
    # INFO, not ERROR: the caller gets the failure with this reason; a batch with many
    # such goals must not flood a CLI's stderr.
    logger.info("unexpected %s in %s; the goal is reported as failed", name, where)
    return AnalysisError(
        f"the analysis failed unexpectedly ({name} in {where}); this is a bug in smartcheck",
        cause=name,
    )


def typed_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap a public function so that it raises only ``smartcheck.errors`` types.

    ``SmartCheckError`` passes through; ``MemoryError`` and non-``Exception`` signals
    (``KeyboardInterrupt``, ``SystemExit``) are never swallowed; anything else becomes
    an ``AnalysisError`` chained to the original exception.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (SmartCheckError, MemoryError):
            raise
        except Exception as err:  # the boundary: see the module docstring
            raise unexpected(err, func.__name__) from err

    return wrapper


__all__ = ["check_code_points", "safe_text", "typed_errors", "unexpected", "validate_context"]
