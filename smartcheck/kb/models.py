"""Pydantic models of the knowledge-base files in ``smartcheck/data``."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from smartcheck.models import Concern, ConcernSource, Dimension, Period, Severity


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ConcernEntry(_Data):
    """A therapeutic concern and the words that name it."""

    id: str
    #: How reports name the concern; a clinic's own concerns file may leave it out
    #: (it is then the id with spaces).
    label: str
    domain: str
    problem_terms: tuple[str, ...]
    activity_terms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    #: Words that describe a situation in a context ("injury", "post-op"), not a
    #: diagnosis: they can confirm a link to this concern but never rule one out.
    context_terms: tuple[str, ...] = ()
    #: Verbs that name this concern when they have no object ("drink less" = alcohol).
    bare_verbs: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _default_label(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("label") and isinstance(data.get("id"), str):
            return {**data, "label": data["id"].replace("_", " ")}
        return data

    def mention(self, start: int, end: int, text: str, source: ConcernSource) -> Concern:
        """Return the ``Concern`` element for a span of the goal that names this concern."""
        return Concern(
            start=start, end=end, text=text, concern=self.id, domain=self.domain, source=source
        )


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
    #: Family and carer roles that own a caregiver goal when they open it unpossessed
    #: ("Mother will read to the child", "Parents will use the chart"; not "my mother will").
    caregiver_subjects: frozenset[str] = frozenset()
    self_subjects: frozenset[str]
    functional_purposes: tuple[str, ...]
    #: Words that make a purpose clause functional ("to return home safely").
    functional_purpose_words: frozenset[str] = frozenset()
    #: Confidence said in words after the goal ("— very confident"), with the value it states.
    confidence_words: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(
        default_factory=dict
    )
    #: Context words too general to link a goal by repeating them ("home", "daily", "new").
    generic_context_words: frozenset[str] = frozenset()
    #: Concern domains about inner experience: a goal that is only a feeling belongs here.
    inner_domains: frozenset[str] = frozenset()
    #: States that are observable behaviours after remain/stay/keep ("remain seated").
    behaviour_states: frozenset[str] = frozenset()
    #: Process nouns that name no concrete act ("perform strengthening", "improvement").
    process_nouns: frozenset[str] = frozenset()
    #: Objects that are ongoing programmes, never a single event ("complete my HEP").
    recurring_objects: frozenset[str] = frozenset()
    #: Things consumed: having fewer of them is a behaviour ("have fewer drinks").
    consumables: frozenset[str] = frozenset()
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
    # Words after which a number names something instead of counting it ("grade 4", "level 5").
    label_words: frozenset[str] = frozenset()
    # Counted nouns that are support given to the person ("with 1 verbal cue", "w/ 1 rail"):
    # the assistance, not an amount of the behaviour.
    support_nouns: frozenset[str] = frozenset()
    # Counted nouns whose number sizes an instrument ("a 10-point scale"), not an amount.
    instrument_nouns: frozenset[str] = frozenset()
    # Plural nouns after "N% of" that make the percentage a share of occasions
    # ("on 70% of nights"): a criterion, not an amount ("75% of meal").
    occasion_nouns: frozenset[str] = frozenset()
    # Words before a number that make the count the window of a mastery criterion
    # ("90% legibility across 3 writing samples").
    window_before: frozenset[str] = frozenset()
    # Rate units ("150 wpm", "60 bpm"): a speed or rate is a measure, not an amount.
    rate_units: frozenset[str] = frozenset()
    # Verbs of a step change after which a bare number keeps the unit of the goal's earlier
    # quantity ("7,500 steps a day, adding 1,000 every 2 weeks").
    increment_verbs: frozenset[str] = frozenset()
    # Currency signs written before an amount ("save $50 a week"); the sign is the unit.
    currency_symbols: frozenset[str] = frozenset()


class MeasureEntry(_Data):
    """A standard outcome measure."""

    id: str
    aliases: tuple[str, ...]
    concern: str | None
    min: float
    max: float
    direction: Literal["lower", "higher"]


class MeasureCoding(_Data):
    """How a measure is written in FHIR: a LOINC code only where certain, and its UCUM unit."""

    measure: str
    loinc: str | None = Field(default=None, pattern=r"^\d{1,7}-\d$")
    display: str | None = None
    unit: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _code_has_source(self) -> MeasureCoding:
        if self.loinc is not None and (self.source is None or self.display is None):
            raise ValueError(f"the LOINC code of {self.measure!r} needs its display and source")
        return self


class MeasuresFile(_Data):
    """``measures.yaml``."""

    version: str
    measures: tuple[MeasureEntry, ...]
    fhir: tuple[MeasureCoding, ...] = ()

    @model_validator(mode="after")
    def _codings_name_measures(self) -> MeasuresFile:
        ids = {m.id for m in self.measures}
        for coding in self.fhir:
            if coding.measure not in ids:
                raise ValueError(f"fhir coding names unknown measure {coding.measure!r}")
        return self


class AssistanceLevel(_Data):
    """An assistance or cueing level."""

    level: str
    rank: float
    aliases: tuple[str, ...]


class AssistanceFile(_Data):
    """``assistance.yaml``."""

    version: str
    levels: tuple[AssistanceLevel, ...]


AbbreviationKind = Literal[
    "assistance", "frequency", "body", "activity", "device", "test", "time", "school_slp"
]


class AbbreviationEntry(_Data):
    """One clinical abbreviation and the plain wording the parser reads instead.

    ``abbr`` and ``variants`` are literal spellings (``case`` says whether they
    match in any case or only as written); ``pattern`` replaces them with a
    regular expression whose named groups fill ``expansion`` (through
    ``values`` when a group's text maps to a word). ``before``/``after`` (and
    their ``not_`` forms) are regexes on the text around a match.
    """

    abbr: str
    variants: tuple[str, ...] = ()
    case: Literal["any", "exact"] = "any"
    expansion: str
    kind: AbbreviationKind
    pattern: str | None = None
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    before: str | None = None
    not_before: str | None = None
    after: str | None = None
    not_after: str | None = None
    rewrite: bool = True
    note: str | None = None

    @field_validator("pattern", "before", "not_before", "after", "not_after")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as err:
                raise ValueError(f"not a valid regular expression: {err}") from err
        return value


class AbbreviationsFile(_Data):
    """``abbreviations.yaml``: clinical shorthand and its plain wording."""

    version: str
    activity_nouns: dict[str, str] = Field(default_factory=dict)
    body_nouns: frozenset[str] = frozenset()
    entries: tuple[AbbreviationEntry, ...]


class NonGoalsFile(_Data):
    """``non_goals.yaml``: the wording of texts that are not goals."""

    version: str
    heading_terms: frozenset[str]
    heading_prefixes: frozenset[str]
    service_passive_verbs: frozenset[str]
    #: Passive verbs of care given to the person ("will be educated on ..."): see non_goals.yaml.
    education_passive_verbs: frozenset[str] = frozenset()
    service_receive_verbs: frozenset[str]
    service_attend_verbs: frozenset[str]
    service_terms: tuple[str, ...]
    plan_labels: frozenset[str]
    provider_verbs: frozenset[str]
    service_openers: tuple[str, ...]
    result_markers: tuple[str, ...]
    past_markers: tuple[str, ...]
    past_forms: frozenset[str]
    qualifier_participles: frozenset[str]
    courtesy_openers: tuple[str, ...]
    report_verbs: frozenset[str]
    problem_labels: frozenset[str]
    note_labels: frozenset[str]
    note_subjects: frozenset[str]
    status_phrases: tuple[str, ...]
    junk_placeholders: frozenset[str]


class Limit(_Data):
    """A plausibility limit on a dose for some activities."""

    id: str
    activities: frozenset[str]
    dimension: Literal["time", "length"]
    max: float
    max_recovering: float
    message: str
    #: A higher cap for one event with no recurrence ("run a half marathon"), if any.
    max_event: float | None = None


class StrenuousEvents(_Data):
    """Events flagged when recovering or due too soon."""

    terms: tuple[str, ...]
    min_days: int


class StageRule(_Data):
    """Targets too strenuous before a number of days after a procedure."""

    until_days: int
    targets: tuple[str, ...]


class Procedure(_Data):
    """A surgery or device whose stage limits what a goal may target (safety.md §5)."""

    id: str
    label: str
    terms: tuple[str, ...]
    rules: tuple[StageRule, ...]


class PlausibilityFile(_Data):
    """``plausibility.yaml``."""

    version: str
    recovery_terms: tuple[str, ...]
    limits: tuple[Limit, ...]
    strenuous_events: StrenuousEvents
    full_load_terms: tuple[str, ...]
    max_weight_loss_kg_per_week: float
    procedures: tuple[Procedure, ...] = ()
    #: Words that make a named support ("with my therapist", "using my cane").
    support_terms: tuple[str, ...] = ()
    #: Words that mark a graded step ("start with", "step 4 of the ladder").
    graded_terms: tuple[str, ...] = ()
    #: The top of a graded hierarchy reached at once: a red flag when due within ``min_days``.
    rushed_steps: StrenuousEvents = StrenuousEvents(terms=(), min_days=0)


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
    kind: Literal["frequency", "duration", "timeframe", "measure", "confidence", "quantity"]
    regex: str


class PatternsFile(_Data):
    """``patterns.yaml``: candidate-span regexes with shared macros."""

    version: str
    macros: dict[str, str]
    patterns: tuple[PatternSpec, ...]
    date: str
    # Holiday name -> "MM-DD", or a rule smartcheck computes ("easter", "thanksgiving").
    holidays: dict[str, str] = Field(default_factory=dict)
    # Verb phrases whose clause names a one-off event that can end a goal
    # ("before I go back to work", "until the cast comes off").
    deadline_clause_verbs: tuple[str, ...] = ()
    # Words that make such a clause a routine instead ("before I go to bed each night").
    habit_words: frozenset[str] = frozenset()


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
    abbreviations: tuple[AbbreviationEntry, ...] = ()
    #: Activity noun -> the verb it names (a verbless goal's action), from abbreviations.yaml.
    activity_nouns: dict[str, str] = Field(default_factory=dict)
    #: Body words that make "lower"/"upper" a body part, not a comparative or a verb.
    body_nouns: frozenset[str] = frozenset()
    non_goals: NonGoalsFile | None = None

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
    #: The rule does not fire when one of these matches the context or the goal (another,
    #: more specific rule covers that case: prescribed opioids vs opioid use disorder).
    unless: tuple[str, ...] = ()
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
            *self.unless,
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
