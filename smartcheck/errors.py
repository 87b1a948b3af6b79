"""Exceptions raised by smartcheck.

The hierarchy::

    SmartCheckError
     ├── ModelNotFoundError          the spaCy pipeline is not installed
     ├── KnowledgeBaseError          (also ValueError) a data file is invalid
     ├── ConfigError                 (also ValueError) bad settings or profile
     └── InputError                  (also ValueError) a goal cannot be analysed
          ├── EmptyInputError        empty or whitespace-only
          ├── InputTooLongError      over Settings.max_chars
          ├── NotTextError           not a string, or binary content
          └── NotEnglishError        text in another language

Findings about a goal's wording are results, never exceptions.
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


class NotTextError(InputError):
    """The goal is not a string, or looks like binary data."""

    code = "not_text"


class NotEnglishError(InputError):
    """The goal is written in a language other than English."""

    code = "not_english"


__all__ = [
    "ConfigError",
    "EmptyInputError",
    "InputError",
    "InputTooLongError",
    "KnowledgeBaseError",
    "ModelNotFoundError",
    "NotEnglishError",
    "NotTextError",
    "SmartCheckError",
]
