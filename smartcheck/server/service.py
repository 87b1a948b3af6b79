"""The analysis side of the service: one pipeline per worker, one analysis at a time.

Analyses run on one dedicated thread and each request waits for its own at most
``analysis_timeout_s``. Past the budget the request is answered at once: 429 when its
analysis never started (the worker is busy), 422 ``too_expensive`` when it was running.
A running analysis cannot be interrupted; the input limits (goal and context length,
batch size) bound how long it keeps the thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from smartcheck import __version__, analyze, analyze_many, load_nlp
from smartcheck.boundary import safe_text
from smartcheck.config import Settings
from smartcheck.errors import ConfigError
from smartcheck.models import AnalysisFailure, GoalAnalysis, Suggestion
from smartcheck.server.errors import AnalysisTimeoutError, ServiceBusyError
from smartcheck.server.schemas import AnalyzeRequest, Health

T = TypeVar("T")

#: Extra time budget per batch item, as a share of the single-goal budget (256 items: 6.1x).
BATCH_SHARE = 0.02

logger = logging.getLogger(__name__)

#: Fixed goals analysed at start-up so the first requests do not pay for loading:
#: a plain goal, and a terse note-style one that also wakes the lazily built parts
#: (deadline parsing, language detection for text with few function words).
WARM_UP_GOALS = (
    "I will walk for 10 minutes every day for the next 4 weeks.",
    "Pt ambulate 150 ft independently, 3x weekly, by March 1.",
)


class AnalysisService:
    """Runs analyses for the app with the worker's single cached pipeline.

    Requests are served from a thread pool; every analysis runs on one dedicated
    thread (one at a time on the shared spaCy pipeline: CPU-bound work gains nothing
    from threads under the GIL anyway), and a request waits for it within its budget.
    """

    def __init__(self, settings: Settings, *, timeout_s: float | None = None) -> None:
        self.settings = settings
        self.timeout_s = timeout_s
        self.lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smartcheck")
        self._model_name: str | None = None

    def run(self, job: Callable[[], T], *, items: int = 1) -> T:
        """Run ``job`` on the analysis thread and wait for it within the time budget.

        A batch of ``items`` goals gets the budget plus a share per goal
        (``BATCH_SHARE`` of it each), so a full batch is not refused on a busy machine.
        """
        future: Future[T] = self._executor.submit(self._locked, job)
        budget = (
            None if self.timeout_s is None else self.timeout_s * (1 + BATCH_SHARE * (items - 1))
        )
        try:
            return future.result(timeout=budget)
        except TimeoutError:
            budget = budget or 0.0
            if future.cancel():
                logger.warning("request refused: still queued after %.1f s", budget)
                raise ServiceBusyError(budget) from None
            logger.warning("request over its time budget of %.1f s", budget)
            raise AnalysisTimeoutError(budget) from None

    def _locked(self, job: Callable[[], T]) -> T:
        with self.lock:
            return job()

    def close(self) -> None:
        """Stop the analysis thread (queued jobs are dropped)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def warm_up(self) -> None:
        """Load the pipeline and everything analysis loads lazily, on fixed goals."""
        started = time.perf_counter()
        with self.lock:
            nlp = load_nlp(self.settings)
            self._model_name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}"
            for goal in WARM_UP_GOALS:
                analyze(goal, settings=self.settings)
        logger.info("model %s ready in %.2f s", self._model_name, time.perf_counter() - started)

    def warm_up_suggestions(self, suggest: Callable[..., Sequence[Suggestion]]) -> None:
        """Run the suggestion engine once, so its lazy imports do not land on a request."""
        started = time.perf_counter()
        with self.lock:
            suggest(WARM_UP_GOALS[0], n=1)
        logger.info("suggestions ready in %.2f s", time.perf_counter() - started)

    def health(self) -> Health:
        """Report liveness and the model this worker serves."""
        if self._model_name is None:
            self.warm_up()
        return Health(smartcheck_version=__version__, spacy_model=self._model_name or "unknown")

    def analyze(self, request: AnalyzeRequest) -> GoalAnalysis:
        """Analyse one goal; raises ``InputError`` for an unusable goal."""
        started = time.perf_counter()
        result = self.run(lambda: self._analyze(request))
        logger.debug(
            "analysed goal id=%s chars=%d in %.1f ms",
            request.id,
            len(request.text),
            (time.perf_counter() - started) * 1000,
        )
        return result

    def _analyze(self, request: AnalyzeRequest) -> GoalAnalysis:
        return analyze(
            request.text,
            context=request.context,
            reference_date=request.reference_date,
            profile=request.profile,
            settings=self.settings,
            id=request.id,
        )

    def analyze_and_suggest(
        self, request: AnalyzeRequest, suggest: Callable[..., Sequence[Suggestion]], n: int
    ) -> tuple[GoalAnalysis, list[Suggestion]]:
        """Analyse one goal and propose up to ``n`` rewrites, within one time budget."""

        def job() -> tuple[GoalAnalysis, list[Suggestion]]:
            analysis = self._analyze(request)
            found = suggest(
                analysis, context=request.context, n=n, reference_date=analysis.reference_date
            )
            return analysis, list(found)

        return self.run(job)

    def analyze_batch(
        self, requests: Sequence[AnalyzeRequest]
    ) -> list[GoalAnalysis | AnalysisFailure]:
        """Analyse several goals in order; bad items become ``AnalysisFailure``s.

        ``analyze_many`` takes one profile per call, so items are grouped by
        profile and put back in request order with their request index. An unknown
        profile fails its own items, not the batch.
        """
        started = time.perf_counter()
        results = self.run(lambda: self._analyze_batch(requests), items=len(requests))
        logger.debug(
            "analysed batch of %d goals in %.1f ms",
            len(requests),
            (time.perf_counter() - started) * 1000,
        )
        return results

    def _analyze_batch(
        self, requests: Sequence[AnalyzeRequest]
    ) -> list[GoalAnalysis | AnalysisFailure]:
        by_profile: dict[str, list[int]] = {}
        for position, request in enumerate(requests):
            by_profile.setdefault(request.profile, []).append(position)
        results: dict[int, GoalAnalysis | AnalysisFailure] = {}
        for profile, positions in by_profile.items():
            goals = [_to_goal(requests[p]) for p in positions]
            try:
                outputs = list(analyze_many(goals, profile=profile, settings=self.settings))
            except ConfigError as err:
                outputs = [
                    AnalysisFailure(id=_safe_id(goal["id"]), error=err.code, reason=str(err))
                    for goal in goals
                ]
            for position, output in zip(positions, outputs, strict=True):
                results[position] = _with_index(output, position)
        return [results[p] for p in range(len(requests))]


def _safe_id(value: str | None) -> str | None:
    return None if value is None else safe_text(value)


def _to_goal(request: AnalyzeRequest) -> dict[str, Any]:
    """Return the batch item as a mapping: ``analyze_many`` validates it into a failure."""
    return {
        "text": request.text,
        "context": request.context,
        "id": request.id,
        "reference_date": request.reference_date,
    }


def _with_index(
    result: GoalAnalysis | AnalysisFailure, index: int
) -> GoalAnalysis | AnalysisFailure:
    """Return ``result`` carrying ``index`` (its position in the request)."""
    if result.index == index:
        return result
    return result.model_copy(update={"index": index})
