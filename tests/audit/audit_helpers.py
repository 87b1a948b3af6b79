"""Hand-built analyses and a fake analyzer for the audit tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from smartcheck.models import (
    DIMENSIONS,
    AnalysisFailure,
    Dimensions,
    DimensionScore,
    Elements,
    Evidence,
    Finding,
    GoalAnalysis,
    Provenance,
    Suggestion,
)

REFERENCE_DATE = dt.date(2026, 1, 5)


def make_analysis(
    text: str,
    *,
    score: float = 50.0,
    label: str = "Partially SMART",
    met: Iterable[str] = ("specific",),
    id: str | None = None,
    findings: Iterable[Finding] = (),
    evidence: dict[str, list[tuple[int, int]]] | None = None,
    suggestion: str | None = None,
) -> GoalAnalysis:
    """Build a GoalAnalysis by hand, without spaCy."""
    met = set(met)
    evidence = evidence or {}
    dims = {
        d: DimensionScore(
            dimension=d,
            met=d in met,
            score=1.0 if d in met else 0.0,
            evidence=tuple(
                Evidence(start=s, end=e, text=text[s:e]) for s, e in evidence.get(d, [])
            ),
        )
        for d in DIMENSIONS
    }
    return GoalAnalysis(
        id=id,
        text=text,
        reference_date=REFERENCE_DATE,
        profile="therapy",
        label=label,
        score=score,
        dimensions=Dimensions(**dims),
        elements=Elements(),
        findings=tuple(findings),
        suggestions=(Suggestion(text=suggestion),) if suggestion else (),
        provenance=Provenance(
            smartcheck_version="0", kb_version="0", spacy_model="fake", spacy_model_version="0"
        ),
    )


def make_finding(text: str, fid: str, start: int | None = None, end: int | None = None) -> Finding:
    """Build a finding, optionally pointing at ``text[start:end]``."""
    span = Evidence(start=start, end=end, text=text[start:end]) if start is not None else None
    dimension = fid.split(".", maxsplit=1)[0]
    return Finding(
        id=fid,
        dimension=dimension,
        severity="warning",
        message=f"{fid} message",
        fix="fix",
        span=span,
    )


def fake_analyze_many(items: Iterable[Any], **_: Any) -> Iterator[GoalAnalysis | AnalysisFailure]:
    """Score goals by the digits they contain; empty text fails like the real analyzer."""
    for index, item in enumerate(items):
        text = item["text"]
        if not text.strip():
            yield AnalysisFailure(
                id=item["id"], index=index, error="empty", reason="the goal is empty"
            )
            continue
        score = min(100.0, 20.0 * sum(ch.isdigit() for ch in text))
        label = "SMART" if score >= 80 else "Partially SMART" if score >= 40 else "Not SMART"
        finding = make_finding(text, "measurable.no_criterion", 0, min(4, len(text)))
        yield make_analysis(text, score=score, label=label, id=item["id"], findings=[finding])
