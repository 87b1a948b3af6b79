"""``smartcheck practice``: rewrite vague goals from the exercise bank and get feedback.

Rewrites are read one per line from standard input, so a session can be
scripted: ``printf 'I will ...\n' | smartcheck practice --id mh-01``.
"""

from __future__ import annotations

import argparse
import random
import sys

from smartcheck.cli import MAX_EXERCISES, ExitStatus, int_in_range
from smartcheck.kb.loader import load_exercises
from smartcheck.kb.rewrite_models import Exercise
from smartcheck.models import DIMENSION_LETTERS, DIMENSIONS, GoalAnalysis, RewriteFeedback
from smartcheck.orchestrate import compare, suggest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``practice`` subcommand."""
    parser = subparsers.add_parser(
        "practice",
        help="practise rewriting vague goals, with feedback",
        description=(
            "Show vague goals from the bundled exercise bank, read your rewrite of each "
            "from standard input and give dimension-by-dimension feedback with the "
            "evidence highlighted. An empty line or end of input stops."
        ),
    )
    parser.add_argument(
        "-n",
        "--count",
        type=int_in_range(1, MAX_EXERCISES),
        default=3,
        metavar="N",
        help=f"number of exercises, 1-{MAX_EXERCISES}; at most the bank's size (default 3)",
    )
    parser.add_argument("--domain", help="only exercises of this domain (e.g. pt, slp, trauma)")
    parser.add_argument("--id", action="append", dest="ids", help="exercise id (repeatable)")
    parser.add_argument("--seed", type=int, help="seed for the random draw")
    parser.add_argument("--list", action="store_true", help="list the exercises and exit")
    parser.set_defaults(func=run)


def draw(args: argparse.Namespace) -> list[Exercise]:
    """Pick the exercises of this session."""
    bank = list(load_exercises().exercises)
    if args.ids:
        by_id = {e.id: e for e in bank}
        return [by_id[i] for i in args.ids if i in by_id]
    if args.domain:
        bank = [e for e in bank if e.domain == args.domain]
    rng = random.Random(args.seed)
    return rng.sample(bank, k=min(args.count, len(bank)))


def highlight(analysis: GoalAnalysis) -> str:
    """Mark each dimension's evidence in the text: ``[M: every day]``, ``[SR: walk]``."""
    letters: dict[tuple[int, int], str] = {}
    for dimension in DIMENSIONS:
        for ev in analysis.dimensions.get(dimension).evidence:
            key, letter = (ev.start, ev.end), DIMENSION_LETTERS[dimension]
            if letter not in letters.get(key, ""):
                letters[key] = letters.get(key, "") + letter
    out, cursor = [], 0
    for (start, end), marks in sorted(letters.items()):
        if start < cursor:
            continue
        out.append(analysis.text[cursor:start])
        out.append(f"[{marks}: {analysis.text[start:end]}]")
        cursor = end
    out.append(analysis.text[cursor:])
    return "".join(out)


_NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
_VERDICTS = {
    "smart": "SMART - well done",
    "improved": "better than the original",
    "unchanged": "no better than the original yet",
    "worse": "weaker than the original",
    "off_topic": "no longer about the original concern",
    "unsafe": "not safe for this person (see the safety notes)",
}


def report(feedback: RewriteFeedback) -> list[str]:
    """Format the feedback on one rewrite."""
    met = [_NAMES[d] for d in DIMENSIONS if feedback.rewrite.met[d]]
    lines = [
        f"  verdict: {_VERDICTS[feedback.verdict]}",
        f"  meets: {', '.join(met) if met else 'none of the five parts yet'}",
        f"  {feedback.message}",
        f"  evidence: {highlight(feedback.rewrite)}",
    ]
    if not feedback.kept_concern:
        lines.append("  note: the rewrite drifted away from the original concern.")
    if not feedback.kept_action:
        lines.append("  note: the rewrite dropped the original action.")
    for finding in feedback.findings:
        where = f" at '{finding.span.text}'" if finding.span else ""
        lines.append(f"  - {finding.message}{where} Fix: {finding.fix}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run an interactive (or piped) practice session."""
    exercises = draw(args)
    if args.list:
        for item in load_exercises().exercises:
            print(f"{item.id:7} {item.domain:16} {item.text}  [{item.context or '-'}]")
        return ExitStatus.OK
    if not exercises:
        print("smartcheck: no exercise matches", file=sys.stderr)
        return ExitStatus.USAGE
    done = smart = 0
    for number, item in enumerate(exercises, start=1):
        print(f"Exercise {number}/{len(exercises)} ({item.id}, {item.domain})")
        print(f"  goal:    {item.text}")
        print(f"  context: {item.context or '-'}")
        if item.hint:
            print(f"  hint:    {item.hint}")
        print("Your rewrite> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line.strip():
            print()
            break
        feedback = compare(item.text, line.strip(), context=item.context)
        print()
        print("\n".join(report(feedback)))
        smart += feedback.verdict == "smart"
        model = suggest(feedback.original, context=item.context, n=1)
        if model:
            print(f"  a model answer: {model[0].text}")
        print()
        done += 1
    print(f"{done} exercise(s) completed. Score: {smart} of {done} rewrites SMART.")
    return ExitStatus.OK
