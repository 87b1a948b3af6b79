"""Pydantic models of the knowledge-base files in ``smartcheck/data``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.models import Dimension, Period, Severity


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ConcernEntry(_Data):
    """A therapeutic concern and the words that name it."""

    id: str
    label: str
    domain: str
    problem_terms: tuple[str, ...]
    activity_terms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


class ConcernsFile(_Data):
    """``concerns.yaml``."""

    version: str
    concerns: tuple[ConcernEntry, ...]


class Lexicon(_Data):
    """``lexicon.yaml``: word lists used by extractors and rubrics."""

    version: str
    state_verbs: frozenset[str]
    state_phrases: frozenset[str]
    outcome_phrases: frozenset[str]
    vague_verbs: frozenset[str]
    vague_phrases: tuple[str, ...]
    concrete_phrases: tuple[str, ...]
    chain_verbs: frozenset[str]
    change_verbs: frozenset[str]
    state_nouns: frozenset[str]
    umbrella_verbs: frozenset[str]
    umbrella_nouns: frozenset[str]
    nonspecific_modifiers: frozenset[str]
    single_event_verbs: frozenset[str]
    observable_verbs: frozenset[str]
    absolutes: tuple[str, ...]
    cure_words: tuple[str, ...]
    hedges: tuple[str, ...]
    vague_frequencies: tuple[str, ...]
    vague_times: tuple[str, ...]
    start_markers: tuple[str, ...]
    comparatives: frozenset[str]
    desire_markers: tuple[str, ...]
    other_people: frozenset[str]
    example_markers: tuple[str, ...]
    clinician_subjects: tuple[str, ...]
    client_subjects: frozenset[str]
    self_subjects: frozenset[str]
    functional_purposes: tuple[str, ...]
    clause_openers: frozenset[str]
    place_nouns: frozenset[str]
    not_objects: frozenset[str]
    time_nouns: frozenset[str]
    not_units: frozenset[str]
    question_starts: frozenset[str]
    comparators: dict[Literal["<", "<=", ">", ">="], tuple[str, ...]]
    duration_bounds: dict[Literal["min", "max"], tuple[str, ...]]
    every_occurrence: tuple[str, ...]


class UnitEntry(_Data):
    """One unit with its aliases and conversion to the dimension's base."""

    unit: str
    dimension: str
    factor: float
    aliases: tuple[str, ...]


class NamedQuantity(_Data):
    """A word that stands for a fixed amount ("marathon" = 42.195 km)."""

    value: float
    unit: str


class UnitsFile(_Data):
    """``units.yaml``."""

    version: str
    units: tuple[UnitEntry, ...]
    event_nouns: frozenset[str]
    named_quantities: dict[str, NamedQuantity] = Field(default_factory=dict)


class MeasureEntry(_Data):
    """A standard outcome measure."""

    id: str
    aliases: tuple[str, ...]
    concern: str | None
    min: float
    max: float
    direction: Literal["lower", "higher"]


class MeasuresFile(_Data):
    """``measures.yaml``."""

    version: str
    measures: tuple[MeasureEntry, ...]


class AssistanceLevel(_Data):
    """An assistance or cueing level."""

    level: str
    rank: float
    aliases: tuple[str, ...]


class AssistanceFile(_Data):
    """``assistance.yaml``."""

    version: str
    levels: tuple[AssistanceLevel, ...]


class Limit(_Data):
    """A plausibility limit on a dose for some activities."""

    id: str
    activities: frozenset[str]
    dimension: Literal["time", "length"]
    max: float
    max_recovering: float
    message: str


class StrenuousEvents(_Data):
    """Events flagged when recovering or due too soon."""

    terms: tuple[str, ...]
    min_days: int


class PlausibilityFile(_Data):
    """``plausibility.yaml``."""

    version: str
    recovery_terms: tuple[str, ...]
    limits: tuple[Limit, ...]
    strenuous_events: StrenuousEvents
    full_load_terms: tuple[str, ...]
    max_weight_loss_kg_per_week: float


class Rate(_Data):
    """A fixed frequency."""

    times: float
    per: Period


class NumbersFile(_Data):
    """``numbers.yaml``."""

    version: str
    words: dict[str, float]
    frequency_words: dict[str, Rate]
    period_words: dict[str, Period]


class FindingSpec(_Data):
    """A finding's dimension, severity, message and fix, by id."""

    dimension: Dimension
    severity: Severity
    message: str
    fix: str


class FindingsFile(_Data):
    """``findings.yaml``."""

    version: str
    findings: dict[str, FindingSpec]


class ClassThresholds(_Data):
    """How many counted dimensions make each class."""

    smart_min: int = Field(ge=1)
    partial_min: int = Field(ge=0)


class Profile(_Data):
    """A scoring profile (``profiles/*.yaml``)."""

    version: str
    name: str
    description: str
    counted: tuple[Dimension, ...]
    achievable_requires_confidence: bool
    min_confidence: float = Field(ge=0.0, le=1.0)
    classes: ClassThresholds


class PatternSpec(_Data):
    """A regular expression that proposes candidate spans of one element kind."""

    id: str
    kind: Literal["frequency", "duration", "timeframe", "measure", "confidence"]
    regex: str


class PatternsFile(_Data):
    """``patterns.yaml``: candidate-span regexes with shared macros."""

    version: str
    macros: dict[str, str]
    patterns: tuple[PatternSpec, ...]
    date: str


class KnowledgeBase(_Data):
    """Everything smartcheck knows, validated and frozen."""

    version: str
    lexicon: Lexicon
    concerns: tuple[ConcernEntry, ...]
    units: UnitsFile
    measures: tuple[MeasureEntry, ...]
    assistance: tuple[AssistanceLevel, ...]
    plausibility: PlausibilityFile
    numbers: NumbersFile
    patterns: PatternsFile
    findings: dict[str, FindingSpec]
    profiles: dict[str, Profile]

    def concern(self, concern_id: str) -> ConcernEntry | None:
        """Return the concern with ``concern_id``, if any."""
        for entry in self.concerns:
            if entry.id == concern_id:
                return entry
        return None

    def profile(self, name: str) -> Profile:
        """Return the profile called ``name`` or raise ``ConfigError``."""
        from smartcheck.errors import ConfigError

        try:
            return self.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.profiles))
            raise ConfigError(f"unknown profile {name!r}; known profiles: {known}") from None


SafetyConfidence = Literal["src", "conv", "unv"]


class SafetyRule(_Data):
    """One clinical safety rule (``safety.yaml``; facts and sources in shared/safety.md).

    Patterns are case-insensitive regular expressions. A rule fires when a
    ``triggers`` pattern matches the context or the goal, a ``goal_triggers``
    pattern matches the goal, or it is ``always`` on.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    section: str
    priority: int = 0
    always: bool = False
    safe_first: bool = False
    triggers: tuple[str, ...] = ()
    goal_triggers: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    forbid_unsupervised: tuple[str, ...] = ()
    allow_if: tuple[str, ...] = ()
    introduced_only: bool = False
    require_any: tuple[str, ...] = ()
    require_when: tuple[str, ...] = ()
    route: str = ""
    safe_goals: tuple[str, ...] = ()
    why: str
    sources: tuple[str, ...] = Field(min_length=1)
    confidence: SafetyConfidence

    @property
    def finding_id(self) -> str:
        """The finding id reported when this rule fires or is broken."""
        return f"safety.{self.id}"

    def patterns(self) -> tuple[str, ...]:
        """Every regular expression of the rule (for compile checks)."""
        return (
            *self.triggers,
            *self.goal_triggers,
            *self.forbid,
            *self.forbid_unsupervised,
            *self.allow_if,
            *self.require_any,
            *self.require_when,
        )


class SafetyFile(_Data):
    """``safety.yaml``: the clinical safety rules every suggestion must pass."""

    version: str
    rules: tuple[SafetyRule, ...] = Field(min_length=1)
