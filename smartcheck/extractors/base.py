"""Shared machinery of the extractors: compiled resources and span helpers."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from smartcheck.extractors.prefilter import Factors, lowered, may_match, required_factors
from smartcheck.kb.models import KnowledgeBase, UnitEntry

#: Lexicon categories compiled into phrase matchers (lowercase, whole tokens).
PHRASE_CATEGORIES: tuple[str, ...] = (
    "absolutes",
    "cure_words",
    "hedges",
    "vague_frequencies",
    "vague_times",
    "start_markers",
    "desire_markers",
    "example_markers",
    "vague_phrases",
    "every_occurrence",
)


MakeDoc = Callable[[str], Doc]


@dataclass(frozen=True)
class Candidate:
    """A regex match proposed as an element, before normalisation."""

    kind: str
    pattern_id: str
    start: int
    end: int
    groups: dict[str, str]
    #: Character offsets of each named group that matched, into the whole text.
    group_spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Resources:
    """Everything the extractors need, compiled once per vocabulary and KB."""

    kb: KnowledgeBase
    vocab: Vocab
    phrases: dict[str, PhraseMatcher] = field(default_factory=dict)
    concern_matcher: PhraseMatcher | None = None
    activity_matcher: PhraseMatcher | None = None
    named_quantity_matcher: PhraseMatcher | None = None
    measure_matcher: PhraseMatcher | None = None
    assistance_matcher: PhraseMatcher | None = None
    context_matcher: PhraseMatcher | None = None
    patterns: list[tuple[str, str, re.Pattern[str]]] = field(default_factory=list)
    #: For each pattern, sets of strings: every match contains one string of each set.
    factors: list[tuple[Factors, ...]] = field(default_factory=list)
    date_re: re.Pattern[str] | None = None
    num_re: str = ""
    units: dict[str, UnitEntry] = field(default_factory=dict)
    #: The number regex, and the prefilter's lowered texts (see ``lowered_for``).
    number_rx: re.Pattern[str] | None = None
    lowered: dict[str, tuple[str | None]] = field(default_factory=dict)
    #: Base forms the pipeline's lemmatizer lists as verbs (set by the component).
    verbs: frozenset[str] = frozenset()


def _terms_matcher(
    vocab: Vocab, tokenizer_doc: MakeDoc | None, groups: dict[str, Iterable[str]]
) -> PhraseMatcher:
    from spacy.lang.en import English

    make = English(vocab=vocab).make_doc if tokenizer_doc is None else tokenizer_doc
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for key, terms in groups.items():
        variants = sorted(
            {v for term in terms for form in shorthand_forms(term) for v in number_variants(form)}
        )
        matcher.add(key, [make(t) for t in variants])
    return matcher


def shorthand_forms(term: str) -> set[str]:
    """Return a term as written and as the parser reads it after shorthand normalisation.

    Goals are parsed in normalised wording ("RW" -> "rolling walker"), so a knowledge-base
    term written in shorthand ("UE HEP", "CGA") is matched in both forms.
    """
    from smartcheck.shorthand import normalize

    return {term.lower(), normalize(term).text.lower()}


def number_variants(term: str) -> tuple[str, ...]:
    """Return ``term`` with its last word in singular and plural ("NA meeting(s)")."""
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    if not last.isalpha() or len(last) < 4:
        return (term,)
    if last.endswith("ies"):
        return (term, f"{prefix}{last[:-3]}y")
    if last.endswith("s") and not last.endswith("ss"):
        return (term, f"{prefix}{last[:-1]}")
    if last.endswith(("s", "x", "ch", "sh")):
        return (term, f"{prefix}{last}es")
    if last.endswith("y") and last[-2] not in "aeiou":
        return (term, f"{prefix}{last[:-1]}ies")
    return (term, f"{prefix}{last}s")


def number_regex(kb: KnowledgeBase) -> str:
    """Return a regex alternation for numbers in digits or words."""
    words = sorted(kb.numbers.words, key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words)
    # A digit run never starts inside a clock time, a decimal or a sum ("10:30", "2.5", "$50").
    return (
        rf"(?:(?<![\d:.,$£€])(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|\b(?:{word_alt})\b)"
    )


def compile_resources(
    kb: KnowledgeBase, vocab: Vocab, make_doc: MakeDoc | None = None
) -> Resources:
    """Compile phrase matchers and regexes for ``kb`` over ``vocab``."""
    res = Resources(kb=kb, vocab=vocab)
    lex = kb.lexicon
    for cat in PHRASE_CATEGORIES:
        res.phrases[cat] = _terms_matcher(vocab, make_doc, {cat: getattr(lex, cat)})
    res.concern_matcher = _terms_matcher(
        vocab, make_doc, {f"P|{c.id}": c.problem_terms for c in kb.concerns}
    )
    res.activity_matcher = _terms_matcher(
        vocab, make_doc, {f"A|{c.id}": c.activity_terms for c in kb.concerns if c.activity_terms}
    )
    res.named_quantity_matcher = _terms_matcher(
        vocab, make_doc, {name: [name] for name in kb.units.named_quantities}
    )
    res.measure_matcher = _terms_matcher(vocab, make_doc, {m.id: m.aliases for m in kb.measures})
    res.assistance_matcher = _terms_matcher(
        vocab, make_doc, {a.level: a.aliases for a in kb.assistance}
    )
    plaus = kb.plausibility
    res.context_matcher = _terms_matcher(
        vocab,
        make_doc,
        {
            "recovery": plaus.recovery_terms,
            "full_load": plaus.full_load_terms,
            "strenuous": plaus.strenuous_events.terms,
        },
    )
    res.num_re = number_regex(kb)
    macros = dict(kb.patterns.macros)
    macros["NUM"] = res.num_re
    macros["EVENT"] = "(?:" + "|".join(sorted(kb.units.event_nouns, key=len, reverse=True)) + ")"
    aliases = sorted(
        {a for u in kb.units.units for a in u.aliases if a[0].isalnum()}, key=len, reverse=True
    )
    macros["UNIT"] = "(?:%|°|(?:" + "|".join(re.escape(a) for a in aliases) + r")\b)"
    date_src = _fill(kb.patterns.date, macros)
    macros["DATE"] = date_src
    res.date_re = re.compile(date_src, re.IGNORECASE)
    # The prefilter reads each pattern with its numbers standing for one marker: a pattern
    # that needs a number is skipped on a goal that has none (see ``lowered_for``).
    marked = dict(macros, NUM=NUMBER_MARK)
    marked["DATE"] = _fill(kb.patterns.date, marked)
    res.number_rx = re.compile(res.num_re, re.IGNORECASE)
    for spec in kb.patterns.patterns:
        rx = re.compile(_fill(spec.regex, macros), re.I)
        res.patterns.append((spec.kind, spec.id, rx))
        res.factors.append(required_factors(re.compile(_fill(spec.regex, marked), re.I)))
    for entry in kb.units.units:
        for alias in entry.aliases:
            res.units[alias.lower()] = entry
    return res


def _fill(template: str, macros: dict[str, str]) -> str:
    out = template
    for _ in range(3):  # macros may refer to other macros
        for key, value in macros.items():
            out = out.replace("{" + key + "}", value)
    return out


#: Stands for "a number" in the patterns the prefilter reads (a private-use character).
NUMBER_MARK = "\ue000"


def lowered_for(text: str, res: Resources) -> str | None:
    """Return ``text`` lowercased for the prefilter, marked when it holds a number.

    A pattern read with its numbers as :data:`NUMBER_MARK` needs the mark where it
    needs a number; the mark is appended when the number regex finds one, so the
    pattern is skipped only on a goal with no number at all. Cached for the last
    few texts: the extractors ask for several kinds of candidates per goal.
    """
    hit = res.lowered.get(text)
    if hit is not None:
        return hit[0]
    low = lowered(text)
    if low is not None and res.number_rx is not None and res.number_rx.search(text):
        low += NUMBER_MARK
    if len(res.lowered) > 32:
        res.lowered.clear()
    res.lowered[text] = (low,)
    return low


def find_candidates(
    text: str, res: Resources, kinds: Iterable[str] | None = None
) -> list[Candidate]:
    """Run the candidate regexes over ``text``; keep the longest non-overlapping matches.

    A pattern whose necessary words are all absent from ``text`` is not run (see
    :mod:`smartcheck.extractors.prefilter`): the result is the same, at a fraction
    of the cost.
    """
    wanted = set(kinds) if kinds is not None else None
    low = lowered_for(text, res)
    found: list[tuple[int, int, int, Candidate]] = []
    for order, (kind, pid, rx) in enumerate(res.patterns):
        if wanted is not None and kind not in wanted:
            continue
        if not may_match(res.factors[order], low):
            continue
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            spans = {k: m.span(k) for k in groups}
            cand = Candidate(kind, pid, m.start(), m.end(), groups, spans)
            found.append((-(m.end() - m.start()), order, m.start(), cand))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    chosen: list[Candidate] = []
    for _, _, _, cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.start, c.end))


#: Magnitude from which a number is no longer read as an amount (a finding says so).
NUMBER_LIMIT = 1e12


def parse_number(text: str, res: Resources) -> float | None:
    """Read a number written in digits or words ("10,000", "three", "a")."""
    t = text.strip().lower()
    if not t:
        return None
    if t in res.kb.numbers.words:
        return float(res.kb.numbers.words[t])
    try:
        value = float(t.replace(",", ""))
    except ValueError:
        return None
    # A number hundreds of digits long is no quantity anyone can do or count.
    return value if math.isfinite(value) and abs(value) < NUMBER_LIMIT else None


def matches(doc: Doc, matcher: PhraseMatcher | None) -> list[tuple[str, Span]]:
    """Return ``(label, span)`` phrase matches, longest first when they overlap."""
    if matcher is None:
        return []
    raw = [(doc.vocab.strings[mid], doc[s:e]) for mid, s, e in matcher(doc)]
    raw.sort(key=lambda t: (-(t[1].end - t[1].start), t[1].start, t[0]))
    kept: list[tuple[str, Span]] = []
    # Token -> the kept range covering it: linear in the matches (a pairwise check
    # made a long context with many matches quadratic).
    owner: dict[int, tuple[int, int]] = {}
    for label, span in raw:
        where = (span.start, span.end)
        if all(owner.get(i, where) == where for i in range(span.start, span.end)):
            kept.append((label, span))
            owner.update(dict.fromkeys(range(span.start, span.end), where))
    return sorted(kept, key=lambda t: (t[1].start, t[1].end, t[0]))


def phrase_spans(doc: Doc, res: Resources, category: str) -> list[Span]:
    """Return the spans of ``doc`` that match a lexicon category."""
    return [span for _, span in matches(doc, res.phrases.get(category))]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Tell whether two half-open character ranges overlap."""
    return a_start < b_end and b_start < a_end


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Tell whether ``[start, end)`` lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


_TEXT_KEY = "smartcheck.text"


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on
    every access, and the extractors read it many times per goal)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return str(cached)
