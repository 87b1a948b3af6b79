"""Throughput of analyze_many next to plain nlp.pipe of the same spaCy model, and peak memory.

The headline is ``cold_ratio``: analyze_many over distinct goals (no text repeated, so
no per-span cache helps) against plain nlp.pipe with the full English pipeline over
the same goals, in one process, in wall-clock time. ``cold_ratio_cpu_time`` is the same
comparison in CPU seconds of the process, which other load on a shared machine
disturbs much less. ``first_result_s`` is the time from a fresh
``import smartcheck`` to the first analysis, measured in a new process.

Run: python benchmarks/bench_analyze.py [--repeat 8] [--json]

Goals come from the bundled labelled sets (dev + SMARTSpan). "cold" runs every
distinct goal once in this process (no warm caches); "repeated" cycles them to
mimic a large plan file. Plain nlp.pipe uses the full default pipeline
(including the statistical NER that smartcheck leaves out).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import spacy

import smartcheck
from smartcheck.config import Settings

DATA = Path(__file__).resolve().parent / "data"


def load_goals() -> list[str]:
    goals: list[str] = []
    files = ("goals_dev.jsonl", "goals_dev2.jsonl", "goals_heldout.jsonl", "smartspan/goals.jsonl")
    for path in (DATA / name for name in files):
        goals += [
            json.loads(line)["text"]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return list(dict.fromkeys(goals))  # distinct texts only


FIRST_RESULT = (
    "import time; t = time.perf_counter(); import smartcheck; "
    "smartcheck.analyze('I will walk 20 minutes every day for 4 weeks', "
    "reference_date='2026-01-05'); "
    "print(time.perf_counter() - t)"
)


def first_result_seconds() -> float:
    """Seconds from ``import smartcheck`` to the first analysis, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_RESULT], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def rate(fn, goals: list[str]) -> float:
    start = time.perf_counter()
    n = sum(1 for _ in fn(goals))
    return n / (time.perf_counter() - start)


def cpu_seconds(fn, goals: list[str]) -> float:
    """CPU time of this process for one pass: steadier than wall time on a shared machine."""
    start = time.process_time()
    for _ in fn(goals):
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=8, help="times the goal set is cycled for the repeated run"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    goals = load_goals()
    repeated = goals * args.repeat

    nlp = smartcheck.load_nlp()
    model = Settings().model_candidates()
    name = next(n for n in model if spacy.util.is_package(n))
    plain = spacy.load(name)
    # One-time start-up (model, dateparser and quantulum3 tables, first-use caches) is not
    # throughput. Both sides warm up on the same texts, which the measured runs never see
    # again (a suffix makes them distinct from the goals).
    warm = [
        "I will swim 2 km by June 3",
        "Je veux nager tous les jours",
        "Pt will lift 120 mmHg x 2 wks",
        *(f"{goal} (warm-up)" for goal in goals[:20]),
    ]
    list(plain.pipe(warm))
    list(smartcheck.analyze_many(warm))

    many = lambda g: smartcheck.analyze_many(g, reference_date="2026-01-05")  # noqa: E731
    cold = rate(many, goals)
    plain_cold = rate(plain.pipe, goals)
    # The same comparison in CPU seconds, on copies of the goals (one trailing space:
    # still distinct, and not the texts the wall-clock pass has just seen).
    fresh = [f"{goal} " for goal in goals]
    cpu_ratio = cpu_seconds(plain.pipe, fresh) / cpu_seconds(many, fresh)
    result = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "distinct_goals": len(goals),
        "model": f"{nlp.meta['name']} {nlp.meta['version']}",
        "analyze_many_cold_goals_per_s": round(cold, 1),
        "plain_nlp_pipe_cold_goals_per_s": round(plain_cold, 1),
        "cold_ratio": round(cold / plain_cold, 2),
        "cold_ratio_cpu_time": round(cpu_ratio, 2),
        "analyze_many_goals_per_s": round(rate(many, repeated), 1),
        "plain_nlp_pipe_goals_per_s": round(rate(plain.pipe, repeated), 1),
        "goals": len(repeated),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    result["ratio"] = round(
        result["analyze_many_goals_per_s"] / result["plain_nlp_pipe_goals_per_s"], 2
    )
    result["first_result_s"] = round(first_result_seconds(), 2)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
