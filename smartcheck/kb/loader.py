"""Load and validate the knowledge base shipped in ``smartcheck/data``."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from smartcheck.errors import KnowledgeBaseError
from smartcheck.kb.models import (
    AbbreviationsFile,
    AssistanceFile,
    ConcernEntry,
    ConcernsFile,
    FindingsFile,
    FindingSpec,
    KnowledgeBase,
    Lexicon,
    MeasuresFile,
    NonGoalsFile,
    NumbersFile,
    PatternsFile,
    PlausibilityFile,
    Profile,
    SafetyFile,
    UnitsFile,
)
from smartcheck.kb.rewrite_models import Exercises, Interventions, RewriteKB, Templates
from smartcheck.models import DIMENSIONS

logger = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


def read_yaml(name: str, *, root: Path | None = None) -> Any:
    """Read one YAML data file from the package (or from ``root``)."""
    try:
        if root is not None:
            text = (root / name).read_text(encoding="utf-8")
        else:
            text = resources.files("smartcheck").joinpath("data", name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"cannot read knowledge-base file {name}: {err}") from err


def parse_file(name: str, model: type[M], *, root: Path | None = None) -> M:
    """Validate a data file into ``model``; errors name the file and the key."""
    data = read_yaml(name, root=root)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KnowledgeBaseError(f"{name}: invalid value at {where}: {first['msg']}") from err


def _check_concerns(concerns: tuple[ConcernEntry, ...], name: str = "concerns.yaml") -> None:
    """Concern ids are unique and every ``related`` id is a concern."""
    ids = {c.id for c in concerns}
    if len(ids) != len(concerns):
        raise KnowledgeBaseError(f"{name}: concern ids must be unique")
    for concern in concerns:
        for rel in concern.related:
            if rel not in ids:
                raise KnowledgeBaseError(
                    f"{name}: concern {concern.id!r} relates to unknown concern {rel!r}"
                )


def _check_references(kb: KnowledgeBase) -> None:
    _check_concerns(kb.concerns)
    ids = {c.id for c in kb.concerns}
    for measure in kb.measures:
        if measure.concern is not None and measure.concern not in ids:
            raise KnowledgeBaseError(
                f"measures.yaml: measure {measure.id!r} names unknown concern {measure.concern!r}"
            )


def _optional(name: str, model: type[M], root: Path | None) -> M:
    """Read a data file added after custom KB directories existed; fall back to the packaged one."""
    if root is not None and not (root / name).is_file():
        root = None
    return parse_file(name, model, root=root)


def load_kb(root: Path | None = None) -> KnowledgeBase:
    """Load the knowledge base from the package data, or from a directory ``root``."""
    profiles_dir = "profiles"
    if root is not None:
        names = sorted(p.name for p in (root / profiles_dir).glob("*.yaml"))
    else:
        folder = resources.files("smartcheck").joinpath("data", profiles_dir)
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    profiles = {}
    for name in names:
        profile = parse_file(f"{profiles_dir}/{name}", Profile, root=root)
        profiles[profile.name] = profile
    concerns = parse_file("concerns.yaml", ConcernsFile, root=root)
    shorthand = _optional("abbreviations.yaml", AbbreviationsFile, root)
    kb = KnowledgeBase(
        version=concerns.version,
        lexicon=parse_file("lexicon.yaml", Lexicon, root=root),
        concerns=concerns.concerns,
        units=parse_file("units.yaml", UnitsFile, root=root),
        measures=parse_file("measures.yaml", MeasuresFile, root=root).measures,
        assistance=parse_file("assistance.yaml", AssistanceFile, root=root).levels,
        plausibility=parse_file("plausibility.yaml", PlausibilityFile, root=root),
        numbers=parse_file("numbers.yaml", NumbersFile, root=root),
        patterns=parse_file("patterns.yaml", PatternsFile, root=root),
        findings=parse_file("findings.yaml", FindingsFile, root=root).findings,
        profiles=profiles,
        abbreviations=shorthand.entries,
        activity_nouns=shorthand.activity_nouns,
        body_nouns=shorthand.body_nouns,
        non_goals=_optional("non_goals.yaml", NonGoalsFile, root),
    )
    _check_references(kb)
    logger.debug("knowledge base %s loaded (%d concerns)", kb.version, len(kb.concerns))
    return kb


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """Return the cached knowledge base shipped with the package."""
    return load_kb()


#: Finding ids the safety layer reports besides one per rule.
SAFETY_EXTRA_FINDINGS: tuple[str, ...] = ("safety.reduction_minimum", "safety.quit_downgraded")


def load_safety(root: Path | None = None, *, findings: Iterable[str] | None = None) -> SafetyFile:
    """Load ``safety.yaml``, compile its patterns and check its finding ids.

    Every rule reports the finding ``safety.<id>``, which must be in the
    finding catalogue (``findings``, by default the packaged findings.yaml).
    """
    data = parse_file("safety.yaml", SafetyFile, root=root)
    ids = [rule.id for rule in data.rules]
    if len(set(ids)) != len(ids):
        raise KnowledgeBaseError("safety.yaml: rule ids must be unique")
    known = set(findings) if findings is not None else set(default_kb().findings)
    for rule in data.rules:
        if rule.finding_id not in known:
            raise KnowledgeBaseError(
                f"safety.yaml: rule {rule.id!r} has no finding {rule.finding_id!r} in findings.yaml"
            )
        for pattern in rule.patterns():
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as err:
                raise KnowledgeBaseError(
                    f"safety.yaml: rule {rule.id!r} has an invalid pattern {pattern!r}: {err}"
                ) from err
        for text in (rule.route, *rule.safe_goals):
            if re.sub(r"{(?:actor|poss|subj)}", "", text).count("{"):
                raise KnowledgeBaseError(
                    f"safety.yaml: rule {rule.id!r} uses an unknown slot in {text!r}"
                )
    for extra in SAFETY_EXTRA_FINDINGS:
        if extra not in known:
            raise KnowledgeBaseError(f"findings.yaml lacks the safety finding {extra!r}")
    return data


@functools.lru_cache(maxsize=1)
def default_safety() -> SafetyFile:
    """Return the cached safety rules shipped with the package."""
    return load_safety()


# --------------------------------------------------------------------------- rewrite side


def _parse_at(name: str, model: type[M], path: Path | None) -> M:
    """Validate the packaged file ``name``, or a clinic's own file at ``path`` in its format."""
    if path is None:
        return parse_file(name, model)
    return parse_file(path.name, model, root=path.parent)


def load_interventions(path: Path | None = None) -> Interventions:
    """Load interventions.yaml (or a clinic's own file at ``path``)."""
    return _parse_at("interventions.yaml", Interventions, path)


def load_templates(path: Path | None = None) -> Templates:
    """Load templates.yaml (or the file at ``path``) and check that its patterns compile."""
    data = _parse_at("templates.yaml", Templates, path)
    name = path.name if path is not None else "templates.yaml"
    for pattern in (*data.stems, *data.drop_action, *(r.pattern for r in data.removals)):
        try:
            re.compile(pattern)
        except re.error as err:
            raise KnowledgeBaseError(f"{name}: invalid pattern {pattern!r}: {err}") from err
    return data


def load_exercises(path: Path | None = None) -> Exercises:
    """Load the exercise bank used by ``smartcheck practice`` (ids must be unique)."""
    data = _parse_at("exercises.yaml", Exercises, path)
    ids = [e.id for e in data.exercises]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        name = path.name if path is not None else "exercises.yaml"
        raise KnowledgeBaseError(f"{name}: exercise id {repeated[0]!r} is used twice")
    return data


def load_concerns(path: Path | None = None) -> ConcernsFile:
    """Load concerns.yaml (or a clinic's own file at ``path``, in the same format).

    Its ``related`` ids are checked where the file is used: by ``load_kb`` for
    the packaged file, by ``clinic_kb`` against the merged concerns.
    """
    return _parse_at("concerns.yaml", ConcernsFile, path)


#: Templates the rewrite engine chooses by id (not by finding).
ENGINE_TEMPLATES: tuple[str, ...] = ("replace_action", "keep_goal", "pair_action")
#: Messages of templates.yaml the rewrite engine returns by key.
ENGINE_MESSAGES: tuple[str, ...] = (
    "empty",
    "question",
    "progress_note",
    "symptom_report",
    "plan_of_care",
    "heading",
    "junk",
    "already_smart",
    "gas_needs_smart_goal",
    "gas_no_quantity",
)


def check_rewrite_references(kb: RewriteKB, findings: Mapping[str, FindingSpec]) -> None:
    """Cross-check the rewrite files with concerns.yaml and the finding catalogue.

    Every concern of interventions.yaml is a concern of concerns.yaml; every
    template and message the engine names exists; every finding a message
    returns is in ``findings`` (the catalogue of findings.yaml) with the same
    dimension and severity, and every finding id a template is chosen by is in
    it (or a dotted prefix of one). Raises ``KnowledgeBaseError`` naming the
    file and the id.
    """
    known = {c.id for c in kb.concerns.concerns}
    for concern in kb.interventions.concerns:
        if concern not in known:
            raise KnowledgeBaseError(
                f"interventions.yaml: concern {concern!r} is not in concerns.yaml"
            )
    ids = {t.id for t in kb.templates.templates}
    for name in ENGINE_TEMPLATES:
        if name not in ids:
            raise KnowledgeBaseError(f"templates.yaml: the engine needs a template {name!r}")
    for key in ENGINE_MESSAGES:
        if key not in kb.templates.messages:
            raise KnowledgeBaseError(f"templates.yaml: the engine needs a message {key!r}")
    catalogue = dict(findings)
    for key, message in kb.templates.messages.items():
        for dimension in DIMENSIONS if "{dimension}" in message.id else (message.dimension,):
            fid = message.id.replace("{dimension}", dimension)
            spec = catalogue.get(fid)
            if spec is None:
                raise KnowledgeBaseError(
                    f"templates.yaml: message {key!r} names finding {fid!r}, "
                    "which is not in findings.yaml"
                )
            if (spec.dimension, spec.severity) != (dimension, message.severity):
                raise KnowledgeBaseError(
                    f"templates.yaml: message {key!r} gives finding {fid!r} another "
                    "dimension or severity than findings.yaml"
                )
    for template in kb.templates.templates:
        for fid in template.findings:
            if not any(f == fid or f.startswith(fid + ".") for f in catalogue):
                raise KnowledgeBaseError(
                    f"templates.yaml: template {template.id!r} names unknown finding {fid!r}"
                )


def read_rewrite_kb(root: Path | None = None) -> RewriteKB:
    """Load and cross-check the rewrite files of the package (or of the directory ``root``).

    concerns.yaml and findings.yaml are those of ``load_kb(root)``: the
    analyzer and the rewrite read one set of concerns.
    """
    base = default_kb() if root is None else load_kb(root)
    kb = RewriteKB(
        interventions=load_interventions(None if root is None else root / "interventions.yaml"),
        templates=load_templates(None if root is None else root / "templates.yaml"),
        concerns=ConcernsFile(version=base.version, concerns=base.concerns),
    )
    check_rewrite_references(kb, base.findings)
    return kb


@functools.lru_cache(maxsize=1)
def load_rewrite_kb() -> RewriteKB:
    """Return the packaged rewrite knowledge base (cached, frozen, cross-checked)."""
    kb = read_rewrite_kb()
    logger.debug("rewrite kb loaded: %d concerns", len(kb.interventions.concerns))
    return kb


def merge_interventions(base: Interventions, extra: Interventions) -> Interventions:
    """Return ``base`` with the concerns of a clinic's ``extra`` file added or replaced."""
    return Interventions(version=extra.version, concerns={**base.concerns, **extra.concerns})


def clinic_kb(interventions: Path, concerns: Path | None = None) -> RewriteKB:
    """Return the packaged knowledge base extended with a clinic's own files.

    ``interventions`` has the format of interventions.yaml; ``concerns`` (the
    format of concerns.yaml) adds or replaces concerns and their trigger
    words. Pass the result to ``smartcheck.orchestrate.rewrite(..., kb=...)``.
    The merged files are cross-checked like the packaged ones.
    """
    base = load_rewrite_kb()
    merged = merge_interventions(base.interventions, load_interventions(interventions))
    terms = base.concerns
    if concerns is not None:
        extra = load_concerns(concerns)
        replaced = {c.id for c in extra.concerns}
        kept = tuple(c for c in terms.concerns if c.id not in replaced)
        terms = ConcernsFile(version=terms.version, concerns=kept + extra.concerns)
        _check_concerns(terms.concerns, concerns.name)
    kb = RewriteKB(interventions=merged, templates=base.templates, concerns=terms)
    check_rewrite_references(kb, default_kb().findings)
    return kb
