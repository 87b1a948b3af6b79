"""Exception handlers: every error becomes an ``ErrorResponse`` without goal text.

Status codes: 400 malformed JSON, 404/405 unknown route or method, 408 a body
not sent in time, 413 body too large (see :mod:`smartcheck.server.limits`), 422
wrong types, an empty or otherwise unusable goal (code from
:mod:`smartcheck.errors`, including ``analysis_failed`` when the analysis of the
goal failed unexpectedly), an unknown profile, a batch over the limit or an
analysis over its time budget (``too_expensive``), 429 when the worker stayed
busy for the whole budget. No request body leads to a 5xx: the 500 of
:class:`UnexpectedErrorMiddleware` is for bugs outside the analysis.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from smartcheck.errors import AnalysisError, ConfigError, InputError
from smartcheck.server.responses import error_response

logger = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "malformed_body",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
}


class BatchTooLargeError(Exception):
    """A batch request holds more items than the server accepts."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"The batch has {size} items; the limit is {limit}.")
        self.size = size
        self.limit = limit


class ServiceBusyError(Exception):
    """The request's analysis did not start within its time budget: the worker is busy."""

    def __init__(self, budget_s: float) -> None:
        super().__init__(
            f"The service was busy for the whole time budget of {budget_s:g} s; retry later."
        )
        self.budget_s = budget_s


class AnalysisTimeoutError(Exception):
    """The request's analysis ran past its time budget."""

    def __init__(self, budget_s: float) -> None:
        super().__init__(
            f"The analysis took longer than the time budget of {budget_s:g} s; "
            "send a shorter goal or context, or fewer items."
        )
        self.budget_s = budget_s


def install_error_handlers(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(InputError, _on_input_error)
    app.add_exception_handler(ConfigError, _on_config_error)
    app.add_exception_handler(AnalysisError, _on_analysis_error)
    app.add_exception_handler(BatchTooLargeError, _on_batch_too_large)
    app.add_exception_handler(ServiceBusyError, _on_busy)
    app.add_exception_handler(AnalysisTimeoutError, _on_timeout)
    app.add_exception_handler(HTTPException, _on_http_error)


def clean_validation_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Keep location, message and type of each error; drop the input (it may be a goal)."""
    return [
        {"loc": list(err.get("loc", ())), "msg": str(err.get("msg", "")), "type": err.get("type")}
        for err in errors
    ]


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    details = clean_validation_errors(errors)
    if any(err.get("type") == "json_invalid" for err in errors):
        logger.info("malformed JSON on %s", request.url.path)
        return error_response(400, "malformed_json", "The request body is not valid JSON.", details)
    logger.info("invalid request on %s: %d errors", request.url.path, len(details))
    return error_response(
        422, "invalid_request", "The request does not match the expected schema.", details
    )


async def _on_input_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    logger.info("unusable goal on %s: %s", request.url.path, exc.code)
    return error_response(422, exc.code, exc.reason)


async def _on_config_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ConfigError)
    logger.info("bad options on %s: %s", request.url.path, exc.code)
    return error_response(422, exc.code, str(exc))


async def _on_analysis_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AnalysisError)
    logger.warning("analysis failed on %s: %s", request.url.path, exc.cause)
    return error_response(422, exc.code, exc.reason)


async def _on_busy(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceBusyError)
    response = error_response(429, "busy", str(exc))
    response.headers["Retry-After"] = str(max(1, round(exc.budget_s)))
    return response


async def _on_timeout(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AnalysisTimeoutError)
    return error_response(422, "too_expensive", str(exc))


async def _on_batch_too_large(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BatchTooLargeError)
    logger.info("batch of %d items refused (limit %d)", exc.size, exc.limit)
    return error_response(422, "batch_too_large", str(exc))


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return error_response(exc.status_code, code, str(exc.detail))


class UnexpectedErrorMiddleware:
    """Answer 500 JSON for an unexpected exception, logging only its type.

    Exception messages (pydantic's in particular) may quote the goal, so the
    message and traceback are not logged; the server keeps serving.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app and turn an escaping exception into a 500 answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # the last line of defence of the service
            logger.error("unexpected %s on %s", type(exc).__name__, scope["path"])
            if not started:
                response = error_response(
                    500, "internal_error", "The analysis failed unexpectedly."
                )
                await response(scope, receive, send)
