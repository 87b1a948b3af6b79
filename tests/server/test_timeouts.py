"""Half-sent requests time out on a real ``smartcheck serve`` (raw sockets on loopback).

A client that connects and sends nothing, sends part of a request head, or declares a
body it never finishes, gets a 408 JSON answer and a closed connection within the
configured time, and the server goes on answering others.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

pytest.importorskip("uvicorn", reason="needs the server extra")

from .test_uvicorn import _free_port, _wait_for_health

pytestmark = pytest.mark.model

TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """Run ``smartcheck serve`` with one-second header and body timeouts."""
    port = _free_port()
    log = tmp_path_factory.mktemp("timeouts") / "server.log"
    command = [sys.executable, "-m", "smartcheck", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--header-timeout", str(TIMEOUT_S)]
    command += ["--body-timeout", str(TIMEOUT_S), "--log-level", "warning"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_health(f"http://127.0.0.1:{port}", process, log)
        yield "127.0.0.1", port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _exchange(address: tuple[str, int], data: bytes, wait_s: float = 10.0) -> tuple[float, bytes]:
    """Send ``data``, then read until the server closes; return the time taken and the answer."""
    with socket.create_connection(address, timeout=wait_s) as sock:
        started = time.monotonic()
        if data:
            sock.sendall(data)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        return time.monotonic() - started, answer


def _status_and_code(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body)["error"]["code"]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n",
        b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"text": "I will',
    ],
    ids=["nothing", "half-head", "half-body"],
)
def test_half_sent_requests_get_408_and_a_closed_connection(
    server: tuple[str, int], data: bytes
) -> None:
    elapsed, answer = _exchange(server, data)
    assert _status_and_code(answer) == (408, "request_timeout")
    assert TIMEOUT_S * 0.8 <= elapsed < TIMEOUT_S + 5


def test_a_stalled_client_does_not_hold_up_others(server: tuple[str, int]) -> None:
    with socket.create_connection(server, timeout=10) as stalled:
        stalled.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n")
        body = b'{"text": "I will walk 20 minutes daily for 4 weeks"}'
        request = (
            b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        elapsed, answer = _exchange(server, request)
        assert answer.startswith(b"HTTP/1.1 200")
        assert elapsed < 5
