"""Fuzz the public API with generated hostile inputs; count untyped exceptions by function.

Run: python benchmarks/fuzz.py [--n 10000] [--seed 12] [--only analyze,analyze_many] [--json]

Inputs come from ``tests/fuzz_inputs.py`` (goal wording mixed with lone surrogates,
400-digit numbers, calendar-edge dates, control and bidi characters, emoji, formulas),
drawn with a seeded ``random.Random``: the same seed gives the same inputs. Input ``i``
goes to one function in turn (analyze, analyze_many in batches of 8, extract_goals,
gas_levels, compare, suggest), so every function sees its share.

Two counts per function:

* ``untyped``: exceptions that escaped the public function and are not
  ``smartcheck.errors`` types. The contract is 0.
* ``boundary``: ``AnalysisError`` raised by the last-resort wrapper, by original
  exception type. These are bugs that no longer escape untyped but still cost the
  item its analysis; each deserves a root-cause fix.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_inputs import random_input, random_text

import smartcheck
from smartcheck import AnalysisError, AnalysisFailure, SmartCheckError

BATCH = 8


def _analyze(kw: dict[str, Any]) -> object:
    return smartcheck.analyze(
        kw["text"], context=kw["context"], reference_date=kw["reference_date"]
    )


def _suggest(kw: dict[str, Any]) -> object:
    return smartcheck.suggest(
        kw["text"], context=kw["context"], n=2, reference_date=kw["reference_date"]
    )


def _compare(kw: dict[str, Any]) -> object:
    return smartcheck.compare(
        kw["text"], kw["rewrite"], context=kw["context"], reference_date=kw["reference_date"]
    )


def _gas_levels(kw: dict[str, Any]) -> object:
    return smartcheck.gas_levels(
        kw["text"], context=kw["context"], reference_date=kw["reference_date"]
    )


def _extract_goals(kw: dict[str, Any]) -> object:
    return smartcheck.extract_goals(kw["note"])


SINGLE: dict[str, Callable[[dict[str, Any]], object]] = {
    "analyze": _analyze,
    "extract_goals": _extract_goals,
    "gas_levels": _gas_levels,
    "compare": _compare,
    "suggest": _suggest,
}
NOT_TEXT: tuple[object, ...] = (None, 3, b"walk daily", ["walk"], {"text": 5})


def _inputs(rng: random.Random) -> dict[str, Any]:
    kw = random_input(rng)
    kw["rewrite"] = random_text(rng)
    kw["note"] = "\n".join(random_text(rng) for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.03:
        kw["text"] = kw["note"] = rng.choice(NOT_TEXT)
    return kw


def run(n: int, seed: int, only: list[str] | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    calls: Counter[str] = Counter()
    untyped: Counter[str] = Counter()
    untyped_kinds: Counter[str] = Counter()
    boundary: Counter[str] = Counter()
    names = only or [*SINGLE, "analyze_many"]
    batch: list[dict[str, Any]] = []
    started = time.perf_counter()
    for i in range(n):
        kw = _inputs(rng)
        name = names[i % len(names)]
        if name == "analyze_many":
            batch.append(kw)
            if len(batch) == BATCH:
                _run_batch(batch, calls, untyped, untyped_kinds, boundary)
                batch = []
            continue
        calls[name] += 1
        try:
            SINGLE[name](kw)
        except AnalysisError as err:
            boundary[f"{name}: {err.cause}"] += 1
        except SmartCheckError:
            pass
        except Exception as err:  # what the benchmark counts
            untyped[name] += 1
            untyped_kinds[f"{name}: {type(err).__name__}"] += 1
    if batch:
        _run_batch(batch, calls, untyped, untyped_kinds, boundary)
    return {
        "inputs": n,
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
        "calls": dict(calls),
        "untyped": {name: untyped[name] for name in names},
        "untyped_total": sum(untyped.values()),
        "untyped_kinds": dict(untyped_kinds.most_common()),
        "boundary": dict(boundary.most_common()),
    }


def _run_batch(
    batch: list[dict[str, Any]],
    calls: Counter[str],
    untyped: Counter[str],
    untyped_kinds: Counter[str],
    boundary: Counter[str],
) -> None:
    calls["analyze_many"] += 1
    items = [
        {"text": kw["text"], "context": kw["context"], "reference_date": kw["reference_date"]}
        if isinstance(kw["reference_date"], str)
        else (kw["text"], kw["context"])
        for kw in batch
    ]
    try:
        out = list(smartcheck.analyze_many(items, batch_size=3))
    except SmartCheckError:
        return
    except Exception as err:
        untyped["analyze_many"] += 1
        untyped_kinds[f"analyze_many: {type(err).__name__}"] += 1
        return
    if [r.index for r in out] != list(range(len(items))):
        untyped["analyze_many"] += 1
        untyped_kinds["analyze_many: lost or reordered items"] += 1
    for r in out:
        if isinstance(r, AnalysisFailure) and r.error == "analysis_failed":
            cause = r.reason.split("(", 1)[-1].split(" ", 1)[0]
            boundary[f"analyze_many: {cause}"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="generated inputs")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--only",
        help="comma-separated functions to fuzz (default: all of "
        f"{', '.join([*SINGLE, 'analyze_many'])})",
    )
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None
    unknown = set(only or ()) - {*SINGLE, "analyze_many"}
    if unknown:
        parser.error(f"unknown functions: {', '.join(sorted(unknown))}")
    logging.disable(logging.CRITICAL)  # the boundary logs each catch; counted here instead
    warnings.simplefilter("ignore")
    report = run(args.n, args.seed, only)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['inputs']} inputs (seed {report['seed']}) in {report['seconds']} s")
    print("calls:", report["calls"])
    print("untyped exceptions by function:", report["untyped"], "total", report["untyped_total"])
    for kind, count in report["untyped_kinds"].items():
        print(f"  {kind}: {count}")
    print("caught by the last-resort boundary (AnalysisError), by cause:")
    for kind, count in report["boundary"].items():
        print(f"  {kind}: {count}")


if __name__ == "__main__":
    main()
