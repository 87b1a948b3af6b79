"""``smartcheck audit``: score every goal in files or plans and write one report."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from smartcheck.audit import Auditor, AuditResult, AuditSummary, ReadOptions, open_report
from smartcheck.audit.writers import report_format
from smartcheck.cli import ExitStatus
from smartcheck.config import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` subcommand."""
    parser = subparsers.add_parser(
        "audit",
        help="audit many goals (CSV, TSV, JSONL, TXT, DOCX, notes) and write a report",
        description=(
            "Score every goal in the input files and write one report: JSON lines, CSV or a "
            "self-contained HTML page, chosen by the extension of --out. Every input row "
            "appears in the report once, in order; rows that cannot be analysed are listed "
            "with the reason. Word files and --notes inputs are searched for goal statements."
        ),
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files to audit")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="REPORT", help="report (.jsonl, .csv, .html)"
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv", "html", "fhir"),
        help="report format (default: from the extension of --out); fhir writes one R4 Goal "
        "per analysed row as NDJSON",
    )
    parser.add_argument("--text-column", help="column or key of the goal (default: goal, text)")
    parser.add_argument("--id-column", help="column or key of the id (default: id)")
    parser.add_argument("--context-column", help="column or key of the context (default: context)")
    parser.add_argument(
        "--notes",
        action="store_true",
        help="treat each text as a clinical note and audit the goals found in it",
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="analyse on a Dask cluster (e.g. tcp://127.0.0.1:8786); needs smartcheck[dask]",
    )
    parser.add_argument("--encoding", help="input encoding (default: UTF-8, else detected)")
    parser.add_argument("--profile", default="therapy", help="scoring profile (default: therapy)")
    parser.add_argument(
        "--reference-date",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date deadlines are resolved against (default: today)",
    )
    parser.add_argument(
        "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default: 1)"
    )
    parser.add_argument(
        "--fail-under",
        type=float,
        metavar="SCORE",
        help="exit with status 1 when the mean score is below SCORE (0-100)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar and no summary on the terminal"
    )
    parser.set_defaults(func=run)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    """Audit the inputs, write the report, print the summary and return the exit status."""
    if args.format is None:
        report_format(args.out)  # fail on a bad extension before any work
    options = ReadOptions(
        text_column=args.text_column,
        id_column=args.id_column,
        context_column=args.context_column,
        encoding=args.encoding,
        notes=args.notes,
    )
    if args.dask and importlib.util.find_spec("distributed") is None:
        print("smartcheck: error: --dask needs pip install 'smartcheck[dask]'", file=sys.stderr)
        return ExitStatus.USAGE
    auditor = Auditor(
        settings=Settings(profile=args.profile),
        profile=args.profile,
        reference_date=args.reference_date,
        jobs=args.jobs,
        read_options=options,
        dask_scheduler=args.dask,
    )
    audit_run = auditor.run(args.inputs)
    try:
        with open_report(args.out, fmt=args.format) as writer:
            for result in _progress(audit_run, enabled=not args.quiet and sys.stderr.isatty()):
                writer.write(result)
            summary = audit_run.summary
            writer.finish(summary)
    finally:
        audit_run.close()
    if not args.quiet:
        print(format_summary(summary, args.out))
    if args.fail_under is not None and (summary.mean_score or 0.0) < args.fail_under:
        if not args.quiet:
            print(f"mean score below --fail-under {args.fail_under:g}", file=sys.stderr)
        return ExitStatus.FINDINGS
    return ExitStatus.OK


def _progress(results: Iterable[AuditResult], *, enabled: bool) -> Iterator[AuditResult]:
    try:
        from tqdm import tqdm
    except ImportError:
        enabled = False
    if not enabled:
        yield from results
        return

    tqdm.monitor_interval = 0  # no monitor thread: --jobs forks worker processes
    yield from tqdm(results, unit=" goals", file=sys.stderr, dynamic_ncols=True, leave=False)


def format_summary(summary: AuditSummary, out: Path) -> str:
    """Return the end-of-run summary printed by the CLI."""
    mean = "n/a" if summary.mean_score is None else f"{summary.mean_score:.1f}"
    labels = ", ".join(f"{label} {n}" for label, n in summary.labels.items())
    rates = ", ".join(
        f"{dim} {rate:.0%}" for dim, rate in summary.pass_rates.items() if rate is not None
    )
    lines = [
        f"audited {summary.total} rows: {summary.analysed} analysed, {summary.errors} errors "
        f"({summary.goals_per_second:.0f} rows/s)",
        f"labels: {labels}",
        f"mean score: {mean}",
        f"pass rates: {rates}",
    ]
    if summary.error_codes:
        lines.append("errors: " + ", ".join(f"{c} {n}" for c, n in summary.error_codes.items()))
    if summary.top_findings:
        top = ", ".join(f"{f.id} ({f.count})" for f in summary.top_findings[:3])
        lines.append(f"most frequent findings: {top}")
    lines.append(f"report: {out}")
    return "\n".join(lines)
