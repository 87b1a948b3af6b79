"""Audit the Goals of a FHIR Bundle (as a record system exports it) and write a CSV report."""

import datetime as dt
import json
import tempfile
from pathlib import Path

import smartcheck
from smartcheck.audit import open_report

PATIENT = {"reference": "Patient/p1"}
BUNDLE = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {
            "fullUrl": "urn:uuid:c1",
            "resource": {
                "resourceType": "Condition",
                "id": "c1",
                "subject": PATIENT,
                "code": {"text": "Generalized anxiety disorder"},
            },
        },
        {
            "resource": {
                "resourceType": "Goal",
                "id": "g1",
                "lifecycleStatus": "active",
                "startDate": "2026-01-05",
                "subject": PATIENT,
                "description": {"text": "Reduce GAD-7 score from 15 to below 10 within 8 weeks"},
                "addresses": [{"reference": "urn:uuid:c1"}],
            },
        },
        {
            "resource": {
                "resourceType": "CarePlan",
                "id": "cp1",
                "status": "active",
                "intent": "plan",
                "subject": PATIENT,
                "goal": [{"reference": r} for r in ("Goal/g1", "#g2", "Goal/gone")],
                "contained": [
                    {
                        "resourceType": "Goal",
                        "id": "g2",
                        "lifecycleStatus": "proposed",
                        "subject": PATIENT,
                        "description": {"text": "Feel less worried"},
                    }
                ],
            },
        },
    ],
}

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "bundle.json"
    path.write_text(json.dumps(BUNDLE), encoding="utf-8")
    run = smartcheck.audit(path, reference_date=dt.date(2026, 1, 5))
    with open_report(Path(tmp) / "audit.csv") as report:
        for result in run:
            report.write(result)
            if result.analysis is not None:
                print(f"{result.id}: {result.analysis.label} ({result.analysis.score:.0f}/100)")
                print(f"    context: {result.analysis.context}; carried: {dict(result.meta)}")
            else:
                print(f"{result.id}: {result.error}: {result.reason}")
        report.finish(run.summary)
    print("rows:", run.summary.total, "analysed:", run.summary.analysed)
