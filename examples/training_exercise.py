"""A training exercise: rewrite a vague goal, get feedback, see a model answer and GAS levels.

Run: python examples/training_exercise.py
"""

from __future__ import annotations

import datetime as dt

import smartcheck
from smartcheck.kb.loader import load_exercises

REFERENCE_DATE = dt.date(2026, 1, 5)
TRAINEE_REWRITES = [
    "I will walk more every day",
    "I will walk for 10 minutes every day for the next two weeks",
]


def main() -> None:
    """Walk through one exercise with two attempts."""
    exercise = next(e for e in load_exercises().exercises if e.id == "pt-02")
    print(f"Exercise: {exercise.text!r} (context: {exercise.context})")
    for attempt in TRAINEE_REWRITES:
        feedback = smartcheck.compare(
            exercise.text, attempt, context=exercise.context, reference_date=REFERENCE_DATE
        )
        print(f"\nRewrite: {attempt}")
        print(f"  verdict: {feedback.verdict} - {feedback.message}")
        for finding in feedback.findings:
            print(f"  - {finding.id}: {finding.message}")
    model = smartcheck.suggest(
        exercise.text, context=exercise.context, reference_date=REFERENCE_DATE
    )
    if model:
        print(f"\nModel answer: {model[0].text}")
        scale = smartcheck.gas_levels(
            model[0].text, context=exercise.context, reference_date=REFERENCE_DATE
        )
        for level in scale.levels:
            print(f"  GAS {level.score:+d}: {level.text}")
        for finding in scale.findings:
            print(f"  GAS: {finding.message}")


if __name__ == "__main__":
    main()
