"""Training feedback: compare a trainee's rewrite with the original goal."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Literal

from smartcheck.errors import EmptyInputError
from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import DIMENSIONS, Dimension, GoalAnalysis, RewriteFeedback
from smartcheck.rewrite import safety
from smartcheck.rewrite.concerns import find_concerns, goal_concerns
from smartcheck.rewrite.verify import Analyze, as_analysis, keeps_action

logger = logging.getLogger(__name__)


class EmptyRewriteError(EmptyInputError):
    """``compare()`` was given an empty rewrite: there is nothing to give feedback on."""

    code = "empty_rewrite"


Verdict = Literal["smart", "improved", "unchanged", "worse", "off_topic", "unsafe"]

_NAMES: dict[Dimension, str] = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


def concerns_of(analysis: GoalAnalysis, kb: RewriteKB, *, context: str | None) -> set[str]:
    """Return the concerns a goal is about: named, implied by its activity, or in its context."""
    found = set(goal_concerns(analysis)) | set(find_concerns(analysis.text, kb, activities=True))
    return found | set(find_concerns(context, kb))


def _names(dims: tuple[Dimension, ...]) -> str:
    """Join dimension names for a message ("Measurable and Time-bound")."""
    names = [_NAMES[d] for d in dims]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _verdict(
    rewrite: GoalAnalysis,
    improved: tuple[Dimension, ...],
    regressed: tuple[Dimension, ...],
    kept_concern: bool,
) -> Verdict:
    """Classify the rewrite: off topic, SMART, improved, unchanged or worse."""
    if not kept_concern:
        return "off_topic"
    if rewrite.label == "SMART":
        return "smart"
    if len(improved) > len(regressed):
        return "improved"
    return "worse" if regressed else "unchanged"


def _message(verdict: str, improved: tuple[Dimension, ...], missing: tuple[Dimension, ...]) -> str:
    """Write the one-paragraph summary shown to the trainee."""
    parts = {
        "off_topic": "The rewrite no longer addresses the original concern.",
        "unsafe": "The rewrite is not safe for this person; see the safety findings.",
        "smart": "The rewrite is SMART.",
        "improved": "The rewrite is better than the original.",
        "unchanged": "The rewrite meets the same dimensions as the original.",
        "worse": "The rewrite meets fewer dimensions than the original.",
    }
    out = [parts[verdict]]
    if improved:
        out.append(f"Now met: {_names(improved)}.")
    if missing:
        out.append(f"Still missing: {_names(missing)}.")
    return " ".join(out)


def compare(
    original: str | GoalAnalysis,
    rewrite: str | GoalAnalysis,
    *,
    context: str | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
) -> RewriteFeedback:
    """Give feedback on ``rewrite`` as a rewrite of ``original``, dimension by dimension."""
    if isinstance(rewrite, str) and not rewrite.strip():
        raise EmptyRewriteError("compare() needs a rewrite: the rewrite text is empty")
    before = as_analysis(original, context, reference_date, analyze)
    ctx = context if context is not None else before.context
    after = as_analysis(rewrite, ctx, before.reference_date, analyze, before.profile)
    improved = tuple(d for d in DIMENSIONS if after.met[d] and not before.met[d])
    missing = tuple(d for d in DIMENSIONS if not after.met[d])
    regressed = tuple(d for d in DIMENSIONS if before.met[d] and not after.met[d])
    kb = load_rewrite_kb()
    wanted = concerns_of(before, kb, context=ctx)
    got = concerns_of(after, kb, context=None)
    kept_concern = not wanted or bool(wanted & got)
    verdict: Verdict = _verdict(after, improved, regressed, kept_concern)
    findings = tuple(f for f in after.findings if f.dimension in missing and f.severity != "info")
    fired = safety.fired_rules(f"{before.text}\n{after.text}", ctx)  # the rewrite may name the drug
    unsafe = safety.violations(after.text, goal=before.text, context=ctx, fired=fired)
    if unsafe:  # a rewrite that breaks a safety rule is never SMART or improved
        verdict = "unsafe"
        findings = (*safety.findings_for(unsafe), *findings)
    return RewriteFeedback(
        original=before,
        rewrite=after,
        improved=improved,
        still_missing=missing,
        regressed=regressed,
        findings=findings,
        kept_concern=kept_concern,
        kept_action=keeps_action(before, after),
        concerns=tuple(sorted(wanted & got if kept_concern and wanted else got)),
        verdict=verdict,
        message=_message(verdict, improved, missing),
    )
