"""``smartcheck check TEXT``: analyse one goal and print a readable report."""

from __future__ import annotations

import argparse
import json
import sys

from smartcheck.analyzer import analyze
from smartcheck.config import Settings
from smartcheck.models import DIMENSION_LETTERS, GoalAnalysis

_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` subcommand."""
    p = sub.add_parser("check", help="score one goal and explain the score")
    p.add_argument("text", help="the goal, in quotes")
    p.add_argument("--context", help="presenting concern or treatment aim next to the goal")
    p.add_argument(
        "--profile", default="therapy", help="scoring profile: therapy (default) or coaching"
    )
    p.add_argument("--reference-date", help="date relative timeframes resolve against (YYYY-MM-DD)")
    p.add_argument(
        "--model", help="spaCy model package or path (default: installed English pipeline)"
    )
    p.add_argument("--json", action="store_true", help="print the full analysis as JSON")
    p.add_argument(
        "--format",
        choices=("text", "json", "fhir"),
        default="text",
        help="text (default), json (same as --json) or fhir (an R4 Goal with the verdict)",
    )
    p.set_defaults(func=run)


def highlight(text: str, start: int, end: int, *, color: bool) -> str:
    """Return ``text`` with ``[start, end)`` marked."""
    mark_l, mark_r = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    return text[:start] + mark_l + text[start:end] + mark_r + text[end:]


def render(analysis: GoalAnalysis, *, color: bool = False) -> str:
    """Render an analysis as a plain-text report."""
    lines = [f"Goal: {analysis.text}"]
    if analysis.context:
        lines.append(f"Context: {analysis.context}")
    lines.append(f"Result: {analysis.label} ({analysis.score:.0f}/100, profile {analysis.profile})")
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


def run(args: argparse.Namespace) -> int:
    """Run ``smartcheck check``."""
    settings = Settings(model=args.model) if args.model else Settings()
    analysis = analyze(
        args.text,
        context=args.context,
        reference_date=args.reference_date,
        profile=args.profile,
        settings=settings,
    )
    if args.format == "fhir":
        from smartcheck.fhir import to_goal

        print(json.dumps(to_goal(analysis), indent=2, ensure_ascii=False))
    elif args.json or args.format == "json":
        print(analysis.model_dump_json(indent=2))
    else:
        print(render(analysis, color=sys.stdout.isatty()))
    return 0
