"""Shared rubric pieces: the input record, the finding factory and a score builder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcheck.kb.models import KnowledgeBase, Profile
from smartcheck.models import (
    Action,
    ContextInfo,
    Dimension,
    DimensionScore,
    Element,
    Elements,
    Evidence,
    Finding,
    Flag,
    NonGoalKind,
)

#: Flag category -> the kind of non-goal it marks (rubric: "Goals and non-goals").
NON_GOAL_FLAGS: dict[str, NonGoalKind] = {
    "question": "question",
    "past_tense": "progress_note",
    "progress_note": "progress_note",
    "symptom_report": "symptom_report",
    "plan_of_care": "plan_of_care",
    "heading": "heading",
    "junk": "junk",
}


@dataclass(frozen=True)
class RubricInput:
    """Everything a rubric rule may look at: elements, context, profile and KB."""

    elements: Elements
    context: ContextInfo
    profile: Profile
    kb: KnowledgeBase
    #: The goal text as written; element offsets point into it (structure rules read it).
    text: str = ""

    def after(self, element: Element, chars: int = 40) -> str:
        """Return the lowercase text from the start of ``element``, up to ``chars`` characters."""
        return self.text[element.start : element.start + chars].lower()

    def before(self, element: Element, chars: int = 30) -> str:
        """Return the lowercase text just before ``element``, up to ``chars`` characters."""
        return self.text[max(0, element.start - chars) : element.start].lower()

    def flags(self, *categories: str) -> list[Flag]:
        """Return the flags of the given categories."""
        return [f for f in self.elements.flags if f.category in categories]

    @property
    def main_action(self) -> Action | None:
        """Return the first main action, if any."""
        return next((a for a in self.elements.actions if a.role == "main"), None)

    @property
    def not_a_goal(self) -> Flag | None:
        """Return the flag that marks the text as not a goal (a question, a note, junk…), if any."""
        flags = self.flags(*NON_GOAL_FLAGS)
        return flags[0] if flags else None


def evidence(element: Element) -> Evidence:
    """Return the span of an element as plain evidence."""
    return Evidence(start=element.start, end=element.end, text=element.text)


def finding(
    kb: KnowledgeBase, finding_id: str, span: Element | Evidence | None = None, **values: Any
) -> Finding:
    """Build a finding from the catalogue, filling ``{text}`` and named values."""
    spec = kb.findings[finding_id]
    fill = {"text": span.text if span is not None else ""}
    fill.update({k: str(v) for k, v in values.items()})
    where = Evidence(start=span.start, end=span.end, text=span.text) if span is not None else None
    return Finding(
        id=finding_id,
        dimension=spec.dimension,
        severity=spec.severity,
        message=spec.message.format(**fill),
        fix=spec.fix.format(**fill),
        span=where,
    )


def score(
    dimension: Dimension,
    met: bool,
    value: float,
    *,
    inp: RubricInput,
    evidence_spans: list[Evidence] | None = None,
    findings: list[Finding] | None = None,
) -> DimensionScore:
    """Assemble a dimension score with sorted evidence and findings."""
    ev = sorted(evidence_spans or [], key=lambda e: (e.start, e.end))
    fs = sorted(findings or [], key=lambda f: (f.span.start if f.span else -1, f.id))
    return DimensionScore(
        dimension=dimension,
        met=met,
        score=round(max(0.0, min(1.0, value)), 3),
        counted=dimension in inp.profile.counted,
        evidence=tuple(ev),
        findings=tuple(fs),
    )
