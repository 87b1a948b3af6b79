"""Move every span of an analysis from the normalised text back to the original.

One generic walk over the pydantic models: any ``Evidence`` (elements,
evidence, finding spans) gets its offsets mapped and its ``text`` re-cut from
the original, so ``original[start:end] == text`` holds everywhere. A finding
message that quotes the normalised wording quotes the user's wording instead.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from smartcheck.models import Evidence, Finding
from smartcheck.shorthand.normalize import Normalized

M = TypeVar("M", bound=BaseModel)


def _value(value: Any, norm: Normalized) -> Any:
    if isinstance(value, BaseModel):
        return remap(value, norm)
    if isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
        return tuple(_value(v, norm) for v in value)
    return value


def remap(model: M, norm: Normalized) -> M:
    """Return ``model`` with every span mapped onto ``norm.original``."""
    if not norm.changed:
        return model
    update: dict[str, Any] = {}
    for name in type(model).__pydantic_fields__:
        value = getattr(model, name)
        mapped = _value(value, norm)
        if mapped is not value:
            update[name] = mapped
    if isinstance(model, Evidence):
        start, end = norm.to_original(model.start, model.end)
        update.update(start=start, end=end, text=norm.original[start:end])
    if isinstance(model, Finding) and model.span is not None and "span" in update:
        old, new = model.span.text, update["span"].text
        if old != new and old:
            update["message"] = model.message.replace(f"'{old}'", f"'{new}'")
            update["fix"] = model.fix.replace(f"'{old}'", f"'{new}'")
    return model.model_copy(update=update) if update else model
