"""Batch audits of goal files and treatment plans: readers, goal extraction, runner, writers."""

from __future__ import annotations

from smartcheck.audit.extract import GoalSpan, extract_goals
from smartcheck.audit.readers import read_rows
from smartcheck.audit.rows import AuditResult, AuditRow, ReadOptions
from smartcheck.audit.runner import Auditor, AuditRun, audit
from smartcheck.audit.summary import AuditSummary
from smartcheck.audit.writers import open_report

__all__ = [
    "AuditResult",
    "AuditRow",
    "AuditRun",
    "AuditSummary",
    "Auditor",
    "GoalSpan",
    "ReadOptions",
    "audit",
    "extract_goals",
    "open_report",
    "read_rows",
]
