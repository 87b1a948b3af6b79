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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from smartcheck.audit.encoding import SAMPLE_BYTES, decoded_lines, detect_encoding
from smartcheck.audit.extract import extract_goals
from smartcheck.audit.rows import AuditRow, ReadOptions
from smartcheck.errors import InputError

logger = logging.getLogger(__name__)

TEXT_COLUMNS = ("goal", "text")
ID_COLUMN = "id"
CONTEXT_COLUMN = "context"
DATE_COLUMN = "reference_date"
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
    columns = _resolve_columns(header, options, path)
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


def _resolve_columns(header: list[str], options: ReadOptions, path: Path) -> dict[str, int | None]:
    names = [h.strip().lstrip("\ufeff").lower() for h in header]

    def find(explicit: str | None, defaults: tuple[str, ...], role: str) -> int | None:
        if explicit is not None:
            if explicit.strip().lower() not in names:
                raise InputError(
                    f"{path}: no {role} column named {explicit!r}; columns are {header}",
                    source=str(path),
                )
            return names.index(explicit.strip().lower())
        return next((names.index(d) for d in defaults if d in names), None)

    text = find(options.text_column, TEXT_COLUMNS, "text")
    if text is None:
        raise InputError(
            f"{path}: no goal column (looked for {' or '.join(TEXT_COLUMNS)!s}); "
            f"columns are {header}; pass --text-column",
            source=str(path),
        )
    return {
        "text": text,
        "id": find(options.id_column, (ID_COLUMN,), "id"),
        "context": find(options.context_column, (CONTEXT_COLUMN,), "context"),
        "reference_date": find(None, (DATE_COLUMN,), "date"),
    }


def _csv_row(
    path: Path,
    row: int,
    line: int,
    record: list[str],
    *,
    width: int,
    columns: dict[str, int | None],
    errors: list[str],
) -> AuditRow:
    def cell(name: str) -> str | None:
        index = columns[name]
        if index is None or index >= len(record):
            return None
        return record[index]

    row_id = (cell("id") or "").strip() or f"{path.name}:{row}"
    base = {"source": str(path), "row": row, "line": line, "id": row_id}
    if errors:
        return AuditRow(**base, error="undecodable", reason="; ".join(errors))
    if len(record) > width:
        reason = f"line {line}: expected {width} fields, found {len(record)}"
        return AuditRow(**base, error="malformed", reason=reason)
    text = cell("text")
    if text is None:
        reason = f"line {line}: the goal field is missing ({len(record)} of {width} fields)"
        return AuditRow(**base, error="malformed", reason=reason)
    date, date_error = _parse_date(cell("reference_date"))
    if date_error:
        return AuditRow(**base, error="malformed", reason=f"line {line}: {date_error}")
    return AuditRow(**base, text=text, context=cell("context") or None, reference_date=date)


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
    """Yield one row per JSON object line; a truncated last line is a file error."""
    encoding = detect_encoding(path, options.encoding)
    text_keys = (options.text_column,) if options.text_column else TEXT_COLUMNS
    id_key = options.id_column or ID_COLUMN
    context_key = options.context_column or CONTEXT_COLUMN
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
        yield _json_row(
            obj, base, number, text_keys=text_keys, id_key=id_key, context_key=context_key
        )


def _json_row(
    obj: object,
    base: dict[str, Any],
    number: int,
    *,
    text_keys: tuple[str, ...],
    id_key: str,
    context_key: str,
) -> AuditRow:
    if not isinstance(obj, dict):
        reason = f"line {number}: expected a JSON object, found {type(obj).__name__}"
        return AuditRow(**base, error="malformed", reason=reason)
    if obj.get(id_key) is not None:
        base = {**base, "id": str(obj[id_key])}
    key = next((k for k in text_keys if k in obj), None)
    if key is None:
        reason = f"line {number}: no {' or '.join(repr(k) for k in text_keys)} field"
        return AuditRow(**base, error="malformed", reason=reason)
    text, context = obj[key], obj.get(context_key)
    if not isinstance(text, str):
        reason = f"line {number}: the goal is a {type(text).__name__}, not text"
        return AuditRow(**base, error="not_text", reason=reason)
    if context is not None and not isinstance(context, str):
        reason = f"line {number}: the context is a {type(context).__name__}, not text"
        return AuditRow(**base, error="not_text", reason=reason)
    date, date_error = _parse_date(obj.get(DATE_COLUMN))
    if date_error:
        return AuditRow(**base, error="malformed", reason=f"line {number}: {date_error}")
    return AuditRow(**base, text=text, context=context, reference_date=date)


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
    """Yield the goals of a Word plan: found in its text, or read from a goal table column."""
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
    for table in document.tables:
        lines.extend(_table_lines(table, options))
    note = AuditRow(source=str(path), row=1, line=1, id=path.stem, text="\n".join(lines))
    yield from expand_notes([note])


def _is_list_paragraph(paragraph: Any) -> bool:
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return numbered or style.lower().startswith("list")


def _table_lines(table: Any, options: ReadOptions) -> list[str]:
    """Turn a table with a goal column into a "Goals:" list; other tables into plain lines."""
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    names = [name.lower() for name in rows[0]]
    wanted = (options.text_column.lower(),) if options.text_column else TEXT_COLUMNS
    column = next((names.index(w) for w in wanted if w in names), None)
    if column is None:
        return [" | ".join(cells) for cells in rows]
    return ["Goals:", *(f"- {cells[column]}" for cells in rows[1:] if cells[column])]


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
