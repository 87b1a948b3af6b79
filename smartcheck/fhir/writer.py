"""Write an audit as FHIR NDJSON: one ``Goal`` (with its verdict) per analysed row."""

from __future__ import annotations

import json
import logging
from typing import IO

from smartcheck.audit.rows import AuditResult
from smartcheck.audit.summary import AuditSummary
from smartcheck.fhir.goal import to_goal

logger = logging.getLogger(__name__)


class FhirGoalWriter:
    """One Goal resource per line for each analysed row; unreadable rows have no Goal."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.skipped = 0

    def write(self, result: AuditResult) -> None:
        """Write the Goal of one analysed result; count the rest."""
        if result.analysis is None:
            self.skipped += 1
            return
        goal = to_goal(result.analysis)
        status = dict(result.meta).get("lifecycleStatus")
        if status:
            goal["lifecycleStatus"] = status
        self.fh.write(json.dumps(goal, ensure_ascii=False) + "\n")

    def finish(self, summary: AuditSummary) -> None:
        """NDJSON carries no footer; say how many rows had no Goal to write."""
        if self.skipped:
            logger.info("%d rows could not be analysed and have no Goal", self.skipped)
