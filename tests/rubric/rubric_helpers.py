"""Helpers of the rubric tests."""

from __future__ import annotations

from typing import Any


def at(text: str, part: str, **fields: Any) -> dict[str, Any]:
    """Return element fields for ``part`` located inside ``text``."""
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, **fields}
