"""Benchmarks of the batch audit: goal extraction quality and audit throughput/memory.

Run on demand, not in CI:

    python benchmarks/bench_audit.py extract
    python benchmarks/bench_audit.py throughput --goals 100000 --small 10000

``extract`` scores :func:`smartcheck.extract_goals` on the SMARTSpan notes (span-level
precision/recall/F1, exact and overlap match). ``throughput`` generates goal files by
repeating the labelled dev goals and runs each measurement in a fresh process so peak RSS
is clean: ``analyze_many`` alone, the audit (CSV in, JSONL report out) at 100k and 10k goals,
and the audit with ``--jobs 2``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import smartcheck
from smartcheck import extract_goals
from smartcheck.audit import Auditor, open_report

HERE = Path(__file__).resolve().parent
NOTES = HERE / "data" / "smartspan" / "notes.jsonl"
DEV_GOALS = HERE.parent.parent / "shared" / "data" / "goals_dev.jsonl"
REFERENCE_DATE = dt.date(2026, 1, 5)
_TRIM = " \t\r\n.,;:"


# --------------------------------------------------------------------------- extraction


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and edge punctuation so "goal." and "goal" are the same span."""
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return start, end


def _overlap_matches(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    """Count one-to-one matches of overlapping spans (greedy, largest overlap first)."""
    used: set[int] = set()
    matched = 0
    for g_start, g_end in gold:
        best: tuple[int, int] | None = None
        for i, (p_start, p_end) in enumerate(pred):
            overlap = min(g_end, p_end) - max(g_start, p_start)
            if i not in used and overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, i)
        if best is not None:
            used.add(best[1])
            matched += 1
    return matched


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def bench_extract(notes_path: Path, verbose: bool) -> dict[str, object]:
    """Score extract_goals against the annotated goal spans of each note."""
    n_notes = n_gold = n_pred = tp_exact = tp_overlap = 0
    start = time.perf_counter()
    for line in notes_path.read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        text = note["text"]
        gold = [_norm(text, text.find(g), text.find(g) + len(g)) for g in note["goals"]]
        pred = [_norm(text, s.start, s.end) for s in extract_goals(text)]
        n_notes += 1
        n_gold += len(gold)
        n_pred += len(pred)
        tp_exact += len(set(gold) & set(pred))
        tp_overlap += _overlap_matches(gold, pred)
        if verbose and set(gold) != set(pred):
            print(f"## {note['id']}")
            for g in sorted(set(gold) - set(pred)):
                print("  missed   ", repr(text[g[0] : g[1]]))
            for p in sorted(set(pred) - set(gold)):
                print("  predicted", repr(text[p[0] : p[1]]))
    return {
        "notes": n_notes,
        "gold_spans": n_gold,
        "predicted_spans": n_pred,
        "exact": _prf(tp_exact, n_pred, n_gold),
        "overlap": _prf(tp_overlap, n_pred, n_gold),
        "seconds": round(time.perf_counter() - start, 2),
    }


# --------------------------------------------------------------------------- throughput


def make_goal_file(path: Path, n: int) -> None:
    """Write ``n`` goals to a CSV by cycling through the dev goals."""
    goals = [json.loads(x) for x in DEV_GOALS.read_text(encoding="utf-8").splitlines() if x]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "goal", "context"])
        for i, goal in zip(range(n), itertools.cycle(goals), strict=False):
            writer.writerow([f"g{i}", goal["text"], goal.get("context") or ""])


def _peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_child_rss_mb": round(children, 1)}


def measure(mode: str, goals_csv: Path, jobs: int, out: Path) -> dict[str, object]:
    """Run one measurement in this process (called in a fresh subprocess)."""
    smartcheck.analyze("I will walk 10 minutes every day", reference_date=REFERENCE_DATE)
    start = time.perf_counter()
    if mode == "analyze_many":
        with goals_csv.open(encoding="utf-8", newline="") as fh:
            items = ({"id": r["id"], "text": r["goal"], "context": r["context"] or None}
                     for r in csv.DictReader(fh))  # fmt: skip
            count = sum(1 for _ in smartcheck.analyze_many(items, reference_date=REFERENCE_DATE))
    else:
        run = Auditor(reference_date=REFERENCE_DATE, jobs=jobs).run(goals_csv)
        with open_report(out) as writer:
            count = 0
            for result in run:
                writer.write(result)
                count += 1
            writer.finish(run.summary)
    seconds = time.perf_counter() - start
    return {
        "mode": mode,
        "jobs": jobs,
        "goals": count,
        "seconds": round(seconds, 1),
        "goals_per_second": round(count / seconds, 1),
        **_peak_rss_mb(),
    }


def _subprocess_measure(mode: str, goals_csv: Path, jobs: int, out: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "_measure", mode, str(goals_csv), str(jobs), str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result), flush=True)
    return result


def bench_throughput(n_large: int, n_small: int, workdir: Path) -> dict[str, object]:
    """Compare analyze_many alone with the audit, at two sizes and with two jobs."""
    large, small = workdir / "goals_large.csv", workdir / "goals_small.csv"
    make_goal_file(large, n_large)
    make_goal_file(small, n_small)
    report = workdir / "report.jsonl"
    base = _subprocess_measure("analyze_many", large, 1, report)
    audit_large = _subprocess_measure("audit", large, 1, report)
    audit_small = _subprocess_measure("audit", small, 1, report)
    audit_small_2 = _subprocess_measure("audit", small, 2, report)
    audit_large_2 = _subprocess_measure("audit", large, 2, report)
    return {
        "analyze_many": base,
        "audit_large_jobs1": audit_large,
        "audit_small_jobs1": audit_small,
        "audit_small_jobs2": audit_small_2,
        "audit_large_jobs2": audit_large_2,
        "audit_vs_analyze_many": round(
            float(audit_large["goals_per_second"]) / float(base["goals_per_second"]), 3
        ),
        "rss_large_vs_small": round(
            float(audit_large["peak_rss_mb"]) / float(audit_small["peak_rss_mb"]), 3
        ),
        "jobs2_speedup": round(
            float(audit_large_2["goals_per_second"]) / float(audit_large["goals_per_second"]), 3
        ),
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a benchmark."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_measure":
        mode, goals_csv, jobs, out = argv[1:5]
        print(json.dumps(measure(mode, Path(goals_csv), int(jobs), Path(out))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ext = sub.add_parser("extract", help="goal extraction on the SMARTSpan notes")
    ext.add_argument("--notes", type=Path, default=NOTES)
    ext.add_argument("-v", "--verbose", action="store_true", help="print every mismatch")
    thr = sub.add_parser("throughput", help="audit speed and memory against analyze_many")
    thr.add_argument("--goals", type=int, default=100_000)
    thr.add_argument("--small", type=int, default=10_000)
    args = parser.parse_args(argv)
    if args.what == "extract":
        print(json.dumps(bench_extract(args.notes, args.verbose), indent=2))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(bench_throughput(args.goals, args.small, Path(tmp)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
