"""Audit a small plan file and a session note, then write an HTML report (needs no extras)."""

import datetime as dt
import tempfile
from pathlib import Path

import smartcheck
from smartcheck.audit import ReadOptions, open_report

PLAN_CSV = """id,goal,context
p1,I will walk for 20 minutes five days a week for the next 6 weeks,knee rehab
p2,Client will feel less anxious,
p3,,
p4,Pt will name 3 coping skills with 80% accuracy in 4/5 trials by March 1,anxiety
"""

NOTE = (
    "Client reports low mood and poor sleep since starting night shifts.\n"
    "Goals setting: 1. Go for a 20-minute walk every morning (confidence 7/10). "
    "2. Call a friend twice a week. Next session in two weeks."
)

with tempfile.TemporaryDirectory() as tmp:
    plan = Path(tmp) / "plan.csv"
    plan.write_text(PLAN_CSV, encoding="utf-8")
    run = smartcheck.audit(plan, reference_date=dt.date(2026, 1, 5))
    with open_report(Path(tmp) / "audit.html") as report:
        for result in run:
            report.write(result)
            status = result.analysis.label if result.analysis else f"error: {result.error}"
            print(f"{result.id}: {status}")
        report.finish(run.summary)
    print("mean score:", run.summary.mean_score, "labels:", run.summary.labels)

    for span in smartcheck.extract_goals(NOTE):
        print(f"goal at {span.start}-{span.end}: {span.text}")

    note = Path(tmp) / "session.txt"
    note.write_text(NOTE, encoding="utf-8")
    notes_run = smartcheck.Auditor(read_options=ReadOptions(notes=True)).run(note)
    print([(r.id, round(r.analysis.score)) for r in notes_run if r.analysis])
