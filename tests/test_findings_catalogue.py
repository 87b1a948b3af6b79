"""Every finding id has examples that raise it and examples that do not, and a rubric emits it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from smartcheck import analyze, compare, gas_levels
from smartcheck.kb.loader import SAFETY_EXTRA_FINDINGS, default_kb, default_safety, load_rewrite_kb
from smartcheck.models import DIMENSIONS
from smartcheck.orchestrate import rewrite

HERE = Path(__file__).resolve().parent
EXAMPLES: dict[str, dict[str, list[Any]]] = yaml.safe_load(
    (HERE / "data" / "findings_examples.yaml").read_text()
)
#: Where findings are emitted: the rubric, and the post-scoring check on oversized numbers.
EMITTERS = [
    *(HERE.parent / "smartcheck" / "rubric").glob("*.py"),
    HERE.parent / "smartcheck" / "number_limits.py",
]
RUBRIC_SRC = "\n".join(p.read_text() for p in EMITTERS)
REF = dt.date(2026, 1, 5)


def _cases(kind: str) -> list[tuple[str, Any]]:
    return [(fid, goal) for fid, ex in EXAMPLES.items() for goal in ex[kind]]


def _ids(goal: Any) -> set[str]:
    spec = goal if isinstance(goal, dict) else {"text": goal}
    if "rewrite" in spec:  # a safety finding: emitted by compare() on the rewrite
        feedback = compare(
            spec["text"], spec["rewrite"], context=spec.get("context"), reference_date="2026-01-05"
        )
        return {f.id for f in feedback.findings}
    if spec.get("gas"):  # a finding of the GAS writer
        scale = gas_levels(spec["text"], context=spec.get("context"), reference_date=REF)
        return {f.id for f in scale.findings}
    if spec.get("suggest"):  # a finding the rewrite returns instead of suggestions
        result = rewrite(spec["text"], context=spec.get("context"), reference_date=REF)
        return {f.id for f in result.findings}
    a = analyze(
        spec["text"],
        context=spec.get("context"),
        profile=spec.get("profile", "therapy"),
        reference_date="2026-01-05",
    )
    return {f.id for f in a.findings}


def test_findings_catalogue_every_id_has_examples() -> None:
    assert set(default_kb().findings) == set(EXAMPLES)
    for fid, ex in EXAMPLES.items():
        assert ex["flag"] and ex["pass"], fid


def test_findings_catalogue_every_id_is_emitted_by_a_rubric() -> None:
    safety = {r.finding_id for r in default_safety().rules} | set(SAFETY_EXTRA_FINDINGS)
    messages = load_rewrite_kb().templates.messages.values()
    rewrite_ids = {m.id.replace("{dimension}", d) for m in messages for d in DIMENSIONS}
    for fid in default_kb().findings:
        if fid.startswith("safety."):  # emitted by smartcheck/rewrite/safety.py
            assert fid in safety, fid
            continue
        if fid in rewrite_ids:  # returned by the rewrite or the GAS writer (templates.yaml)
            continue
        assert f'"{fid}"' in RUBRIC_SRC, fid


@pytest.mark.model
@pytest.mark.parametrize(("finding_id", "goal"), _cases("flag"))
def test_findings_catalogue_should_flag(finding_id: str, goal: Any) -> None:
    assert finding_id in _ids(goal)


@pytest.mark.model
@pytest.mark.parametrize(("finding_id", "goal"), _cases("pass"))
def test_findings_catalogue_should_pass(finding_id: str, goal: Any) -> None:
    assert finding_id not in _ids(goal)
