"""JSON error answers shared by the middleware and the exception handlers."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from smartcheck.server.schemas import ErrorDetail, ErrorResponse

#: The error answers of the analysis routes, for the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The body is not valid JSON."},
    413: {"model": ErrorResponse, "description": "The body is over the size limit."},
    422: {
        "model": ErrorResponse,
        "description": "Wrong types, an unusable goal (code empty, too_long, not_text, "
        "not_english), an unknown profile or a batch over the limit.",
    },
}


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> Response:
    """Build an ``ErrorResponse`` JSON answer with the given status."""
    body = ErrorResponse(error=ErrorDetail(code=code, message=message, details=details or []))
    return Response(
        content=body.model_dump_json(), status_code=status, media_type="application/json"
    )
