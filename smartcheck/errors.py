"""Exceptions raised by smartcheck.

The hierarchy::

    SmartCheckError
     ├── ModelNotFoundError          the spaCy pipeline is not installed
     ├── KnowledgeBaseError          (also ValueError) a data file is invalid
     ├── ConfigError                 (also ValueError) bad settings or profile
     ├── AnalysisError               (also RuntimeError) analysing one goal failed unexpectedly
     └── InputError                  (also ValueError) a goal cannot be analysed
          ├── EmptyInputError        empty or whitespace-only
          ├── InputTooLongError      over Settings.max_chars
          │    └── ContextTooLongError   the context is over Settings.max_context_chars
          ├── NotTextError           not a string, binary content or invalid code points
          └── NotEnglishError        text in another language

Findings about a goal's wording are results, never exceptions. The public functions
(``analyze``, ``suggest``, ``compare``, ``gas_levels``, ``extract_goals``) raise only these
types: anything else that escapes the analysis of one goal is a bug, and is re-raised as
:class:`AnalysisError` naming the original exception type (never the goal text).
"""

from __future__ import annotations


class SmartCheckError(Exception):
    """Base class of every smartcheck error."""

    code = "smartcheck_error"


class ModelNotFoundError(SmartCheckError):
    """The requested spaCy pipeline is not installed."""

    code = "model_not_found"


class KnowledgeBaseError(SmartCheckError, ValueError):
    """A knowledge-base data file is missing or invalid."""

    code = "knowledge_base_error"


class ConfigError(SmartCheckError, ValueError):
    """Settings or a profile name are invalid."""

    code = "config_error"


class AnalysisError(SmartCheckError, RuntimeError):
    """Analysing one goal failed unexpectedly (a bug); ``reason`` names the exception type.

    The original exception is chained as ``__cause__`` for debugging; its message is not
    copied, because messages (pydantic's in particular) may quote the goal.
    """

    code = "analysis_failed"

    def __init__(self, reason: str, *, cause: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cause = cause


class InputError(SmartCheckError, ValueError):
    """A goal cannot be analysed; carries the source and row for audits."""

    code = "invalid_input"

    def __init__(self, reason: str, *, source: str | None = None, row: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source
        self.row = row


class EmptyInputError(InputError):
    """The goal is empty or only whitespace."""

    code = "empty"


class InputTooLongError(InputError):
    """The goal is longer than the configured limit."""

    code = "too_long"


class ContextTooLongError(InputTooLongError):
    """The context given with a goal is longer than the configured limit."""

    code = "context_too_long"


class NotTextError(InputError):
    """The goal is not a string, or looks like binary data."""

    code = "not_text"


class NotEnglishError(InputError):
    """The goal is written in a language other than English."""

    code = "not_english"


__all__ = [
    "AnalysisError",
    "ConfigError",
    "ContextTooLongError",
    "EmptyInputError",
    "InputError",
    "InputTooLongError",
    "KnowledgeBaseError",
    "ModelNotFoundError",
    "NotEnglishError",
    "NotTextError",
    "SmartCheckError",
]
