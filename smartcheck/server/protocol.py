"""uvicorn's h11 protocol with a deadline for request headers (half-sent requests).

uvicorn times out idle keep-alive connections, but a client that opens a connection and
sends part of a request head (or nothing) holds it forever. This protocol gives every
request head ``header_timeout_s`` from its first byte (or from the connection) and
answers 408 and closes the connection past it. Slow bodies are handled by the app (see
:mod:`smartcheck.server.limits`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from smartcheck.server.responses import error_body
from smartcheck.server.settings import SETTINGS_ENV_VAR, ServerSettings

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def _header_timeout(raw_settings: str | None) -> float:
    settings = ServerSettings.model_validate_json(raw_settings) if raw_settings else None
    return (settings or ServerSettings()).header_timeout_s


class TimedH11Protocol(H11Protocol):
    """``H11Protocol`` that answers 408 to a request head not received in time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout_s = _header_timeout(os.environ.get(SETTINGS_ENV_VAR))
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the clock for the first request head."""
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Feed h11; keep the clock running only while a request head is incomplete."""
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self._header_timer is None:
                self._arm()
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop the clock with the connection."""
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._on_timeout)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _on_timeout(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return  # the head arrived meanwhile, or the connection is going
        logger.info(
            "closing a connection whose request head took over %.1f s", self.header_timeout_s
        )
        body = error_body(
            "request_timeout",
            f"The request headers were not sent within {self.header_timeout_s:g} s.",
        )
        head = (
            "HTTP/1.1 408 Request Timeout\r\n"
            "content-type: application/json\r\n"
            f"content-length: {len(body)}\r\n"
            "connection: close\r\n\r\n"
        )
        self.transport.write(head.encode("ascii") + body)
        self.transport.close()
