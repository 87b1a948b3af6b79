"""Load and validate the rewrite knowledge base (interventions, templates, exercises)."""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from smartcheck.errors import KnowledgeBaseError
from smartcheck.models import Finding

logger = logging.getLogger(__name__)

DATA_PACKAGE = "smartcheck.data"
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


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DoseFrequency(_Frozen):
    """A starting frequency, as text plus its normalised value."""

    text: str
    times: Annotated[float, Field(gt=0)]
    per: Literal["day", "week", "month"]


class DoseDuration(_Frozen):
    """A starting session length, as text plus seconds."""

    text: str
    seconds: Annotated[float, Field(gt=0)]


class KBTimeframe(_Frozen):
    """A typical first-review period for a concern."""

    text: str
    days: Annotated[int, Field(gt=0)]


class KBMeasure(_Frozen):
    """An outcome measure and a measurable criterion for a concern."""

    instrument: str
    criterion: str


class Intervention(_Frozen):
    """One concrete, evidence-based action with its typical starting dose."""

    id: str
    verb: str
    object: str = ""
    keywords: tuple[str, ...] = ()
    frequency: DoseFrequency | None = None
    duration: DoseDuration | None = None
    criterion: str | None = None


class ConcernEntry(_Frozen):
    """Interventions, purpose, timeframe and measure of one concern."""

    purpose: str
    timeframe: KBTimeframe
    measure: KBMeasure
    goal_criterion: str | None = None
    graded: DoseFrequency | None = None
    actions: Annotated[tuple[Intervention, ...], Field(min_length=2, max_length=4)]


class Interventions(_Frozen):
    """The interventions file: concern id -> entry."""

    version: str
    concerns: dict[str, ConcernEntry]


class Template(_Frozen):
    """A sentence pattern with named slots, chosen by finding id."""

    id: str
    findings: tuple[str, ...] = ()
    text: str


class Replacement(_Frozen):
    """A regular expression over goal text and what replaces it."""

    pattern: str
    replace: str = ""
    scope: Literal["body", "all"] = "all"


class AssistanceStep(_Frozen):
    """One rung of the assistance ladder used for GAS levels."""

    level: str
    text: str
    short: str


class Message(_Frozen):
    """A finding the rewrite engine returns; fields may hold {named} values."""

    id: str
    dimension: str
    severity: Literal["error", "warning", "info"]
    message: str
    fix: str


class Templates(_Frozen):
    """The templates file: sentence patterns, stems, removals and placeholders."""

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


class Exercise(_Frozen):
    """One vague practice goal of the exercise bank."""

    id: str
    domain: str
    text: str
    context: str | None = None
    hint: str | None = None


class Exercises(_Frozen):
    """The exercise bank used by ``smartcheck practice``."""

    version: str
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]


class ConcernTerms(BaseModel):
    """The part of the lead's concerns.yaml the rewrite engine reads."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    domain: str = ""
    problem_terms: tuple[str, ...] = ()
    activity_terms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


class ConcernList(BaseModel):
    """The list of concerns with their trigger words."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    version: str = ""
    concerns: tuple[ConcernTerms, ...]


class RewriteKB(_Frozen):
    """Everything the rewrite engine needs, loaded once."""

    interventions: Interventions
    templates: Templates
    concerns: ConcernList

    def entry(self, concern: str | None) -> ConcernEntry | None:
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

    def terms(self, concern: str) -> ConcernTerms | None:
        """Return the trigger words of ``concern``."""
        return next((c for c in self.concerns.concerns if c.id == concern), None)


def _read_yaml(name: str, path: Path | None = None) -> Any:
    """Read a YAML file from package data (or from ``path``)."""
    try:
        if path is not None:
            raw = path.read_text(encoding="utf-8")
        else:
            raw = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
        return yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"cannot read {name}: {err}") from err


def _validate(model: type[BaseModel], name: str, data: Any) -> Any:
    """Validate ``data`` into ``model``, naming the file in errors."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise KnowledgeBaseError(f"invalid {name}: {err}") from err


def load_interventions(path: Path | None = None) -> Interventions:
    """Load interventions.yaml (or a clinic's own file at ``path``)."""
    data: Interventions = _validate(
        Interventions, "interventions.yaml", _read_yaml("interventions.yaml", path)
    )
    return data


def load_templates(path: Path | None = None) -> Templates:
    """Load templates.yaml and check that its patterns compile."""
    data: Templates = _validate(Templates, "templates.yaml", _read_yaml("templates.yaml", path))
    for pattern in (*data.stems, *data.drop_action, *(r.pattern for r in data.removals)):
        try:
            re.compile(pattern)
        except re.error as err:
            raise KnowledgeBaseError(f"invalid pattern in templates.yaml: {pattern!r}") from err
    return data


def load_exercises(path: Path | None = None) -> Exercises:
    """Load the exercise bank used by ``smartcheck practice``."""
    data: Exercises = _validate(Exercises, "exercises.yaml", _read_yaml("exercises.yaml", path))
    return data


def load_concern_terms(path: Path | None = None) -> ConcernList:
    """Load the concern ids and trigger words from concerns.yaml."""
    data: ConcernList = _validate(ConcernList, "concerns.yaml", _read_yaml("concerns.yaml", path))
    return data


@functools.lru_cache(maxsize=1)
def load_rewrite_kb() -> RewriteKB:
    """Return the packaged rewrite knowledge base (cached, frozen)."""
    kb = RewriteKB(
        interventions=load_interventions(),
        templates=load_templates(),
        concerns=load_concern_terms(),
    )
    check_references(kb)
    logger.debug("rewrite kb loaded: %d concerns", len(kb.interventions.concerns))
    return kb


#: Templates the engine chooses by id (not by finding).
ENGINE_TEMPLATES: tuple[str, ...] = ("replace_action", "keep_goal", "pair_action")


def check_references(kb: RewriteKB) -> None:
    """Cross-check the rewrite files with each other and with the finding catalogue.

    Every intervention concern is a concern of concerns.yaml, every template
    the engine names exists, every finding id a template is chosen by is in
    findings.yaml (or a dotted prefix of one), and every message id without
    a ``{slot}`` is in findings.yaml.
    """
    from smartcheck.kb.loader import default_kb

    known = {c.id for c in kb.concerns.concerns}
    missing = sorted(set(kb.interventions.concerns) - known)
    if missing:
        raise KnowledgeBaseError(f"interventions.yaml: unknown concern ids {missing}")
    ids = {t.id for t in kb.templates.templates}
    for name in ENGINE_TEMPLATES:
        if name not in ids:
            raise KnowledgeBaseError(f"templates.yaml: the engine needs a template {name!r}")
    findings = set(default_kb().findings)
    for template in kb.templates.templates:
        for fid in template.findings:
            if not any(f == fid or f.startswith(fid + ".") for f in findings):
                raise KnowledgeBaseError(
                    f"templates.yaml: template {template.id!r} names unknown finding {fid!r}"
                )


def merge_interventions(base: Interventions, extra: Interventions) -> Interventions:
    """Return ``base`` with the concerns of a clinic's ``extra`` file added or replaced."""
    return Interventions(version=extra.version, concerns={**base.concerns, **extra.concerns})


def clinic_kb(interventions: Path, concerns: Path | None = None) -> RewriteKB:
    """Return the packaged knowledge base extended with a clinic's own files.

    ``interventions`` has the format of interventions.yaml; ``concerns`` (the
    format of concerns.yaml) adds trigger words for new concern ids. Pass the
    result to ``smartcheck.rewrite.rewrite(..., kb=...)``.
    """
    base = load_rewrite_kb()
    merged = merge_interventions(base.interventions, load_interventions(interventions))
    terms = base.concerns
    if concerns is not None:
        extra = load_concern_terms(concerns)
        known = {c.id for c in extra.concerns}
        kept = tuple(c for c in terms.concerns if c.id not in known)
        terms = ConcernList(version=terms.version, concerns=kept + extra.concerns)
    return RewriteKB(interventions=merged, templates=base.templates, concerns=terms)
