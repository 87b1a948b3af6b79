"""``smartcheck evaluate FILE.jsonl``: agreement with labelled goals."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from smartcheck.config import Settings
from smartcheck.errors import InputError
from smartcheck.evaluation import Report, evaluate_records, load_labelled
from smartcheck.models import DIMENSION_LETTERS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` subcommand."""
    p = sub.add_parser("evaluate", help="compare smartcheck with labelled goals (JSON lines)")
    p.add_argument("file", type=Path, help="labelled goals in the rubric's JSON-lines format")
    p.add_argument(
        "--profile", help="force a profile (default: each record's profile, else therapy)"
    )
    p.add_argument("--model", help="spaCy model package or path")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--errors", action="store_true", help="list the ids of disagreeing goals per dimension"
    )
    p.add_argument(
        "--by",
        metavar="FIELD",
        help="also break the results down by this field of the records (e.g. category)",
    )
    p.set_defaults(func=run)


def render(report: Report, *, errors: bool = False) -> str:
    """Render an evaluation report as text."""
    lines = [f"goals: {report.n}  (failed: {report.failures})", "", "dimension     accuracy   F1"]
    for dim, c in report.dims.items():
        lines.append(
            f"{DIMENSION_LETTERS[dim]} {dim:<11} {report.accuracy(dim):>8.3f} {c.f1:>6.3f}"
        )
    lines.append("")
    lines.append(
        f"class macro-F1: {report.macro_f1():.3f}   "
        + "  ".join(f"{k}: {v:.3f}" for k, v in report.class_f1().items())
    )
    if report.elements:
        lines += ["", "element       F1     P      R      span-F1"]
        for kind, c in report.elements.items():
            span = report.element_spans[kind]
            lines.append(f"{kind:<12} {c.f1:.3f}  {c.precision:.3f}  {c.recall:.3f}  {span.f1:.3f}")
    if report.by is not None:
        lines += ["", *render_groups(report)]
    if errors and report.errors:
        lines += ["", "disagreements:"]
        lines += [f"  {e['id']} {e['dimension']} gold={e['gold']}" for e in report.errors]
    return "\n".join(lines)


def render_groups(report: Report) -> list[str]:
    """Render the per-group table of ``evaluate --by``: counts, accuracy per dimension, macro-F1."""
    letters = [DIMENSION_LETTERS[d] for d in report.dims]
    width = max([len(str(report.by)), *(len(k) for k in report.groups)])
    head = f"{report.by:<{width}}  {'n':>4}  " + "  ".join(f"{x:>5}" for x in letters)
    lines = [head + "  macro-F1"]
    for name, g in sorted(report.groups.items()):
        accs = "  ".join(
            f"{g.accuracy(d):>5.2f}" if d in g.dims else f"{'-':>5}" for d in report.dims
        )
        lines.append(f"{name:<{width}}  {g.n:>4}  {accs}  {g.macro_f1():>8.3f}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``smartcheck evaluate``."""
    if not args.file.is_file():
        raise InputError(f"no such file: {args.file}")
    settings = Settings(model=args.model) if args.model else Settings()
    loaded = load_labelled(args.file)
    if loaded.unlabelled:
        total = loaded.unlabelled + len(loaded.records)
        print(
            f"smartcheck: warning: {loaded.unlabelled} of {total} records have no labels "
            "and are left out",
            file=sys.stderr,
        )
    report = evaluate_records(loaded.records, profile=args.profile, settings=settings, by=args.by)
    print(
        json.dumps(report.to_dict(), indent=2) if args.json else render(report, errors=args.errors)
    )
    return 0
