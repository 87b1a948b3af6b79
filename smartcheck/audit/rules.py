"""Load the goal-extraction rules from package data into a frozen, compiled model."""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from smartcheck.errors import KnowledgeBaseError

_DATA_DIR = "data/audit"
_RULES_FILE = "extraction.yaml"


class ExtractionRules(BaseModel):
    """The validated contents of ``data/audit/extraction.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    goal_headings: tuple[str, ...]
    non_goal_headings: tuple[str, ...]
    inline_goal_heading: str
    max_label_words: int
    max_goal_words: int
    past_tense_opener: str
    narrative_openers: tuple[str, ...]
    confidence_tail: str
    commitment: str
    goal_signals: tuple[str, ...]
    abbreviations: tuple[str, ...]


class CompiledRules:
    """Regular expressions built once from :class:`ExtractionRules`."""

    def __init__(self, rules: ExtractionRules) -> None:
        flags = re.IGNORECASE
        self.rules = rules
        self.goal_heading = re.compile("|".join(rules.goal_headings), flags)
        self.non_goal_heading = re.compile("|".join(rules.non_goal_headings), flags)
        self.inline_heading = re.compile(
            r"(?:(?<=^)|(?<=[\s.;]))(?P<h>" + rules.inline_goal_heading + r")\s*:[ \t]+(?![(\d])",
            flags | re.MULTILINE,
        )
        self.narrative = re.compile(r"^(?:" + "|".join(rules.narrative_openers) + ")", flags)
        self.confidence_tail = re.compile(
            r"\s*" + rules.confidence_tail + r"\s*(?=[.;]?\s|$)", flags
        )
        self.commitment = re.compile(rules.commitment, flags)
        self.goal_signal = re.compile("|".join(rules.goal_signals), flags)
        self.abbreviations = frozenset(a.lower() for a in rules.abbreviations)
        self.max_label_words = rules.max_label_words
        self.max_goal_words = rules.max_goal_words
        self.past_tense = re.compile(rules.past_tense_opener)


def read_data_text(name: str) -> str:
    """Return the text of ``smartcheck/data/audit/<name>``."""
    path = resources.files("smartcheck").joinpath(_DATA_DIR, name)
    return path.read_text(encoding="utf-8")


def _load_yaml(name: str) -> object:
    text = read_data_text(name)
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1)
def load_rules() -> CompiledRules:
    """Return the compiled extraction rules (loaded and validated once)."""
    try:
        rules = ExtractionRules.model_validate(_load_yaml(_RULES_FILE))
        return CompiledRules(rules)
    except (ValidationError, yaml.YAMLError, re.error) as err:
        raise KnowledgeBaseError(f"smartcheck/{_DATA_DIR}/{_RULES_FILE}: {err}") from err
