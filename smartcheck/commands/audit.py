"""``smartcheck audit``: score every goal in files or plans and write one report."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from smartcheck import clock
from smartcheck.audit import Auditor, AuditResult, AuditSummary, ReadOptions, open_report
from smartcheck.audit.html import ReportMeta
from smartcheck.audit.postprocess import check_ignore_patterns, finish_results
from smartcheck.audit.readers import read_rows
from smartcheck.audit.writers import REPORT_FORMATS, STDOUT, report_format
from smartcheck.cli import (
    MAX_JOBS,
    ExitStatus,
    add_color_option,
    int_in_range,
    iso_date,
    score_in_range,
    use_color,
)
from smartcheck.commands.common import add_config_options, column_option, project_config
from smartcheck.config import ProjectConfig, Settings
from smartcheck.errors import InputError
from smartcheck.kb.loader import default_kb

_LABEL_COLORS = {"SMART": "32", "Partially SMART": "33", "Not SMART": "31"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` subcommand."""
    parser = subparsers.add_parser(
        "audit",
        help="audit many goals (CSV, TSV, JSONL, TXT, DOCX, XLSX, notes) and write a report",
        description=(
            "Score every goal in the input files and write one report: JSON lines, CSV, Excel "
            "or a self-contained HTML page, chosen by the extension of --out (- writes JSON "
            "lines, or --format, to standard output). Every input row appears in the "
            "report once, in order; rows that cannot be analysed are listed with the reason. "
            "Word files and --notes inputs are searched for goal statements. Reports are "
            "created readable by their owner only (mode 0600): they hold health information."
        ),
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files to audit")
    parser.add_argument(
        "--out",
        required=True,
        metavar="REPORT",
        help="report file (.jsonl, .csv, .xlsx, .html) or - for standard output",
    )
    parser.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="report format (default: from the extension of --out; jsonl for -)",
    )
    parser.add_argument(
        "--text-column",
        action="append",
        type=column_option,
        metavar="NAME[,NAME...]",
        help="goal column(s) or key(s); the first present in each file wins "
        "(default: goal, goal_text, goals, objective, statement, text)",
    )
    parser.add_argument(
        "--id-column",
        action="append",
        type=column_option,
        metavar="NAME",
        help="id column(s) (default: id, goal_id)",
    )
    parser.add_argument(
        "--context-column",
        action="append",
        type=column_option,
        metavar="NAME",
        help="context column(s) (default: context, diagnosis, problem)",
    )
    parser.add_argument(
        "--group-by",
        metavar="COLUMN",
        help="break the HTML report down by this column, e.g. discipline or clinician",
    )
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
    parser.add_argument("--profile", help="scoring profile (default: therapy)")
    parser.add_argument(
        "--reference-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date deadlines are resolved against (default: today)",
    )
    parser.add_argument(
        "--jobs",
        type=int_in_range(1, MAX_JOBS),
        default=1,
        metavar="N",
        help=f"worker processes, 1-{MAX_JOBS} (default: 1)",
    )
    parser.add_argument(
        "--fail-under",
        type=score_in_range,
        metavar="SCORE",
        help="exit with status 1 when the mean score of the goals is below SCORE (0-100)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        type=column_option,
        metavar="FINDING[,FINDING...]",
        help="leave these finding ids out of the report (globs allowed; scores unchanged)",
    )
    parser.add_argument(
        "--no-suggestions",
        action="store_true",
        help="leave the suggestion column empty (faster on large audits)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar and no summary on the terminal"
    )
    add_color_option(parser)
    add_config_options(parser)
    parser.set_defaults(func=run)


def _flatten(values: list[tuple[str, ...]] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(name for group in values for name in group)


def run(args: argparse.Namespace) -> int:
    """Audit the inputs, write the report, print the summary and return the exit status."""
    config = project_config(args)
    out: str = args.out
    fmt = report_format(out, args.format)
    inputs: list[Path] = args.inputs
    check_paths(inputs, out)
    profile = args.profile or config.profile or "therapy"
    kb = default_kb()
    kb.profile(profile)  # unknown profile: exit 2 before any work
    ignore = check_ignore_patterns(_flatten(args.ignore) or config.ignore, kb.findings)
    fail_under = args.fail_under if args.fail_under is not None else config.fail_under
    group_by = args.group_by or config.group_by
    options = read_options(args, config, group_by)
    if args.dask and importlib.util.find_spec("distributed") is None:
        raise InputError("--dask needs pip install 'smartcheck[dask]'")
    started = clock.now_utc()
    reference_date = args.reference_date or started.astimezone().date()
    meta = ReportMeta(
        run_date=started,
        inputs=tuple(str(p) for p in inputs),
        reference_date=reference_date,
        profile=profile,
        group_by=group_by,
        ignored_findings=ignore,
    )
    show_progress = not args.quiet and sys.stderr.isatty()
    total = sum(1 for _ in read_rows(inputs, options)) if show_progress else None
    auditor = Auditor(
        settings=Settings(profile=profile),
        profile=profile,
        reference_date=reference_date,
        jobs=args.jobs,
        read_options=options,
        dask_scheduler=args.dask,
    )
    audit_run = auditor.run(inputs)
    results = finish_results(audit_run, ignore=ignore, suggestions=not args.no_suggestions)
    try:
        with open_report(out, meta=meta, fmt=fmt) as writer:
            for result in _progress(results, enabled=show_progress, total=total):
                writer.write(result)
            summary = audit_run.summary
            writer.finish(summary)
    finally:
        audit_run.close()
    for line in warnings(summary):
        print(f"smartcheck: warning: {line}", file=sys.stderr)
    if not args.quiet:
        stream = sys.stderr if out == STDOUT else sys.stdout
        color = use_color(args.color, stream)
        print(format_summary(summary, out, color=color), file=stream)
    mean = summary.mean_score
    if fail_under is not None and (mean is None or mean < fail_under):
        if not args.quiet:
            why = "no goals to score, so below" if mean is None else "mean score below"
            print(f"{why} --fail-under {fail_under:g}", file=sys.stderr)
        return ExitStatus.FINDINGS
    return ExitStatus.OK


def read_options(
    args: argparse.Namespace, config: ProjectConfig, group_by: str | None
) -> ReadOptions:
    """Merge column options: a command-line flag replaces the config file's value."""
    return ReadOptions(
        text_column=_flatten(args.text_column) or config.text_column,
        id_column=_flatten(args.id_column) or config.id_column,
        context_column=_flatten(args.context_column) or config.context_column,
        group_column=group_by,
        encoding=args.encoding,
        notes=args.notes,
    )


def check_paths(inputs: list[Path], out: str) -> None:
    """Fail before any work on a missing input, an unwritable report or a report that is an input.

    The report path is compared with every input after resolving symbolic links and
    ``..``, and by device and inode, so no spelling of an input can be overwritten.
    """
    for path in inputs:
        if not path.is_file():
            raise InputError(f"{path}: no such file", source=str(path))
    if out == STDOUT:
        return
    target = Path(out)
    if target.is_dir():
        raise InputError(f"{target}: is a directory; give a report file name")
    resolved = target.resolve()
    for path in inputs:
        if path.resolve() == resolved or (target.exists() and _same_file(path, target)):
            raise InputError(f"--out {target} is the input {path}; choose another report name")
    parent = resolved.parent
    if not parent.is_dir():
        raise InputError(f"{target}: the directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{target}: cannot write into {parent} (permission denied)")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _progress(
    results: Iterable[AuditResult], *, enabled: bool, total: int | None
) -> Iterator[AuditResult]:
    try:
        from tqdm import tqdm
    except ImportError:
        enabled = False
    if not enabled:
        yield from results
        return

    tqdm.monitor_interval = 0  # no monitor thread: --jobs forks worker processes
    yield from tqdm(
        results,
        total=total,
        unit=" rows",
        file=sys.stderr,
        dynamic_ncols=True,
        leave=False,
    )


def warnings(summary: AuditSummary) -> list[str]:
    """Return the warnings of a run: counts only, never goal text or ids."""
    lines = []
    if summary.duplicate_ids:
        per_file = ", ".join(f"{src}: {n}" for src, n in summary.duplicate_ids_by_source.items())
        lines.append(
            f"{summary.duplicate_ids} rows reuse an id already used in the same file ({per_file})"
        )
    return lines


def format_summary(summary: AuditSummary, out: str | Path, *, color: bool = False) -> str:
    """Return the end-of-run summary printed by the CLI."""
    mean = "n/a" if summary.mean_score is None else f"{summary.mean_score:.1f}"

    def paint(label: str, text: str) -> str:
        code = _LABEL_COLORS.get(label)
        return f"\033[{code}m{text}\033[0m" if color and code else text

    labels = ", ".join(paint(label, f"{label} {n}") for label, n in summary.labels.items())
    rates = ", ".join(
        f"{dim} {rate:.0%}" for dim, rate in summary.pass_rates.items() if rate is not None
    )
    lines = [
        f"audited {summary.total} rows: {summary.goals} goals, {summary.not_goals} not goals, "
        f"{summary.errors} errors ({summary.goals_per_second:.0f} rows/s)",
        f"labels: {labels}",
        f"mean score of the goals: {mean}",
        f"pass rates: {rates}",
    ]
    if summary.not_goal_kinds:
        kinds = ", ".join(f"{k} {n}" for k, n in summary.not_goal_kinds.items())
        lines.append(f"not goals: {kinds}")
    if summary.error_codes:
        lines.append("errors: " + ", ".join(f"{c} {n}" for c, n in summary.error_codes.items()))
    if summary.duplicate_ids:
        lines.append(f"duplicate ids: {summary.duplicate_ids}")
    if summary.top_findings:
        top = ", ".join(f"{f.id} ({f.count})" for f in summary.top_findings[:3])
        lines.append(f"most frequent findings: {top}")
    lines.append(f"report: {'standard output' if str(out) == STDOUT else out}")
    return "\n".join(lines)
