"""Running totals of an audit, folded one result at a time into a frozen summary."""

from __future__ import annotations

import hashlib
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
    """Totals of an audit run: classes, scores, pass rates, frequent findings, errors.

    Rows the analyzer read as not a goal (``GoalAnalysis.is_goal`` False: questions,
    progress notes, junk, ...) are counted in ``not_goals`` and kept out of the labels,
    the mean score, the pass rates and the findings, which describe goals only.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    total: int = 0
    analysed: int = Field(default=0, description="Rows with an analysis: goals + not goals.")
    goals: int = 0
    not_goals: int = 0
    not_goal_kinds: dict[str, int] = Field(default_factory=dict)
    errors: int = 0
    duplicate_ids: int = Field(
        default=0, description="Rows whose id was already used by an earlier row of the same file."
    )
    duplicate_ids_by_source: dict[str, int] = Field(default_factory=dict)
    labels: dict[str, int] = Field(default_factory=dict)
    mean_score: float | None = Field(default=None, description="Mean score of the goals.")
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


def _id_key(source: str, row_id: str) -> int:
    """Return a deterministic 64-bit key of (file, id): ~50 bytes per row, not the id text."""
    data = f"{source}\0{row_id}".encode("utf-8", "surrogatepass")  # ids may hold lone surrogates
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big")


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
        self.not_goals: Counter[str] = Counter()
        self.seen_ids: set[int] = set()
        self.duplicates: Counter[str] = Counter()

    def add(self, result: AuditResult) -> None:
        """Fold one result into the totals."""
        self.total += 1
        key = _id_key(result.source, result.id)
        if key in self.seen_ids:
            self.duplicates[result.source] += 1
        else:
            self.seen_ids.add(key)
        analysis = result.analysis
        if analysis is None:
            self.error_codes[result.error or "error"] += 1
            return
        self.analysed += 1
        if not analysis.is_goal:
            self.not_goals[analysis.non_goal or "unknown"] += 1
            return
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
        not_goals = sum(self.not_goals.values())
        goals = self.analysed - not_goals
        return AuditSummary(
            total=self.total,
            analysed=self.analysed,
            goals=goals,
            not_goals=not_goals,
            not_goal_kinds=dict(sorted(self.not_goals.items())),
            errors=self.total - self.analysed,
            duplicate_ids=sum(self.duplicates.values()),
            duplicate_ids_by_source=dict(sorted(self.duplicates.items())),
            labels={label: self.labels[label] for label in LABELS},
            mean_score=round(self.score_sum / goals, 2) if goals else None,
            pass_rates={
                d: (self.met[d] / self.counted[d] if self.counted[d] else None) for d in DIMENSIONS
            },
            top_findings=tuple(
                FindingCount(id=fid, count=n, message=self.messages[fid]) for fid, n in top
            ),
            error_codes=dict(sorted(self.error_codes.items())),
            elapsed_seconds=round(elapsed_seconds, 3),
        )
