"""Dask scale-out check: N goals on a two-worker LocalCluster versus one analyze_many.

Runs ``analyze_many`` locally, then ``analyze_bag`` and
``analyze_records_distributed`` on a ``LocalCluster`` (two worker processes,
one thread each), and reports timings and whether every result is equal, in
order. Exit status 1 if any result differs.

    python benchmarks/bench_dask.py --goals-count 20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

import smartcheck
from smartcheck.dask import analyze_bag, analyze_records_distributed

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_goals import load_goals

REFERENCE_DATE = dt.date(2026, 1, 15)


def mismatches(left: list, right: list) -> int:
    """Count positions whose results differ, plus any difference in length."""
    different = sum(a != b for a, b in zip(left, right, strict=False))
    return different + abs(len(left) - len(right))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals-count", type=int, default=20_000)
    parser.add_argument("--npartitions", type=int, default=40)
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--goals", type=Path, help="JSONL file of goals (text key) to cycle")
    args = parser.parse_args()

    goals = load_goals(args.goals, args.goals_count)
    report: dict[str, object] = {"goals": len(goals), "distinct_texts": len(set(goals))}
    # The machine may be shared; a high load average explains slow timings.
    report["load_average_1m_before"] = round(os.getloadavg()[0], 2)

    started = time.perf_counter()
    local = list(smartcheck.analyze_many(goals, reference_date=REFERENCE_DATE))
    report["local_analyze_many_s"] = round(time.perf_counter() - started, 1)

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        report["cluster_start_s"] = round(time.perf_counter() - started, 1)

        started = time.perf_counter()
        bag = db.from_sequence(goals, npartitions=args.npartitions)
        from_bag = analyze_bag(bag, reference_date=REFERENCE_DATE).compute()
        report["analyze_bag_s"] = round(time.perf_counter() - started, 1)
        report["analyze_bag_mismatches"] = mismatches(from_bag, local)

        started = time.perf_counter()
        streamed = list(
            analyze_records_distributed(
                goals, client, reference_date=REFERENCE_DATE, chunk_size=args.chunk_size
            )
        )
        report["distributed_s"] = round(time.perf_counter() - started, 1)
        report["distributed_mismatches"] = mismatches(streamed, local)

    report["failures"] = sum(not r.ok for r in local)
    report["identical_in_order"] = (
        report["analyze_bag_mismatches"] == 0 and report["distributed_mismatches"] == 0
    )
    print(json.dumps(report, indent=2))
    return 0 if report["identical_in_order"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
