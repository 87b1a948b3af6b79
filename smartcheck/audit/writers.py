"""Write audit results as JSON lines, CSV, Excel or HTML, atomically, chosen by extension.

The report is written to a temporary file beside the target and renamed over it only
when the run completes, so an interrupted run leaves no half-written report. Reports
hold health information, so the file is created readable and writable by its owner
only (mode 0600). CSV and Excel cells that a spreadsheet would run as a formula are
neutralised; the CSV starts with a UTF-8 byte-order mark so Excel reads it as UTF-8;
HTML escapes everything. The path ``-`` writes to standard output instead.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from smartcheck.audit.html import HtmlReport, ReportMeta
from smartcheck.audit.rows import AuditResult
from smartcheck.audit.summary import AuditSummary
from smartcheck.errors import InputError
from smartcheck.models import DIMENSIONS, GoalAnalysis

logger = logging.getLogger(__name__)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAIN_FINDINGS = 3
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
REPORT_FORMATS = ("jsonl", "csv", "html", "xlsx", "fhir")
STDOUT = "-"
REPORT_MODE = 0o600
CSV_BOM = "\ufeff"
#: Characters an .xlsx cell cannot hold (XML 1.0 forbids most C0 controls).
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_XLSX_MAX_CELL = 32767
_NUMERIC_COLUMNS = frozenset({"score", "row"})


class ReportWriter(Protocol):
    """Something that takes results one at a time and then the summary."""

    def write(self, result: AuditResult) -> None:
        """Write one result."""

    def finish(self, summary: AuditSummary) -> None:
        """Write anything that needs the totals (the HTML report does)."""


def report_format(path: Path | str, fmt: str | None = None) -> str:
    """Return the report format (jsonl, csv, html, xlsx, fhir): ``fmt``, else by extension."""
    if fmt is not None:
        if fmt not in REPORT_FORMATS:
            raise InputError(f"unknown report format {fmt!r} (use {', '.join(REPORT_FORMATS)})")
        return fmt
    if str(path) == STDOUT:
        return "jsonl"
    suffix = Path(path).suffix
    found = FORMATS.get(suffix.lower())
    if found is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: cannot tell the report format from {suffix!r} ({known})")
    return found


@contextlib.contextmanager
def open_report(
    path: str | Path,
    *,
    title: str | None = None,
    meta: ReportMeta | None = None,
    fmt: str | None = None,
) -> Iterator[ReportWriter]:
    """Open a report writer for ``path`` (``-``: standard output); it appears only on success.

    ``fmt`` overrides the format the extension implies (``fhir``: one FHIR R4 Goal per
    analysed row, as NDJSON); ``meta`` describes the run in
    the HTML report (run date, inputs, reference date, profile, version).
    """
    kind = report_format(path, fmt)
    name = "audit" if str(path) == STDOUT else Path(path).stem
    if kind == "xlsx":
        with _binary_target(path) as raw:
            xlsx_writer = XlsxWriter(raw)
            try:
                yield xlsx_writer
            finally:
                xlsx_writer.close()
        return
    with _text_target(path) as fh:
        if kind == "fhir":
            from smartcheck.fhir.writer import FhirGoalWriter

            yield FhirGoalWriter(fh)
        elif kind == "jsonl":
            yield JsonlWriter(fh)
        elif kind == "csv":
            yield CsvWriter(fh)
        else:
            html_writer = HtmlWriter(fh, title=title or f"Goal audit: {name}", meta=meta)
            try:
                yield html_writer
            finally:
                html_writer.close()


@contextlib.contextmanager
def _text_target(path: str | Path) -> Iterator[IO[str]]:
    if str(path) == STDOUT:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_text_file(Path(path)) as fh:
        yield fh


@contextlib.contextmanager
def _binary_target(path: str | Path) -> Iterator[IO[bytes]]:
    if str(path) == STDOUT:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with atomic_file(Path(path)) as fh:
        yield fh


@contextlib.contextmanager
def atomic_text_file(target: Path) -> Iterator[IO[str]]:
    """Yield a temporary text file that replaces ``target`` on success and vanishes on error."""
    with atomic_file(target) as raw:
        # a lone surrogate is written as \udXXX: never an error that loses the report
        fh = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="")
        try:
            yield fh
            fh.flush()
        finally:
            fh.detach()  # atomic_file closes the binary file


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[IO[bytes]]:
    """Yield a temporary binary file (mode 0600) that replaces ``target`` on success only."""
    directory = target.parent if str(target.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp already creates 0600 on POSIX; say it explicitly
            os.fchmod(fd, REPORT_MODE)
        with os.fdopen(fd, "wb") as fh:
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
    """Return the JSON-ready record of one result.

    An analysed row is the full ``GoalAnalysis`` plus its place in the input and
    ``suggestion``, the text of its first rewrite (null for SMART goals and not-goals).
    """
    where: dict[str, Any] = {"source": result.source, "row": result.row, "line": result.line}
    if result.goal is not None:
        where["goal"] = result.goal
        where["span"] = list(result.span) if result.span else None
    if result.meta:
        where["meta"] = dict(result.meta)
    if result.group is not None:
        where["group"] = result.group
    if result.analysis is not None:
        record = result.analysis.model_dump(mode="json")
        suggestion = first_suggestion(result.analysis)
        return {**record, "id": result.id, "index": result.index, "suggestion": suggestion, **where}
    return {
        "ok": False,
        "id": result.id,
        "index": result.index,
        "text": result.text,
        "error": result.error,
        "reason": result.reason,
        **where,
    }


def first_suggestion(analysis: GoalAnalysis) -> str | None:
    """Return the first rewrite attached to a goal that is not SMART, if any."""
    if not analysis.is_goal or analysis.label == "SMART" or not analysis.suggestions:
        return None
    return analysis.suggestions[0].text


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
    """One CSV row per result, with formula-looking cells neutralised, after a UTF-8 BOM."""

    def __init__(self, fh: IO[str]) -> None:
        fh.write(CSV_BOM)
        self.writer = csv.writer(fh)
        self.writer.writerow(csv_header())

    def write(self, result: AuditResult) -> None:
        """Write one result as a CSV row."""
        self.writer.writerow([csv_safe(cell) for cell in csv_cells(result)])

    def finish(self, summary: AuditSummary) -> None:
        """CSV reports carry no footer."""


def row_status(result: AuditResult) -> str:
    """Return ``ok``, ``not_goal`` or ``error`` for a result."""
    if result.analysis is None:
        return "error"
    return "ok" if result.analysis.is_goal else "not_goal"


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
    status = row_status(result)
    reason = f"not a goal ({analysis.non_goal or 'unknown'})" if status == "not_goal" else ""
    return [
        result.id,
        analysis.text,
        analysis.label,
        f"{analysis.score:.1f}",
        *dims,
        "; ".join(main_findings(analysis)),
        first_suggestion(analysis) or "",
        status,
        "",
        reason,
        result.source,
        result.row,
        meta_cell(result),
    ]


def meta_cell(result: AuditResult) -> str:
    """Return the carried source fields as ``key=value; ...`` (FHIR dates and status)."""
    return "; ".join(f"{key}={value}" for key, value in result.meta)


# --------------------------------------------------------------------------- Excel


class XlsxWriter:
    """The CSV report's columns in an Excel sheet ``audit``, plus a ``summary`` sheet.

    Written in openpyxl's streaming mode, so memory stays flat. Cells that would run
    as formulas are neutralised as in the CSV; characters XML cannot hold are dropped.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        try:
            import openpyxl
        except ImportError as err:
            raise InputError(
                "writing .xlsx reports needs openpyxl: pip install 'smartcheck[excel]'"
            ) from err
        self.fh = fh
        self.book = openpyxl.Workbook(write_only=True)
        self.sheet = self.book.create_sheet("audit")
        self.header = csv_header()
        self.sheet.append(self.header)
        self.saved = False

    def write(self, result: AuditResult) -> None:
        """Write one result as a sheet row."""
        cells = csv_cells(result)
        self.sheet.append([xlsx_cell(name, v) for name, v in zip(self.header, cells, strict=True)])

    def finish(self, summary: AuditSummary) -> None:
        """Add the summary sheet and save the workbook."""
        sheet = self.book.create_sheet("summary")
        for key, value in summary_rows(summary):
            sheet.append([xlsx_cell("summary", key), xlsx_cell("summary", value)])
        self.book.save(self.fh)
        self.saved = True

    def close(self) -> None:
        """After a failed run, end openpyxl's sheet streams and remove their temp files."""
        if self.saved:
            return
        for sheet in self.book.worksheets:
            stream = getattr(sheet, "_writer", None)
            if stream is None:
                continue
            rows = getattr(sheet, "_rows", None)
            with contextlib.suppress(Exception):  # the streams were cut mid-element
                if rows is not None:
                    rows.close()
                stream.close()
            with contextlib.suppress(Exception):
                stream.cleanup()


def xlsx_cell(column: str, value: object) -> object:
    """Return a sheet cell: numbers as numbers, text neutralised and made storable."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text and (column in _NUMERIC_COLUMNS or column.endswith(("_met", "_score"))):
        try:
            return float(text) if "." in text else int(text)
        except ValueError:
            pass
    return csv_safe(_XLSX_ILLEGAL.sub("", text))[:_XLSX_MAX_CELL]


def summary_rows(summary: AuditSummary) -> list[tuple[str, object]]:
    """Return the totals of a run as (name, value) pairs."""
    rows: list[tuple[str, object]] = [
        ("rows", summary.total),
        ("goals", summary.goals),
        ("not goals", summary.not_goals),
        ("errors", summary.errors),
        ("duplicate ids", summary.duplicate_ids),
        ("mean score of goals", summary.mean_score),
    ]
    rows += [(f"label: {label}", n) for label, n in summary.labels.items()]
    rows += [(f"pass rate: {d}", r) for d, r in summary.pass_rates.items() if r is not None]
    rows += [(f"not a goal: {k}", n) for k, n in summary.not_goal_kinds.items()]
    rows += [(f"error: {code}", n) for code, n in summary.error_codes.items()]
    return rows


# --------------------------------------------------------------------------- HTML


class HtmlWriter:
    """Stream every row into the report's table, then render the self-contained page."""

    def __init__(self, fh: IO[str], *, title: str, meta: ReportMeta | None = None) -> None:
        self.fh = fh
        self.report = HtmlReport(title=title, meta=meta or ReportMeta())

    def write(self, result: AuditResult) -> None:
        """Fold one result into the report."""
        self.report.add(result)

    def finish(self, summary: AuditSummary) -> None:
        """Render the page."""
        self.report.write_page(self.fh, summary)

    def close(self) -> None:
        """Release the rows spooled so far (also when the run fails)."""
        self.report.close()
