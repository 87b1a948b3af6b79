"""Clinical safety rules (``data/safety.yaml``) applied to every suggested wording.

The rules fire from the context (diagnosis, surgery, medicines, risk) and from
the goal itself. A wording breaks a rule when it contains a forbidden pattern,
a stop or a load that is not routed through the clinician, or lacks the
required route text (a safety plan, a prescriber, "once cleared by ..."). The
default (safety.md): a wording that breaks a rule is repaired by adding the
rule's route, or dropped; the rule's own safe goals are offered instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from smartcheck.kb.loader import default_kb, default_safety
from smartcheck.kb.models import SafetyRule
from smartcheck.models import Finding
from smartcheck.rewrite import grammar
from smartcheck.rewrite.intent import Intent, downgrades_quit, intent_of, sets_minimum

ViolationKind = Literal["forbidden", "unsupervised", "missing_route", "minimum", "quit_downgraded"]

#: Words just before a context trigger that deny it ("denies SI", "no withdrawal seizures").
_DENIAL = re.compile(
    r"\b(?:denies|denied|denying|no|not|negative\s+for|without|nil|never\s+had|rule\s+out|r/o)\b"
    r"[^.;,]{0,25}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Violation:
    """One way a wording breaks a safety rule."""

    rule_id: str
    kind: ViolationKind
    text: str

    @property
    def finding_id(self) -> str:
        """The catalogue id of the finding this violation reports."""
        if self.kind == "minimum":
            return "safety.reduction_minimum"
        if self.kind == "quit_downgraded":
            return "safety.quit_downgraded"
        return f"safety.{self.rule_id}"


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _search(patterns: Iterable[str], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = _compiled(pattern).search(text)
        if match is not None:
            return match
    return None


def _affirmed(patterns: Iterable[str], text: str) -> bool:
    """Tell whether a trigger matches ``text`` without being denied just before it."""
    for pattern in patterns:
        for match in _compiled(pattern).finditer(text):
            if not _DENIAL.search(text[max(0, match.start() - 40) : match.start()]):
                return True
    return False


def rules() -> tuple[SafetyRule, ...]:
    """Return the packaged safety rules, highest priority first."""
    return tuple(sorted(default_safety().rules, key=lambda r: -r.priority))


def fired_rules(goal: str, context: str | None) -> tuple[SafetyRule, ...]:
    """Return the rules the goal or its context trigger, highest priority first.

    ``always`` rules (absolutes, invented numbers, medicines) are included too.
    """
    out = []
    for rule in rules():
        if rule.unless and (
            _affirmed(rule.unless, context or "") or _search(rule.unless, goal) is not None
        ):
            continue
        if (
            rule.always
            or _affirmed(rule.triggers, context or "")
            or _search(rule.triggers, goal) is not None  # "will not attempt suicide" still fires
            or _search(rule.goal_triggers, goal) is not None
        ):
            out.append(rule)
    return tuple(out)


def triggered(goal: str, context: str | None) -> tuple[SafetyRule, ...]:
    """Return the fired rules that are not ``always`` on (the ones to report)."""
    return tuple(
        r for r in fired_rules(goal, context) if not r.always or _affirmed(r.goal_triggers, goal)
    )


def violations(
    text: str,
    *,
    goal: str,
    context: str | None,
    fired: Sequence[SafetyRule] | None = None,
    intent: Intent | None = None,
    check_route: bool = True,
) -> list[Violation]:
    """Return every way ``text`` (a suggested wording) breaks the rules that fire.

    ``introduced_only`` patterns count only when the goal and the context do
    not already contain them. ``check_route=False`` skips the required route
    text (used for the person's own goal, which is judged, not rewritten).
    """
    fired = fired_rules(goal, context) if fired is None else fired
    given = f"{goal}\n{context or ''}"
    out: list[Violation] = []
    for rule in fired:
        for pattern in rule.forbid:
            match = _compiled(pattern).search(text)
            if match is None:
                continue
            if rule.introduced_only and match.group(0).lower() in given.lower():
                continue
            out.append(Violation(rule.id, "forbidden", match.group(0)))
        allowed = _search(rule.allow_if or rule.require_any, text) is not None
        match = None if allowed else _search(rule.forbid_unsupervised, text)
        if match is not None:
            out.append(Violation(rule.id, "unsupervised", match.group(0)))
        if check_route and needs_route(rule, text, goal):
            out.append(Violation(rule.id, "missing_route", ""))
    intent = intent_of(goal) if intent is None else intent
    minimum = sets_minimum(text, intent)
    if minimum is not None:
        out.append(Violation("reduction_minimum", "minimum", minimum))
    if downgrades_quit(text, intent):
        out.append(Violation("quit_downgraded", "quit_downgraded", ""))
    return out


def needs_route(rule: SafetyRule, text: str, goal: str | None = None) -> bool:
    """Tell whether ``text`` must carry the rule's route and does not.

    ``require_when`` limits the route to wordings that touch the risk ("stop my
    meds"), except when the person's own goal asks for that risky change: then
    every suggestion for the goal carries the route, so none reads as if the
    request had been set aside without the clinician.
    """
    if not rule.require_any:
        return False
    asked = goal is not None and _affirmed(rule.goal_triggers, goal)
    if rule.require_when and not asked and _search(rule.require_when, text) is None:
        return False
    return _search(rule.require_any, text) is None


def fill(text: str, *, actor: str, role: str) -> str:
    """Fill {actor}, {poss} and {subj} for the goal's actor."""
    out = text.replace("{actor}", actor)
    out = out.replace("{poss}", grammar.possessive(role))
    return out.replace("{subj}", grammar.subject_pronoun(role))


def add_routes(
    text: str, fired: Sequence[SafetyRule], *, role: str, goal: str | None = None
) -> str:
    """Append the route clause of every fired rule the wording lacks."""
    out = text
    for rule in fired:
        if rule.route and needs_route(rule, out, goal):
            body = out.rstrip().rstrip(".")
            out = f"{body}, {fill(rule.route, actor='', role=role).strip()}."
    return out


def safe_goals(fired: Sequence[SafetyRule], *, actor: str, role: str) -> list[tuple[str, str]]:
    """Return (rule id, wording) of the rules' own safe goals, highest priority first."""
    return [(r.id, fill(g, actor=actor, role=role)) for r in fired for g in r.safe_goals]


def make_safe(
    text: str,
    *,
    goal: str,
    context: str | None,
    fired: Sequence[SafetyRule],
    role: str,
    intent: Intent | None = None,
) -> str | None:
    """Return ``text`` with the routes it needs, or None when no route makes it safe."""
    routed = add_routes(text, fired, role=role, goal=goal)
    if violations(routed, goal=goal, context=context, fired=fired, intent=intent):
        return None
    return routed


def finding(rule_id: str, *, span_text: str = "") -> Finding:
    """Build the catalogue finding of a rule (or of an intent violation)."""
    spec = default_kb().findings[rule_id]
    message = spec.message
    if span_text:
        message = f"{message} (here: '{span_text}')"
    return Finding(
        id=rule_id,
        dimension=spec.dimension,
        severity=spec.severity,
        message=message,
        fix=spec.fix,
    )


def findings_for(found: Sequence[Violation]) -> tuple[Finding, ...]:
    """Turn violations into findings, one per finding id."""
    seen: dict[str, Finding] = {}
    for violation in found:
        seen.setdefault(
            violation.finding_id, finding(violation.finding_id, span_text=violation.text)
        )
    return tuple(seen.values())


def applied_findings(fired: Sequence[SafetyRule]) -> tuple[Finding, ...]:
    """Info findings telling which safety rules shaped the suggestions."""
    out = []
    for rule in fired:
        spec = default_kb().findings[rule.finding_id]
        out.append(
            Finding(
                id=rule.finding_id,
                dimension=spec.dimension,
                severity="info",
                message=f"Suggestions follow the safety rule: {rule.title}.",
                fix=spec.fix,
            )
        )
    return tuple(out)


def rules_markdown() -> str:
    """Render every safety rule with its source as Markdown (``docs/safety-rules.md``)."""
    lines = [
        "# Clinical safety rules",
        "",
        "Generated from `smartcheck/data/safety.yaml` by",
        "`smartcheck.rewrite.safety.rules_markdown()`; `tests/rewrite/test_safety_docs.py`",
        "keeps this page in step with the data file. The clinical facts behind each rule",
        "are gathered in `shared/safety.md` (section named below).",
        "Confidence: `src` checked in a cited source, `conv` common clinical convention,",
        "`unv` not verified.",
        "",
        "| Rule (finding id) | Fires on | Never in a suggestion | Route / must contain |",
        "|---|---|---|---|",
    ]
    for rule in rules():
        fires = "every goal" if rule.always else "context or goal"
        never = "; ".join(f"`{p}`" for p in (*rule.forbid, *rule.forbid_unsupervised)[:3])
        route = rule.route or ("safe goals" if rule.safe_goals else "-")
        lines.append(f"| `{rule.finding_id}` | {fires} | {never.replace('|', '/')} | {route} |")
    lines.append("")
    for rule in rules():
        lines += [
            f"## `{rule.finding_id}`: {rule.title}",
            "",
            f"*Why:* {rule.why}",
            "",
            f"*safety.md section:* {rule.section} · *confidence:* `{rule.confidence}` · "
            f"*priority:* {rule.priority}",
            "",
            "*Sources:*",
            "",
            *(f"- {source}" for source in rule.sources),
            "",
        ]
        if rule.safe_goals:
            lines += ["*Safe goals offered:*", "", *(f"- {g}" for g in rule.safe_goals), ""]
    return "\n".join(lines)
