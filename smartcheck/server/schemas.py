"""Request and response bodies of the HTTP service (they make the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.models import AnalysisFailure, GoalAnalysis, Suggestion


class _Body(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnalyzeRequest(_Body):
    """One goal to analyse."""

    text: str = Field(
        description="The goal, as written.", examples=["I will walk 10 minutes every day"]
    )
    context: str | None = Field(default=None, description="Optional surrounding note text.")
    reference_date: dt.date | None = Field(
        default=None, description="Date that relative timeframes resolve against; default today."
    )
    profile: str = Field(default="therapy", description="Scoring profile (therapy, coaching).")
    id: str | None = Field(default=None, description="Caller's id, echoed in the analysis.")


class BatchRequest(_Body):
    """Several goals; the size limit is set by the server (``max_batch_items``)."""

    items: list[AnalyzeRequest] = Field(description="Goals to analyse, answered in order.")


class BatchResponse(_Body):
    """One result per request item, in order; bad items become failures."""

    results: list[GoalAnalysis | AnalysisFailure]


class SuggestRequest(AnalyzeRequest):
    """One goal to analyse and rewrite."""

    n: int = Field(default=3, ge=1, le=10, description="Most suggestions to return.")


class SuggestResponse(_Body):
    """The analysis of the goal and up to ``n`` SMART rewrites, best first."""

    analysis: GoalAnalysis
    suggestions: list[Suggestion]


class Health(_Body):
    """Liveness and the versions the worker serves."""

    status: str = "ok"
    smartcheck_version: str
    spacy_model: str


class ErrorDetail(_Body):
    """A machine-readable error: a stable code, a message and optional details."""

    code: str = Field(description="Stable code, e.g. empty, malformed_json, body_too_large.")
    message: str
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorResponse(_Body):
    """The body of every error answer."""

    error: ErrorDetail
