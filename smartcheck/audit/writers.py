"""Write audit results as JSON lines, CSV or HTML, atomically, chosen by file extension.

The report is written to a temporary file beside the target and renamed over it only
when the run completes, so an interrupted run leaves no half-written report. CSV cells
that a spreadsheet would run as a formula are neutralised; HTML escapes everything.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from smartcheck.audit.html import HtmlReport
from smartcheck.audit.rows import AuditResult
from smartcheck.audit.summary import AuditSummary
from smartcheck.errors import InputError
from smartcheck.models import DIMENSIONS, GoalAnalysis

logger = logging.getLogger(__name__)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAIN_FINDINGS = 3
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}


class ReportWriter(Protocol):
    """Something that takes results one at a time and then the summary."""

    def write(self, result: AuditResult) -> None:
        """Write one result."""

    def finish(self, summary: AuditSummary) -> None:
        """Write anything that needs the totals (the HTML report does)."""


def report_format(path: Path) -> str:
    """Return ``jsonl``, ``csv`` or ``html`` from the report's extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: cannot tell the report format from {path.suffix!r} ({known})")
    return fmt


@contextlib.contextmanager
def open_report(
    path: str | Path, *, title: str | None = None, fmt: str | None = None
) -> Iterator[ReportWriter]:
    """Open a report writer for ``path``; the file appears only if the block succeeds.

    ``fmt="fhir"`` writes one FHIR Goal per analysed row (NDJSON) instead of the
    format the extension names.
    """
    target = Path(path)
    fmt = fmt or report_format(target)
    with atomic_text_file(target) as fh:
        if fmt == "fhir":
            from smartcheck.fhir.writer import FhirGoalWriter

            yield FhirGoalWriter(fh)
        elif fmt == "jsonl":
            yield JsonlWriter(fh)
        elif fmt == "csv":
            yield CsvWriter(fh)
        else:
            yield HtmlWriter(fh, title=title or f"Goal audit: {target.stem}")


@contextlib.contextmanager
def atomic_text_file(target: Path) -> Iterator[IO[str]]:
    """Yield a temporary text file that replaces ``target`` on success and vanishes on error."""
    directory = target.parent if str(target.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- JSON lines


class JsonlWriter:
    """One JSON object per row: the full analysis (or the error) plus source and row."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def write(self, result: AuditResult) -> None:
        """Write one result as a JSON line."""
        self.fh.write(json.dumps(result_record(result), ensure_ascii=False) + "\n")

    def finish(self, summary: AuditSummary) -> None:
        """JSON lines carry no footer."""


def result_record(result: AuditResult) -> dict[str, Any]:
    """Return the JSON-ready record of one result."""
    where = {"source": result.source, "row": result.row, "line": result.line}
    if result.goal is not None:
        where["goal"] = result.goal
        where["span"] = list(result.span) if result.span else None
    if result.meta:
        where["meta"] = dict(result.meta)
    if result.analysis is not None:
        record = result.analysis.model_dump(mode="json")
        return {**record, "id": result.id, "index": result.index, **where}
    return {
        "ok": False,
        "id": result.id,
        "index": result.index,
        "text": result.text,
        "error": result.error,
        "reason": result.reason,
        **where,
    }


# --------------------------------------------------------------------------- CSV


def csv_safe(value: object) -> str:
    """Return ``value`` as a CSV cell that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_header() -> list[str]:
    """Return the CSV columns: id, text, label, score, per-dimension met/score, findings, ..."""
    dims = [f"{d}_{part}" for d in DIMENSIONS for part in ("met", "score")]
    tail = ["findings", "suggestion", "status", "error", "reason", "source", "row", "meta"]
    return ["id", "text", "label", "score", *dims, *tail]


def main_findings(analysis: GoalAnalysis) -> list[str]:
    """Return the ids of the most severe findings, most severe first."""
    ordered = sorted(analysis.findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
    ids = list(dict.fromkeys(f.id for f in ordered if f.severity != "info"))
    return ids[:MAIN_FINDINGS]


class CsvWriter:
    """One CSV row per result, with formula-looking cells neutralised."""

    def __init__(self, fh: IO[str]) -> None:
        self.writer = csv.writer(fh)
        self.writer.writerow(csv_header())

    def write(self, result: AuditResult) -> None:
        """Write one result as a CSV row."""
        self.writer.writerow([csv_safe(cell) for cell in csv_cells(result)])

    def finish(self, summary: AuditSummary) -> None:
        """CSV reports carry no footer."""


def csv_cells(result: AuditResult) -> list[object]:
    """Return the cells of one CSV row, before neutralising."""
    analysis = result.analysis
    if analysis is None:
        empty = [""] * (2 + 2 * len(DIMENSIONS) + 2)
        return [result.id, result.text or "", *empty, "error", result.error, result.reason,
                result.source, result.row, meta_cell(result)]  # fmt: skip
    dims: list[object] = []
    for _, score in analysis.dimensions.items():
        dims.extend([int(score.met), f"{score.score:.2f}"])
    suggestion = analysis.suggestions[0].text if analysis.suggestions else ""
    return [
        result.id,
        analysis.text,
        analysis.label,
        f"{analysis.score:.1f}",
        *dims,
        "; ".join(main_findings(analysis)),
        suggestion,
        "ok",
        "",
        "",
        result.source,
        result.row,
        meta_cell(result),
    ]


def meta_cell(result: AuditResult) -> str:
    """Return the carried source fields as ``key=value; ...`` (FHIR dates and status)."""
    return "; ".join(f"{key}={value}" for key, value in result.meta)


# --------------------------------------------------------------------------- HTML


class HtmlWriter:
    """Collect bounded totals while streaming, then render a self-contained HTML page."""

    def __init__(self, fh: IO[str], *, title: str) -> None:
        self.fh = fh
        self.report = HtmlReport(title=title)

    def write(self, result: AuditResult) -> None:
        """Fold one result into the report."""
        self.report.add(result)

    def finish(self, summary: AuditSummary) -> None:
        """Render the page."""
        self.fh.write(self.report.render(summary))
