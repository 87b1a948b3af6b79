"""JSON error answers shared by the middleware and the exception handlers."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from smartcheck.server.schemas import ErrorDetail, ErrorResponse


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> Response:
    """Build an ``ErrorResponse`` JSON answer with the given status."""
    body = ErrorResponse(error=ErrorDetail(code=code, message=message, details=details or []))
    return Response(
        content=body.model_dump_json(), status_code=status, media_type="application/json"
    )
