"""Pydantic models of the rewrite side of the knowledge base.

``interventions.yaml`` (actions and doses per concern), ``templates.yaml``
(sentence patterns, wording rules and the rewrite's own findings) and
``exercises.yaml`` (the practice bank). ``concerns.yaml`` is modelled once,
by ``smartcheck.kb.models.ConcernsFile``, for the analyzer and the rewrite.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smartcheck.kb.models import ConcernEntry, ConcernsFile, _Data
from smartcheck.models import Finding

SlotName = Literal[
    "action",
    "frequency",
    "duration",
    "quantity",
    "timeframe",
    "deadline",
    "purpose",
    "measure",
    "confidence",
]


class DoseFrequency(_Data):
    """A starting frequency, as text plus its normalised value."""

    text: str
    times: Annotated[float, Field(gt=0)]
    per: Literal["day", "week", "month"]


class DoseDuration(_Data):
    """A starting session length, as text plus seconds."""

    text: str
    seconds: Annotated[float, Field(gt=0)]


class KBTimeframe(_Data):
    """A typical first-review period for a concern."""

    text: str
    days: Annotated[int, Field(gt=0)]


class KBMeasure(_Data):
    """An outcome measure and a measurable criterion for a concern."""

    instrument: str
    criterion: str


class Intervention(_Data):
    """One concrete, evidence-based action with its typical starting dose."""

    id: str
    verb: str
    object: str = ""
    keywords: tuple[str, ...] = ()
    frequency: DoseFrequency | None = None
    duration: DoseDuration | None = None
    criterion: str | None = None


class ConcernInterventions(_Data):
    """Interventions, purpose, timeframe and measure of one concern."""

    purpose: str
    timeframe: KBTimeframe
    measure: KBMeasure
    goal_criterion: str | None = None
    graded: DoseFrequency | None = None
    actions: Annotated[tuple[Intervention, ...], Field(min_length=2, max_length=4)]


class Interventions(_Data):
    """``interventions.yaml``: concern id -> its interventions."""

    version: str
    concerns: dict[str, ConcernInterventions]


class Template(_Data):
    """A sentence pattern with named slots, chosen by finding id."""

    id: str
    findings: tuple[str, ...] = ()
    text: str


class Replacement(_Data):
    """A regular expression over goal text and what replaces it."""

    pattern: str
    replace: str = ""
    scope: Literal["body", "all"] = "all"


class AssistanceStep(_Data):
    """One rung of the assistance ladder used for GAS levels."""

    level: str
    text: str
    short: str


class Message(_Data):
    """A finding the rewrite engine returns; fields may hold {named} values."""

    id: str
    dimension: str
    severity: Literal["error", "warning", "info"]
    message: str
    fix: str


class Templates(_Data):
    """``templates.yaml``: sentence patterns, stems, removals and placeholders."""

    version: str
    templates: tuple[Template, ...]
    stems: tuple[str, ...]
    drop_action: tuple[str, ...]
    removals: tuple[Replacement, ...]
    placeholders: dict[SlotName, str]
    assistance_ladder: tuple[AssistanceStep, ...] = ()
    messages: dict[str, Message] = Field(default_factory=dict)
    generic_verbs: tuple[str, ...] = ()
    not_actors: tuple[str, ...] = ()
    clinical_subjects: tuple[str, ...] = ()


class Exercise(_Data):
    """One vague practice goal of the exercise bank."""

    id: str
    domain: str
    text: str
    context: str | None = None
    hint: str | None = None


class Exercises(_Data):
    """``exercises.yaml``: the exercise bank used by ``smartcheck practice``."""

    version: str
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]


class RewriteKB(_Data):
    """What the rewrite engine reads: interventions, templates and the concerns."""

    interventions: Interventions
    templates: Templates
    concerns: ConcernsFile

    def entry(self, concern: str | None) -> ConcernInterventions | None:
        """Return the interventions of ``concern`` or None when unknown."""
        return self.interventions.concerns.get(concern) if concern else None

    def finding(self, key: str, **values: str) -> Finding:
        """Build the finding ``key`` of templates.yaml, filling its {named} values."""
        entry = self.templates.messages[key]
        fields = {
            name: getattr(entry, name).format(**values)
            for name in ("id", "dimension", "message", "fix")
        }
        return Finding(severity=entry.severity, **fields)

    def terms(self, concern: str) -> ConcernEntry | None:
        """Return the concern ``concern`` of concerns.yaml (its trigger words)."""
        return next((c for c in self.concerns.concerns if c.id == concern), None)
