"""Actors: who carries out the goal ("I", "the client", "pt", "Sam", "my partner")."""

from __future__ import annotations

from spacy.tokens import Token

from smartcheck.extractors.actions import state_main_verbs
from smartcheck.extractors.state import ExtractionState
from smartcheck.kb.models import Lexicon
from smartcheck.models import Actor


def role_of(subject: Token, lex: Lexicon) -> str:
    """Classify a subject as self, client, clinician or other person."""
    words = [t.lower_ for t in subject.subtree]
    head = subject.lower_
    phrase = " ".join(words)
    if head in lex.self_subjects:
        return "self"
    if any(phrase == c or phrase.endswith(" " + c) or head == c for c in lex.clinician_subjects):
        return "clinician"
    if head in lex.client_subjects or head.rstrip(".") in lex.client_subjects:
        return "client"
    if head in lex.caregiver_subjects and _opens_unpossessed(subject):
        return "client"  # "Mother will read to the child", "She will walk daily"
    if head in lex.other_people or any(w in lex.other_people for w in words):
        return "other"
    if subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON":
        return "client"
    return "thing"


_POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their", "'s", "’s"})


def _opens_unpossessed(subject: Token) -> bool:
    """Tell whether a subject opens the goal with no possessive ("Parents will ...")."""
    left = min(t.i for t in subject.subtree)
    opening = all(t.is_punct or t.is_space or t.like_num for t in subject.doc[:left])
    owned = any(t.lower_ in _POSSESSIVES for t in subject.subtree)
    return opening and not owned and subject.i == left


def _subject(verb: Token) -> Token | None:
    node: Token | None = verb
    for _ in range(6):
        if node is None:
            return None
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        node = node.head if node.head is not node else None
    return None


def find_actors(state: ExtractionState) -> list[Actor]:
    """Find the subject of the main action and classify its role."""
    lex = state.res.kb.lexicon
    out: list[Actor] = []
    verbs = state_main_verbs(state)
    if not verbs:
        return out
    if verbs[0][0].pos_ not in {"VERB", "AUX"}:
        return out  # a verbless goal ("FIM toileting 3 → 5") names no actor
    subj = _subject(verbs[0][0])
    if subj is None:
        return out
    left = min(t.i for t in subj.subtree)
    span = state.doc[left : subj.i + 1]
    named = state.spans("measures", "assistance")
    if any(s < span.end_char and span.start_char < e for s, e in named):
        return out  # "FIM toileting 3 → 5", "Mod I …": a measure or a level is not a person
    role = role_of(subj, lex)
    if role != "thing":  # "my pain will…" names no actor
        out.append(Actor(start=span.start_char, end=span.end_char, text=span.text, role=role))
    return out
