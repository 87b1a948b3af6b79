"""Audit many goals: read rows, analyse them in chunks (optionally in processes), stream results.

Rows are analysed in chunks of ``batch_size``; with ``jobs > 1`` the chunks go to a pool
of worker processes with at most ``2 * jobs`` chunks in flight, so memory stays flat on
inputs of any length. Results come back in input order, one per input row; a chunk whose
analysis fails (even a worker process that dies) becomes failures for its rows, never
the end of the run.

Interrupts: while a run is iterated in the main thread of a process that has not set
its own SIGTERM handler (the CLI), SIGTERM raises ``SystemExit(143)`` instead of killing
the process outright, so the report's temporary file is removed like on Ctrl-C. Workers
ignore SIGINT (the parent handles it) and are terminated when a run stops early.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from smartcheck import clock
from smartcheck.analyzer import analyze_many
from smartcheck.audit.readers import read_rows
from smartcheck.audit.rows import AuditResult, AuditRow, ReadOptions
from smartcheck.audit.summary import AuditSummary, SummaryBuilder
from smartcheck.boundary import safe_text, unexpected
from smartcheck.config import Settings
from smartcheck.errors import InputError, SmartCheckError
from smartcheck.models import AnalysisFailure, GoalAnalysis
from smartcheck.nlp import load_nlp

logger = logging.getLogger(__name__)

Outcome = GoalAnalysis | AnalysisFailure
_IN_FLIGHT_PER_JOB = 2


class AuditRun(Iterator[AuditResult]):
    """An iterator over audit results; ``summary`` holds the totals once it is exhausted."""

    def __init__(self, results: Iterator[AuditResult]) -> None:
        self._results = results
        self._builder = SummaryBuilder()
        self._started: float | None = None
        self._elapsed = 0.0
        self._restore_signals: Callable[[], None] | None = None
        self.finished = False

    def __iter__(self) -> AuditRun:
        return self

    def __next__(self) -> AuditResult:
        if self._started is None:
            self._started = time.perf_counter()
            self._restore_signals = exit_on_sigterm()
        try:
            result = next(self._results)
        except StopIteration:
            self._stop()
            raise
        self._builder.add(result)
        return result

    def _stop(self) -> None:
        if not self.finished and self._started is not None:
            self._elapsed = time.perf_counter() - self._started
        self.finished = True

    @property
    def summary(self) -> AuditSummary:
        """Return the totals of the results seen so far (all of them once finished)."""
        elapsed = self._elapsed
        if not self.finished and self._started is not None:
            elapsed = time.perf_counter() - self._started
        return self._builder.build(elapsed)

    def close(self) -> None:
        """Stop the run early, release worker processes and restore SIGTERM handling."""
        try:
            close = getattr(self._results, "close", None)
            if close is not None:
                close()
            self._stop()
        finally:
            if self._restore_signals is not None:
                self._restore_signals()
                self._restore_signals = None


def exit_on_sigterm() -> Callable[[], None] | None:
    """Make SIGTERM raise ``SystemExit(143)`` so ``finally`` blocks and cleanup run.

    Only in the main thread, and only when SIGTERM still has its default action (a host
    application's own handler is left alone). Returns the function that restores the
    default, or None when nothing was changed.
    """
    if threading.current_thread() is not threading.main_thread():
        return None
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return None

    def on_sigterm(signum: int, _frame: object) -> None:
        logger.info("terminated by signal %d; cleaning up", signum)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)

    def restore() -> None:
        if signal.getsignal(signal.SIGTERM) is on_sigterm:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)

    return restore


class Auditor:
    """Audit goal files or rows with fixed settings; reusable across runs."""

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        profile: str | None = None,
        reference_date: dt.date | None = None,
        jobs: int = 1,
        batch_size: int = 256,
        read_options: ReadOptions | None = None,
        dask_scheduler: str | None = None,
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.settings = settings
        self.profile = profile or (settings.profile if settings else "therapy")
        self.reference_date = reference_date
        self.jobs = jobs
        self.batch_size = batch_size
        self.read_options = read_options or ReadOptions()
        self.dask_scheduler = dask_scheduler

    def run(self, inputs: str | Path | Iterable[str | Path]) -> AuditRun:
        """Audit the goals in one or more files; returns a lazy :class:`AuditRun`."""
        paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
        rows = itertools.chain.from_iterable(_readable(p, self.read_options) for p in paths)
        return self.run_rows(rows)

    def run_rows(self, rows: Iterable[AuditRow]) -> AuditRun:
        """Audit rows you built yourself (for example from a database query)."""
        return AuditRun(self._results(iter(rows)))

    def _results(self, rows: Iterator[AuditRow]) -> Iterator[AuditResult]:
        reference_date = self.reference_date or clock.today()
        args = (reference_date, self.profile, self.settings, self.batch_size)
        chunks = _chunks(rows, self.batch_size)
        if self.dask_scheduler:
            outcomes = _distributed(chunks, self.dask_scheduler, args)
        elif self.jobs > 1:
            outcomes = _pooled(chunks, self.jobs, args)
        else:
            outcomes = _in_process(chunks, args)
        index = 0
        for chunk, chunk_outcomes in outcomes:
            for row, outcome in _align(chunk, chunk_outcomes):
                yield _result(index, row, outcome)
                index += 1


def audit(
    inputs: str | Path | Iterable[str | Path],
    *,
    settings: Settings | None = None,
    profile: str | None = None,
    reference_date: dt.date | None = None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
    dask_scheduler: str | None = None,
) -> AuditRun:
    """Audit the goals in ``inputs`` (paths); iterate the run, then read ``run.summary``.

    ``dask_scheduler`` (a ``distributed`` scheduler address) analyses the chunks on a
    Dask cluster instead of local processes; it needs ``smartcheck[dask]``.
    """
    auditor = Auditor(
        settings=settings,
        profile=profile,
        reference_date=reference_date,
        jobs=jobs,
        read_options=read_options,
        dask_scheduler=dask_scheduler,
    )
    return auditor.run(inputs)


# --------------------------------------------------------------------------- execution

_ChunkArgs = tuple[dt.date, str, Settings | None, int]


def _chunks(rows: Iterator[AuditRow], size: int) -> Iterator[list[AuditRow]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def _items(chunk: list[AuditRow]) -> list[dict[str, Any]]:
    items = []
    for row in chunk:
        if row.error is not None:
            continue
        # The id is a label: escape invalid code points rather than fail the goal.
        item: dict[str, Any] = {"text": row.text, "context": row.context, "id": safe_text(row.id)}
        if row.reference_date is not None:
            item["reference_date"] = row.reference_date
        items.append(item)
    return items


def analyze_chunk(items: list[dict[str, Any]], args: _ChunkArgs) -> list[Outcome]:
    """Analyse one chunk of goal dicts (runs in a worker process when ``jobs > 1``)."""
    reference_date, profile, settings, batch_size = args
    return list(
        analyze_many(
            items,
            reference_date=reference_date,
            profile=profile,
            settings=settings,
            batch_size=batch_size,
        )
    )


def _in_process(
    chunks: Iterator[list[AuditRow]], args: _ChunkArgs
) -> Iterator[tuple[list[AuditRow], list[Outcome]]]:
    for chunk in chunks:
        yield chunk, analyze_chunk(_items(chunk), args)


def _pooled(
    chunks: Iterator[list[AuditRow]], jobs: int, args: _ChunkArgs
) -> Iterator[tuple[list[AuditRow], list[Outcome]]]:
    # fork where the platform has it: workers start at once, share the loaded model
    # copy-on-write, and scripts need no ``if __name__ == "__main__"`` guard.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        load_nlp(args[2])  # load once here; forked workers inherit it
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_signals)
    pending: deque[tuple[list[AuditRow], Future[list[Outcome]]]] = deque()
    logger.info("auditing with %d worker processes", jobs)
    completed = False
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(analyze_chunk, _items(chunk), args)))
            if len(pending) >= jobs * _IN_FLIGHT_PER_JOB:
                done_chunk, future = pending.popleft()
                yield done_chunk, _outcomes(done_chunk, future)
        while pending:
            done_chunk, future = pending.popleft()
            yield done_chunk, _outcomes(done_chunk, future)
        completed = True
    finally:
        if not completed:  # interrupted or closed early: do not wait for running chunks
            _terminate_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_signals() -> None:
    """In a worker: Ctrl-C is the parent's to handle; SIGTERM ends the worker at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminate_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes and wait for them to exit."""
    # ProcessPoolExecutor has no public terminate before Python 3.14.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
            process.kill()
    logger.info("stopped %d worker processes", len(workers))


def _outcomes(chunk: list[AuditRow], future: Future[list[Outcome]]) -> list[Outcome]:
    """Return the chunk's outcomes; a chunk that failed as a whole fails each of its rows."""
    try:
        return future.result()
    except Exception as err:  # a dead worker or a bug: the chunk's rows fail, the run goes on
        error = unexpected(err, "an audit worker")
        return [
            AnalysisFailure(id=row.id, index=i, error=error.code, reason=error.reason)
            for i, row in enumerate(r for r in chunk if r.error is None)
        ]


def _distributed(
    chunks: Iterator[list[AuditRow]], scheduler: str, args: _ChunkArgs
) -> Iterator[tuple[list[AuditRow], list[Outcome]]]:
    """Analyse the chunks on a Dask cluster; results come back in input order."""
    from smartcheck.dask import analyze_chunks_distributed  # optional extra

    reference_date, profile, settings, _ = args
    chunks, copies = itertools.tee(chunks)
    outcomes = analyze_chunks_distributed(
        (_items(c) for c in copies),
        scheduler,
        profile=profile,
        reference_date=reference_date,
        settings=settings,
    )
    yield from zip(chunks, outcomes, strict=True)


def _readable(path: str | Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield the rows of one file; a parser failing on a damaged file is an ``InputError``.

    Readers turn the problems they know into error rows or ``InputError``s; this is the
    last-resort boundary for the rest (a damaged .docx can raise from deep in lxml).
    """
    try:
        yield from read_rows([path], options)
    except (SmartCheckError, MemoryError):
        raise
    except Exception as err:  # the boundary: see the docstring
        logger.info("reading %s failed with %s", path, type(err).__name__)
        raise InputError(
            f"{path}: cannot read the file ({type(err).__name__}); it may be damaged",
            source=str(path),
        ) from err


def _align(
    chunk: list[AuditRow], outcomes: list[Outcome]
) -> Iterator[tuple[AuditRow, Outcome | None]]:
    """Pair each row with its outcome; rows that failed to read have none."""
    remaining = iter(outcomes)
    for row in chunk:
        yield row, (None if row.error is not None else next(remaining))


def _result(index: int, row: AuditRow, outcome: Outcome | None) -> AuditResult:
    """Build the result of one row; text and id that cannot be encoded come back escaped.

    A JSON ``"\\ud800"`` escape reads as a lone surrogate, which no report can write:
    the analyzer refuses such a goal (``not_text``) and the report shows it escaped.
    """
    base = {
        "index": index,
        "source": row.source,
        "row": row.row,
        "line": row.line,
        "id": safe_text(row.id),
        "text": None if row.text is None else safe_text(row.text),
        "goal": row.goal,
        "span": row.span,
        "meta": row.meta,
        "group": row.group,
    }
    if outcome is None:
        return AuditResult(**base, error=row.error, reason=row.reason)
    if isinstance(outcome, AnalysisFailure):
        return AuditResult(**base, error=outcome.error, reason=outcome.reason)
    analysis = outcome.model_copy(update={"index": index, "id": base["id"]})
    return AuditResult(**base, analysis=analysis)
