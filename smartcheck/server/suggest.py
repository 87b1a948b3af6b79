"""The optional ``POST /v1/suggest`` route, added when a suggestion engine is installed."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from fastapi import FastAPI
from starlette.responses import Response

from smartcheck.models import GoalAnalysis, Suggestion
from smartcheck.server.responses import ERROR_RESPONSES
from smartcheck.server.schemas import SuggestRequest, SuggestResponse
from smartcheck.server.service import AnalysisService

logger = logging.getLogger(__name__)

#: Where a ``suggest(goal_or_analysis, *, context, n, reference_date)`` function may live:
#: the public API first, then the orchestration module that implements it.
_SUGGEST_MODULES = ("smartcheck", "smartcheck.orchestrate")


class SuggestFunction(Protocol):
    """The signature the route expects from the suggestion engine."""

    def __call__(
        self,
        goal_or_analysis: str | GoalAnalysis,
        *,
        context: str | None = ...,
        n: int = ...,
        reference_date: dt.date | None = ...,
    ) -> Sequence[Suggestion]:
        """Return up to ``n`` rewrites of the goal, best first."""


def find_suggest() -> SuggestFunction | None:
    """Return the installed suggestion function, or None when there is none yet."""
    for name in _SUGGEST_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        function: Callable[..., Sequence[Suggestion]] | None = getattr(
            importlib.import_module(name), "suggest", None
        )
        if callable(function):
            return function
    return None


def add_suggest_route(app: FastAPI, service: AnalysisService, suggest: SuggestFunction) -> None:
    """Add ``POST /v1/suggest`` answering a ``SuggestResponse``."""

    @app.post(
        "/v1/suggest",
        response_model=SuggestResponse,
        responses=ERROR_RESPONSES,
        tags=["analysis"],
    )
    def suggest_rewrites(request: SuggestRequest) -> Response:
        """Analyse one goal and propose SMART rewrites of it."""
        analysis, suggestions = service.analyze_and_suggest(request, suggest, request.n)
        logger.debug("suggested %d rewrites for goal id=%s", len(suggestions), request.id)
        body = SuggestResponse(analysis=analysis, suggestions=list(suggestions))
        return Response(content=body.model_dump_json(), media_type="application/json")
