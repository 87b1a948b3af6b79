"""Score one goal and print why each SMART dimension is or is not met."""

import smartcheck

analysis = smartcheck.analyze(
    "I will walk 10 miles per day",
    context="recovering from an injury",
    reference_date="2026-01-05",
)
print(f"{analysis.label} ({analysis.score:.0f}/100)")
for name, dim in analysis.dimensions.items():
    print(f"  {name:<11} {'met' if dim.met else 'not met'}")
    for finding in dim.findings:
        if finding.severity != "info":
            print(f"    - {finding.message}\n      fix: {finding.fix}")
