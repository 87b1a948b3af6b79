"""The FastAPI application factory of the smartcheck HTTP service."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.responses import Response

from smartcheck import __version__
from smartcheck.models import GoalAnalysis
from smartcheck.server.docs import install_offline_docs
from smartcheck.server.errors import (
    BatchTooLargeError,
    UnexpectedErrorMiddleware,
    install_error_handlers,
)
from smartcheck.server.fhir import add_fhir_routes
from smartcheck.server.limits import BodySizeLimitMiddleware
from smartcheck.server.responses import ERROR_RESPONSES
from smartcheck.server.schemas import (
    AnalyzeRequest,
    BatchRequest,
    BatchResponse,
    Health,
)
from smartcheck.server.service import AnalysisService
from smartcheck.server.settings import ServerSettings
from smartcheck.server.suggest import add_suggest_route, find_suggest

logger = logging.getLogger(__name__)


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """Build the service; the pipeline loads once per worker at start-up."""
    settings = settings or ServerSettings.from_env()
    service = AnalysisService(settings.analysis, timeout_s=settings.analysis_timeout_s)
    suggest = find_suggest()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        service.warm_up()
        if suggest is not None:
            service.warm_up_suggestions(suggest)
        yield
        service.close()

    app = FastAPI(
        title="smartcheck",
        version=__version__,
        summary="Explainable SMART scoring of free-text therapy goals.",
        lifespan=lifespan,
        docs_url=None,  # served from local files by install_offline_docs, never a CDN
        redoc_url=None,
    )
    app.state.service = service
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        timeout_s=settings.body_timeout_s,
    )
    app.add_middleware(UnexpectedErrorMiddleware)
    install_offline_docs(app)
    _add_routes(app, service, settings)
    add_fhir_routes(app, service, settings)
    if suggest is not None:
        add_suggest_route(app, service, suggest)
    return app


def app_from_env() -> FastAPI:
    """Build the app from ``SMARTCHECK_SERVER_SETTINGS`` (used by uvicorn workers)."""
    return create_app(ServerSettings.from_env())


def _json(model: GoalAnalysis | BatchResponse) -> Response:
    """Answer the model's own JSON, exactly as ``model_dump_json`` writes it."""
    return Response(content=model.model_dump_json(), media_type="application/json")


def _add_routes(app: FastAPI, service: AnalysisService, settings: ServerSettings) -> None:
    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Health:
        """Liveness: the worker is up and its model is loaded."""
        return service.health()

    @app.post(
        "/v1/analyze", response_model=GoalAnalysis, responses=ERROR_RESPONSES, tags=["analysis"]
    )
    def analyze_goal(request: AnalyzeRequest) -> Response:
        """Analyse one goal and answer its ``GoalAnalysis``."""
        return _json(service.analyze(request))

    @app.post(
        "/v1/analyze/batch",
        response_model=BatchResponse,
        responses=ERROR_RESPONSES,
        tags=["analysis"],
        description=(
            f"Analyse up to {settings.max_batch_items} goals, answered in order. "
            "An unusable goal becomes an `AnalysisFailure` (ok=false) in its place."
        ),
    )
    def analyze_batch(request: BatchRequest) -> Response:
        """Analyse several goals in order."""
        if len(request.items) > settings.max_batch_items:
            raise BatchTooLargeError(len(request.items), settings.max_batch_items)
        return _json(BatchResponse(results=service.analyze_batch(request.items)))
