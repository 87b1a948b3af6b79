"""Full analyses of realistic goals, compared exactly with tests/golden/*.json.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartcheck import analyze

pytestmark = pytest.mark.model
GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "seed_anxious": ("I want to feel less anxious", None),
    "seed_breathing": (
        "I will practice deep breathing techniques every day for 10 minutes to manage my anxiety",
        None,
    ),
    "seed_social_event": (
        "I will attend a social event for at least 30 minutes every week for the next month",
        "social anxiety",
    ),
    "ot_dressing": (
        "Pt will don/doff UB clothing with min A using one-handed technique by discharge",
        "R CVA with L hemiparesis; inpatient rehab",
    ),
    "slp_accuracy": (
        "Pt will produce /r/ in the initial position of words with 80% accuracy in 4 of 5 consecutive sessions by March 31",
        "8-year-old with a speech sound disorder affecting /r/",
    ),
    "coaching_confidence": ("Walk for 20 minutes, 3 times per week at 9 am (8/10)", None),
}


def _profile(name: str) -> str:
    return "coaching" if name.startswith("coaching") else "therapy"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_analysis(name: str, update_golden: bool) -> None:
    text, context = CASES[name]
    data = analyze(
        text, context=context, reference_date="2026-01-05", profile=_profile(name)
    ).model_dump(mode="json")
    data["provenance"].pop("smartcheck_version")
    path = GOLDEN / f"{name}.json"
    if update_golden or not path.exists():
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == data
