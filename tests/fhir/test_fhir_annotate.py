"""``annotate``: the Goals of a resource get verdicts; the request itself is left unchanged."""

from __future__ import annotations

import copy

from fhir_helpers import build_bundle

from smartcheck.audit.rows import AuditRow
from smartcheck.fhir import read_verdict
from smartcheck.fhir.annotate import annotate, collect_goals
from smartcheck.models import AnalysisFailure


def test_every_goal_gets_a_verdict_and_the_request_is_unchanged() -> None:
    bundle, _ = build_bundle()
    before = copy.deepcopy(bundle)
    seen: list[AuditRow] = []

    def fail_all(rows: list[AuditRow]) -> list[AnalysisFailure]:
        seen.extend(rows)
        return [AnalysisFailure(error="not_english", reason="test") for _ in rows]

    answer = annotate(bundle, fail_all)
    assert bundle == before
    _, slots = collect_goals(bundle)
    verdicts = [read_verdict(slot.goal) for slot in collect_goals(answer)[1]]
    assert len(verdicts) == len(slots) and all(v is not None for v in verdicts)
    errors = [v["error"] for v in verdicts if v is not None]
    assert errors.count("not_english") == len(seen)
    assert {"no_text", "not_text"} <= set(errors)
    assert "cg1" in [row.id.lstrip("#") for row in seen]
    assert next(r.context for r in seen if r.id == "g-walk") == "Generalized anxiety disorder"
