"""``smartcheck suggest``: propose SMART rewrites of one goal."""

from __future__ import annotations

import argparse
import json
import sys

from smartcheck.cli import MAX_SUGGESTIONS, ExitStatus, int_in_range, iso_date
from smartcheck.models import DIMENSION_LETTERS
from smartcheck.orchestrate import gas_levels, rewrite


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``suggest`` subcommand."""
    parser = subparsers.add_parser(
        "suggest",
        help="propose SMART rewrites of a goal",
        description=(
            "Analyse TEXT and propose up to N rewrites that keep the person's own action, "
            "numbers and voice and fill only what is missing. Values the knowledge base "
            "cannot supply are left as [placeholders]."
        ),
    )
    parser.add_argument("text", metavar="TEXT", help="the goal to rewrite")
    parser.add_argument("--context", help="presenting concern or treatment aim")
    parser.add_argument(
        "-n",
        "--count",
        dest="n",
        type=int_in_range(1, MAX_SUGGESTIONS),
        default=3,
        metavar="N",
        help=f"most suggestions, 1-{MAX_SUGGESTIONS} (default 3)",
    )
    parser.add_argument(
        "--reference-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date for relative times (default: today)",
    )
    parser.add_argument("--gas", action="store_true", help="also print GAS levels of rewrite 1")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the suggestions, or the finding that explains why there are none."""
    result = rewrite(args.text, context=args.context, n=args.n, reference_date=args.reference_date)
    gas = None
    if args.gas:
        target = result.suggestions[0].text if result.suggestions else args.text
        gas = gas_levels(target, context=args.context, reference_date=args.reference_date)
    if args.json:
        payload: dict[str, object] = {
            "suggestions": [s.model_dump(mode="json") for s in result.suggestions],
            "findings": [f.model_dump(mode="json") for f in result.findings],
        }
        if gas is not None:
            payload["gas"] = gas.model_dump(mode="json")
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for finding in result.findings:
            print(f"{finding.id}: {finding.message}")
        for number, suggestion in enumerate(result.suggestions, start=1):
            fixes = "".join(DIMENSION_LETTERS[d] for d in suggestion.fixes) or "-"
            print(f"{number}. {suggestion.text}")
            print(f"   fixes: {fixes}")
            for slot, value in suggestion.slots.items():
                print(f"   {slot}: {value} ({suggestion.sources.get(slot, 'goal')})")
            if suggestion.placeholders:
                print(f"   fill in: {', '.join(suggestion.placeholders)}")
        if gas is not None:
            print("GAS levels:")
            for level in gas.levels:
                print(f"   {level.score:+d} {level.text}")
            for finding in gas.findings:
                print(f"   {finding.message}")
    done = result.suggestions or all(f.severity == "info" for f in result.findings)
    return ExitStatus.OK if done else ExitStatus.FINDINGS
