"""Run every extractor over a parsed goal in a fixed, visible order.

Each step names what it reads. The time, frequency and duration extractors
read only the goal (its regex candidates); later steps read the typed results
of earlier ones, passed as arguments where the extractor's signature asks for
them, and otherwise through ``state.found`` (see the comment on each step).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from smartcheck.extractors.actions import find_actions, main_verbs
from smartcheck.extractors.actors import find_actors
from smartcheck.extractors.assistance import find_assistance
from smartcheck.extractors.base import Resources, inside
from smartcheck.extractors.concerns import find_concerns
from smartcheck.extractors.confidence import find_confidence
from smartcheck.extractors.durations import find_durations
from smartcheck.extractors.frequencies import find_frequencies
from smartcheck.extractors.measures import find_measures
from smartcheck.extractors.purposes import find_purposes
from smartcheck.extractors.quantities import find_quantities
from smartcheck.extractors.signals import find_flags
from smartcheck.extractors.state import ExtractionState, element_spans, ordered
from smartcheck.extractors.timeframes import find_timeframes
from smartcheck.models import Duration, Elements, Measure


def absorb_into_measures(durations: list[Duration], measures: list[Measure]) -> list[Duration]:
    """Drop durations that are the criterion of a named instrument ("TUG in under 14 sec")."""
    named = [(m.start, m.end) for m in measures if m.instrument and m.instrument != "accuracy"]
    return [d for d in durations if not inside(d.start, d.end, named)]


def extract_elements(doc: Doc, res: Resources, reference_date: dt.date) -> Elements:
    """Return every element of the goal in ``doc``, each list in text order."""
    verbs = tuple(
        main_verbs(doc, res.kb.lexicon, res.kb.activity_nouns, res.kb.body_nouns, res.verbs)
    )
    state = ExtractionState.start(doc, res, reference_date, main_verbs=verbs)
    f = state.found
    # Time, rate and length of one performance: read the regex candidates only.
    f.timeframes = ordered(find_timeframes(state))
    f.frequencies = ordered(find_frequencies(state))
    f.durations = ordered(find_durations(state))
    f.confidence = ordered(find_confidence(state))
    # Criteria: read the spans already claimed by the four above.
    f.measures = ordered(
        find_measures(
            state,
            timed=element_spans(f.confidence, f.frequencies, f.timeframes),
            taken=element_spans(f.confidence, f.frequencies, f.durations, f.timeframes),
        )
    )
    f.assistance = ordered(find_assistance(state))
    f.quantities = ordered(
        find_quantities(
            state,
            taken=element_spans(f.frequencies, f.durations, f.timeframes, f.confidence),
            measures=f.measures,
        )
    )
    f.concerns = ordered(find_concerns(state))  # reads found.confidence and found.measures
    f.actions = ordered(find_actions(state))  # reads main_verbs and found.concerns
    f.actors = ordered(find_actors(state))  # reads main_verbs
    f.purposes = ordered(find_purposes(state))  # reads main_verbs and found.concerns
    f.flags = ordered(find_flags(state))  # reads every numeric element and found.confidence
    f.durations = absorb_into_measures(f.durations, f.measures)
    return f.to_elements()
