"""Every Doc extension smartcheck sets, in one table; registering twice is safe.

The per-goal parameters (context, reference date, profile name, id, index)
travel on the Doc as plain values so Docs survive ``nlp.pipe(n_process=...)``
serialisation, but code reads and writes them only as one typed
:class:`GoalParams`, through :func:`read_params` and :func:`write_params` (or
the ``doc._.smartcheck_params`` property). The date is converted in exactly
those two functions.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from smartcheck.errors import InputError
from smartcheck.models import GoalAnalysis

#: Span-group key under which the component stores element spans (for displaCy).
SPANS_KEY = "smartcheck"


@dataclass(frozen=True)
class GoalParams:
    """What the caller says about one goal, typed; ``None`` means "not given"."""

    reference_date: dt.date | None = None
    profile: str | None = None
    context: str | None = None
    id: str | None = None
    index: int | None = None


def _as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise InputError(
            f"doc._.smartcheck_reference_date must be an ISO date (YYYY-MM-DD), got {value!r}"
        ) from err


def read_params(doc: Doc) -> GoalParams:
    """Return the typed parameters stored on ``doc`` (ISO dates are parsed here, once)."""
    index = doc._.smartcheck_index
    return GoalParams(
        reference_date=_as_date(doc._.smartcheck_reference_date),
        profile=doc._.smartcheck_profile or None,
        context=doc._.smartcheck_context,
        id=doc._.smartcheck_id,
        index=None if index is None else int(index),
    )


def write_params(doc: Doc, params: GoalParams) -> None:
    """Store ``params`` on ``doc`` as plain values (the date as an ISO string)."""
    ref = params.reference_date
    doc._.smartcheck_reference_date = None if ref is None else ref.isoformat()
    doc._.smartcheck_profile = params.profile
    doc._.smartcheck_context = params.context
    doc._.smartcheck_id = params.id
    doc._.smartcheck_index = params.index


#: The analysis object of each Doc analysed in this process, next to its JSON. The JSON
#: on the Doc stays the source of truth (it survives ``n_process`` serialisation);
#: this weak memo only spares the getter from parsing it back (a few percent
#: of ``analyze_many``). An entry goes with its Doc.
_ANALYSES: weakref.WeakKeyDictionary[Doc, tuple[str, GoalAnalysis]] = weakref.WeakKeyDictionary()


def store_analysis(doc: Doc, analysis: GoalAnalysis) -> None:
    """Set ``doc._.smartcheck_json`` and remember the analysis object for ``doc._.smart``."""
    raw = analysis.model_dump_json()
    doc._.smartcheck_json = raw
    _ANALYSES[doc] = (raw, analysis)


def _smart(doc: Doc) -> GoalAnalysis | None:
    raw = doc._.smartcheck_json
    if raw is None:
        return None
    memo = _ANALYSES.get(doc)
    if memo is not None and memo[0] is raw:
        return memo[1]
    return GoalAnalysis.model_validate_json(raw)


#: name -> keyword arguments of ``Doc.set_extension``. Values stored on the Doc are
#: plain strings so Docs survive ``nlp.pipe(n_process=...)`` serialisation.
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    "smart": {"getter": _smart},
    "smartcheck_json": {"default": None},
    "smartcheck_params": {"getter": read_params, "setter": write_params},
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
