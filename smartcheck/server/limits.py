"""ASGI middleware that refuses request bodies over a byte limit (413) or sent too slowly (408)."""

from __future__ import annotations

import asyncio
import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from smartcheck.server.responses import error_response

logger = logging.getLogger(__name__)


class BodySizeLimitMiddleware:
    """Buffer the request body up to ``max_bytes``; answer 413 past it, 408 when too slow.

    The declared ``Content-Length`` is checked first; chunked bodies are
    counted as they arrive, so an undeclared oversized body is refused too.
    A client that has not sent the whole body within ``timeout_s`` (a half-sent
    request) is answered 408 and its connection is closed.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass small bodies on unchanged and refuse large ones."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send, declared)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        deadline = None if self.timeout_s is None else time.monotonic() + self.timeout_s
        while more:
            try:
                message = await _receive_before(receive, deadline)
            except TimeoutError:
                await self._too_slow(scope, receive, send, size)
                return
            if message["type"] != "http.request":  # client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send, size)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        logger.info("refused %s: body of %d bytes over %d", scope["path"], size, self.max_bytes)
        response = error_response(
            413,
            "body_too_large",
            f"The request body is larger than the limit of {self.max_bytes} bytes.",
        )
        await response(scope, receive, send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        logger.info("timed out %s: %d body bytes in %.1f s", scope["path"], size, self.timeout_s)
        response = error_response(
            408,
            "request_timeout",
            f"The request body was not sent within {self.timeout_s:g} s.",
        )
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


async def _receive_before(receive: Receive, deadline: float | None) -> Message:
    """Return the next message, or raise ``TimeoutError`` once ``deadline`` has passed."""
    if deadline is None:
        return await receive()
    return await asyncio.wait_for(receive(), timeout=max(0.0, deadline - time.monotonic()))


def _content_length(scope: Scope) -> int | None:
    """Return the declared body length, or None when absent or unreadable."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    """Return a ``receive`` that yields the buffered body once, then defers to the client."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
