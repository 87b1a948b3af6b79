"""Limits and options of the HTTP service, passed to ``create_app``."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.config import Settings

#: Environment variable that carries ``ServerSettings`` as JSON to uvicorn workers.
SETTINGS_ENV_VAR = "SMARTCHECK_SERVER_SETTINGS"


class ServerSettings(BaseModel):
    """Options of the HTTP service: request limits plus the analysis settings."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    analysis: Settings = Field(default_factory=Settings)
    max_body_bytes: int = Field(
        default=1_000_000, ge=1, description="Largest request body accepted, in bytes."
    )
    max_batch_items: int = Field(
        default=256, ge=1, description="Most goals accepted by one batch request."
    )
    analysis_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="Time budget of one request's analysis, queueing included; past it the "
        "request is answered 429 (still queued) or 422 too_expensive (running).",
    )
    header_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="Time a client has to send a request's headers (uvicorn only).",
    )
    body_timeout_s: float = Field(
        default=10.0, gt=0, description="Time a client has to send a request's body."
    )

    @classmethod
    def from_env(cls) -> ServerSettings:
        """Read settings handed over by ``smartcheck serve``, or return the defaults."""
        raw = os.environ.get(SETTINGS_ENV_VAR)
        return cls.model_validate_json(raw) if raw else cls()
