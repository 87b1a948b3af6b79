"""Score smartcheck against labelled goals: dimension accuracy/F1, class macro-F1, element F1."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smartcheck.analyzer import analyze_many
from smartcheck.config import Settings
from smartcheck.errors import InputError
from smartcheck.kb.loader import default_kb
from smartcheck.models import (
    DIMENSION_LETTERS,
    DIMENSIONS,
    AnalysisFailure,
    Dimension,
    Element,
    GoalAnalysis,
)

LABELS = ("SMART", "Partially SMART", "Not SMART")
#: Rubric element kind -> (Elements field, value check).
ElementCheck = Callable[[dict[str, Any], Element], bool]


def _close(a: Any, b: Any, tol: float = 1e-6) -> bool:
    try:
        return abs(float(a) - float(b)) <= max(tol, 0.01 * abs(float(a)))
    except (TypeError, ValueError):
        return False


ELEMENT_KINDS: dict[str, tuple[str, ElementCheck]] = {
    "frequency": ("frequencies", lambda g, p: _close(g["times"], p.times) and g["per"] == p.per),  # type: ignore[attr-defined]
    "duration": ("durations", lambda g, p: _close(g["seconds"], p.seconds)),  # type: ignore[attr-defined]
    "quantity": ("quantities", lambda g, p: _close(g["value"], p.value)),  # type: ignore[attr-defined]
    "timeframe": (
        "timeframes",
        lambda g, p: g["kind"] == p.kind and (g.get("days") is None or g["days"] == p.days),  # type: ignore[attr-defined]
    ),
    "measure": ("measures", lambda g, p: g.get("target") is None or _close(g["target"], p.target)),  # type: ignore[attr-defined]
    "assistance": ("assistance", lambda g, p: g["level"] == p.level),  # type: ignore[attr-defined]
    "confidence": ("confidence", lambda g, p: _close(g["value"], p.value)),  # type: ignore[attr-defined]
    "purpose": ("purposes", lambda g, p: True),
}


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Precision (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Recall (1.0 when nothing was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Everything ``smartcheck evaluate`` prints."""

    n: int = 0
    failures: int = 0
    dims: dict[Dimension, Counts] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    elements: dict[str, Counts] = field(default_factory=dict)
    element_spans: dict[str, Counts] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: Field the results are broken down by (``evaluate --by``), and one report per value.
    by: str | None = None
    groups: dict[str, Report] = field(default_factory=dict)

    def accuracy(self, dim: str) -> float:
        """Share of goals whose label for ``dim`` was predicted correctly."""
        return self.correct.get(dim, 0) / self.n if self.n else 0.0

    def class_f1(self) -> dict[str, float]:
        """Per-class F1 of the overall label."""
        out: dict[str, float] = {}
        for label in LABELS:
            tp = self.confusion.get((label, label), 0)
            fp = sum(v for (g, p), v in self.confusion.items() if p == label and g != label)
            fn = sum(v for (g, p), v in self.confusion.items() if g == label and p != label)
            if tp + fp + fn:
                out[label] = Counts(tp, fp, fn).f1
        return out

    def macro_f1(self) -> float:
        """Macro-F1 over the classes that occur in gold or predictions."""
        f1s = self.class_f1()
        return sum(f1s.values()) / len(f1s) if f1s else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data (for ``--json``)."""
        out = self._summary()
        if self.by is not None:
            out["by"] = self.by
            out["groups"] = {k: g._summary() for k, g in sorted(self.groups.items())}
        return out

    def _summary(self) -> dict[str, Any]:
        return {
            "goals": self.n,
            "failures": self.failures,
            "dimensions": {
                d: {"accuracy": round(self.accuracy(d), 4), "f1": round(c.f1, 4)}
                for d, c in self.dims.items()
            },
            "class_macro_f1": round(self.macro_f1(), 4),
            "class_f1": {k: round(v, 4) for k, v in self.class_f1().items()},
            "elements": {
                k: {
                    "f1": round(c.f1, 4),
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "span_f1": round(self.element_spans[k].f1, 4),
                }
                for k, c in self.elements.items()
            },
        }


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON-lines file; a bad line raises ``InputError`` naming it."""
    for _, record in _numbered_jsonl(path):
        yield record


def _numbered_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, record)``; a line that is not a JSON object raises ``InputError``."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(
                    f"{path}:{n}: not valid JSON ({err.msg})", source=str(path), row=n
                ) from err
            if not isinstance(record, dict):
                raise InputError(f"{path}:{n}: not a JSON object", source=str(path), row=n)
            yield n, record


@dataclass(frozen=True)
class LabelledFile:
    """The records of a labelled file that carry labels, and how many were left out."""

    records: list[dict[str, Any]]
    unlabelled: int


def is_labelled(record: dict[str, Any]) -> bool:
    """Tell whether a record carries gold labels (a non-empty ``labels`` object)."""
    labels = record.get("labels")
    return isinstance(labels, dict) and bool(labels)


def load_labelled(path: Path) -> LabelledFile:
    """Read a labelled JSON-lines file and keep the records that carry labels.

    A record without labels has no gold answer to compare with: counting it would
    score it against an all-zero label set, so it is left out and counted. A file
    with no labelled record at all (an empty file, or goals without ``labels``)
    raises ``InputError``: agreement with nothing is no result. So does a record
    whose ``text`` is not a string or whose ``labels`` is not an object.
    """
    records: list[dict[str, Any]] = []
    unlabelled = 0
    for n, rec in _numbered_jsonl(path):
        if not isinstance(rec.get("text"), str):
            raise InputError(f"{path}:{n}: no goal 'text' string", source=str(path), row=n)
        if rec.get("labels") is not None and not isinstance(rec["labels"], dict):
            raise InputError(f"{path}:{n}: 'labels' is not an object", source=str(path), row=n)
        if is_labelled(rec):
            records.append(rec)
        else:
            unlabelled += 1
    if not records:
        why = (
            f"none of its {unlabelled} records has a 'labels' field"
            if unlabelled
            else "the file has no records"
        )
        raise InputError(f"{path}: no labelled goals to evaluate ({why})", source=str(path))
    return LabelledFile(records=records, unlabelled=unlabelled)


def gold_class(labels: dict[str, int], profile: str) -> str:
    """Return the class the gold labels imply under ``profile``."""
    prof = default_kb().profile(profile)
    met = sum(labels.get(DIMENSION_LETTERS[d], 0) for d in prof.counted)
    if met >= prof.classes.smart_min:
        return "SMART"
    return "Partially SMART" if met >= prof.classes.partial_min else "Not SMART"


def _locate(text: str, gold: Iterable[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    cursor: dict[str, int] = {}
    for g in gold:
        needle = g.get("text", "")
        start = text.find(needle, cursor.get(needle, 0)) if needle else -1
        if start < 0:
            start = text.lower().find(needle.lower()) if needle else -1
        if start < 0:
            continue
        cursor[needle] = start + 1
        out.append((start, start + len(needle), g))
    return out


def _match(
    gold: list[tuple[int, int, dict[str, Any]]], pred: list[Element], check: ElementCheck | None
) -> Counts:
    used: set[int] = set()
    tp = 0
    for gs, ge, g in gold:
        for i, p in enumerate(pred):
            if i in used or not (p.start < ge and gs < p.end):
                continue
            if check is not None and not check(g, p):
                continue
            used.add(i)
            tp += 1
            break
    return Counts(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def _add(total: Counts, part: Counts) -> None:
    total.tp += part.tp
    total.fp += part.fp
    total.fn += part.fn


def group_key(rec: dict[str, Any], by: str) -> str:
    """Return the value of field ``by`` of a record as a group name ("(none)" when absent).

    A dotted name reads a nested field ("meta.discipline"); a value that is not a
    string is shown as JSON.
    """
    value: Any = rec
    for part in by.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None or value == "":
        return "(none)"
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def evaluate_records(
    records: list[dict[str, Any]],
    *,
    profile: str | None = None,
    settings: Settings | None = None,
    by: str | None = None,
) -> Report:
    """Analyse labelled records and compare with their labels and elements.

    With ``by``, the report also holds one sub-report per value of that field.
    """
    report = Report(by=by)
    by_profile: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_profile.setdefault(profile or rec.get("profile") or "therapy", []).append(rec)
    for prof, recs in by_profile.items():
        items = [
            {
                "text": r["text"],
                "context": r.get("context"),
                "id": r.get("id"),
                "reference_date": r.get("reference_date"),
            }
            for r in recs
        ]
        counted = default_kb().profile(prof).counted
        for rec, result in zip(
            recs, analyze_many(items, profile=prof, settings=settings), strict=True
        ):
            targets = [report]
            if by is not None:
                targets.append(report.groups.setdefault(group_key(rec, by), Report()))
            for target in targets:
                target.n += 1
                if isinstance(result, AnalysisFailure):
                    target.failures += 1
                    continue
                _score_record(target, rec, result, prof, counted)
    return report


def _score_record(
    report: Report, rec: dict[str, Any], result: GoalAnalysis, prof: str, counted: tuple[str, ...]
) -> None:
    labels = rec.get("labels", {})
    for dim in DIMENSIONS:
        letter = DIMENSION_LETTERS[dim]
        if letter not in labels or dim not in counted:
            continue
        gold, got = bool(labels[letter]), result.dimensions.get(dim).met
        c = report.dims.setdefault(dim, Counts())
        c.tp += gold and got
        c.fp += got and not gold
        c.fn += gold and not got
        report.correct[dim] = report.correct.get(dim, 0) + (gold == got)
        if gold != got:
            report.errors.append({"id": rec.get("id"), "dimension": letter, "gold": int(gold)})
    key = (gold_class(labels, prof), result.label)
    report.confusion[key] = report.confusion.get(key, 0) + 1
    if "elements" not in rec:
        return
    gold_elements = rec["elements"]
    for kind, (field_name, check) in ELEMENT_KINDS.items():
        pred: list[Element] = list(getattr(result.elements, field_name))
        located = _locate(result.text, gold_elements.get(kind, []))
        if not located and not pred and kind not in gold_elements:
            continue
        _add(report.elements.setdefault(kind, Counts()), _match(located, pred, check))
        _add(report.element_spans.setdefault(kind, Counts()), _match(located, pred, None))


def evaluate_file(
    path: Path,
    *,
    profile: str | None = None,
    settings: Settings | None = None,
    by: str | None = None,
) -> Report:
    """Evaluate a JSON-lines file of labelled goals (the rubric's data format).

    Records without labels are left out (see :func:`load_labelled`); a file with no
    labelled record raises ``InputError``.
    """
    loaded = load_labelled(path)
    return evaluate_records(loaded.records, profile=profile, settings=settings, by=by)
