"""Finish analyses for reports: leave out ignored findings, attach the first rewrite.

Both steps work on finished :class:`~smartcheck.models.GoalAnalysis` objects and never
change a score or a label: ignoring a finding only hides it from what is reported.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterable, Iterator

from smartcheck.audit.rows import AuditResult
from smartcheck.errors import ConfigError, SmartCheckError
from smartcheck.models import Dimensions, GoalAnalysis

logger = logging.getLogger(__name__)


def check_ignore_patterns(patterns: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """Return the patterns if each names a known finding id (``*`` globs allowed).

    Raises :class:`ConfigError` for a pattern that matches no finding, so a typo in a
    config file is reported instead of silently ignoring nothing.
    """
    ids = sorted(known)
    checked = tuple(p.strip() for p in patterns if p.strip())
    for pattern in checked:
        if not fnmatch.filter(ids, pattern):
            raise ConfigError(f"ignore: {pattern!r} matches no finding id (see docs/findings.md)")
    return checked


def is_ignored(finding_id: str, patterns: tuple[str, ...]) -> bool:
    """Return True when ``finding_id`` matches one of the ignore patterns."""
    return any(fnmatch.fnmatchcase(finding_id, p) for p in patterns)


def without_findings(analysis: GoalAnalysis, patterns: tuple[str, ...]) -> GoalAnalysis:
    """Return ``analysis`` without the findings that match ``patterns`` (scores unchanged)."""
    if not patterns:
        return analysis
    dims = {
        name: score.model_copy(
            update={"findings": tuple(f for f in score.findings if not is_ignored(f.id, patterns))}
        )
        for name, score in analysis.dimensions.items()
    }
    kept = tuple(f for f in analysis.findings if not is_ignored(f.id, patterns))
    return analysis.model_copy(update={"findings": kept, "dimensions": Dimensions(**dims)})


def with_first_suggestion(analysis: GoalAnalysis) -> GoalAnalysis:
    """Attach the best rewrite to a goal that is not SMART (not-goals get none)."""
    if not analysis.is_goal or analysis.label == "SMART" or analysis.suggestions:
        return analysis
    from smartcheck.orchestrate import suggest

    try:
        found = suggest(
            analysis, context=analysis.context, n=1, reference_date=analysis.reference_date
        )
    except SmartCheckError as err:
        logger.debug("no suggestion for row %s: %s", analysis.index, err.code)
        return analysis
    except Exception as err:  # a rewrite problem must never cost the row or the report
        logger.warning("no suggestion for row %s: %s", analysis.index, type(err).__name__)
        return analysis
    return analysis.model_copy(update={"suggestions": tuple(found[:1])})


def finish_results(
    results: Iterable[AuditResult], *, ignore: tuple[str, ...] = (), suggestions: bool = True
) -> Iterator[AuditResult]:
    """Apply :func:`without_findings` and :func:`with_first_suggestion` to each result."""
    for result in results:
        analysis = result.analysis
        if analysis is None:
            yield result
            continue
        analysis = without_findings(analysis, ignore)
        if suggestions:
            analysis = with_first_suggestion(analysis)
        yield result.model_copy(update={"analysis": analysis})
