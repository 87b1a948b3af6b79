"""JSON error answers shared by the middleware and the exception handlers."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from smartcheck.server.schemas import ErrorDetail, ErrorResponse

#: The error answers of the analysis routes, for the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The body is not valid JSON."},
    408: {"model": ErrorResponse, "description": "The body was not sent in time."},
    413: {"model": ErrorResponse, "description": "The body is over the size limit."},
    422: {
        "model": ErrorResponse,
        "description": "Wrong types, an unusable goal (code empty, too_long, "
        "context_too_long, not_text, not_english, analysis_failed), an unknown profile, "
        "a batch over the limit or an analysis over its time budget (too_expensive).",
    },
    429: {"model": ErrorResponse, "description": "The service stayed busy; retry later."},
}


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> bytes:
    """Return the JSON bytes of an ``ErrorResponse``."""
    body = ErrorResponse(error=ErrorDetail(code=code, message=message, details=details or []))
    return body.model_dump_json().encode("utf-8")


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> Response:
    """Build an ``ErrorResponse`` JSON answer with the given status."""
    return Response(
        content=error_body(code, message, details),
        status_code=status,
        media_type="application/json",
    )
