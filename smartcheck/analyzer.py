"""Analysis entry points: analyze one goal, or stream many through ``nlp.pipe``.

This module only drives the pipeline: it validates input, fixes the reference
date once, hands Docs to the spaCy pipeline (whose ``smartcheck`` component
does the extraction and scoring) and returns the analyses in input order. It
never imports the rewrite: ``smartcheck.orchestrate`` adds suggestions on top.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from smartcheck import clock
from smartcheck.boundary import (
    check_code_points,
    safe_text,
    typed_errors,
    unexpected,
    validate_context,
)
from smartcheck.component import make_goal_doc
from smartcheck.config import Settings
from smartcheck.errors import AnalysisError, InputError, NotTextError, SmartCheckError
from smartcheck.extensions import GoalParams, register_extensions, write_params
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
        return clock.today()
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
    params = GoalParams(
        reference_date=goal.reference_date or reference_date,
        profile=profile,
        context=goal.context,
        id=goal.id,
        index=index,
    )
    write_params(doc, params)
    return doc


def _result(doc: Doc) -> GoalAnalysis:
    analysis = doc._.smart
    if analysis is None:  # pragma: no cover - the component always sets it
        raise SmartCheckError("the smartcheck component did not run on this Doc")
    return analysis  # type: ignore[no-any-return]


@typed_errors
def analyze(
    text: str,
    *,
    context: str | None = None,
    reference_date: DateLike = None,
    profile: str | None = None,
    settings: Settings | None = None,
    id: str | None = None,
) -> GoalAnalysis:
    """Analyse one goal and return its explained SMART scores.

    Raises ``InputError`` (a ``ValueError``) for a non-string, empty, too long,
    binary or non-English goal, or a context that is not text or too long, and
    ``ConfigError`` for an unknown profile. It raises only ``smartcheck.errors``
    types: an unexpected failure becomes ``AnalysisError``.
    ``profile`` defaults to ``settings.profile`` and the reference date to today,
    read once here. Rewrites are not made here: ``smartcheck.analyze`` (in
    ``smartcheck.orchestrate``) adds them when asked with ``suggestions=n``.
    """
    settings = settings or Settings()
    profile = profile or settings.profile  # the argument wins over Settings.profile
    default_kb().profile(profile)
    nlp = load_nlp(settings)
    if isinstance(text, str):
        check_code_points(text)
    clean = validate_text(text, settings, english_vocabulary(nlp))
    context = validate_context(context, settings)
    if id is not None:
        check_code_points(str(id), "id")
    ref = resolve_reference_date(reference_date)
    register_extensions()
    doc = _prepare(
        nlp,
        Goal(text=clean, context=context, id=id),
        reference_date=ref,
        profile=profile,
        index=None,
    )
    return _result(nlp(doc))


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


def _failure(index: int, item: object, err: InputError | AnalysisError) -> AnalysisFailure:
    item_id = None
    if isinstance(item, Goal):
        item_id = item.id
    elif isinstance(item, Mapping) and item.get("id") is not None:
        item_id = str(item["id"])
    length = len(item) if isinstance(item, str) else None
    return AnalysisFailure(
        id=None if item_id is None else safe_text(item_id),
        index=index,
        error=err.code,
        reason=err.reason,
        length=length,
    )


def _check_item(
    item: object, context: str | None, settings: Settings, vocabulary: frozenset[str]
) -> Goal:
    """Return the batch item as a validated ``Goal``; raise ``InputError`` if unusable."""
    try:
        goal = to_goal(item, context)
    except InputError:
        raise
    except (TypeError, ValueError) as err:
        raise NotTextError(f"invalid item: {type(err).__name__}") from err
    check_code_points(goal.text)
    validate_text(goal.text, settings, vocabulary)
    validate_context(goal.context, settings)
    if goal.id is not None:
        check_code_points(goal.id, "id")
    return goal


_Check = Callable[[object], Goal]


class _Feed(Iterator[Doc]):
    """The Docs fed to ``nlp.pipe``; remembers the goals in flight and the rejected items.

    A plain iterator (not a generator), so a failing ``nlp.pipe`` cannot close it and
    the analysis can resume with the items that follow.
    """

    def __init__(
        self, items: Iterable[Item], make: Callable[[Goal, int], Doc], check: _Check
    ) -> None:
        self._items = enumerate(items)
        self._make = make
        self._check = check
        self.in_flight: dict[int, Goal] = {}
        self.failures: deque[AnalysisFailure] = deque()

    def __next__(self) -> Doc:
        while True:
            index, item = next(self._items)
            try:
                goal = self._check(item)
            except InputError as err:
                logger.debug("item %d rejected: %s", index, err.code)
                self.failures.append(_failure(index, item, err))
                continue
            except Exception as err:  # the boundary for one item: it must not end the batch
                self.failures.append(_failure(index, item, unexpected(err, "analyze_many")))
                continue
            self.in_flight[index] = goal
            return self._make(goal, index)

    def failures_before(self, index: int) -> Iterator[AnalysisFailure]:
        """Pop the rejected items that come before ``index``, in order."""
        while self.failures and (self.failures[0].index or 0) < index:
            yield self.failures.popleft()


def analyze_many(
    items: Iterable[Item],
    *,
    context: str | None = None,
    reference_date: DateLike = None,
    profile: str | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[GoalAnalysis | AnalysisFailure]:
    """Analyse many goals through ``nlp.pipe``, yielding one result per item in input order.

    Items are strings, ``(text, context)`` tuples, ``Goal`` models or mappings with
    ``text``/``context``/``id``/``reference_date``. A bad item never raises: it yields
    an ``AnalysisFailure`` with the reason in its place, and so does a goal whose analysis
    fails unexpectedly (error ``analysis_failed``). Results stream; memory stays flat.
    """
    settings = settings or Settings()
    profile = profile or settings.profile  # the argument wins over Settings.profile
    default_kb().profile(profile)
    ref = resolve_reference_date(reference_date)
    nlp = load_nlp(settings)
    vocabulary = english_vocabulary(nlp)
    register_extensions()

    def make(goal: Goal, index: int) -> Doc:
        return _prepare(nlp, goal, reference_date=ref, profile=profile, index=index)

    feed = _Feed(items, make, lambda item: _check_item(item, context, settings, vocabulary))
    size = batch_size or settings.batch_size
    while True:
        try:
            for doc in nlp.pipe(feed, batch_size=size, n_process=n_process):
                result = _result(doc)
                index = result.index or 0
                yield from feed.failures_before(index)
                feed.in_flight.pop(index, None)
                yield result
            break
        except Exception as err:  # the boundary: retry the goals in flight one by one
            logger.info(
                "a batch of %d goals failed with %s; analysing them one by one",
                len(feed.in_flight),
                type(err).__name__,
            )
        yield from _one_by_one(nlp, feed, make)
    yield from feed.failures


def _one_by_one(
    nlp: Language, feed: _Feed, make: Callable[[Goal, int], Doc]
) -> Iterator[GoalAnalysis | AnalysisFailure]:
    """Analyse the goals in flight each on its own; a failing goal becomes its failure."""
    pending = sorted(feed.in_flight.items())
    feed.in_flight.clear()
    for index, goal in pending:
        yield from feed.failures_before(index)
        try:
            yield _result(nlp(make(goal, index)))
        except Exception as err:  # the boundary for one goal
            yield _failure(index, goal, unexpected(err, "analyze_many"))
