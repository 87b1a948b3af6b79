"""Load test of the HTTP service on loopback: N single-goal requests, errors, p50/p99.

Starts ``python -m smartcheck serve`` on a free 127.0.0.1 port (or uses
``--url`` of a running server), sends ``--requests`` POST /v1/analyze calls
from ``--concurrency`` keep-alive connections, and stops after the last
answer or after ``--time-limit`` seconds, whichever comes first.

    python benchmarks/load_server.py --requests 1000 --concurrency 4
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_goals import load_goals


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "smartcheck", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--no-access-log"]
    command += ["--log-level", "warning"]
    return subprocess.Popen(command)


def wait_healthy(host: str, port: int, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return time.monotonic() - started
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server not healthy after {timeout} s")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def run_load(host: str, port: int, goals: list[str], concurrency: int, time_limit: float) -> dict:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    next_item = iter(range(len(goals)))
    deadline = time.monotonic() + time_limit

    def worker() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                i = next(next_item, None)
            if i is None:
                break
            body = json.dumps({"text": goals[i], "reference_date": "2026-01-15", "id": str(i)})
            started = time.perf_counter()
            try:
                conn.request("POST", "/v1/analyze", body, {"content-type": "application/json"})
                response = conn.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - started
                ok = response.status == 200 and json.loads(payload)["ok"] is True
                key = None if ok else f"http_{response.status}"
            except (OSError, http.client.HTTPException, ValueError) as err:
                elapsed, key = time.perf_counter() - started, type(err).__name__
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            with lock:
                latencies.append(elapsed)
                if key:
                    errors[key] = errors.get(key, 0) + 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ms = [x * 1000 for x in latencies]
    return {
        "requests_planned": len(goals),
        "requests_sent": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "concurrency": concurrency,
        "wall_s": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ms), 1),
        "p90_ms": round(percentile(ms, 90), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers to start")
    parser.add_argument("--time-limit", type=float, default=300.0, help="stop sending after this")
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--goals", type=Path, help="JSONL file of goals (text key) to cycle")
    args = parser.parse_args()

    goals = load_goals(args.goals, args.requests)
    # The machine may be shared; a high load average explains slow timings.
    load_before = round(os.getloadavg()[0], 2)
    process = None
    if args.url:
        parsed = urllib.parse.urlsplit(args.url)
        host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        process = start_server(port, args.workers)
    try:
        startup = wait_healthy(host, port, timeout=120)
        report = run_load(host, port, goals, args.concurrency, args.time_limit)
        report["server_workers"] = args.workers
        report["load_average_1m_before"] = load_before
        report["startup_s"] = round(startup, 2)
    finally:
        if process:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    print(json.dumps(report, indent=2))
    return 0 if report["errors"] == 0 and report["requests_sent"] == len(goals) else 1


if __name__ == "__main__":
    raise SystemExit(main())
