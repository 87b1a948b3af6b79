"""Analyse goals and export them as FHIR R4 Goal resources carrying the SMART verdict."""

import json

import smartcheck
from smartcheck.fhir import read_verdict, to_goal

GOALS = [
    ("Pt will reduce PHQ-9 score to <10 by 3/15/2026", "major depressive disorder"),
    ("Pt will improve Berg Balance Scale score from 38 to >=45 within 6 wks", "falls"),
    ("I want to feel less anxious", None),
]

items = [{"text": t, "context": c, "id": f"goal-{n}"} for n, (t, c) in enumerate(GOALS)]
for result in smartcheck.analyze_many(items, reference_date="2026-01-05"):
    if not result.ok:
        continue
    goal = to_goal(result, subject={"reference": "Patient/example"})
    verdict = read_verdict(goal)
    targets = json.dumps(goal.get("target", []))
    print(f"{goal['id']}: {verdict['label']} {verdict['score']}, targets: {targets}")

try:
    from smartcheck.fhir import validate

    print("valid R4:", validate(goal) == [])
except ImportError:
    print("install smartcheck[fhir] to validate the Goals")
