"""Run every extractor over a parsed goal in a fixed order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from smartcheck.extractors.actions import find_actions
from smartcheck.extractors.actors import find_actors
from smartcheck.extractors.assistance import find_assistance
from smartcheck.extractors.base import Resources
from smartcheck.extractors.concerns import find_concerns
from smartcheck.extractors.confidence import find_confidence
from smartcheck.extractors.durations import find_durations
from smartcheck.extractors.frequencies import find_frequencies
from smartcheck.extractors.measures import find_measures
from smartcheck.extractors.purposes import find_purposes
from smartcheck.extractors.quantities import find_quantities
from smartcheck.extractors.signals import find_flags
from smartcheck.extractors.state import ExtractionState
from smartcheck.extractors.timeframes import find_timeframes
from smartcheck.models import Element, Elements, Measure

#: An extractor reads the goal being parsed and returns elements of one kind.
Extractor = Callable[[ExtractionState], Sequence[Element]]

#: (Elements field, extractor). Later extractors may read what earlier ones found.
EXTRACTORS: Sequence[tuple[str, Extractor]] = (
    ("timeframes", find_timeframes),
    ("frequencies", find_frequencies),
    ("durations", find_durations),
    ("confidence", find_confidence),
    ("measures", find_measures),
    ("assistance", find_assistance),
    ("quantities", find_quantities),
    ("concerns", find_concerns),
    ("actions", find_actions),
    ("actors", find_actors),
    ("purposes", find_purposes),
    ("flags", find_flags),
)


def absorb_into_measures(state: ExtractionState) -> None:
    """Drop durations that are the criterion of a named instrument ("TUG in under 14 sec")."""
    named = [
        (m.start, m.end)
        for m in state.found_of("measures", Measure)
        if m.instrument and m.instrument != "accuracy"
    ]
    state.found["durations"] = [
        d
        for d in state.found.get("durations", [])
        if not any(s <= d.start and d.end <= e for s, e in named)
    ]


def extract_elements(doc: Doc, res: Resources, reference_date: dt.date) -> Elements:
    """Return every element of the goal in ``doc``, each list in text order."""
    state = ExtractionState.start(doc, res, reference_date)
    for field, extractor in EXTRACTORS:
        found = list(extractor(state))
        state.found[field] = sorted(found, key=lambda e: (e.start, e.end))
    absorb_into_measures(state)
    return Elements(**{k: tuple(v) for k, v in state.found.items()})
