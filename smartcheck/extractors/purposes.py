"""Purposes: why the goal matters ("to manage my anxiety", "so I can drive again")."""

from __future__ import annotations

from spacy.tokens import Token

from smartcheck.extractors.actions import state_main_verbs
from smartcheck.extractors.state import ExtractionState
from smartcheck.models import Concern, Purpose

_STOP = {";", ".", "(", "!", "?"}


def _clause_end(verb: Token) -> int:
    end = verb.i
    for t in verb.subtree:
        end = max(end, t.i)
    doc = verb.doc
    for i in range(verb.i, end + 1):
        if doc[i].text in _STOP:
            return i - 1
    return end


def find_purposes(state: ExtractionState) -> list[Purpose]:
    """Find purpose clauses after the main action and the concerns inside them."""
    doc = state.doc
    chain = {v.i for v, _ in state_main_verbs(state)}
    for v, _ in state_main_verbs(state):
        chain.update(t.i for t in v.ancestors)
    first = min(chain) if chain else 0
    out: list[Purpose] = []
    covered: set[int] = set()
    for tok in doc:
        if tok.i in covered or tok.i < first:
            continue
        start_tok: Token | None = None
        verb: Token | None = None
        if (
            tok.tag_ == "TO"
            and tok.head.pos_ in {"VERB", "AUX"}
            and tok.head.i not in chain
            and tok.head.i > tok.i
        ):
            verb, start_tok = tok.head, tok
            if tok.i >= 2 and doc[tok.i - 2].lower_ == "in" and doc[tok.i - 1].lower_ == "order":
                start_tok = doc[tok.i - 2]
        elif (
            tok.lower_ == "so"
            and tok.i + 1 < len(doc)
            and tok.head.pos_ in {"VERB", "AUX"}
            and tok.head.i not in chain
        ):
            verb, start_tok = tok.head, tok
        if verb is None or start_tok is None:
            continue
        end = _clause_end(verb)
        span = doc[start_tok.i : end + 1]
        covered.update(range(span.start, span.end))
        concerns = [
            c
            for c in state.found_of("concerns", Concern)
            if span.start_char <= c.start and c.end <= span.end_char
        ]
        problem = next((c for c in concerns if c.source != "activity"), None)
        concern = problem or (concerns[0] if concerns else None)
        out.append(
            Purpose(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                concern=concern.concern if concern else None,
            )
        )
    return out
