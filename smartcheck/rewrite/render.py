"""Wording of a draft: the template it uses and the rendered ``Suggestion``."""

from __future__ import annotations

import logging
import re

from smartcheck.kb.rewrite_models import RewriteKB, Template
from smartcheck.models import Dimension, GoalAnalysis, Suggestion
from smartcheck.rewrite import grammar
from smartcheck.rewrite.slots import SLOT_ORDER, Draft, settled

logger = logging.getLogger(__name__)


def choose_template(analysis: GoalAnalysis, kb: RewriteKB, *, replace: bool) -> Template:
    """Pick the template for the analysis' finding ids (replace or keep the action)."""
    templates = kb.templates.templates
    ids = [f.id for f in analysis.findings]
    for template in templates:
        matched = any(i == p or i.startswith(p + ".") for p in template.findings for i in ids)
        if template.findings and matched and replace:
            return template
    wanted = "replace_action" if replace else "keep_goal"
    return next((t for t in templates if t.id == wanted), templates[-1])


def render(template: Template, draft: Draft) -> str:
    """Render a draft through its template and tidy the sentence."""
    names = re.findall(r"{(\w+)}", template.text)
    values = {name: draft.parts.get(name, "") for name in names}
    return grammar.tidy(template.text.format(**values))


def placeholders(draft: Draft, text: str, kb: RewriteKB) -> tuple[str, ...]:
    """Return the placeholder slot values, then any other placeholder phrase or gap."""
    slots = [draft.slots[k] for k in SLOT_ORDER if draft.sources.get(k) == "placeholder"]
    phrases = [p for p in kb.templates.placeholders.values() if p in text and p not in slots]
    covered = " ".join([*slots, *phrases])
    others = [p for p in grammar.placeholders_in(text) if p not in covered]
    return tuple(dict.fromkeys([*slots, *phrases, *others]))


def to_suggestion(analysis: GoalAnalysis, draft: Draft, kb: RewriteKB) -> Suggestion:
    """Render a draft into a ``Suggestion`` (fixes are the dimensions it targets)."""
    template = next(t for t in kb.templates.templates if t.id == draft.template)
    text = render(template, draft)
    targeted: list[Dimension] = [d for d, ok in settled(analysis).items() if not ok]
    return Suggestion(
        text=text,
        fixes=tuple(targeted),
        slots={k: draft.slots[k] for k in SLOT_ORDER if k in draft.slots},
        sources={k: draft.sources[k] for k in SLOT_ORDER if k in draft.sources},
        placeholders=placeholders(draft, text, kb),
        concern=draft.concern,
        template=draft.template,
    )
