"""``POST /v1/fhir/analyze``: a FHIR Goal, CarePlan or Bundle in, the same resources out,
each Goal extended with its SMART verdict (see ``docs/fhir.md``)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Annotated, Any

from fastapi import Body, FastAPI, Query
from starlette.responses import Response

from smartcheck.audit.rows import AuditRow
from smartcheck.errors import EmptyInputError
from smartcheck.fhir import validate as fhir_validate
from smartcheck.fhir.annotate import ACCEPTED, Outcome, annotate
from smartcheck.fhir.resources import goal_text
from smartcheck.server.errors import BatchTooLargeError
from smartcheck.server.responses import ERROR_RESPONSES, error_response
from smartcheck.server.schemas import AnalyzeRequest
from smartcheck.server.service import AnalysisService
from smartcheck.server.settings import ServerSettings

logger = logging.getLogger(__name__)
FHIR_JSON = "application/fhir+json"


def add_fhir_routes(app: FastAPI, service: AnalysisService, settings: ServerSettings) -> None:
    """Add ``POST /v1/fhir/analyze``."""

    @app.post(
        "/v1/fhir/analyze",
        responses=ERROR_RESPONSES,
        tags=["fhir"],
        description=(
            "Send one FHIR R4 `Goal`, `CarePlan` or `Bundle`; the answer is the same resource "
            "with every Goal in it (Bundle entries, CarePlan contained goals) carrying the "
            "extension `https://smartcheck.dev/fhir/StructureDefinition/smart-verdict`. "
            "A Goal that cannot be analysed inside a Bundle gets the extension with its error."
        ),
    )
    def analyze_fhir(
        resource: Annotated[
            dict[str, Any], Body(description="A FHIR R4 Goal, CarePlan or Bundle.")
        ],
        reference_date: Annotated[
            dt.date | None,
            Query(description="Date deadlines resolve against; default each Goal's startDate."),
        ] = None,
        profile: Annotated[str, Query(description="Scoring profile.")] = "therapy",
    ) -> Response:
        """Analyse the Goals of a FHIR resource and answer it with their verdicts."""
        kind = resource.get("resourceType")
        if kind not in ACCEPTED:
            message = f"Expected a FHIR resource of type {', '.join(ACCEPTED)}, not {kind!r}."
            return error_response(422, "unsupported_resource", message)
        problems = _problems(resource)
        if problems:
            details = [{"loc": ["body"], "msg": p, "type": "fhir"} for p in problems[:50]]
            return error_response(
                422, "invalid_fhir", "The resource is not valid FHIR R4.", details
            )

        def run(rows: list[AuditRow]) -> list[Outcome]:
            if kind == "Goal":  # one goal: an unusable one is the request's error (422)
                return [service.analyze(_request(rows[0], reference_date, profile))]
            if len(rows) > settings.max_batch_items:
                raise BatchTooLargeError(len(rows), settings.max_batch_items)
            return service.analyze_batch([_request(r, reference_date, profile) for r in rows])

        if kind == "Goal":
            _text, problem = goal_text(resource)
            if problem is not None:
                raise EmptyInputError(f"the Goal {problem}")
        answer = annotate(resource, run)
        return Response(content=json.dumps(answer, ensure_ascii=False), media_type=FHIR_JSON)


def _problems(resource: dict[str, Any]) -> list[str]:
    """Return R4 validation problems when ``fhir.resources`` is installed, else none."""
    try:
        return fhir_validate(resource)
    except ImportError:
        return []


def _request(row: AuditRow, reference_date: dt.date | None, profile: str) -> AnalyzeRequest:
    return AnalyzeRequest(
        text=row.text or "",
        context=row.context,
        reference_date=reference_date or row.reference_date,
        profile=profile,
        id=row.id if not row.id.startswith("request:") else None,
    )
