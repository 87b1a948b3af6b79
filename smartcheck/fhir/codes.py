"""Standard codes of outcome measures, read from the ``fhir`` block of ``measures.yaml``."""

from __future__ import annotations

import functools

from smartcheck.kb.loader import parse_file
from smartcheck.kb.models import MeasureCoding, MeasuresFile

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"


@functools.lru_cache(maxsize=1)
def _codings() -> dict[str, MeasureCoding]:
    measures = parse_file("measures.yaml", MeasuresFile)
    return {coding.measure: coding for coding in measures.fhir}


def measure_coding(measure: str) -> MeasureCoding | None:
    """Return the FHIR coding of the measure with id ``measure``, if the data file has one."""
    return _codings().get(measure)
