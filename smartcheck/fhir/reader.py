"""Read FHIR files into audit rows: a ``.json`` Goal, CarePlan or Bundle, or ``.ndjson``.

Each Goal becomes one row (text from ``description``, id from the resource, context
from what it ``addresses``). A CarePlan's contained Goals become rows; goals it lists
that are not in the file become error rows. Other resource types, lines that are not
JSON and Goals without text become error rows with the reason; Conditions are read as
context only. Files are read twice (an index of references, then the rows), streaming
Bundles entry by entry, so memory stays bounded on large exports.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartcheck.audit.encoding import decoded_lines, detect_encoding
from smartcheck.audit.rows import AuditRow, ReadOptions
from smartcheck.fhir.resources import (
    Resource,
    ResourceIndex,
    contained,
    goal_meta,
    goal_text,
    label_of,
    local_key,
    plan_goal_refs,
    start_date,
)
from smartcheck.fhir.stream import Member, StreamError, iter_members

logger = logging.getLogger(__name__)

#: Types read only for the context of the Goals that address them: no row of their own.
CONTEXT_TYPES = frozenset({"Condition"})
_SNIFF_LINES = 20

Fallback = Callable[[Path, ReadOptions], Iterator[AuditRow]]


@dataclass(frozen=True)
class Where:
    """Where a resource sits: the file, its record number and line, and how to name it."""

    source: str
    name: str
    row: int
    line: int
    place: str

    def base(self, rid: str | None = None, goal: int | None = None) -> dict[str, Any]:
        """Return the AuditRow fields that locate a row."""
        row_id = rid or f"{self.name}:{self.row}"
        fields: dict[str, Any] = {"source": self.source, "row": self.row, "line": self.line}
        return {**fields, "id": row_id, "goal": goal}

    def error(self, code: str, reason: str, rid: str | None = None) -> AuditRow:
        """Return an error row here."""
        return AuditRow(**self.base(rid), error=code, reason=f"{self.place}: {reason}")


def read_fhir_file(path: Path, options: ReadOptions, *, fallback: Fallback) -> Iterator[AuditRow]:
    """Yield the rows of a FHIR ``.json`` or ``.ndjson`` file.

    An ``.ndjson`` file whose records carry no ``resourceType`` is not a FHIR export;
    it is handed to ``fallback`` (the plain JSON-lines goal reader).
    """
    encoding = detect_encoding(path, options.encoding)
    if path.suffix.lower() == ".json":
        yield from _json_rows(path, encoding)
    elif is_fhir_ndjson(path, encoding):
        yield from _ndjson_rows(path, encoding)
    else:
        yield from fallback(path, options)


# --------------------------------------------------------------------------- .json


def _json_rows(path: Path, encoding: str) -> Iterator[AuditRow]:
    index = ResourceIndex()
    top: dict[str, Any] = {}
    entries = 0
    broken: StreamError | None = None
    with path.open(encoding=encoding, errors="replace", newline="") as fh:
        try:
            for member in iter_members(fh):
                if member.index is None:
                    top[member.key] = member.value
                else:
                    entries += 1
                    _index_entry(index, member.value)
        except StreamError as err:
            logger.info("%s: malformed JSON after %d entries", path, entries)
            broken = err
    kind = top.get("resourceType")
    is_bundle = kind == "Bundle" or (kind is None and entries > 0)
    if broken is not None and not is_bundle:
        where = Where(str(path), path.name, 1, broken.line, f"line {broken.line}")
        yield where.error("malformed", f"not a readable FHIR JSON resource: {broken.message}")
    elif is_bundle:
        if not entries and broken is None:
            yield Where(str(path), path.name, 1, 1, "line 1").error(
                "no_goals", "the Bundle has no entries"
            )
        yield from _bundle_rows(path, encoding, index)
    else:
        yield from _single_resource(path, encoding, index)


def _index_entry(index: ResourceIndex, entry: object) -> None:
    if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
        url = entry.get("fullUrl")
        index.add(entry["resource"], url if isinstance(url, str) else None)


def _bundle_rows(path: Path, encoding: str, index: ResourceIndex) -> Iterator[AuditRow]:
    row = 0
    with path.open(encoding=encoding, errors="replace", newline="") as fh:
        try:
            for member in iter_members(fh):
                if member.index is None:
                    continue
                row = member.index
                yield from _entry_rows(path, member, index)
        except StreamError as err:
            where = Where(str(path), path.name, row + 1, err.line, f"line {err.line}")
            reason = f"the Bundle stops being valid JSON after entry {row}: {err.message}"
            yield where.error("malformed", reason)


def _entry_rows(path: Path, member: Member, index: ResourceIndex) -> Iterator[AuditRow]:
    assert member.index is not None
    where = Where(
        str(path),
        path.name,
        member.index,
        member.line,
        f"entry {member.index} (line {member.line})",
    )
    entry = member.value
    if not isinstance(entry, dict) or not isinstance(entry.get("resource"), dict):
        yield where.error("malformed", "the Bundle entry holds no resource")
        return
    url = entry.get("fullUrl")
    resource: Resource = entry["resource"]
    if resource.get("resourceType") == "Bundle":
        yield where.error("unsupported_resource", "a Bundle inside a Bundle is not read")
        return
    yield from resource_rows(resource, where, index, url if isinstance(url, str) else None)


def _single_resource(path: Path, encoding: str, index: ResourceIndex) -> Iterator[AuditRow]:
    where = Where(str(path), path.name, 1, 1, "line 1")
    with path.open(encoding=encoding, errors="replace") as fh:
        resource = json.load(fh)  # the streaming pass found it well formed
    index.add(resource)
    yield from resource_rows(resource, where, index, None)


# --------------------------------------------------------------------------- .ndjson


def is_fhir_ndjson(path: Path, encoding: str) -> bool:
    """Return True when the first JSON records of the file carry a ``resourceType``."""
    seen = 0
    for _, line, _error in decoded_lines(path, encoding):
        if not line.strip():
            continue
        seen += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            if seen >= _SNIFF_LINES:
                return False
            continue
        return isinstance(record, dict) and "resourceType" in record
    return False


def _ndjson_records(path: Path, encoding: str) -> Iterator[tuple[Where, object, AuditRow | None]]:
    """Yield ``(where, record, error row)`` for each non-blank line; one of the two is None."""
    row = 0
    for number, line, error in decoded_lines(path, encoding):
        if not line.strip():
            continue
        row += 1
        where = Where(str(path), path.name, row, number, f"line {number}")
        if error is not None:
            yield where, None, where.error("undecodable", error.removeprefix(f"line {number}: "))
            continue
        try:
            yield where, json.loads(line), None
        except json.JSONDecodeError as err:
            reason = f"not JSON ({err.msg} at column {err.colno})"
            yield where, None, where.error("malformed", reason)


def _ndjson_rows(path: Path, encoding: str) -> Iterator[AuditRow]:
    index = ResourceIndex()
    for _, record, _error in _ndjson_records(path, encoding):
        if isinstance(record, dict):
            index.add(record)
            if record.get("resourceType") == "Bundle":
                for entry in record.get("entry") or []:
                    _index_entry(index, entry)
    for where, record, error in _ndjson_records(path, encoding):
        if error is not None:
            yield error
        elif isinstance(record, dict) and record.get("resourceType") == "Bundle":
            for number, entry in enumerate(record.get("entry") or [], start=1):
                member = Member("entry", entry, where.line, number)
                for row in _entry_rows(path, member, index):
                    yield row.model_copy(update={"row": where.row})
        else:
            yield from resource_rows(record, where, index, None)


# --------------------------------------------------------------------------- resources


def resource_rows(
    resource: object, where: Where, index: ResourceIndex, full_url: str | None
) -> Iterator[AuditRow]:
    """Yield the rows of one resource: a Goal row, a CarePlan's rows, or an error row."""
    if not isinstance(resource, dict):
        yield where.error("malformed", f"expected a JSON object, found {type(resource).__name__}")
        return
    kind = resource.get("resourceType")
    if not isinstance(kind, str):
        yield where.error("malformed", "not a FHIR resource (no resourceType)")
        return
    if kind == "Goal":
        keys = [k for k in (local_key(resource), full_url) if k]
        yield goal_row(resource, where, index, plan_keys=index.plans_of(keys))
    elif kind == "CarePlan":
        yield from plan_rows(resource, where, index, full_url)
    elif kind not in CONTEXT_TYPES:
        rid = resource.get("id") if isinstance(resource.get("id"), str) else None
        reason = f"{label_of(resource)} is not a Goal or CarePlan; it is not audited"
        yield where.error("unsupported_resource", reason, rid)


def goal_row(
    goal: Resource,
    where: Where,
    index: ResourceIndex,
    *,
    plan_keys: list[str],
    local: dict[str, Resource] | None = None,
    rid: str | None = None,
    number: int | None = None,
    plan_context: str | None = None,
) -> AuditRow:
    """Return the audit row of one Goal (an error row when it has no text)."""
    own_id = goal.get("id") if isinstance(goal.get("id"), str) and goal.get("id") else None
    rid = rid or own_id
    base = where.base(rid, number)
    meta = goal_meta(goal)
    if plan_keys:
        meta["carePlan"] = "; ".join(index.plan_label(k) for k in plan_keys)
    text, problem = goal_text(goal)
    if text is None:
        code = "not_text" if problem and "not text" in problem else "no_text"
        reason = f"{where.place}: {label_of(goal)} {problem}"
        return AuditRow(**base, error=code, reason=reason, meta=tuple(meta.items()))
    context = index.context(goal.get("addresses"), {**(local or {}), **contained(goal)})
    if context is None:
        context = plan_context or next(
            (c for k in plan_keys if (c := index.plan_context(k)) is not None), None
        )
    return AuditRow(
        **base,
        text=text,
        context=context,
        reference_date=start_date(goal),
        meta=tuple(meta.items()),
    )


def plan_rows(
    plan: Resource, where: Where, index: ResourceIndex, full_url: str | None
) -> Iterator[AuditRow]:
    """Yield a CarePlan's contained Goals, then an error row per goal it lists but lacks."""
    local = contained(plan)
    key = next((k for k in (local_key(plan), full_url) if k), None)
    context = index.context(plan.get("addresses"), local)
    if context is None and key is not None:
        context = index.plan_context(key)
    plan_id = plan.get("id") if isinstance(plan.get("id"), str) else None
    label = label_of(plan)
    number = 0
    for ref, inner in local.items():
        if inner.get("resourceType") != "Goal":
            continue
        number += 1
        rid = f"{plan_id}{ref}" if plan_id else ref
        row = goal_row(
            inner, where, index, plan_keys=[], local=local, rid=rid, number=number,
            plan_context=context,
        )  # fmt: skip
        meta = {**dict(row.meta), "carePlan": label}
        yield row.model_copy(update={"meta": tuple(meta.items())})
    refs = plan_goal_refs(plan)
    for ref in refs:
        present = ref in local if ref.startswith("#") else index.has_goal(ref)
        if present:
            continue
        number += 1
        rid = ref.rsplit("/", 1)[-1] if ref.startswith("Goal/") else ref
        reason = f"{label} lists goal {ref!r}, which is not in this file"
        base = where.base(rid, number)
        yield AuditRow(**base, error="missing_goal", reason=f"{where.place}: {reason}",
                       meta=(("carePlan", label),))  # fmt: skip
    if number == 0 and not refs:
        yield where.error("no_goals", f"{label} lists no goals", plan_id)
