"""Deterministic goal corpora for the integration benchmarks.

Goals are drawn from small phrase tables (actor, action, frequency, duration,
timeframe, purpose) with a seeded RNG, so every run sends the same texts.
``--goals FILE.jsonl`` in the scripts cycles real goals (``text`` key) instead.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ACTORS = ("I", "Client", "Pt", "The client", "Sam")
ACTIONS = (
    "will walk",
    "will practice deep breathing",
    "will attend a support group meeting",
    "will read a book",
    "will complete the home exercise program",
    "will call a friend",
    "will journal about my mood",
    "wants to feel less anxious",
    "will exercise more",
    "will reduce my PHQ-9 score to below 10",
    "will lift a 5-pound weight 10 times",
    "will take my medication",
)
FREQUENCIES = ("", "every day", "three times a week", "twice daily", "on weekdays", "once a week")
DURATIONS = ("", "for 10 minutes", "for at least 30 minutes", "for one hour")
TIMEFRAMES = (
    "",
    "for the next 4 weeks",
    "by March 1",
    "within 3 months",
    "by the end of the month",
    "soon",
)
PURPOSES = ("", "to manage my anxiety", "to improve my sleep", "to reduce stress")


def synthetic_goals(n: int, seed: int = 5) -> list[str]:
    """Return ``n`` goal texts built from the phrase tables, the same for a given seed."""
    rng = random.Random(seed)
    goals = []
    for _ in range(n):
        parts = [
            rng.choice(ACTORS),
            rng.choice(ACTIONS),
            rng.choice(DURATIONS),
            rng.choice(FREQUENCIES),
            rng.choice(PURPOSES),
            rng.choice(TIMEFRAMES),
        ]
        goals.append(" ".join(p for p in parts if p) + ".")
    return goals


def load_goals(path: Path | None, n: int, seed: int = 5) -> list[str]:
    """Return ``n`` goals: cycled from a JSONL file's ``text`` fields, or synthetic."""
    if path is None:
        return synthetic_goals(n, seed)
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return [texts[i % len(texts)] for i in range(n)]
