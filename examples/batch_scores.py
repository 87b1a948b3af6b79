"""Score a list of goals in one pass; bad rows are reported, never dropped."""

import smartcheck

goals = [
    ("I want to feel less anxious", None),
    ("Client will practice progressive muscle relaxation x3/wk", "work stress"),
    ("", None),
    (
        "Pt will complete the TUG in under 14 sec with a single point cane by 2/27/2026",
        "history of falls",
    ),
]
for result in smartcheck.analyze_many(goals, reference_date="2026-01-05"):
    if result.ok:
        met = "".join(
            letter if dim.met else "."
            for letter, (_, dim) in zip("SMART", result.dimensions.items(), strict=False)
        )
        print(f"{result.index}: {met}  {result.label}")
    else:
        print(f"{result.index}: error {result.error}: {result.reason}")
