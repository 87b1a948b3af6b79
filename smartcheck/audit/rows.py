"""The records an audit moves around: input rows, per-row results and read options."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.models import GoalAnalysis


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Columns = str | tuple[str, ...] | None


def column_names(value: Columns) -> tuple[str, ...]:
    """Return the column names of an option: one name, several, or none (use the defaults)."""
    if value is None:
        return ()
    names = (value,) if isinstance(value, str) else value
    return tuple(n.strip() for n in names if n.strip())


class ReadOptions(_Frozen):
    """How to read audit inputs: column names, encoding, and whether texts are notes.

    Each column option takes one name or several; in each file the first one present
    is used. Names match case-insensitively, with spaces and hyphens read as ``_``.
    """

    text_column: Columns = Field(
        default=None,
        description="Column(s) or JSON key(s) of the goal; default goal, goal_text, goals, "
        "objective, statement, text.",
    )
    id_column: Columns = Field(
        default=None, description="Column(s) of the id; default id, goal_id."
    )
    context_column: Columns = Field(
        default=None, description="Column(s) of the context; default context, diagnosis, problem."
    )
    group_column: str | None = Field(
        default=None,
        description="Column whose value each row carries as ``group`` (report breakdowns).",
    )
    encoding: str | None = Field(
        default=None, description="Force an encoding; by default UTF-8, then a detected one."
    )
    notes: bool = Field(
        default=False,
        description="Treat each text as a note and audit the goals found in it.",
    )


class AuditRow(_Frozen):
    """One goal to audit, with where it came from; ``error`` is set for unreadable rows."""

    source: str
    row: int = Field(ge=1, description="Record number in the source, from 1.")
    line: int | None = Field(default=None, description="Line where the record starts.")
    id: str
    text: str | None = None
    context: str | None = None
    reference_date: dt.date | None = None
    goal: int | None = Field(default=None, description="Goal number within a note, from 1.")
    span: tuple[int, int] | None = Field(
        default=None, description="Offsets of the goal in its note, for extracted goals."
    )
    group: str | None = Field(default=None, description="Value of the group-by column.")
    error: str | None = None
    reason: str | None = None
    meta: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(name, value) source fields carried to the report (FHIR status, dates).",
    )


class AuditResult(_Frozen):
    """The outcome of one audited row: an analysis, or an error code with its reason."""

    index: int = Field(ge=0, description="Position in the audit output, from 0.")
    source: str
    row: int
    line: int | None = None
    id: str
    text: str | None = None
    goal: int | None = None
    span: tuple[int, int] | None = None
    group: str | None = None
    analysis: GoalAnalysis | None = None
    error: str | None = None
    reason: str | None = None
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """Return True when the row was analysed."""
        return self.analysis is not None
