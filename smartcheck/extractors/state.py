"""The inputs and intermediate results of the extractors for one goal, typed.

``GoalInput`` is what every extractor may read (the Doc, the compiled resources,
the reference date, the regex candidates and the main verbs); ``Found`` holds
what earlier extractors produced, one typed field per element kind. The order
in which ``Found`` is filled is spelled out in ``extractors/pipeline.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Token

from smartcheck.extractors.base import Candidate, Resources, doc_text, find_candidates
from smartcheck.models import (
    Action,
    Actor,
    Assistance,
    Concern,
    Confidence,
    Duration,
    Element,
    Elements,
    Flag,
    Frequency,
    Measure,
    Purpose,
    Quantity,
    Timeframe,
)

E = TypeVar("E", bound=Element)

#: A main verb of the goal and its role ("main", "conj", ...), as ``actions.main_verbs`` gives.
MainVerb = tuple[Token, str]
#: Half-open character ranges of elements already found.
Spans = Sequence[tuple[int, int]]


@dataclass
class Found:
    """Elements found so far, one typed list per ``Elements`` field."""

    timeframes: list[Timeframe] = field(default_factory=list)
    frequencies: list[Frequency] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)
    confidence: list[Confidence] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    assistance: list[Assistance] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    concerns: list[Concern] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    purposes: list[Purpose] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def of(self, name: str) -> list[Element]:
        """Return the list named ``name``; an unknown name is a bug and raises ``KeyError``."""
        if name not in _FOUND_FIELDS:
            raise KeyError(f"no element list named {name!r}")
        items: list[Element] = getattr(self, name)
        return items

    def to_elements(self) -> Elements:
        """Freeze the lists, each in text order, into an ``Elements`` model."""
        return Elements(
            **{
                f: tuple(sorted(getattr(self, f), key=lambda e: (e.start, e.end)))
                for f in _FOUND_FIELDS
            }
        )


_FOUND_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Found))


@dataclass
class ExtractionState:
    """One goal being parsed: its explicit inputs and the typed results found so far."""

    doc: Doc
    res: Resources
    reference_date: dt.date
    candidates: tuple[Candidate, ...] = ()
    main_verbs: tuple[MainVerb, ...] = ()
    found: Found = field(default_factory=Found)

    @classmethod
    def start(
        cls,
        doc: Doc,
        res: Resources,
        reference_date: dt.date,
        main_verbs: tuple[MainVerb, ...] = (),
    ) -> ExtractionState:
        """Create the state and run the candidate regexes once."""
        cands = find_candidates(doc_text(doc), res, kinds=("frequency", "duration", "timeframe"))
        return cls(
            doc=doc,
            res=res,
            reference_date=reference_date,
            candidates=tuple(cands),
            main_verbs=main_verbs,
        )

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        """Return the character ranges of elements already found in the lists ``kinds``."""
        return [(e.start, e.end) for k in kinds for e in self.found.of(k)]

    def found_of(self, name: str, kind: type[E]) -> list[E]:
        """Return the elements already found in the list ``name``, typed as ``kind``."""
        return [e for e in self.found.of(name) if isinstance(e, kind)]

    def of_kind(self, kind: str) -> list[Candidate]:
        """Return the regex candidates of one element kind."""
        return [c for c in self.candidates if c.kind == kind]


def element_spans(*groups: Sequence[Element]) -> list[tuple[int, int]]:
    """Return the character ranges of the elements in ``groups``."""
    return [(e.start, e.end) for g in groups for e in g]


def ordered(items: Sequence[E]) -> list[E]:
    """Return ``items`` in text order (start, then end)."""
    return sorted(items, key=lambda e: (e.start, e.end))
