"""Running totals of an audit, folded one result at a time into a frozen summary."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.audit.rows import AuditResult
from smartcheck.models import DIMENSIONS, Dimension, Label

LABELS: tuple[Label, ...] = ("SMART", "Partially SMART", "Not SMART")
TOP_FINDINGS = 10


class FindingCount(BaseModel):
    """How many goals had a problem finding, with the message of its first occurrence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    count: int
    message: str


class AuditSummary(BaseModel):
    """Totals of an audit run: classes, scores, pass rates, frequent findings, errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    total: int = 0
    analysed: int = 0
    errors: int = 0
    labels: dict[str, int] = Field(default_factory=dict)
    mean_score: float | None = None
    pass_rates: dict[str, float | None] = Field(
        default_factory=dict, description="Share of goals meeting each counted dimension."
    )
    top_findings: tuple[FindingCount, ...] = ()
    error_codes: dict[str, int] = Field(default_factory=dict)
    elapsed_seconds: float = 0.0

    @property
    def goals_per_second(self) -> float:
        """Return the throughput of the run (rows per second)."""
        return self.total / self.elapsed_seconds if self.elapsed_seconds > 0 else 0.0


class SummaryBuilder:
    """Accumulate results in constant memory and build an :class:`AuditSummary`."""

    def __init__(self) -> None:
        self.total = 0
        self.analysed = 0
        self.score_sum = 0.0
        self.labels: Counter[str] = Counter()
        self.met: Counter[Dimension] = Counter()
        self.counted: Counter[Dimension] = Counter()
        self.findings: Counter[str] = Counter()
        self.messages: dict[str, str] = {}
        self.error_codes: Counter[str] = Counter()

    def add(self, result: AuditResult) -> None:
        """Fold one result into the totals."""
        self.total += 1
        analysis = result.analysis
        if analysis is None:
            self.error_codes[result.error or "error"] += 1
            return
        self.analysed += 1
        self.score_sum += analysis.score
        self.labels[analysis.label] += 1
        for name, score in analysis.dimensions.items():
            if score.counted:
                self.counted[name] += 1
                self.met[name] += int(score.met)
        problems = [f for f in analysis.findings if f.severity != "info"]
        for finding_id in sorted({f.id for f in problems}):
            self.findings[finding_id] += 1
        for finding in problems:
            self.messages.setdefault(finding.id, finding.message)

    def build(self, elapsed_seconds: float = 0.0) -> AuditSummary:
        """Return the summary of everything added so far."""
        top = sorted(self.findings.items(), key=lambda item: (-item[1], item[0]))[:TOP_FINDINGS]
        return AuditSummary(
            total=self.total,
            analysed=self.analysed,
            errors=self.total - self.analysed,
            labels={label: self.labels[label] for label in LABELS},
            mean_score=round(self.score_sum / self.analysed, 2) if self.analysed else None,
            pass_rates={
                d: (self.met[d] / self.counted[d] if self.counted[d] else None) for d in DIMENSIONS
            },
            top_findings=tuple(
                FindingCount(id=fid, count=n, message=self.messages[fid]) for fid, n in top
            ),
            error_codes=dict(sorted(self.error_codes.items())),
            elapsed_seconds=round(elapsed_seconds, 3),
        )
