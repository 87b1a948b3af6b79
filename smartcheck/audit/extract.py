"""Find the goal statements written in a free-text note or treatment plan.

Three kinds of evidence are used, from strongest to weakest:

1. numbered or bulleted lists under a goal heading ("Goals Setting: 1. ... 2. ...",
   "STG:" followed by bullets); lists with no heading count only when the note has no
   goal heading at all, and lists under other headings ("Goal review:", "App usage:")
   never count;
2. a goal heading followed by one statement ("Goal: ...", "LTG 2: ...");
3. prose commitments that state something checkable ("Client will walk 20 minutes daily").

Each statement is cut at its first sentence end, its category label ("Diet:") and list
marker are dropped, and a trailing confidence rating ("(Confidence 8/10)") is kept. The
heading words, labels and openers live in ``data/audit/extraction.yaml``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from smartcheck.audit.rules import CompiledRules, load_rules
from smartcheck.boundary import typed_errors
from smartcheck.errors import NotTextError

logger = logging.getLogger(__name__)

GoalSource = Literal["list", "heading", "commitment"]

_NUMBER_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[\s:;,(]))(?:\((?P<paren>\d{1,2})\)|(?P<num>\d{1,2})[.)])(?=\s)",
    re.MULTILINE,
)
_BULLET_MARKER = re.compile(r"^[ \t]*[-•*▪◦‣●·][ \t]+", re.MULTILINE)
_EMBEDDED_HEADING = re.compile(
    r"(?<=\s)[A-Z][A-Za-z]*(?:[ \t][A-Za-z()/-]+){0,4}:\s+(?!\d+\s*(?:/\s*10|%)|\()"
)
_HEADING_BOUNDARY = re.compile(r"[.!?](?=\s)|\n|\(\d{1,2}\)|(?<!\S)\d{1,2}[.)](?=\s)")
_HEADING_LINE = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?P<h>[A-Za-z][^\n:]{0,60}?)[ \t]*:?[ \t]*$", re.MULTILINE
)
_TO_PREFIX = re.compile(r"[Tt]o\s+(?=[a-z])")
_TRAILING = re.compile(r"(?:[\s,;:.]|\b(?:and|or)\b)+$")
_MAX_MARKER_NUMBER = 30
_MIN_WORDS = 2


class GoalSpan(BaseModel):
    """One goal statement found in a note: its text and character offsets."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    heading: str | None = None
    source: GoalSource = "list"


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    number: int | None
    # True when the marker follows a clear boundary (start, newline, ".", ":", ")") or is
    # written "(n)"; a bare "3." after a word only continues a list, it never starts one.
    strong: bool = True


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    heading: str | None
    source: GoalSource


@typed_errors
def extract_goals(note: str, *, rules: CompiledRules | None = None) -> list[GoalSpan]:
    """Return the goal statements in ``note`` in text order, with character offsets.

    Raises ``NotTextError`` when ``note`` is not a string, and only ``smartcheck.errors``
    types otherwise.
    """
    if not isinstance(note, str):
        kind = "bytes; decode it first" if isinstance(note, bytes) else type(note).__name__
        raise NotTextError(f"the note must be a string, not {kind}")
    rules = rules or load_rules()
    lists = _group_lists(note, _find_markers(note))
    headed: list[_Candidate] = []
    unheaded: list[_Candidate] = []
    covered: list[tuple[int, int]] = []
    for markers in lists:
        heading = _heading_before(note, markers[0].start, rules)
        kind = _classify_heading(heading, rules)
        covered.append((markers[0].start, _list_end(note, markers, rules)))
        if kind == "other":
            continue
        items = _list_items(note, markers, heading, kind == "goal", rules)
        (headed if kind == "goal" else unheaded).extend(items)
    sections = _section_lines(note, covered, rules)
    covered.extend((c.start, c.end) for c in sections)
    chosen = [*headed, *sections] or unheaded
    chosen.extend(_inline_goals(note, covered, rules))
    chosen.extend(_commitments(note, [*covered, *((c.start, c.end) for c in chosen)], rules))
    spans = [_to_span(note, c) for c in sorted(chosen, key=lambda c: (c.start, c.end))]
    logger.debug("extracted %d goal spans from a note of %d chars", len(spans), len(note))
    return spans


def _to_span(note: str, cand: _Candidate) -> GoalSpan:
    return GoalSpan(
        text=note[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        heading=cand.heading,
        source=cand.source,
    )


# --------------------------------------------------------------------------- lists


def _find_markers(note: str) -> list[_Marker]:
    markers = [
        _Marker(
            m.start(),
            m.end(),
            int(m.group("paren") or m.group("num")),
            bool(m.group("paren")) or _after_boundary(note, m.start()),
        )
        for m in _NUMBER_MARKER.finditer(note)
        if int(m.group("paren") or m.group("num")) <= _MAX_MARKER_NUMBER
    ]
    markers.extend(_Marker(m.start(), m.end(), None) for m in _BULLET_MARKER.finditer(note))
    return sorted(markers, key=lambda m: m.start)


def _group_lists(note: str, markers: list[_Marker]) -> list[list[_Marker]]:
    """Group markers into lists: numbers that count up by one, or bullets on adjacent lines."""
    lists: list[list[_Marker]] = []
    open_numbered: list[_Marker] | None = None
    for marker in markers:
        if marker.number is None:
            last = lists[-1][-1] if lists else None
            adjacent = last is not None and note[last.end : marker.start].count("\n") == 1
            if last is not None and last.number is None and adjacent:
                lists[-1].append(marker)
            else:
                lists.append([marker])
            continue
        if open_numbered and open_numbered[-1].number == marker.number - 1:
            open_numbered.append(marker)
        elif marker.strong:
            open_numbered = [marker]
            lists.append(open_numbered)
    return lists


def _after_boundary(note: str, pos: int) -> bool:
    before = note[:pos].rstrip(" \t")
    return not before or before[-1] in "\n.:;!?)"


def _list_end(note: str, markers: list[_Marker], rules: CompiledRules) -> int:
    start = _skip_space(note, markers[-1].end, len(note))
    label = _label_at(note, start, len(note), rules)
    return _statement_end(note, label if label is not None else start, len(note), rules)


def _list_items(
    note: str, markers: list[_Marker], heading: str | None, trusted: bool, rules: CompiledRules
) -> list[_Candidate]:
    items = []
    all_starts = sorted(m.start for m in _find_markers(note))
    for marker in markers:
        limit = next((s for s in all_starts if s > marker.start), len(note))
        cand = _statement(
            note, marker.end, limit, rules, heading=heading, source="list", trusted=trusted
        )
        if cand is not None:
            items.append(cand)
    return items


# --------------------------------------------------------------------------- headings


def _heading_before(note: str, pos: int, rules: CompiledRules) -> str | None:
    """Return the heading just before ``pos``: words before a colon, or a short goal title."""
    end = pos
    while end > 0 and note[end - 1].isspace():
        end -= 1
    has_colon = end > 0 and note[end - 1] == ":"
    window = note[max(0, end - 200) : end - 1 if has_colon else end]
    boundaries = list(_HEADING_BOUNDARY.finditer(window))
    heading = window[boundaries[-1].end() if boundaries else 0 :].strip()
    if not heading:
        return None
    if has_colon:
        return heading
    is_title = len(heading.split()) <= rules.max_label_words and (
        rules.goal_heading.search(heading) or rules.non_goal_heading.search(heading)
    )
    return heading if is_title else None


def _classify_heading(heading: str | None, rules: CompiledRules) -> str:
    if heading is None:
        return "none"
    if rules.non_goal_heading.search(heading):
        return "other"
    if rules.goal_heading.search(heading):
        return "goal"
    return "other"


def _section_lines(
    note: str, covered: list[tuple[int, int]], rules: CompiledRules
) -> list[_Candidate]:
    """Return the plain lines under a goal heading that stands on its own line."""
    found = []
    for match in _HEADING_LINE.finditer(note):
        heading = match.group("h").strip()
        if _inside(match.start(), covered) or _classify_heading(heading, rules) != "goal":
            continue
        pos = match.end() + 1
        while pos < len(note):
            line_end = note.find("\n", pos)
            line_end = len(note) if line_end < 0 else line_end
            line = note[pos:line_end]
            if not line.strip() or line.rstrip().endswith(":") or _inside(pos, covered):
                break
            if _find_markers(line):
                break
            cand = _statement(
                note, pos, line_end, rules, heading=heading, source="list", trusted=True
            )
            if cand is not None:
                found.append(cand)
            pos = line_end + 1
    return found


def _inline_goals(
    note: str, covered: list[tuple[int, int]], rules: CompiledRules
) -> list[_Candidate]:
    found = []
    for match in rules.inline_heading.finditer(note):
        if _inside(match.start(), covered):
            continue
        heading = _heading_before(note, match.end(), rules)
        if _classify_heading(heading, rules) != "goal":
            continue
        limit = _next_marker_start(note, match.end())
        cand = _statement(note, match.end(), limit, rules, heading=heading, source="heading")
        if cand is not None:
            found.append(cand)
    return found


def _next_marker_start(note: str, pos: int) -> int:
    return next((m.start for m in _find_markers(note) if m.start >= pos), len(note))


# --------------------------------------------------------------------------- statements


def _statement(
    note: str,
    start: int,
    limit: int,
    rules: CompiledRules,
    *,
    heading: str | None,
    source: GoalSource,
    trusted: bool = False,
) -> _Candidate | None:
    """Cut one goal statement out of ``note[start:limit]``, or None if it is not a goal."""
    start = _skip_space(note, start, limit)
    label = _label_at(note, start, limit, rules)
    if label is not None:
        if rules.non_goal_heading.search(note[start:label]):
            return None
        start = _skip_space(note, label, limit)
    prefix = _TO_PREFIX.match(note, start, limit)
    if prefix:
        start = prefix.end()
    end = _statement_end(note, start, limit, rules)
    end = _trim_end(note, start, end)
    body = note[start:end]
    if not _looks_like_goal(body, rules, trusted=trusted):
        return None
    return _Candidate(start, end, heading, source)


def _label_at(note: str, start: int, limit: int, rules: CompiledRules) -> int | None:
    """Return the offset after a leading category label such as ``Diet:``, if any."""
    head = note[start:limit]
    match = re.match(r"[A-Z(][^:.;!?,\n]*?\s*:\s+(?!\d)", head)
    if match is None:
        return None
    words = match.group(0).rstrip(": \t").split()
    if len(words) > rules.max_label_words:
        return None
    return start + match.end()


def _statement_end(note: str, start: int, limit: int, rules: CompiledRules) -> int:
    end = _sentence_end(note, start, limit, rules)
    heading = _EMBEDDED_HEADING.search(note, start + 1, end)
    if heading is not None:
        end = heading.start()
    if end < limit and note[end] == ".":
        tail = rules.confidence_tail.match(note, end + 1, limit)
        if tail is not None:
            end = tail.end()
    return end


def _sentence_end(note: str, start: int, limit: int, rules: CompiledRules) -> int:
    """Return the offset of the first sentence end (a full stop outside parentheses)."""
    depth = 0
    for i in range(start, limit):
        char = note[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == "\n":
            return i
        elif char in ".!?" and depth == 0 and _ends_sentence(note, start, i, limit, rules):
            return i if char == "." else i + 1
    return limit


def _ends_sentence(note: str, start: int, i: int, limit: int, rules: CompiledRules) -> bool:
    after = i + 1
    if after < limit and not note[after].isspace():
        return False
    while after < limit and note[after] in " \t":
        after += 1
    if after < limit and note[after].islower():
        return False
    if note[i] == ".":
        word = re.search(r"([A-Za-z.]+)$", note[start:i])
        if word and word.group(1).lower().lstrip(".") in rules.abbreviations:
            return False
    return True


def _trim_end(note: str, start: int, end: int) -> int:
    match = _TRAILING.search(note, start, end)
    return match.start() if match else end


def _skip_space(note: str, pos: int, limit: int) -> int:
    while pos < limit and note[pos].isspace():
        pos += 1
    return pos


def _looks_like_goal(body: str, rules: CompiledRules, *, trusted: bool = False) -> bool:
    """Reject fragments, questions, run-ons and reports; ``trusted`` skips the tense check."""
    words = len(body.split())
    if words < _MIN_WORDS or words > rules.max_goal_words or body.endswith("?"):
        return False
    if not trusted and rules.past_tense.match(body):
        return False
    return rules.narrative.match(body) is None


# --------------------------------------------------------------------------- prose


def _commitments(
    note: str, covered: list[tuple[int, int]], rules: CompiledRules
) -> list[_Candidate]:
    found = []
    pos = 0
    while pos < len(note):
        start = _skip_space(note, pos, len(note))
        end = _sentence_end(note, start, len(note), rules)
        sentence = note[start:end]
        if (
            not _inside(start, covered)
            and rules.commitment.match(sentence)
            and rules.goal_signal.search(sentence)
        ):
            trimmed = _trim_end(note, start, end)
            found.append(_Candidate(start, trimmed, None, "commitment"))
        pos = max(end + 1, start + 1)
    return found


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in regions)
