"""Compile the abbreviation table into one regular expression and its lookup tables.

Every spelling and pattern of ``abbreviations.yaml`` becomes one alternative of a
single compiled regex, so normalising a goal is one left-to-right scan whatever
the size of the table. Literal spellings are tried longest first; a match whose
``before``/``after`` context does not hold falls back to the next entry with the
same spelling ("amb" is "ambulation" after "household", else "ambulate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from smartcheck.kb.models import AbbreviationEntry, KnowledgeBase

#: How far around a match the context regexes look.
CONTEXT_CHARS = 40

_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True)
class Rule:
    """One compiled entry: the data row plus its compiled context regexes."""

    entry: AbbreviationEntry
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    group: str | None = None  # the outer group name of a pattern entry

    def fits(self, text: str, start: int, end: int) -> bool:
        """Tell whether the text around ``[start, end)`` satisfies the context rules."""
        left = text[max(0, start - CONTEXT_CHARS) : start]
        right = text[end : end + CONTEXT_CHARS]
        if self.before is not None and not self.before.search(left):
            return False
        if self.not_before is not None and self.not_before.search(left):
            return False
        if self.after is not None and not self.after.match(right):
            return False
        return not (self.not_after is not None and self.not_after.match(right))

    def expand(self, match: re.Match[str]) -> str:
        """Return the plain wording for a match of this rule."""
        entry = self.entry
        if self.group is None:
            return entry.expansion
        fill: dict[str, str] = {}
        for name in _GROUP.findall(entry.pattern or ""):
            raw = match.group(f"{self.group}_{name}") or ""
            table = entry.values.get(name, {})
            fill[name] = table.get(raw, table.get(raw.lower(), raw))
        return entry.expansion.format(**fill)


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The compiled table: one scanning regex, literal lookups and pattern rules."""

    scanner: re.Pattern[str]
    exact: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    folded: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    patterns: dict[str, Rule] = field(default_factory=dict)

    def candidates(self, match: re.Match[str]) -> tuple[Rule, ...]:
        """Return the rules that may explain ``match``, in table order."""
        group = match.lastgroup
        if group is not None and group in self.patterns:
            return (self.patterns[group],)
        found = match.group(0)
        return self.exact.get(found, ()) + self.folded.get(found.lower(), ())


def _ctx(source: str | None, *, tail: bool) -> re.Pattern[str] | None:
    if source is None:
        return None
    return re.compile(f"(?:{source})$" if tail else source, re.IGNORECASE)


def _atoms(spelling: str, fold: bool) -> tuple[str, ...]:
    """Split a spelling into regex atoms; a folded letter matches either case."""
    return tuple(
        f"[{ch.lower()}{ch.upper()}]" if fold and ch.lower() != ch.upper() else re.escape(ch)
        for ch in spelling
    )


def _trie_regex(spellings: dict[str, bool]) -> str:
    """Return one regex for all literal spellings, shared prefixes merged into a trie.

    A trie lets the regex engine branch on the next character instead of trying
    every spelling at every position; the empty (end) branch comes last so the
    longest spelling wins. A spelling that ends in a letter or digit must end at
    a word boundary.
    """
    trie: dict[str, Any] = {}
    for spelling, fold in spellings.items():
        node = trie
        for atom in _atoms(spelling, fold):
            node = node.setdefault(atom, {})
        node[""] = r"(?![\w])" if spelling[-1:].isalnum() else ""

    def emit(node: dict[str, Any]) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if "" in node:
            branches.append(node[""])
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


def compile_rules(entries: tuple[AbbreviationEntry, ...]) -> RuleSet:
    """Compile the abbreviation entries into a :class:`RuleSet`."""
    exact: dict[str, list[Rule]] = {}
    folded: dict[str, list[Rule]] = {}
    patterns: dict[str, Rule] = {}
    alternatives: list[str] = []
    spellings: dict[str, bool] = {}
    for index, entry in enumerate(entries):
        ctx = (
            _ctx(entry.before, tail=True),
            _ctx(entry.not_before, tail=True),
            _ctx(entry.after, tail=False),
            _ctx(entry.not_after, tail=False),
        )
        if entry.pattern is not None:
            name = f"p{index}"
            body = _GROUP.sub(rf"(?P<{name}_\1>", entry.pattern)
            if entry.case == "any":
                body = f"(?i:{body})"
            alternatives.append(f"(?P<{name}>{body})")
            patterns[name] = Rule(entry, *ctx, group=name)
            continue
        rule = Rule(entry, *ctx)
        fold = entry.case == "any"
        for spelling in (entry.abbr, *entry.variants):
            table = folded if fold else exact
            table.setdefault(spelling.lower() if fold else spelling, []).append(rule)
            spellings[spelling] = spellings.get(spelling, False) or fold
    wordy = {k: v for k, v in spellings.items() if k[:1].isalnum() or k[:1] == "_"}
    other = {k: v for k, v in spellings.items() if k not in wordy}
    literal = rf"(?<![\w]){_trie_regex(wordy)}"
    if other:
        literal = f"{literal}|{_trie_regex(other)}"
    alternatives.append(f"(?P<lit>{literal})")
    return RuleSet(
        scanner=re.compile("|".join(alternatives)),
        exact={k: tuple(v) for k, v in exact.items()},
        folded={k: tuple(v) for k, v in folded.items()},
        patterns=patterns,
    )


_COMPILED: dict[int, tuple[KnowledgeBase, RuleSet]] = {}


def rules_for(kb: KnowledgeBase) -> RuleSet:
    """Return the compiled rules of ``kb`` (cached per knowledge base object)."""
    hit = _COMPILED.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    if len(_COMPILED) > 8:
        _COMPILED.clear()
    rules = compile_rules(kb.abbreviations)
    _COMPILED[id(kb)] = (kb, rules)
    return rules
