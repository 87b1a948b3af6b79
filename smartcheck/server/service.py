"""The analysis side of the service: one pipeline per worker, one analysis at a time."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from smartcheck import __version__, analyze, analyze_many, load_nlp
from smartcheck.config import Settings
from smartcheck.models import AnalysisFailure, Goal, GoalAnalysis
from smartcheck.server.schemas import AnalyzeRequest, Health

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

    Requests are served from a thread pool; a lock keeps one analysis at a
    time on the shared spaCy pipeline (CPU-bound work gains nothing from
    threads under the GIL anyway).
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self._model_name: str | None = None

    def warm_up(self) -> None:
        """Load the pipeline and everything analysis loads lazily, on fixed goals."""
        started = time.perf_counter()
        with self.lock:
            nlp = load_nlp(self.settings)
            self._model_name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}"
            for goal in WARM_UP_GOALS:
                analyze(goal, settings=self.settings)
        logger.info("model %s ready in %.2f s", self._model_name, time.perf_counter() - started)

    def health(self) -> Health:
        """Report liveness and the model this worker serves."""
        if self._model_name is None:
            self.warm_up()
        return Health(smartcheck_version=__version__, spacy_model=self._model_name or "unknown")

    def analyze(self, request: AnalyzeRequest) -> GoalAnalysis:
        """Analyse one goal; raises ``InputError`` for an unusable goal."""
        started = time.perf_counter()
        with self.lock:
            result = analyze(
                request.text,
                context=request.context,
                reference_date=request.reference_date,
                profile=request.profile,
                settings=self.settings,
                id=request.id,
            )
        logger.debug(
            "analysed goal id=%s chars=%d in %.1f ms",
            request.id,
            len(request.text),
            (time.perf_counter() - started) * 1000,
        )
        return result

    def analyze_batch(
        self, requests: Sequence[AnalyzeRequest]
    ) -> list[GoalAnalysis | AnalysisFailure]:
        """Analyse several goals in order; bad items become ``AnalysisFailure``s.

        ``analyze_many`` takes one profile per call, so items are grouped by
        profile and put back in request order with their request index.
        """
        started = time.perf_counter()
        by_profile: dict[str, list[int]] = {}
        for position, request in enumerate(requests):
            by_profile.setdefault(request.profile, []).append(position)
        results: dict[int, GoalAnalysis | AnalysisFailure] = {}
        with self.lock:
            for profile, positions in by_profile.items():
                goals = [_to_goal(requests[p]) for p in positions]
                outputs = analyze_many(goals, profile=profile, settings=self.settings)
                for position, output in zip(positions, outputs, strict=True):
                    results[position] = _with_index(output, position)
        logger.debug(
            "analysed batch of %d goals in %.1f ms",
            len(requests),
            (time.perf_counter() - started) * 1000,
        )
        return [results[p] for p in range(len(requests))]


def _to_goal(request: AnalyzeRequest) -> Goal:
    return Goal(
        text=request.text,
        context=request.context,
        id=request.id,
        reference_date=request.reference_date,
    )


def _with_index(
    result: GoalAnalysis | AnalysisFailure, index: int
) -> GoalAnalysis | AnalysisFailure:
    """Return ``result`` carrying ``index`` (its position in the request)."""
    if result.index == index:
        return result
    return result.model_copy(update={"index": index})
