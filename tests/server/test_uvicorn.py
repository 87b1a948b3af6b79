"""One real ``smartcheck serve`` process on loopback: start, health, analyse, stop."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("uvicorn", reason="needs the server extra")
pytest.importorskip("fastapi", reason="needs the server extra")

from .conftest import REFERENCE_DATE

STARTUP_TIMEOUT_S = 90.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_health(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            pytest.fail(f"server exited early with status {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail("server did not become healthy in time")


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file that receives the server's stdout and stderr (uvicorn's logs)."""
    return tmp_path_factory.mktemp("uvicorn") / "server.log"


@pytest.fixture(scope="module")
def server_url(server_log: Path) -> Iterator[str]:
    """Run ``python -m smartcheck serve`` on a free loopback port for this module."""
    port = _free_port()
    command = [sys.executable, "-m", "smartcheck", "serve", "--host", "127.0.0.1"]
    with server_log.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--log-level", "debug"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process, server_log)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.model
def test_real_server_answers_an_analysis(server_url: str, server_log: Path) -> None:
    body = {
        "text": "I will walk my whippet for 20 minutes every day.",
        "reference_date": str(REFERENCE_DATE),
    }
    request = urllib.request.Request(
        f"{server_url}/v1/analyze",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        answer = json.loads(response.read())
    assert answer["ok"] is True
    assert answer["text"] == body["text"]
    assert answer["label"] in {"SMART", "Partially SMART", "Not SMART"}
    log = server_log.read_text(errors="replace")
    assert "POST /v1/analyze" in log  # the access log is on ...
    assert "whippet" not in log  # ... and carries no goal text


@pytest.mark.model
def test_real_server_answers_json_errors(server_url: str) -> None:
    request = urllib.request.Request(
        f"{server_url}/v1/analyze",
        data=b'{"text": ',
        headers={"content-type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 400
    assert json.loads(caught.value.read())["error"]["code"] == "malformed_json"
