"""Measure the rewrite engine on a labelled goal set.

For every goal whose gold labels are not all 1 (not SMART), the first
suggestion is analysed with the goal's context and reference date. Reports:

- smart:     share of first suggestions analysed as SMART (all five met)
- kept verb: share keeping the original behaviour verb, among goals whose
             analysis found one (see ``has_behaviour``); reported over all
             of them and over those whose behaviour fits the context (a goal
             that is off-context, such as cleaning the garage for social
             anxiety, keeps its behaviour and is paired with one action of
             the context's concern)
  A lost verb is reported apart as *replaced for safety* (and left out of
  the kept-verb share) only when keeping it is not allowed: the person's own
  goal breaks a clinical safety rule of data/safety.yaml, the first
  suggestion is a safety rule's own safe goal (a safety plan for "not hurt
  myself"), or the goal carries an Achievable red flag (rubric A: a red flag
  is never repeated; stacked behaviours, an absolute such as "never miss a
  single dose", another person's behaviour, a crash weight loss). Every other
  loss counts as a loss; ``-v`` prints each replaced goal with its reason so
  the split can be checked by hand.
- red flags: first suggestions that carry an Achievable red flag (target 0)
- subject:   share of first suggestions that keep the goal's subject ("Pt will",
             "Client will", "Sam will"; "I will" for a first-person goal)
- unsafe:    suggestions (all of them, not only the first) that break a
             clinical safety rule of data/safety.yaml (target 0)

Goals that are not goals (a question, a past-tense note) get no rewrite by
design and are counted apart. Run from the repository root::

    .venv/bin/python benchmarks/bench_suggest.py [FILE | --data FILE] [-v] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from smartcheck import analyze
from smartcheck.errors import SmartCheckError
from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.models import GoalAnalysis
from smartcheck.orchestrate import rewrite
from smartcheck.rewrite import keeps_action, safety
from smartcheck.rewrite.concerns import main_action
from smartcheck.rewrite.wording import red_flags, voice_of

DEFAULT_DATA = Path(__file__).parent / "data" / "goals_dev.jsonl"
#: Specific findings that say the main action is no behaviour of the person's.
NOT_BEHAVIOUR = frozenset({"specific.vague_verb", "specific.state_not_behavior"})
#: Achievable flags the clean-up removes without dropping the behaviour ("Try and ...").
SOFT_FLAGS = frozenset({"achievable.hedged"})


def load(path: Path) -> list[dict[str, Any]]:
    """Read the JSON-lines goal set."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def has_behaviour(analysis: GoalAnalysis) -> bool:
    """Tell whether the goal names the person's own behaviour verb.

    Not a behaviour: a state (also when the analyzer's Specific finding
    ``specific.state_not_behavior`` says so: "be able to use public transport"
    names an ability), a vague verb ("work on", "manage"; flagged by
    ``specific.vague_verb``) and a verb whose actor is someone else ("my
    partner will stop ..."), which a rewrite must change. An umbrella
    activity ("use coping skills") still counts: its verb can be kept.
    """
    action = main_action(analysis)
    if action is None or action.kind != "behavior" or action.issue == "vague_verb":
        return False
    if any(a.role == "other" and a.end <= action.start for a in analysis.elements.actors):
        return False
    return not any(
        f.id in NOT_BEHAVIOUR and f.span and f.span.start <= action.start < f.span.end
        for f in analysis.findings
    )


def replaced_for_safety(
    original: GoalAnalysis, first_template: str | None, context: str | None
) -> str | None:
    """Say why keeping the goal's verb is not allowed, or None when it is.

    ``safety_rule``: the person's goal itself breaks a rule, or the first
    suggestion is a rule's own safe goal; ``red_flag``: the goal carries an
    Achievable red flag, which a rewrite must never repeat.
    """
    if (first_template or "").startswith("safety."):
        return "safety_rule"
    goal = original.text
    if safety.violations(goal, goal=goal, context=context, check_route=False):
        return "safety_rule"
    soft = [
        (f.span.start, f.span.end)
        for f in original.dimensions.achievable.findings
        if f.id in SOFT_FLAGS and f.span is not None
    ]
    if [flag for flag in red_flags(original) if flag not in soft]:
        return "red_flag"
    return None


def keeps_subject(original: GoalAnalysis, text: str) -> bool:
    """Tell whether a rewrite speaks for the goal's own subject ("Pt will", "I will")."""
    voice = voice_of(original, main_action(original), load_rewrite_kb())
    return f"{voice.actor} will ".lower() in text.lower()


def measure(rows: list[dict[str, Any]], *, verbose: bool) -> dict[str, Any]:
    """Rewrite every non-SMART goal and score the first suggestion."""
    counts = {"goals": 0, "not_a_goal": 0, "no_suggestion": 0, "smart": 0}
    counts |= {"with_verb": 0, "kept_verb": 0, "red_flag": 0}
    counts |= {"with_verb_on_context": 0, "kept_verb_on_context": 0}
    counts |= {"kept_subject": 0, "unsafe": 0, "suggestions": 0, "replaced_for_safety": 0}
    failures: list[dict[str, Any]] = []
    for row in rows:
        if all(row["labels"].values()):
            continue
        ref = dt.date.fromisoformat(row["reference_date"]) if row.get("reference_date") else None
        try:
            original = analyze(row["text"], context=row.get("context"), reference_date=ref)
        except SmartCheckError:  # not English, binary, too long: not a goal to rewrite
            counts["not_a_goal"] += 1
            continue
        if not original.is_goal:  # rubric: a non-goal gets no rewrite, by design
            counts["not_a_goal"] += 1
            continue
        result = rewrite(original, context=row.get("context"), n=3)
        for suggestion in result.suggestions:
            counts["suggestions"] += 1
            found = safety.violations(suggestion.text, goal=row["text"], context=row.get("context"))
            counts["unsafe"] += bool(found)
            if found and verbose:
                print(json.dumps({"id": row["id"], "unsafe": suggestion.text}), file=sys.stderr)
        if not result.suggestions:
            if any(f.id == "specific.not_a_goal" for f in result.findings):
                counts["not_a_goal"] += 1
                continue
            counts["goals"] += 1
            counts["no_suggestion"] += 1
            failures.append({"id": row["id"], "why": "no suggestion", "text": row["text"]})
            continue
        counts["goals"] += 1
        text = result.suggestions[0].text
        after = analyze(text, context=row.get("context"), reference_date=original.reference_date)
        smart = after.label == "SMART"
        counts["smart"] += smart
        subject = keeps_subject(original, text)
        counts["kept_subject"] += subject
        kept, counted, reason = True, False, None
        if has_behaviour(original):
            kept = keeps_action(original, after)
            if not kept:
                template = result.suggestions[0].template
                reason = replaced_for_safety(original, template, row.get("context"))
            if reason is not None:  # keeping the verb would keep the problem
                counts["replaced_for_safety"] += 1
            else:
                counts["with_verb"] += 1
                counts["kept_verb"] += kept
                if original.met["relevant"] or not row.get("context"):
                    counted = True
                    counts["with_verb_on_context"] += 1
                    counts["kept_verb_on_context"] += kept
        flagged = bool(red_flags(after))
        counts["red_flag"] += flagged
        if not smart or not kept or flagged or not subject:
            missing = "".join(d[0].upper() for d, ok in after.met.items() if not ok)
            failures.append(
                {
                    "id": row["id"],
                    "missing": missing,
                    "kept_verb": kept,
                    "counted": counted,
                    "replaced_for_safety": reason,
                    "kept_subject": subject,
                    "red_flag": flagged,
                    "text": row["text"],
                    "rewrite": text,
                }
            )
    goals, verbs = max(counts["goals"], 1), max(counts["with_verb"], 1)
    summary = {
        **counts,
        "smart_rate": round(counts["smart"] / goals, 4),
        "kept_subject_rate": round(counts["kept_subject"] / goals, 4),
        "kept_verb_rate": round(counts["kept_verb"] / verbs, 4),
        "kept_verb_on_context_rate": round(
            counts["kept_verb_on_context"] / max(counts["with_verb_on_context"], 1), 4
        ),
    }
    if verbose:
        for failure in failures:
            print(json.dumps(failure, ensure_ascii=False), file=sys.stderr)
    return summary


def main() -> int:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("file", nargs="?", type=Path, help="labelled JSONL goals")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled JSONL goals")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each failure")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    summary = measure(load(args.file or args.data), verbose=args.verbose)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"non-SMART goals rewritten: {summary['goals']} (+{summary['not_a_goal']} not goals)")
        print(f"first suggestion SMART:    {summary['smart']}/{summary['goals']}"
              f" = {summary['smart_rate']:.1%}")  # fmt: skip
        print(
            f"kept behaviour verb:       {summary['kept_verb']}/{summary['with_verb']}"
            f" = {summary['kept_verb_rate']:.1%}"
        )
        print(
            f"  ... when it fits context: {summary['kept_verb_on_context']}"
            f"/{summary['with_verb_on_context']} = {summary['kept_verb_on_context_rate']:.1%}"
        )
        print(
            f"kept subject:              {summary['kept_subject']}/{summary['goals']}"
            f" = {summary['kept_subject_rate']:.1%}"
        )
        print(f"replaced for safety:       {summary['replaced_for_safety']} (not counted above)")
        print(f"with an Achievable flag:   {summary['red_flag']}")
        print(f"unsafe suggestions:        {summary['unsafe']}/{summary['suggestions']}")
        print(f"time:                      {summary['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
