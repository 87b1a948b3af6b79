"""The pydantic contract of smartcheck: goals in, analyses out.

Every model is frozen and forbids unknown fields. Character offsets always
index the original goal text (``text[start:end] == element.text``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Dimension = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
DIMENSIONS: tuple[Dimension, ...] = (
    "specific",
    "measurable",
    "achievable",
    "relevant",
    "time_bound",
)
DIMENSION_LETTERS: dict[Dimension, str] = {
    "specific": "S",
    "measurable": "M",
    "achievable": "A",
    "relevant": "R",
    "time_bound": "T",
}
Label = Literal["SMART", "Partially SMART", "Not SMART"]
Severity = Literal["error", "warning", "info"]
Period = Literal["day", "week", "month"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """A character span of the goal text."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str


class Goal(_Frozen):
    """One goal to analyse, with optional id, context and reference date."""

    text: str
    context: str | None = None
    id: str | None = None
    reference_date: dt.date | None = None


# --------------------------------------------------------------------------- elements


class Element(Evidence):
    """Base of every extracted element: a span plus a normalised value."""


class Actor(Element):
    """Who performs the goal ("I", "the client", "pt", "Sam")."""

    role: Literal["self", "client", "clinician", "other"]


class Action(Element):
    """A verb with its object; ``kind`` tells a behaviour from a state."""

    lemma: str
    object: str | None = None
    kind: Literal["behavior", "state"]
    issue: Literal["vague_verb", "umbrella", "outcome", "quality_comparative"] | None = None
    role: Literal["main", "coordinated", "method"] = "main"
    negated: bool = False


class Frequency(Element):
    """How often: ``times`` per ``per`` (day, week or month)."""

    times: float
    per: Period


class Duration(Element):
    """Length of one performance, in seconds, with a bound."""

    seconds: float
    bound: Literal["exact", "min", "max"] = "exact"


class Quantity(Element):
    """A value with a unit ("10,000 steps", "5-pound", "3 km")."""

    value: float
    unit: str | None = None


class Timeframe(Element):
    """An end point or review horizon, resolved against the reference date."""

    kind: Literal["deadline", "period"]
    end_date: dt.date | None = None
    days: int | None = None


class Measure(Element):
    """An outcome criterion: an instrument or accuracy with comparator and target."""

    instrument: str | None = None
    criterion: str | None = None
    comparator: Literal["<", "<=", ">", ">=", "=", "from_to"] | None = None
    target: float | None = None
    baseline: float | None = None


class Assistance(Element):
    """The level of help or cueing ("with minimal assistance", "independently")."""

    level: str


class Confidence(Element):
    """A stated confidence rating, as a value in [0, 1]."""

    value: Annotated[float, Field(ge=0.0, le=1.0)]


class Purpose(Element):
    """A purpose clause ("to manage my anxiety") and the concern it names."""

    concern: str | None = None


#: Where a concern was named: a problem term, an activity term, or a named measure.
ConcernSource = Literal["problem", "activity", "measure"]


class Concern(Element):
    """A therapeutic concern named in the goal, mapped to the knowledge base."""

    concern: str
    domain: str
    source: ConcernSource = "problem"


class Flag(Element):
    """A lexical signal found in the goal: an absolute, hedge, vague word, etc."""

    category: str
    dimension: Dimension | None = None


class Elements(_Frozen):
    """Everything the parser found, one list per element kind, in text order."""

    actors: tuple[Actor, ...] = ()
    actions: tuple[Action, ...] = ()
    frequencies: tuple[Frequency, ...] = ()
    durations: tuple[Duration, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    timeframes: tuple[Timeframe, ...] = ()
    measures: tuple[Measure, ...] = ()
    assistance: tuple[Assistance, ...] = ()
    confidence: tuple[Confidence, ...] = ()
    purposes: tuple[Purpose, ...] = ()
    concerns: tuple[Concern, ...] = ()
    # Red-flag and hedge phrases the rubric uses ("always", "try to", "soon").
    flags: tuple[Flag, ...] = ()


# --------------------------------------------------------------------------- scoring


class Finding(_Frozen):
    """One explained observation: a stable id, a message, a fix and a span."""

    id: str
    dimension: Dimension
    severity: Severity
    message: str
    fix: str
    span: Evidence | None = None


class DimensionScore(_Frozen):
    """The score of one SMART dimension with the evidence and findings behind it."""

    dimension: Dimension
    met: bool
    score: Annotated[float, Field(ge=0.0, le=1.0)]
    counted: bool = True
    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()


class Dimensions(_Frozen):
    """The five dimension scores, keyed by name."""

    specific: DimensionScore
    measurable: DimensionScore
    achievable: DimensionScore
    relevant: DimensionScore
    time_bound: DimensionScore

    def get(self, dimension: Dimension) -> DimensionScore:
        """Return the score of ``dimension``."""
        score: DimensionScore = getattr(self, dimension)
        return score

    def items(self) -> tuple[tuple[Dimension, DimensionScore], ...]:
        """Return ``(name, score)`` pairs in S, M, A, R, T order."""
        return tuple((d, self.get(d)) for d in DIMENSIONS)


class ContextInfo(_Frozen):
    """What the context next to a goal says: concerns and recent injury or illness."""

    present: bool
    concerns: tuple[str, ...] = ()
    recovering: bool = False
    #: Concerns implied only by situation words ("injury", "post-op"): they may
    #: confirm a link but never rule one out (issue 10 §4).
    situations: tuple[str, ...] = ()
    #: Content words of the context (lowercase, singular, no stop words), so that a
    #: purpose restating the context's problem ("to reduce agitation") links the goal.
    words: tuple[str, ...] = ()
    #: Procedures the context names (plausibility.yaml ids) and the days since them, if stated.
    procedures: tuple[str, ...] = ()
    stage_days: int | None = None


class Provenance(_Frozen):
    """Versions of everything that produced an analysis, for reproducibility."""

    schema_version: str = SCHEMA_VERSION
    smartcheck_version: str
    kb_version: str
    spacy_model: str
    spacy_model_version: str


class Suggestion(_Frozen):
    """A proposed rewrite of a goal (filled in by the rewrite engine)."""

    text: str
    fixes: tuple[Dimension, ...] = ()
    slots: dict[str, str] = Field(default_factory=dict)
    sources: dict[str, Literal["goal", "knowledge_base", "placeholder"]] = Field(
        default_factory=dict
    )
    placeholders: tuple[str, ...] = ()
    concern: str | None = None
    template: str | None = None


#: The kinds of text that are not goals (rubric: "Goals and non-goals").
NonGoalKind = Literal[
    "question", "progress_note", "symptom_report", "plan_of_care", "heading", "junk"
]


#: Achievable finding ids that say a goal is too vague to judge, not that it is unrealistic.
_NOT_A_RED_FLAG = re.compile(r"vague|not_demonstrated|too_vague|no_dose|unbounded")


class GoalAnalysis(_Frozen):
    """The full, explainable analysis of one goal."""

    ok: Literal[True] = True
    id: str | None = None
    index: int | None = None
    text: str
    context: str | None = None
    reference_date: dt.date
    profile: str
    label: Label
    score: Annotated[float, Field(ge=0.0, le=100.0)]
    #: False when the text states no intention (rubric: "Goals and non-goals");
    #: such a text scores 0 on every dimension, gets no rewrite, and audits
    #: count it apart from goals and leave it out of the mean score.
    is_goal: bool = True
    #: Why the text is not a goal, when ``is_goal`` is False.
    non_goal: NonGoalKind | None = None
    dimensions: Dimensions
    elements: Elements
    findings: tuple[Finding, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    provenance: Provenance

    @property
    def met(self) -> dict[Dimension, bool]:
        """Map each dimension to whether it was demonstrated."""
        return {d: s.met for d, s in self.dimensions.items()}

    @property
    def main_action(self) -> Action | None:
        """Return the goal's main behaviour, the action a rewrite keeps.

        A main action that is a behaviour comes first, then any main action,
        then the first behaviour and the first action, in text order.
        """
        ordered = sorted(
            self.elements.actions, key=lambda a: (a.role != "main", a.kind != "behavior", a.start)
        )
        return ordered[0] if ordered else None

    def red_flags(self, *, stacking: bool = True) -> list[tuple[int, int]]:
        """Return the spans of the Achievable red flags, in text order.

        A red flag is an Achievable finding with a span (an absolute, an
        implausible amount, a conflict with the context...) or an Achievable
        flag element; a finding that only says the goal is too vague to judge
        is not one. ``stacking=False`` leaves out the too-many-behaviours flag.
        """
        spans = [
            (f.span.start, f.span.end)
            for f in self.dimensions.achievable.findings
            if f.span is not None
            and not _NOT_A_RED_FLAG.search(f.id)
            and (stacking or "too_many" not in f.id)
        ]
        spans += [(f.start, f.end) for f in self.elements.flags if f.dimension == "achievable"]
        return sorted(set(spans))


class AnalysisFailure(_Frozen):
    """A batch item that could not be analysed, with the reason; never raised."""

    ok: Literal[False] = False
    id: str | None = None
    index: int | None = None
    error: str
    reason: str
    length: int | None = None


# --------------------------------------------------------------------------- training


class RewriteFeedback(_Frozen):
    """Feedback on a trainee's rewrite of a goal, dimension by dimension."""

    original: GoalAnalysis
    rewrite: GoalAnalysis
    improved: tuple[Dimension, ...] = ()
    still_missing: tuple[Dimension, ...] = ()
    regressed: tuple[Dimension, ...] = ()
    findings: tuple[Finding, ...] = ()
    kept_concern: bool
    kept_action: bool
    concerns: tuple[str, ...] = ()
    verdict: Literal["smart", "improved", "unchanged", "worse", "off_topic", "unsafe"]
    message: str


class GasLevel(_Frozen):
    """One Goal Attainment Scaling level (-2 to +2) written as a complete goal."""

    score: Annotated[int, Field(ge=-2, le=2)]
    label: str
    text: str
    changed: str | None = None
    value: str | None = None


class GasScale(_Frozen):
    """The five GAS levels of a SMART goal, or the findings that prevent them."""

    goal: str
    part: str | None = None
    levels: tuple[GasLevel, ...] = ()
    findings: tuple[Finding, ...] = ()
