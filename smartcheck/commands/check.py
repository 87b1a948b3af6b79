"""``smartcheck check GOAL...``: analyse goals and print a readable report for each.

Goals come from the arguments, from ``--file`` (one goal per line) or from standard
input (``-``, as an argument or as ``--file -``); ``-`` always means standard input,
never the goal "-".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from smartcheck.analyzer import analyze, analyze_many
from smartcheck.audit.postprocess import check_ignore_patterns, without_findings
from smartcheck.cli import ExitStatus, add_color_option, iso_date, score_in_range, use_color
from smartcheck.commands.common import add_config_options, column_option, project_config
from smartcheck.config import Settings
from smartcheck.errors import InputError
from smartcheck.kb.loader import default_kb
from smartcheck.models import DIMENSION_LETTERS, AnalysisFailure, GoalAnalysis

STDIN = "-"
_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
_LABEL_COLORS = {"SMART": "\033[32m", "Partially SMART": "\033[33m", "Not SMART": "\033[31m"}
_RESET = "\033[0m"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` subcommand."""
    p = sub.add_parser(
        "check",
        help="score goals and explain the scores",
        description="Score one or more goals and explain each score. Goals come from the "
        "arguments, from --file (one per line) or from standard input (-).",
    )
    p.add_argument(
        "goals",
        nargs="*",
        metavar="GOAL",
        help="goal text in quotes; several are scored in turn; - reads goals from standard "
        "input, one per line",
    )
    p.add_argument(
        "--file", type=Path, metavar="FILE", help="read goals from FILE, one per line (- = stdin)"
    )
    p.add_argument("--context", help="presenting concern or treatment aim next to the goal(s)")
    p.add_argument("--profile", help="scoring profile: therapy (default) or coaching")
    p.add_argument(
        "--reference-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date relative timeframes resolve against (default: today)",
    )
    p.add_argument(
        "--model", help="spaCy model package or path (default: installed English pipeline)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print the analysis as JSON (one object per line for several goals)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "fhir"),
        default="text",
        help="text (default), json (same as --json) or fhir (an R4 Goal with the verdict)",
    )
    p.add_argument(
        "--fail-under",
        type=score_in_range,
        metavar="SCORE",
        help="exit with status 1 when a goal scores below SCORE (0-100)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        type=column_option,
        metavar="FINDING[,FINDING...]",
        help="do not show these finding ids (globs allowed; scores unchanged)",
    )
    add_color_option(p)
    add_config_options(p)
    p.set_defaults(func=run, parser=p)


def highlight(text: str, start: int, end: int, *, color: bool) -> str:
    """Return ``text`` with ``[start, end)`` marked."""
    mark_l, mark_r = ("\033[1;33m", _RESET) if color else ("[", "]")
    return text[:start] + mark_l + text[start:end] + mark_r + text[end:]


def render(analysis: GoalAnalysis, *, color: bool = False) -> str:
    """Render an analysis as a plain-text report."""
    lines = [f"Goal: {analysis.text}"]
    if analysis.context:
        lines.append(f"Context: {analysis.context}")
    label: str = analysis.label
    if color and label in _LABEL_COLORS:
        label = f"{_LABEL_COLORS[label]}{label}{_RESET}"
    if not analysis.is_goal:
        kind = (analysis.non_goal or "unknown").replace("_", " ")
        lines.append(f"Result: not a goal ({kind}); {label} ({analysis.score:.0f}/100)")
    else:
        lines.append(f"Result: {label} ({analysis.score:.0f}/100, profile {analysis.profile})")
    lines.append("")
    for name, dim in analysis.dimensions.items():
        status = "met" if dim.met else "not met"
        note = "" if dim.counted else " (not counted in this profile)"
        lines.append(
            f"{DIMENSION_LETTERS[name]}  {_NAMES[name]:<11} {status:<8} {dim.score:.2f}{note}"
        )
        for ev in dim.evidence[:3]:
            lines.append(
                f"     evidence: {highlight(analysis.text, ev.start, ev.end, color=color)}"
            )
        for f in dim.findings:
            if f.severity == "info" and dim.met:
                continue
            lines.append(f"     - {f.message}")
            if f.severity != "info":
                lines.append(f"       fix: {f.fix}")
    return "\n".join(lines)


def read_goals(args: argparse.Namespace) -> list[str]:
    """Collect the goals: arguments in order, ``-`` expanded from stdin, then ``--file``."""
    goals: list[str] = []
    stdin_used = False
    sources: list[str | Path] = list(args.goals)
    if args.file is not None:
        sources.append(args.file)
    for source in sources:
        if str(source) == STDIN:
            if stdin_used:
                raise InputError("standard input (-) can be read only once")
            stdin_used = True
            goals.extend(_lines(_read_stdin(), "standard input"))
        elif isinstance(source, Path):
            goals.extend(_lines(_read_file(source), str(source)))
        else:
            goals.append(source)
    return goals


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"standard input: not UTF-8 text (byte {err.start})") from None


def _read_file(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start})") from None


def _lines(text: str, where: str) -> Iterator[str]:
    found = False
    for line in text.splitlines():
        if line.strip():
            found = True
            yield line.strip()
    if not found:
        raise InputError(f"{where}: no goals (expected one goal per line)")


def run(args: argparse.Namespace) -> int:
    """Run ``smartcheck check``."""
    config = project_config(args)
    goals = read_goals(args)
    if not goals:
        args.parser.error("give a goal, several goals, --file FILE or - for standard input")
    profile = args.profile or config.profile or "therapy"
    ignored = [name for group in args.ignore or () for name in group] or config.ignore
    ignore = check_ignore_patterns(ignored, default_kb().findings)
    fail_under = args.fail_under if args.fail_under is not None else config.fail_under
    settings = Settings(model=args.model, profile=profile)
    color = use_color(args.color, sys.stdout)
    single = len(goals) == 1 and args.file is None and STDIN not in args.goals
    if single:
        outcomes: list[GoalAnalysis | AnalysisFailure] = [
            analyze(
                goals[0],
                context=args.context,
                reference_date=args.reference_date,
                profile=profile,
                settings=settings,
            )
        ]
    else:
        items = [{"text": goal, "context": args.context} for goal in goals]
        outcomes = list(
            analyze_many(
                items, reference_date=args.reference_date, profile=profile, settings=settings
            )
        )
    failures = below = 0
    for number, outcome in enumerate(outcomes, start=1):
        if isinstance(outcome, AnalysisFailure):
            failures += 1
            _print_failure(number, outcome, as_json=args.json or args.format != "text")
            continue
        analysis = without_findings(outcome, ignore)
        if fail_under is not None and analysis.score < fail_under:
            below += 1
        _print_analysis(analysis, fmt=_format(args), single=single, color=color, first=number == 1)
    if failures:
        print(
            f"smartcheck: error: {failures} of {len(outcomes)} goals could not be analysed",
            file=sys.stderr,
        )
        return ExitStatus.USAGE
    if below:
        print(
            f"{below} of {len(outcomes)} goals below --fail-under {fail_under:g}", file=sys.stderr
        )
        return ExitStatus.FINDINGS
    return ExitStatus.OK


def _format(args: argparse.Namespace) -> str:
    """Return the output format: ``--format``, with ``--json`` as a synonym for json."""
    return "json" if args.json and args.format == "text" else str(args.format)


def _print_analysis(
    analysis: GoalAnalysis, *, fmt: str, single: bool, color: bool, first: bool
) -> None:
    if fmt == "fhir":
        from smartcheck.fhir import to_goal

        print(json.dumps(to_goal(analysis), indent=2 if single else None, ensure_ascii=False))
    elif fmt == "json":
        print(analysis.model_dump_json(indent=2 if single else None))
    else:
        if not first:
            print()
        print(render(analysis, color=color))
    sys.stdout.flush()  # a reader that stops early (| head) is noticed at once


def _print_failure(number: int, failure: AnalysisFailure, *, as_json: bool) -> None:
    if as_json:
        print(failure.model_dump_json())
    else:
        if number > 1:
            print()
        print(f"Goal {number}: cannot be analysed ({failure.error}): {failure.reason}")
    sys.stdout.flush()
