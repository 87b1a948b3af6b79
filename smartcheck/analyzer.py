"""Public entry points: analyze one goal, or stream many through ``nlp.pipe``.

This module only orchestrates: it validates input, fixes the reference date
once, hands Docs to the spaCy pipeline (whose ``smartcheck`` component does
the extraction and scoring) and returns the analyses in input order.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from smartcheck.component import make_goal_doc
from smartcheck.config import Settings
from smartcheck.errors import InputError, NotTextError, SmartCheckError
from smartcheck.extensions import register_extensions
from smartcheck.guards import validate_text
from smartcheck.kb.loader import default_kb
from smartcheck.models import AnalysisFailure, Goal, GoalAnalysis
from smartcheck.nlp import english_vocabulary, load_nlp

logger = logging.getLogger(__name__)

DateLike = dt.date | str | None
Item = str | Goal | tuple[str, str | None] | Mapping[str, Any]


def resolve_reference_date(value: DateLike) -> dt.date:
    """Return the reference date: the given date, an ISO string, or today."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise InputError(f"reference_date must be an ISO date (YYYY-MM-DD), got {value!r}") from err


def _prepare(
    nlp: Language,
    goal: Goal,
    *,
    reference_date: dt.date,
    profile: str,
    index: int | None,
) -> Doc:
    doc = make_goal_doc(nlp, goal.text)
    doc._.smartcheck_context = goal.context
    doc._.smartcheck_reference_date = (goal.reference_date or reference_date).isoformat()
    doc._.smartcheck_profile = profile
    doc._.smartcheck_id = goal.id
    doc._.smartcheck_index = index
    return doc


def _result(doc: Doc) -> GoalAnalysis:
    analysis = doc._.smart
    if analysis is None:  # pragma: no cover - the component always sets it
        raise SmartCheckError("the smartcheck component did not run on this Doc")
    return analysis  # type: ignore[no-any-return]


def analyze(
    text: str,
    *,
    context: str | None = None,
    reference_date: DateLike = None,
    profile: str = "therapy",
    settings: Settings | None = None,
    id: str | None = None,
    suggestions: int = 0,
) -> GoalAnalysis:
    """Analyse one goal and return its explained SMART scores.

    Raises ``InputError`` (a ``ValueError``) for a non-string, empty, too long,
    binary or non-English goal, and ``ConfigError`` for an unknown profile.
    ``suggestions > 0`` also fills ``GoalAnalysis.suggestions`` with that many rewrites.
    """
    settings = settings or Settings()
    default_kb().profile(profile)
    nlp = load_nlp(settings)
    clean = validate_text(text, settings, english_vocabulary(nlp))
    if context is not None and not isinstance(context, str):
        raise NotTextError("context must be a string or None")
    ref = resolve_reference_date(reference_date)
    register_extensions()
    doc = _prepare(
        nlp,
        Goal(text=clean, context=context or None, id=id),
        reference_date=ref,
        profile=profile,
        index=None,
    )
    result = _result(nlp(doc))
    if suggestions > 0:
        from smartcheck.rewrite import suggest

        found = suggest(result, context=context, n=suggestions)
        result = result.model_copy(update={"suggestions": tuple(found)})
    return result


def to_goal(item: object, context: str | None = None) -> Goal:
    """Turn a batch item (str, (text, context), Goal or mapping) into a ``Goal``."""
    if isinstance(item, Goal):
        return item
    if isinstance(item, str):
        return Goal(text=item, context=context)
    if isinstance(item, tuple) and len(item) == 2:
        text, ctx = item
        if not isinstance(text, str):
            raise NotTextError(f"the goal must be a string, not {type(text).__name__}")
        return Goal(text=text, context=ctx if isinstance(ctx, str) else context)
    if isinstance(item, Mapping):
        text = item.get("text", item.get("goal"))
        if not isinstance(text, str):
            raise NotTextError("the record has no text field with a string goal")
        ref = item.get("reference_date")
        raw_id = item.get("id")
        return Goal(
            text=text,
            context=item.get("context", context),
            id=None if raw_id is None else str(raw_id),
            reference_date=resolve_reference_date(ref) if ref else None,
        )
    raise NotTextError(f"the goal must be a string, not {type(item).__name__}")


def _failure(index: int, item: object, err: InputError) -> AnalysisFailure:
    item_id = None
    if isinstance(item, Goal):
        item_id = item.id
    elif isinstance(item, Mapping) and item.get("id") is not None:
        item_id = str(item["id"])
    length = len(item) if isinstance(item, str) else None
    return AnalysisFailure(
        id=item_id, index=index, error=err.code, reason=err.reason, length=length
    )


def analyze_many(
    items: Iterable[Item],
    *,
    context: str | None = None,
    reference_date: DateLike = None,
    profile: str = "therapy",
    settings: Settings | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[GoalAnalysis | AnalysisFailure]:
    """Analyse many goals through ``nlp.pipe``, yielding one result per item in input order.

    Items are strings, ``(text, context)`` tuples, ``Goal`` models or mappings with
    ``text``/``context``/``id``/``reference_date``. A bad item never raises: it yields
    an ``AnalysisFailure`` with the reason in its place. Results stream; memory stays flat.
    """
    settings = settings or Settings()
    default_kb().profile(profile)
    ref = resolve_reference_date(reference_date)
    nlp = load_nlp(settings)
    vocabulary = english_vocabulary(nlp)
    register_extensions()
    failures: deque[GoalAnalysis | AnalysisFailure] = deque()

    def docs() -> Iterator[Doc]:
        for index, item in enumerate(items):
            try:
                goal = to_goal(item, context)
                validate_text(goal.text, settings, vocabulary)
                if goal.context is not None and not isinstance(goal.context, str):
                    raise NotTextError("context must be a string or None")
            except InputError as err:
                logger.debug("item %d rejected: %s", index, err.code)
                failures.append(_failure(index, item, err))
                continue
            except (TypeError, ValueError) as err:
                failures.append(
                    _failure(index, item, NotTextError(f"invalid item: {type(err).__name__}"))
                )
                continue
            yield _prepare(nlp, goal, reference_date=ref, profile=profile, index=index)

    size = batch_size or settings.batch_size
    for doc in nlp.pipe(docs(), batch_size=size, n_process=n_process):
        result = _result(doc)
        while failures and (failures[0].index or 0) < (result.index or 0):
            yield failures.popleft()
        yield result
    while failures:
        yield failures.popleft()
