"""Every Doc extension smartcheck sets, in one table; registering twice is safe."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from smartcheck.models import GoalAnalysis

#: Span-group key under which the component stores element spans (for displaCy).
SPANS_KEY = "smartcheck"


def _smart(doc: Doc) -> GoalAnalysis | None:
    raw = doc._.smartcheck_json
    if raw is None:
        return None
    return GoalAnalysis.model_validate_json(raw)


#: name -> keyword arguments of ``Doc.set_extension``. Values stored on the Doc are
#: plain strings so Docs survive ``nlp.pipe(n_process=...)`` serialisation.
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    "smart": {"getter": _smart},
    "smartcheck_json": {"default": None},
    "smartcheck_context": {"default": None},
    "smartcheck_reference_date": {"default": None},
    "smartcheck_profile": {"default": None},
    "smartcheck_id": {"default": None},
    "smartcheck_index": {"default": None},
    # The goal as the user wrote it, when the Doc holds its normalised shorthand.
    "smartcheck_original": {"default": None},
}


def register_extensions() -> None:
    """Register the Doc extensions unless they already exist."""
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
