"""Scale-out on Dask (optional extra ``smartcheck[dask]``).

``analyze_bag`` maps the analyzer over the partitions of a ``dask.bag``;
``analyze_records_distributed`` streams records (and
``analyze_chunks_distributed`` chunks of records) through a running Dask
scheduler, for ``smartcheck audit --dask``. Both run ``analyze_many`` on one
partition at a time, so each worker process loads the spaCy pipeline once
(``load_nlp`` is cached per process), and both give the same results, in the
same order and with the same ``index`` values, as one local ``analyze_many``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import operator
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as db
    from dask.delayed import delayed
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "smartcheck.dask needs the optional Dask dependencies: pip install 'smartcheck[dask]'"
    ) from err

from smartcheck import analyze_many, clock
from smartcheck.config import Settings
from smartcheck.models import AnalysisFailure, GoalAnalysis

if TYPE_CHECKING:
    from distributed import Client, Future

logger = logging.getLogger(__name__)

Result = GoalAnalysis | AnalysisFailure

# One analysis at a time per process: the cached spaCy pipeline is shared by
# every thread of a Dask worker, and the work is CPU-bound under the GIL.
_PIPELINE_LOCK = threading.Lock()


def analyze_partition(
    items: Iterable[Any],
    *,
    offset: int = 0,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    settings: Settings | None = None,
) -> list[Result]:
    """Analyse one partition with ``analyze_many``; indexes start at ``offset``."""
    with _PIPELINE_LOCK:
        results = list(
            analyze_many(items, profile=profile, reference_date=reference_date, settings=settings)
        )
    logger.debug("analysed partition at offset %d: %d goals", offset, len(results))
    return [_with_index(result, offset + i) for i, result in enumerate(results)]


def analyze_bag(
    bag: db.Bag,
    *,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    settings: Settings | None = None,
) -> db.Bag:
    """Return a lazy bag of ``GoalAnalysis``/``AnalysisFailure``, one per input item.

    Items are whatever ``analyze_many`` accepts: goal texts, ``(text, context)``
    tuples, ``Goal`` models or dicts. Partitions are counted first so each
    result carries its global ``index``, as in a local run. The reference
    date defaults to today, fixed once here so every worker uses the same day.
    """
    reference_date = reference_date or clock.today()
    parts = bag.map_partitions(list).to_delayed()
    offset: Any = 0
    outputs = []
    for part in parts:
        outputs.append(
            delayed(analyze_partition)(
                part,
                offset=offset,
                profile=profile,
                reference_date=reference_date,
                settings=settings,
            )
        )
        offset = delayed(operator.add)(offset, delayed(len)(part))
    return db.from_delayed(outputs)


def analyze_records_distributed(
    records: Iterable[Any],
    scheduler: str | Client,
    *,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    settings: Settings | None = None,
    chunk_size: int = 500,
    max_in_flight: int | None = None,
) -> Iterator[Result]:
    """Stream ``records`` through a Dask cluster and yield results in input order.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or a connected
    ``distributed.Client``. Records are sent in chunks of ``chunk_size``; at
    most ``max_in_flight`` chunks (default: twice the cluster's threads) are
    pending at once, so memory stays bounded for any input size. Like
    ``analyze_many`` it never raises for a bad record.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    outcomes = analyze_chunks_distributed(
        _chunks(records, chunk_size),
        scheduler,
        profile=profile,
        reference_date=reference_date,
        settings=settings,
        max_in_flight=max_in_flight,
    )
    for chunk_results in outcomes:
        yield from chunk_results


def analyze_chunks_distributed(
    chunks: Iterable[Sequence[Any]],
    scheduler: str | Client,
    *,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    settings: Settings | None = None,
    max_in_flight: int | None = None,
) -> Iterator[list[Result]]:
    """Analyse each chunk of items on the cluster; yield one result list per chunk, in order.

    The Dask counterpart of a process pool for callers that already work in
    chunks (the audit runner): indexes count across chunks, as in one
    ``analyze_many`` over the concatenated items.
    """
    reference_date = reference_date or clock.today()
    client, owned = _connect(scheduler)
    try:
        limit = max_in_flight or max(2, 2 * sum(client.nthreads().values()))
        pending: deque[Future[list[Result]]] = deque()
        offset = 0
        for chunk in chunks:
            future = client.submit(
                analyze_partition,
                list(chunk),
                offset=offset,
                profile=profile,
                reference_date=reference_date,
                settings=settings,
                pure=False,
            )
            pending.append(future)
            offset += len(chunk)
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        logger.info("analysed %d items on a Dask cluster", offset)
    finally:
        if owned:
            client.close()


def _connect(scheduler: str | Client) -> tuple[Client, bool]:
    """Return a client for ``scheduler`` and whether this module must close it."""
    try:
        from distributed import Client
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "a Dask scheduler needs distributed: pip install 'smartcheck[dask]'"
        ) from err
    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def _chunks(records: Iterable[Any], size: int) -> Iterator[Sequence[Any]]:
    """Yield lists of up to ``size`` records."""
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _with_index(result: Result, index: int) -> Result:
    """Return ``result`` carrying its global ``index``."""
    if result.index == index:
        return result
    return result.model_copy(update={"index": index})
