"""Load test of the HTTP service on loopback: mixed good and bad requests, 5xx count, p50/p99.

Starts ``python -m smartcheck serve`` on a free 127.0.0.1 port (or uses
``--url`` of a running server), sends ``--requests`` requests from
``--concurrency`` keep-alive connections, and stops after the last answer or
after ``--time-limit`` seconds, whichever comes first.

With ``--mix`` (the default) the requests are drawn with a fixed seed from kinds
of traffic: ordinary goals (most), hostile bodies (invalid code points, dates at
the calendar's edge, 400-digit numbers, contexts over the limit, a 1 MB context,
bodies that are not JSON or not UTF-8, deep nesting, wrong types), batches
mixing both, suggestions, health checks and the docs page. The report counts
answers by status class and kind; the contract is ``status_5xx == 0``.
``--no-mix`` sends ordinary goals only (the throughput benchmark).

    python benchmarks/load_server.py --requests 2000 --concurrency 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
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


#: Hostile single-goal bodies, by kind (raw bytes: some are not valid JSON or UTF-8).
GOAL = "I will walk 20 minutes daily for 4 weeks"
BAD_BODIES: dict[str, bytes] = {
    "surrogate_goal": b'{"text": "walk \\ud800 daily"}',
    "surrogate_id": b'{"text": "' + GOAL.encode() + b'", "id": "\\ud800"}',
    "surrogate_context": b'{"text": "' + GOAL.encode() + b'", "context": "\\udfff"}',
    "reference_9999": json.dumps({"text": GOAL, "reference_date": "9999-12-31"}).encode(),
    "ten_thousand_years": json.dumps(
        {"text": "I will walk daily for the next 10000 years"}
    ).encode(),
    "digits_400": json.dumps({"text": "I will walk " + "9" * 400 + " steps a day"}).encode(),
    "context_100kb": json.dumps({"text": GOAL, "context": "Knee pain. " * 9_000}).encode(),
    "context_1mb": json.dumps({"text": GOAL, "context": "x" * 1_000_000}).encode(),
    "not_utf8": b'{"text": "caf\xe9"}',
    "malformed": b'{"text": ',
    "nested": b'{"a":' * 2000 + b"1" + b"}" * 2000,
    "wrong_type": b'{"text": 42}',
    "empty_goal": b'{"text": "   "}',
    "unknown_profile": json.dumps({"text": GOAL, "profile": "nope"}).encode(),
    "formula": json.dumps({"text": '=HYPERLINK("http://x.invalid","walk")'}).encode(),
}
Request = tuple[str, str, str, bytes | None]  # kind, method, path, body


def plan_requests(goals: list[str], n: int, seed: int = 12) -> list[Request]:
    """Return ``n`` mixed requests drawn with a fixed seed (same plan every run)."""
    rng = random.Random(seed)
    bad = sorted(BAD_BODIES)
    plan: list[Request] = []
    for i in range(n):
        roll = rng.random()
        goal = goals[i % len(goals)]
        if roll < 0.62:
            body = json.dumps({"text": goal, "reference_date": "2026-01-15", "id": str(i)})
            plan.append(("goal", "POST", "/v1/analyze", body.encode()))
        elif roll < 0.88:
            kind = rng.choice(bad)
            plan.append((kind, "POST", "/v1/analyze", BAD_BODIES[kind]))
        elif roll < 0.93:
            items = [{"text": goals[(i + k) % len(goals)]} for k in range(6)]
            items += [{"text": "   "}, {"text": GOAL, "reference_date": "9999-12-31"}]
            items += [{"text": GOAL, "profile": "nope"}]
            plan.append(
                ("batch", "POST", "/v1/analyze/batch", json.dumps({"items": items}).encode())
            )
        elif roll < 0.95:
            plan.append(
                ("suggest", "POST", "/v1/suggest", json.dumps({"text": goal, "n": 2}).encode())
            )
        elif roll < 0.98:
            plan.append(("healthz", "GET", "/healthz", None))
        else:
            plan.append(("docs", "GET", "/docs", None))
    return plan


def run_load(
    host: str, port: int, plan: list[Request], concurrency: int, time_limit: float
) -> dict:
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    statuses: dict[str, int] = {}
    errors: dict[str, int] = {}
    lock = threading.Lock()
    next_item = iter(range(len(plan)))
    deadline = time.monotonic() + time_limit

    def worker() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                i = next(next_item, None)
            if i is None:
                break
            kind, method, path, body = plan[i]
            headers = {"content-type": "application/json"} if body is not None else {}
            started = time.perf_counter()
            status: int | None = None
            try:
                conn.request(method, path, body, headers)
                response = conn.getresponse()
                payload = response.read()
                status = response.status
                if status >= 400:
                    json.loads(payload)["error"]["code"]  # every error answers JSON
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=60)
                key = None
            except (OSError, http.client.HTTPException, ValueError, KeyError) as err:
                key = f"{kind}: {type(err).__name__}"
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                by_kind.setdefault(kind, []).append(elapsed)
                if status is not None:
                    label = f"{status // 100}xx"
                    statuses[label] = statuses.get(label, 0) + 1
                    if status >= 500:
                        errors[f"{kind}: http_{status}"] = (
                            errors.get(f"{kind}: http_{status}", 0) + 1
                        )
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
        "requests_planned": len(plan),
        "requests_sent": len(latencies),
        "status_5xx": statuses.get("5xx", 0),
        "statuses": dict(sorted(statuses.items())),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "concurrency": concurrency,
        "wall_s": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(ms), 1),
        "p90_ms": round(percentile(ms, 90), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
        "by_kind": {
            kind: {
                "n": len(values),
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
            for kind, values in sorted(by_kind.items())
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers to start")
    parser.add_argument("--time-limit", type=float, default=300.0, help="stop sending after this")
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--goals", type=Path, help="JSONL file of goals (text key) to cycle")
    parser.add_argument(
        "--mix",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="mix bad requests, batches, suggestions and GETs in (default on)",
    )
    args = parser.parse_args()

    goals = load_goals(args.goals, args.requests)
    if args.mix:
        plan = plan_requests(goals, args.requests)
    else:
        plan = [
            ("goal", "POST", "/v1/analyze", json.dumps({"text": g, "id": str(i)}).encode())
            for i, g in enumerate(goals)
        ]
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
        report = run_load(host, port, plan, args.concurrency, args.time_limit)
        report["server_workers"] = args.workers
        report["load_average_1m_before"] = load_before
        report["startup_s"] = round(startup, 2)
    finally:
        if process:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    print(json.dumps(report, indent=2))
    return 0 if report["errors"] == 0 and report["requests_sent"] == len(plan) else 1


if __name__ == "__main__":
    raise SystemExit(main())
