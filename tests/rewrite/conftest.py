"""Fixtures of the rewrite tests: hand-built analyses (no spaCy) and the knowledge base."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from smartcheck.kb.loader import load_rewrite_kb
from smartcheck.kb.rewrite_models import RewriteKB
from smartcheck.models import (
    DIMENSIONS,
    Action,
    Actor,
    Dimensions,
    DimensionScore,
    Elements,
    Finding,
    GoalAnalysis,
    Provenance,
)

REF = dt.date(2026, 1, 5)


def span(text: str, part: str) -> dict[str, Any]:
    """Return start/end/text of ``part`` inside ``text``."""
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def make_analysis(
    text: str,
    *,
    met: str = "00000",
    context: str | None = None,
    actor: str | None = "I",
    role: str = "self",
    verb: str | None = None,
    lemma: str | None = None,
    obj: str | None = None,
    kind: str = "behavior",
    issue: str | None = None,
    negated: bool = False,
    findings: tuple[Finding, ...] = (),
    **elements: Any,
) -> GoalAnalysis:
    """Build an analysis of ``text``; ``met`` is a 5-char S/M/A/R/T bit string."""
    els: dict[str, Any] = dict(elements)
    if actor is not None and re.search(rf"\b{re.escape(actor)}\b", text):
        els["actors"] = (Actor(role=role, **span(text, actor)),)
    if verb is not None:
        els["actions"] = (
            Action(
                lemma=lemma or verb,
                object=obj,
                kind=kind,
                issue=issue,
                negated=negated,
                **span(text, verb),
            ),
        )
    flags = dict(zip(DIMENSIONS, (c == "1" for c in met), strict=True))
    scores = {
        d: DimensionScore(
            dimension=d,
            met=ok,
            score=1.0 if ok else 0.0,
            findings=tuple(f for f in findings if f.dimension == d),
        )
        for d, ok in flags.items()
    }
    count = sum(flags.values())
    label = "SMART" if count == 5 else "Partially SMART" if count >= 3 else "Not SMART"
    return GoalAnalysis(
        text=text,
        context=context,
        reference_date=REF,
        profile="therapy",
        label=label,
        score=count * 20.0,
        dimensions=Dimensions(**scores),
        elements=Elements(**els),
        findings=findings,
        provenance=Provenance(
            smartcheck_version="0",
            kb_version="0",
            spacy_model="none",
            spacy_model_version="0",
        ),
    )


@pytest.fixture(scope="session")
def kb() -> RewriteKB:
    """Return the packaged rewrite knowledge base."""
    return load_rewrite_kb()


@pytest.fixture
def make() -> Callable[..., GoalAnalysis]:
    """Return the hand-built analysis factory."""
    return make_analysis


@pytest.fixture
def at() -> Callable[[str, str], dict[str, Any]]:
    """Return the span helper: ``at(text, part)`` -> start/end/text."""
    return span
