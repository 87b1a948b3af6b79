"""HL7 FHIR R4 for smartcheck: audit Goal and CarePlan resources, export analyses as Goals.

Reading works on plain dicts and needs no extra; :func:`validate` uses the optional
``fhir.resources`` package (``pip install 'smartcheck[fhir]'``). See ``docs/fhir.md``.
"""

from __future__ import annotations

from smartcheck.fhir.goal import to_goal
from smartcheck.fhir.validate import validate
from smartcheck.fhir.verdict import VERDICT_URL, read_verdict, verdict_extension

__all__ = ["VERDICT_URL", "read_verdict", "to_goal", "validate", "verdict_extension"]
