"""Read audit inputs (CSV/TSV, JSON lines, plain text, Word, notes) into :class:`AuditRow`s.

Every record becomes exactly one row, in file order, carrying its source and row number.
A record that cannot be read (undecodable bytes, wrong field count, invalid JSON, text
that is not a string) becomes a row with ``error`` and ``reason`` set; only a broken
file (no goal column, a truncated last record, an unclosed quote) raises
:class:`~smartcheck.errors.InputError`, naming the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from smartcheck.audit.encoding import SAMPLE_BYTES, decoded_lines, detect_encoding
from smartcheck.audit.extract import extract_goals
from smartcheck.audit.rows import AuditRow, ReadOptions, column_names
from smartcheck.errors import InputError

logger = logging.getLogger(__name__)

#: Default column names per role, tried in order; matched case-insensitively with spaces
#: and hyphens read as "_" (so "Goal Text" and "goal-text" find ``goal_text``).
TEXT_COLUMNS = ("goal", "goal_text", "goals", "objective", "statement", "text")
ID_COLUMNS = ("id", "goal_id")
CONTEXT_COLUMNS = ("context", "diagnosis", "problem")
DATE_COLUMNS = ("reference_date",)
#: A plan's deadline column: the goal is analysed as "<goal> by <date>".
TARGET_COLUMNS = ("target_date", "due_date", "deadline", "achieve_by", "by_when")
_DELIMITERS = ",;\t|"
_MAX_FIELD = 64 * 1024 * 1024
_NO_GOALS = "no goal statements were found in this note"

Reader = Callable[[Path, ReadOptions], Iterator[AuditRow]]


def read_rows(
    paths: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[AuditRow]:
    """Yield the rows of every input file in order, choosing the reader by file extension."""
    options = options or ReadOptions()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.is_file():
            raise InputError(f"{path}: no such file", source=str(path))
        reader = reader_for(path)
        rows = reader(path, options)
        if options.notes and reader is not read_docx:
            rows = expand_notes(rows)
        yield from rows


def reader_for(path: Path) -> Reader:
    """Return the reader function for ``path``'s extension."""
    suffix = path.suffix.lower()
    readers: dict[str, Reader] = {
        ".csv": read_csv,
        ".tsv": read_csv,
        ".tab": read_csv,
        ".jsonl": read_jsonl,
        ".ndjson": read_fhir,
        ".json": read_fhir,
        ".txt": read_text,
        ".text": read_text,
        ".docx": read_docx,
        ".xlsx": read_xlsx,
    }
    if suffix not in readers:
        known = ", ".join(sorted(readers))
        raise InputError(f"{path}: unsupported file type {suffix!r} (use {known})")
    return readers[suffix]


# --------------------------------------------------------------------------- CSV / TSV


def read_csv(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield one row per CSV/TSV record; columns are found by header name."""
    encoding = detect_encoding(path, options.encoding)
    delimiter = _sniff_delimiter(path, encoding)
    # Over-long goals must reach the analyzer and come back as "too_long" error rows.
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_FIELD))
    bad_lines: dict[int, str] = {}

    def lines() -> Iterator[str]:
        for number, line, error in decoded_lines(path, encoding):
            if error is not None:
                bad_lines[number] = error
            yield line

    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    header = _next_record(reader, path)
    if header is None:
        raise InputError(f"{path}: the file is empty (expected a header row)", source=str(path))
    columns = _require_columns(header, options, path)
    row = 0
    last_line = reader.line_num
    while (record := _next_record(reader, path)) is not None:
        first_line, last_line = last_line + 1, reader.line_num
        if not record or record == [""]:
            continue
        row += 1
        errors = [bad_lines.pop(n) for n in range(first_line, last_line + 1) if n in bad_lines]
        yield _csv_row(
            path, row, first_line, record, width=len(header), columns=columns, errors=errors
        )


def _next_record(reader: Any, path: Path) -> list[str] | None:
    try:
        record: list[str] = next(reader)
    except StopIteration:
        return None
    except csv.Error as err:
        raise InputError(
            f"{path}: line {reader.line_num}: malformed CSV ({err}); "
            "the file may be truncated or have an unclosed quote",
            source=str(path),
            row=reader.line_num,
        ) from err
    return record


def _sniff_delimiter(path: Path, encoding: str) -> str:
    """Return the delimiter that occurs most often in the header line (goal texts vary)."""
    if path.suffix.lower() in {".tsv", ".tab"}:
        return "\t"
    with path.open("rb") as fh:
        header = fh.readline(SAMPLE_BYTES).decode(encoding, errors="replace")
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def column_key(name: object) -> str:
    """Normalise a header or key: case-folded, BOM and spaces trimmed, spaces/hyphens as ``_``."""
    text = "" if name is None else str(name)
    return "_".join(text.strip().lstrip("\ufeff").casefold().replace("-", " ").split())


def _pick(keys: list[str], wanted: tuple[str, ...]) -> int | None:
    return next((keys.index(w) for w in wanted if w in keys), None)


def resolve_columns(
    header: list[str], options: ReadOptions, where: str
) -> dict[str, int | None] | None:
    """Map each role (text, id, context, dates, group) to a column index of ``header``.

    Returns None when no goal column is found and none was named. A column named with
    an option must exist (the first present of several wins), else :class:`InputError`.
    """
    keys = [column_key(h) for h in header]

    def find(option: tuple[str, ...], defaults: tuple[str, ...], role: str) -> int | None:
        if not option:
            return _pick(keys, defaults)
        index = _pick(keys, tuple(column_key(o) for o in option))
        if index is None:
            names = " or ".join(repr(o) for o in option)
            raise InputError(
                f"{where}: no {role} column named {names}; columns are {header}", source=where
            )
        return index

    text = find(column_names(options.text_column), TEXT_COLUMNS, "goal")
    if text is None:
        return None
    group = column_names(options.group_column)
    return {
        "text": text,
        "id": find(column_names(options.id_column), ID_COLUMNS, "id"),
        "context": find(column_names(options.context_column), CONTEXT_COLUMNS, "context"),
        "reference_date": _pick(keys, DATE_COLUMNS),
        "target_date": _pick(keys, TARGET_COLUMNS),
        "group": _pick(keys, tuple(column_key(g) for g in group)) if group else None,
    }


def _require_columns(header: list[str], options: ReadOptions, path: Path) -> dict[str, int | None]:
    columns = resolve_columns(header, options, str(path))
    if columns is None:
        raise InputError(
            f"{path}: no goal column (looked for {', '.join(TEXT_COLUMNS)}); "
            f"columns are {header}; pass --text-column",
            source=str(path),
        )
    return columns


def _csv_row(
    path: Path,
    row: int,
    line: int,
    record: list[str],
    *,
    width: int | None,
    columns: dict[str, int | None],
    errors: list[str],
) -> AuditRow:
    """Build the row of one record; ``width`` (the header's) makes short and long rows errors."""

    def cell(name: str) -> str | None:
        index = columns[name]
        if index is None or index >= len(record):
            return None
        return record[index]

    row_id = (cell("id") or "").strip() or f"{path.name}:{row}"
    group = (cell("group") or "").strip() or None
    base = {"source": str(path), "row": row, "line": line, "id": row_id, "group": group}
    if errors:
        return AuditRow(**base, error="undecodable", reason="; ".join(errors))
    if width is not None and len(record) != width:
        reason = f"line {line}: expected {width} fields, found {len(record)}"
        return AuditRow(**base, error="malformed", reason=reason)
    text = cell("text")
    if text is None:
        reason = f"line {line}: the goal field is missing"
        return AuditRow(**base, error="malformed", reason=reason)
    date, date_error = _parse_date(cell("reference_date"))
    if date_error:
        return AuditRow(**base, error="malformed", reason=f"line {line}: {date_error}")
    return AuditRow(
        **base,
        text=with_target_date(text, cell("target_date")),
        context=cell("context") or None,
        reference_date=date,
    )


def with_target_date(text: str, target: object) -> str:
    """Return the goal with its plan's target date as a deadline ("<goal> by <date>")."""
    if target is None or not str(target).strip() or not text.strip():
        return text
    return f"{text.rstrip().rstrip('.;,')} by {str(target).strip()}"


def _parse_date(value: object) -> tuple[dt.date | None, str | None]:
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"reference_date must be an ISO date string, not {type(value).__name__}"
    try:
        return dt.date.fromisoformat(value.strip()), None
    except ValueError:
        return None, f"reference_date {value!r} is not an ISO date (YYYY-MM-DD)"


# --------------------------------------------------------------------------- JSON lines


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield one row per JSON object line; a truncated last line is a file error.

    Keys are matched like CSV headers: case-insensitively, over the same default names.
    """
    encoding = detect_encoding(path, options.encoding)
    row = 0
    for number, line, error in decoded_lines(path, encoding):
        if not line.strip():
            continue
        row += 1
        fallback_id = f"{path.name}:{row}"
        base = {"source": str(path), "row": row, "line": number, "id": fallback_id}
        if error is not None:
            yield AuditRow(**base, error="undecodable", reason=error)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            if not line.endswith("\n"):
                raise InputError(
                    f"{path}: line {number}: truncated or malformed JSON ({err.msg}) "
                    "in the last line of the file",
                    source=str(path),
                    row=number,
                ) from err
            reason = f"line {number}: invalid JSON ({err.msg} at column {err.colno})"
            yield AuditRow(**base, error="malformed", reason=reason)
            continue
        yield _json_row(obj, base, number, options=options, where=str(path))


def _json_row(
    obj: object, base: dict[str, Any], number: int, *, options: ReadOptions, where: str
) -> AuditRow:
    if not isinstance(obj, dict):
        reason = f"line {number}: expected a JSON object, found {type(obj).__name__}"
        return AuditRow(**base, error="malformed", reason=reason)
    keys = list(obj)
    try:
        columns = resolve_columns([str(k) for k in keys], options, where)
    except InputError as err:
        return AuditRow(**base, error="malformed", reason=f"line {number}: {err.reason}")

    def value(role: str) -> Any:
        index = None if columns is None else columns[role]
        return None if index is None else obj[keys[index]]

    row_id, group = value("id"), value("group")
    if row_id is not None and str(row_id).strip():
        base = {**base, "id": str(row_id).strip()}
    if group is not None and str(group).strip():
        base = {**base, "group": str(group).strip()}
    if columns is None:
        reason = f"line {number}: no goal key (looked for {', '.join(TEXT_COLUMNS)})"
        return AuditRow(**base, error="malformed", reason=reason)
    text, context, target = value("text"), value("context"), value("target_date")
    if not isinstance(text, str):
        reason = f"line {number}: the goal is a {type(text).__name__}, not text"
        return AuditRow(**base, error="not_text", reason=reason)
    if context is not None and not isinstance(context, str):
        reason = f"line {number}: the context is a {type(context).__name__}, not text"
        return AuditRow(**base, error="not_text", reason=reason)
    date, date_error = _parse_date(value("reference_date"))
    if date_error:
        return AuditRow(**base, error="malformed", reason=f"line {number}: {date_error}")
    return AuditRow(
        **base, text=with_target_date(text, target), context=context, reference_date=date
    )


def read_fhir(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield the Goals of a FHIR .json resource or .ndjson export (see smartcheck.fhir)."""
    from smartcheck.fhir.reader import read_fhir_file

    return read_fhir_file(path, options, fallback=read_jsonl)


# --------------------------------------------------------------------------- plain text


def read_text(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield one row per non-blank line, or the whole file as one note with ``notes``."""
    encoding = detect_encoding(path, options.encoding)
    if options.notes:
        yield _whole_file_row(path, encoding)
        return
    row = 0
    for number, line, error in decoded_lines(path, encoding):
        if not line.strip():
            continue
        row += 1
        base = {"source": str(path), "row": row, "line": number, "id": f"{path.name}:{row}"}
        if error is not None:
            yield AuditRow(**base, error="undecodable", reason=error)
        else:
            yield AuditRow(**base, text=line.strip())


def _whole_file_row(path: Path, encoding: str) -> AuditRow:
    base = {"source": str(path), "row": 1, "line": 1, "id": path.stem}
    try:
        text = path.read_bytes().decode(encoding)
    except UnicodeDecodeError as err:
        reason = f"byte {err.object[err.start]:#04x} at offset {err.start} is not valid {encoding}"
        return AuditRow(**base, error="undecodable", reason=reason)
    return AuditRow(**base, text=text.lstrip("\ufeff"))


# --------------------------------------------------------------------------- Word


def read_docx(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield the goals of a Word plan: found in its text, then read from goal tables.

    A table whose header has a goal column gives one row per table row, with its id,
    context, group and target-date columns read like a CSV's; other tables are text.
    """
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as err:
        raise InputError(
            f"{path}: reading .docx files needs python-docx: pip install 'smartcheck[audit]'",
            source=str(path),
        ) from err

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise InputError(f"{path}: not a readable .docx file ({err})", source=str(path)) from err
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if text:
            lines.append(f"- {text}" if _is_list_paragraph(paragraph) else text)
    tables: list[tuple[list[list[str]], dict[str, int | None]]] = []
    for table in document.tables:
        cells = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        columns = resolve_columns(cells[0], options, str(path)) if cells else None
        if columns is None:
            lines.extend(" | ".join(row) for row in cells)
        else:
            tables.append((cells, columns))
    found = 0
    if lines:
        note = AuditRow(source=str(path), row=1, line=1, id=path.stem, text="\n".join(lines))
        from_text = list(expand_notes([note]))
        if any(r.error is None for r in from_text) or not tables:
            yield from from_text
            found = len(from_text)
    for cells, columns in tables:
        for record in cells[1:]:
            if not _cell(record, columns["text"]).strip():
                continue
            found += 1
            fallback_id = f"{path.stem}#{found}"
            row = _csv_row(path, found, found, record, width=None, columns=columns, errors=[])
            own_id = _cell(record, columns["id"]).strip()
            yield row.model_copy(update={"line": None, "goal": found, "id": own_id or fallback_id})
    if not found:
        yield AuditRow(
            source=str(path), row=1, line=1, id=path.stem, error="no_goals", reason=_NO_GOALS
        )


def _cell(record: list[str], index: int | None) -> str:
    return record[index] if index is not None and index < len(record) else ""


def _is_list_paragraph(paragraph: Any) -> bool:
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return numbered or style.lower().startswith("list")


# --------------------------------------------------------------------------- Excel


def read_xlsx(path: Path, options: ReadOptions) -> Iterator[AuditRow]:
    """Yield one row per spreadsheet row of every sheet whose header has a goal column.

    Cells are read as their stored values (formulas are never evaluated); dates become
    ISO dates and whole numbers lose their ``.0``. Needs ``pip install 'smartcheck[excel]'``.
    """
    try:
        import openpyxl
    except ImportError as err:
        raise InputError(
            f"{path}: reading .xlsx files needs openpyxl: pip install 'smartcheck[excel]'",
            source=str(path),
        ) from err
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(f"{path}: not a readable .xlsx file ({err})", source=str(path)) from err
    try:
        row, sheets = 0, 0
        for sheet in workbook.worksheets:
            records = sheet.iter_rows(values_only=True)
            header = [cell_text(c) for c in next(records, ())]
            columns = resolve_columns(header, options, f"{path} [{sheet.title}]")
            if columns is None:
                continue
            sheets += 1
            for line, values in enumerate(records, start=2):
                record = [cell_text(v) for v in values]
                if not any(cell.strip() for cell in record):
                    continue
                row += 1
                yield _csv_row(path, row, line, record, width=None, columns=columns, errors=[])
        if not sheets:
            raise InputError(
                f"{path}: no sheet has a goal column (looked for {', '.join(TEXT_COLUMNS)}); "
                "pass --text-column",
                source=str(path),
            )
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """Return a spreadsheet cell's value as text: ISO dates, ``3`` not ``3.0``, "" for empty."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- notes


def expand_notes(rows: Iterable[AuditRow]) -> Iterator[AuditRow]:
    """Replace each note row by one row per goal found in it (or one error row if none)."""
    for note in rows:
        if note.error is not None or note.text is None:
            yield note
            continue
        spans = extract_goals(note.text)
        if not spans:
            yield note.model_copy(update={"text": None, "error": "no_goals", "reason": _NO_GOALS})
            continue
        for number, span in enumerate(spans, start=1):
            yield note.model_copy(
                update={
                    "id": f"{note.id}#{number}",
                    "text": span.text,
                    "goal": number,
                    "span": (span.start, span.end),
                }
            )
