"""Load and validate the knowledge base shipped in ``smartcheck/data``."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from smartcheck.errors import KnowledgeBaseError
from smartcheck.kb.models import (
    AbbreviationsFile,
    AssistanceFile,
    ConcernsFile,
    FindingsFile,
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


def _check_references(kb: KnowledgeBase) -> None:
    ids = {c.id for c in kb.concerns}
    if len(ids) != len(kb.concerns):
        raise KnowledgeBaseError("concerns.yaml: concern ids must be unique")
    for concern in kb.concerns:
        for rel in concern.related:
            if rel not in ids:
                raise KnowledgeBaseError(
                    f"concerns.yaml: concern {concern.id!r} relates to unknown concern {rel!r}"
                )
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
