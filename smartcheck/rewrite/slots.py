"""Slot filling: what a goal lacks, filled from the goal, the knowledge base or placeholders.

Each slot records its source (``goal``, ``knowledge_base`` or ``placeholder``);
the person's own words always win, and a placeholder is never a guessed
clinical value.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from smartcheck.kb.rewrite_models import ConcernInterventions, Intervention, RewriteKB
from smartcheck.models import Dimension, Element, GoalAnalysis
from smartcheck.rewrite.intent import intent_of
from smartcheck.rewrite.wording import (
    fill_pronouns,
    red_flags,
)

logger = logging.getLogger(__name__)


Source = Literal["goal", "knowledge_base", "placeholder"]


SLOT_ORDER: tuple[str, ...] = (
    "action",
    "quantity",
    "duration",
    "frequency",
    "timeframe",
    "purpose",
    "measure",
)


@dataclass
class Draft:
    """A candidate rewrite before rendering: a template and its filled slots."""

    template: str
    concern: str | None
    slots: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    keeps_action: bool = False
    matched: bool = False
    item: str | None = None
    softened: bool = False
    bare: bool = False

    def fill(self, slot: str, value: str, source: Source) -> None:
        """Set a slot of the template and record its value and source."""
        self.parts[slot] = value
        if slot in SLOT_ORDER and value:
            self.slots[slot] = value.strip()
            self.sources[slot] = source


def element_in(elements: Sequence[Element], start: int, end: int) -> list[Element]:
    """Return the elements that lie inside [start, end)."""
    return [e for e in elements if e.start >= start and e.end <= end]


def kept_elements(elements: Sequence[Element], span: tuple[int, int], body: str) -> list[Element]:
    """Return the elements of ``span`` whose text survived the clean-up of the body."""
    return [e for e in element_in(elements, *span) if e.text.lower() in body.lower()]


def fill_missing(
    analysis: GoalAnalysis,
    draft: Draft,
    *,
    dose: Intervention | None,
    entry: ConcernInterventions | None,
    role: str,
    kb: RewriteKB,
    claim: bool = True,
) -> None:
    """Fill the slots the goal lacks, from the knowledge base or as placeholders.

    ``claim=False`` (a guessed concern) leaves the purpose to the person.
    """
    els, met, body = analysis.elements, settled(analysis), draft.parts.get("goal", "")
    holders = kb.templates.placeholders
    for name, items in (
        ("frequency", els.frequencies),
        ("duration", els.durations),
        ("quantity", els.quantities),
        ("timeframe", els.timeframes),
        ("measure", els.measures),
    ):
        kept = kept_elements(
            items, (0, len(analysis.text)), body + " " + draft.parts.get("tail", "")
        )
        if kept:
            draft.slots[name] = kept[0].text
            draft.sources[name] = "goal"
    purposes = [p for p in els.purposes if p.text.lower() in draft.parts.get("tail", "").lower()]
    if purposes:
        draft.slots["purpose"], draft.sources["purpose"] = purposes[0].text, "goal"
    has = set(draft.slots)
    needs_dose = not met["measurable"] or (not met["achievable"] and not red_flags(analysis))
    if draft.keeps_action and intent_of(analysis.text).direction == "quit":
        needs_dose = False  # a stop is kept every day; "[number] times a week" makes no sense
    if needs_dose and not ({"frequency", "measure"} & has):
        if dose and dose.criterion and "measure" not in has:
            draft.fill("criterion", dose.criterion, "knowledge_base")
            draft.slots["measure"], draft.sources["measure"] = dose.criterion, "knowledge_base"
        if dose and dose.duration and not ({"duration", "quantity"} & has):
            draft.fill("duration", dose.duration.text, "knowledge_base")
        freq = dose.frequency if dose else None
        if freq:
            draft.fill("frequency", freq.text, "knowledge_base")
        elif dose is None and entry and entry.goal_criterion and "measure" not in has:
            draft.fill("criterion", entry.goal_criterion, "knowledge_base")
            draft.slots["measure"], draft.sources["measure"] = (
                entry.goal_criterion,
                "knowledge_base",
            )
        elif not (dose and (dose.duration or dose.criterion)) and not one_off(analysis):
            draft.fill("frequency", holders["frequency"], "placeholder")
    if not met["time_bound"] and "timeframe" not in has:
        if entry:
            draft.fill("timeframe", entry.timeframe.text, "knowledge_base")
        else:
            draft.fill("timeframe", placeholder_timeframe(draft, kb), "placeholder")
    lost_concern = bool(els.concerns) and not any(
        c.text.lower() in (body + " " + draft.parts.get("tail", "")).lower() for c in els.concerns
    )
    if (not met["relevant"] or lost_concern) and "purpose" not in has:
        if entry and claim:
            draft.fill("purpose", fill_pronouns(entry.purpose, role), "knowledge_base")
        else:
            draft.fill("purpose", placeholder_purpose(role, kb), "placeholder")


def placeholder_timeframe(draft: Draft, kb: RewriteKB) -> str:
    """Return the timeframe placeholder: a review date, "until" for a habit, "by" for a task.

    A draft with a frequency or a duration is a habit kept until the review;
    anything else is done once, by the review ("join a gym by the review on [date]").
    """
    holders = kb.templates.placeholders
    habit = bool({"frequency", "duration"} & set(draft.slots))
    return holders["timeframe"] if habit else holders.get("deadline", holders["timeframe"])


def placeholder_purpose(role: str, kb: RewriteKB) -> str:
    """Return the purpose placeholder in the actor's voice ("so they can do [what this is for]")."""
    return fill_pronouns(kb.templates.placeholders["purpose"], role)


def one_off(analysis: GoalAnalysis) -> bool:
    """Tell whether the goal is a task done once by a deadline ("book a review by Friday").

    "[number] times a week" after such a task is template nonsense (issue 11).
    """
    return any(t.kind == "deadline" for t in analysis.elements.timeframes) or (
        intent_of(analysis.text).direction == "quit"
    )


def fill_item(draft: Draft, item: Intervention, role: str) -> None:
    """Fill the action and starting dose of a knowledge-base action into a draft."""
    draft.fill(
        "action", fill_pronouns(f"{item.verb} {item.object}".strip(), role), "knowledge_base"
    )
    draft.item = item.id
    if item.criterion:
        draft.fill("criterion", item.criterion, "knowledge_base")
        draft.slots["measure"], draft.sources["measure"] = item.criterion, "knowledge_base"
    if item.duration:
        draft.fill("duration", item.duration.text, "knowledge_base")
    if item.frequency:
        draft.fill("frequency", item.frequency.text, "knowledge_base")


def ask_confidence(analysis: GoalAnalysis, draft: Draft, kb: RewriteKB) -> None:
    """Ask for a confidence rating when the profile needs one (coaching) and none is given."""
    wanted = any(f.id == "achievable.no_confidence" for f in analysis.findings)
    if wanted and not analysis.elements.confidence:
        tail = draft.parts.get("tail", "")
        draft.parts["tail"] = f"{tail} {kb.templates.placeholders['confidence']}".strip()


def settled(analysis: GoalAnalysis) -> dict[Dimension, bool]:
    """Map each dimension to met, counting a dimension the profile ignores as met."""
    return {d: s.met or not s.counted for d, s in analysis.dimensions.items()}
