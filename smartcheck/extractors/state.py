"""The state shared by extractors while one goal is parsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc

from smartcheck.extractors.base import Candidate, Resources, find_candidates
from smartcheck.models import Element

E = TypeVar("E", bound=Element)


@dataclass
class ExtractionState:
    """One goal being parsed: the Doc, resources, date and what was found so far."""

    doc: Doc
    res: Resources
    reference_date: dt.date
    candidates: list[Candidate] = field(default_factory=list)
    found: dict[str, list[Element]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def start(cls, doc: Doc, res: Resources, reference_date: dt.date) -> ExtractionState:
        """Create the state and run the candidate regexes once."""
        cands = find_candidates(doc.text, res, kinds=("frequency", "duration", "timeframe"))
        return cls(doc=doc, res=res, reference_date=reference_date, candidates=cands)

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        """Return the character ranges of elements already found of ``kinds``."""
        return [(e.start, e.end) for k in kinds for e in self.found.get(k, [])]

    def found_of(self, field: str, kind: type[E]) -> list[E]:
        """Return the elements already found under ``field``, typed as ``kind``."""
        return [e for e in self.found.get(field, []) if isinstance(e, kind)]

    def of_kind(self, kind: str) -> list[Candidate]:
        """Return the regex candidates of one element kind."""
        return [c for c in self.candidates if c.kind == kind]
