"""Actions: the verb the person will carry out, its object, and whether it is a behaviour.

The parse gives the main verb; chain verbs ("want to", "will be able to",
"plan to") hand over to their complement. An action is a ``state`` when its
verb or verb+object names a feeling or outcome, and a ``behavior`` otherwise;
``issue`` records why a behaviour is not yet specific (vague verb, umbrella
activity, or a quality comparative such as "talk better").
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from smartcheck.extractors.base import doc_text
from smartcheck.extractors.state import ExtractionState
from smartcheck.kb.models import Lexicon
from smartcheck.models import Action, Concern

_VERB_POS = {"VERB", "AUX"}
#: "Try and vape less" means "try to vape less": the verb after "and" is the action.
_PSEUDO_COORDINATION = {"try"}
#: Verbs of a comment on the goal ("…, I'd say 40% confident"), not the goal's act.
_COMMENT_VERBS = {"say", "think", "guess", "reckon", "rate"}


def _content_verb(verb: Token, lex: Lexicon) -> Token:
    """Follow chain verbs ("want to", "be able to", "plan to") to the real action."""
    seen = 0
    while seen < 6:
        seen += 1
        children = list(verb.children)
        comp = next(
            (c for c in children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in _VERB_POS), None
        )
        able = next((c for c in children if c.dep_ == "acomp" and c.lemma_ == "able"), None)
        if able is not None:
            inner = next((c for c in able.children if c.dep_ == "xcomp"), None)
            if inner is not None:
                verb = inner
                continue
        paired = _pseudo_coordinated(verb) or _gone_activity(verb)
        if paired is not None:  # before any complement: "try and walk to work"
            verb = paired
            continue
        if comp is not None and verb.lemma_.lower() in lex.chain_verbs:
            if verb.lemma_.lower() in {"stop", "quit"} or _wished_state(comp, lex):
                break
            verb = comp
            continue
        break
    return verb


def _gone_activity(verb: Token) -> Token | None:
    """Return the activity of "go swimming" / "go walking" (the parser may tag it a noun)."""
    if verb.lemma_.lower() != "go" or verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.head != verb or not nxt.is_alpha or not nxt.lower_.endswith("ing") or len(nxt) < 6:
        return None
    return nxt if nxt.dep_ in {"dobj", "xcomp", "advcl", "oprd"} else None


def _wished_state(comp: Token, lex: Lexicon) -> bool:
    """Tell whether a complement wishes a state of a thing ("want the thoughts to stop").

    Rubric S: "thoughts stopping" is a state, not the person's behaviour; the
    wish ("want") stays the main verb and reads as a state.
    """
    return any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.state_nouns
        for c in comp.children
    )


def _pseudo_coordinated(verb: Token) -> Token | None:
    """Return X of "try and X" (the action), or None for a real coordination."""
    if verb.lemma_.lower() not in _PSEUDO_COORDINATION or verb.i + 2 >= len(verb.doc):
        return None
    after = verb.doc[verb.i + 1]
    nxt = verb.doc[verb.i + 2]
    if after.lower_ != "and" or nxt not in verb.conjuncts or not nxt.is_alpha:
        return None
    return nxt


def _known_verb(word: str, lex: Lexicon) -> bool:
    return any(
        word in group
        for group in (
            lex.observable_verbs,
            lex.umbrella_verbs,
            lex.vague_verbs,
            lex.change_verbs,
            lex.state_verbs,
            lex.single_event_verbs,
            lex.chain_verbs,
        )
    )


def activity_noun(sent: Span, nouns: Mapping[str, str]) -> Token | None:
    """Return the noun that names the activity of a verbless goal ("LB dressing: Mod I …").

    Rubric: a noun phrase ("Independent stair climbing by discharge") is goal
    wording; its action is the activity its head noun names.
    """
    if not nouns:
        return None
    for tok in sent:
        if tok.pos_ not in {"NOUN", "PROPN", "VERB"} or not tok.is_alpha or tok.dep_ == "amod":
            continue
        if tok.lower_ in nouns and not (tok.dep_ == "compound" and tok.head.lower_ in nouns):
            return tok
        if tok.dep_ == "compound" and f"{tok.lower_} {tok.head.lower_}" in nouns:
            return tok.head
    return None


def noun_verb(tok: Token, nouns: Mapping[str, str]) -> str | None:
    """Return the verb an activity noun stands for ("dressing" -> "dress"), if it is one."""
    if tok.pos_ in _VERB_POS:
        return None
    compound = next((c for c in tok.lefts if c.dep_ == "compound"), None)
    if compound is not None and f"{compound.lower_} {tok.lower_}" in nouns:
        return nouns[f"{compound.lower_} {tok.lower_}"]
    return nouns.get(tok.lower_)


def body_part(tok: Token, body_nouns: frozenset[str]) -> bool:
    """Tell whether "lower"/"upper" names a body part here ("lower body", "lower-extremity")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(tok.doc):
        nxt = tok.nbor(2)
    return nxt is not None and nxt.lower_ in body_nouns


def _sentence_root(
    sent: Span,
    lex: Lexicon,
    nouns: Mapping[str, str] | None = None,
    body: frozenset[str] = frozenset(),
    verb_words: frozenset[str] = frozenset(),
) -> Token | None:
    """Pick the verb a goal sentence commits to, repairing common tagger slips."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if _leading_imperative(first, sent, lex) or _imperative_as_noun(first, sent, lex, verb_words):
        return first
    modal = next(
        (t for t in sent if t.tag_ == "MD" and t.lower_ in {"will", "'ll", "shall", "'d", "would"}),
        None,
    )
    if modal is not None and modal.head.pos_ in _VERB_POS and modal.head is not modal:
        return modal.head
    mis_tagged = (
        first is not None and first.pos_ not in _VERB_POS and _known_verb(first.lower_, lex)
    )
    if mis_tagged and body_part(first, body):  # type: ignore[arg-type]
        mis_tagged = False
    if mis_tagged and first.i + 1 < len(sent.doc) and sent.doc[first.i + 1].pos_ not in _VERB_POS:  # type: ignore[union-attr]
        return first
    root = sent.root
    if (
        first is not None
        and first is not root
        and first.tag_ == "VB"
        and first.dep_ in {"compound", "amod", "nmod"}
        and _known_verb(first.lower_, lex)
        and not _known_verb(root.lemma_.lower(), lex)
    ):
        return first  # an imperative whose object was tagged as the verb ("Monitor blood glucose")
    if root.pos_ in _VERB_POS and root.is_alpha:
        return root
    cands = [
        t for t in sent if t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"} and t.is_alpha
    ]
    noun = None if any(t.tag_ == "MD" for t in sent) else activity_noun(sent, nouns or {})
    if noun is not None:
        # A verbless goal: a real verb still wins, a tagger slip ("to wheelchair") does not.
        known = [t for t in cands if _known_verb(t.lemma_.lower(), lex)]
        setting = _setting_of(noun, cands)
        return known[0] if known else setting or noun
    if cands:
        return cands[0]
    return next(
        (
            t
            for t in sent
            if t.pos_ in {"NOUN", "VERB", "PROPN"} and _verb_lemma(t) in lex.observable_verbs
        ),
        None,
    )


def _leading_imperative(first: Token | None, sent: Span, lex: Lexicon) -> bool:
    """Tell whether an opening imperative is the goal and what follows a comment on it.

    "Go to the gym 4x/wk, I'd say 40% confident" and "Finish the ladder, top
    step included, this week": the parser hangs the imperative under the later
    clause (a comment verb or an absolute participle), but the goal is the
    imperative (rubric S: the behaviour the person commits to).
    """
    if first is None or first.tag_ != "VB" or first.dep_ != "advcl":
        return False
    head = first.head
    if head != sent.root or not any(t.text == "," for t in sent.doc[first.i : head.i]):
        return False
    return head.lemma_.lower() in _COMMENT_VERBS or head.tag_ == "VBN"


#: Prepositions a verb takes straight after it ("volunteer at", "stick with").
_VERB_PREPS = frozenset(
    {"at", "with", "for", "to", "in", "on", "into", "through", "around", "up", "out", "off"}
)


def _imperative_as_noun(
    first: Token | None, sent: Span, lex: Lexicon, verb_words: frozenset[str]
) -> bool:
    """Tell whether an opening imperative was tagged as a noun ("Volunteer at the shelter",
    "Stick with cardiac rehab"): a verb of the lemmatizer's tables, straight followed by
    a preposition, in a sentence with no verb of its own. Rubric: an imperative is goal
    wording ("Walk 20 min daily x 4 wks"). "Pain at or below 3/10" is a state noun."""
    if first is None or first.pos_ not in {"NOUN", "PROPN"} or first.dep_ != "ROOT":
        return False
    word = first.lower_
    if word not in verb_words or word in lex.state_nouns or first.i + 2 >= len(first.doc):
        return False
    nxt, after = first.doc[first.i + 1], first.doc[first.i + 2]
    if nxt.lower_ not in _VERB_PREPS or after.like_num or after.lower_ in {"or", "below", "above"}:
        return False
    return not any(t.pos_ in _VERB_POS for t in sent if t.i != first.i)


def _setting_of(noun: Token, cands: list[Token]) -> Token | None:
    """Return the verb whose setting an activity noun names ("wean from O2 during amb").

    An activity noun after "during", "while", "after" or "before" is when the act
    happens, not the act: the verb that governs it is the action.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"during", "while", "after", "before", "with"}:
        return None
    return prep.head if prep.head in cands else None


def _verb_lemma(tok: Token) -> str:
    """Return the verb a word names, reading gerunds used as nouns ("walking" -> "walk")."""
    word = tok.lower_
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            return stem[:-1]
        return stem
    return tok.lemma_.lower()


def main_verbs(
    doc: Doc,
    lex: Lexicon,
    nouns: Mapping[str, str] | None = None,
    body: frozenset[str] = frozenset(),
    verb_words: frozenset[str] = frozenset(),
) -> list[tuple[Token, str]]:
    """Return ``(verb, role)``: each sentence's content verb, its conjuncts and methods.

    ``nouns`` maps activity nouns to verbs: a verbless goal's action is its activity noun.
    """
    verbs: list[tuple[Token, str]] = []
    for sent in doc.sents:
        if verbs and sent[0].lower_ in lex.clause_openers:
            continue  # "… so I don't fall again" split off by the parser: a purpose, not an action
        root = _sentence_root(sent, lex, nouns, body, verb_words)
        if root is None:
            continue
        main = _content_verb(root, lex)
        verbs.append((main, "main" if not verbs else "coordinated"))
        for conj in main.conjuncts:
            if conj.i > main.i and (
                conj.pos_ in _VERB_POS
                or (conj.tag_ in {"NN", "VB", "VBP"} and _known_verb(conj.lower_, lex))
            ):
                verbs.append((_content_verb(conj, lex), "coordinated"))
        for prep in main.children:
            if prep.dep_ == "prep" and prep.lower_ in {"by", "through", "via"}:
                method = next(
                    (c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None
                )
                if method is not None:
                    verbs.append((method, "method"))
        for adv in main.children:
            if adv.dep_ == "advcl" and adv.tag_ == "VBG":  # "…, attending 3 AA meetings weekly"
                verbs.append((adv, "method"))
    return verbs


def object_of(verb: Token, lex: Lexicon) -> Token | None:
    """Return the verb's direct object, gerund complement or prepositional object."""
    for c in verb.children:
        if c.dep_ in {"dobj", "obj", "attr", "oprd"} and c.lower_ not in lex.not_objects:
            return c
    for c in verb.children:
        if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG":
            return c
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in {"to", "on", "in", "with", "for", "at", "of"}
            and 0 < c.i - verb.i <= 3
        ):
            obj = next((o for o in c.children if o.dep_ in {"pobj", "pcomp"}), None)
            if (
                obj is not None
                and obj.lower_ not in lex.not_objects
                and obj.lemma_.lower() not in lex.time_nouns
            ):
                return obj
    return None


def _specified(noun: Token, lex: Lexicon) -> bool:
    """Tell whether an umbrella noun is pinned down by a kind, example, name, count or setting."""
    for c in noun.children:
        if (
            c.dep_ in {"compound", "amod", "nmod", "poss"}
            and c.lower_ not in lex.nonspecific_modifiers
        ):
            if c.dep_ == "poss" and c.pos_ == "PRON":
                continue
            return True
        if c.dep_ in {"appos", "acl", "relcl", "nummod"} or c.pos_ == "PROPN":
            return True
        if c.dep_ == "prep" and c.lower_ in {"like", "from", "including", "such"}:
            return True
    window = noun.doc[noun.i + 1 : noun.i + 9]
    markers = {"like", "such", "including", "e.g.", "("}
    return any(t.lower_ in markers for t in window[:2]) or any(
        t.lower_ in {"such", "including", "e.g."} for t in window
    )


def _at_place(verb: Token, lex: Lexicon) -> bool:
    """Tell whether "be" puts the person somewhere ("be in bed by 10:30 pm")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lex.place_nouns:
                return True
    return False


def _comparative_quality(verb: Token) -> bool:
    return any(
        c.dep_ == "advmod" and c.lower_ in {"better", "worse", "healthier"} for c in verb.children
    )


def classify(
    verb: Token,
    obj: Token | None,
    lex: Lexicon,
    doc_lower: str,
    named: frozenset[int] = frozenset(),
) -> tuple[str, str | None]:
    """Return ``(kind, issue)`` for a verb and its object.

    ``named`` holds the character offsets of concern terms ("weed", "soda"):
    changing a named substance or behaviour is concrete.
    """
    lemma = verb.lemma_.lower()
    obj_lemma = obj.lemma_.lower() if obj is not None else ""
    phrase_start = verb.idx
    tail = doc_lower[phrase_start : phrase_start + 40]
    if any(tail.startswith(p) for p in lex.concrete_phrases):
        return "behavior", None
    if f"{lemma} {obj_lemma}" in lex.outcome_phrases:
        return "state", "outcome"
    if f"{lemma} {obj_lemma}" in lex.state_phrases:
        return "state", None
    gerund = _verb_lemma(obj) if obj is not None else ""
    if lemma in {"stop", "quit"} and {gerund, gerund + "e", obj_lemma} & lex.state_verbs:
        return "state", None
    if lemma in {"keep", "stay", "remain"} and any(
        c.dep_ in {"oprd", "acomp"} and c.pos_ == "ADJ" for c in verb.children
    ):
        return "state", None  # "keep my kitchen clean" names an end state, not an act
    if lemma == "be" and _at_place(verb, lex):
        return "behavior", None
    if lemma in {"maintain", "keep"} and obj is not None and obj_lemma in lex.state_nouns:
        return "state", None  # "maintain sobriety"
    if lemma in {"have", "get", "bring"} and obj is not None and obj_lemma in lex.state_nouns:
        return "state", None  # "have less pain", "get my anxiety under control"
    if lemma in lex.state_verbs:
        return "state", None
    if lemma == "get" and (
        obj is None or any(c.dep_ in {"acomp", "prt", "advmod"} for c in verb.children)
    ):
        return "state", None
    if any(c.dep_ == "acomp" for c in verb.children) and lemma in {
        "be",
        "get",
        "stay",
        "become",
        "feel",
        "remain",
    }:
        return "state", None
    if _comparative_quality(verb):
        return "behavior", "quality_comparative"
    if lemma in lex.change_verbs:
        has_name = obj is not None and any(
            c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "of") for c in obj.children
        )
        countable = obj is not None and (
            obj.tag_ in {"NNS", "NNPS", "VBG"}
            or obj.pos_ == "PROPN"
            or has_name
            or obj.idx in named
            or obj.lower_.endswith("ing")  # an activity named by a gerund: "drinking", "snacking"
        )
        if countable and obj_lemma not in lex.state_nouns and obj.lower_ not in lex.state_nouns:  # type: ignore[union-attr]
            return "behavior", None
        return "behavior", "vague_verb"
    if lemma in lex.vague_verbs:
        return "behavior", "vague_verb"
    if obj is not None and (obj.lower_ in lex.umbrella_nouns or obj_lemma in lex.umbrella_nouns):
        if obj.i == verb.i + 1 and verb.tag_ == "VBG":  # "stretching exercises"
            return "behavior", None
        return ("behavior", None) if _specified(obj, lex) else ("behavior", "umbrella")
    if obj is None and lemma in lex.umbrella_verbs:
        nxt = verb.doc[verb.i + 1 : verb.i + 2]
        if len(nxt) and nxt[0].text == "(":
            return "behavior", None
        return "behavior", "umbrella"
    return "behavior", None


def _object_text(obj: Token | None) -> str | None:
    if obj is None:
        return None
    left = min(
        (
            t.i
            for t in obj.subtree
            if t.dep_ in {"det", "poss", "amod", "compound", "nummod", "nmod"} or t == obj
        ),
        default=obj.i,
    )
    return obj.doc[left : obj.i + 1].text


#: Levels of help that make "be <level> with <activity>" an activity done at that level.
_LEVEL_WORDS = {"independent", "independently", "modified", "supervised", "safe", "safely"}


def assisted_activity(verb: Token, nouns: Mapping[str, str], lex: Lexicon) -> Token | None:
    """Return the activity of "be independent with toileting" (an act at a level of help).

    Clinicians write "Pt will be I w/ toilet transfers by d/c" for "will transfer to
    the toilet independently"; the activity is the behaviour, the level its measure.
    A comparative ("be more independent") or an umbrella ("in all ADLs") stays vague.
    """
    if verb.lemma_.lower() != "be":
        return None
    level = next(
        (
            c
            for c in verb.children
            if c.dep_ in {"acomp", "advmod", "attr"} and c.lower_ in _LEVEL_WORDS
        ),
        None,
    )
    if level is None or any(c.lower_ in {"more", "less", "most"} for c in level.children):
        return None
    for prep in (*level.children, *verb.children):
        if prep.dep_ != "prep" or prep.lower_ not in {"with", "in", "for", "during", "at"}:
            continue
        task = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if task is None or any(c.lower_ == "all" for c in task.children):
            continue
        word = task.lower_
        compound = next((c for c in task.lefts if c.dep_ == "compound"), None)
        if compound is not None and f"{compound.lower_} {word}" in nouns:
            return task  # "home exercise program", "toilet transfers"
        if word in lex.umbrella_nouns or task.lemma_.lower() in lex.umbrella_nouns:
            continue
        if word in nouns or task.tag_ == "VBG" or word.endswith("ing"):
            return task
    return None


def _noun_action(noun: Token, verb: str, role: str) -> Action:
    """Return the action of a verbless goal, spanning its activity noun and compounds."""
    left = min(
        (t.left_edge.i for t in noun.lefts if t.dep_ in {"compound", "nmod"}), default=noun.i
    )
    span = noun.doc[left : noun.i + 1]
    return Action(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        lemma=verb,
        object=None,
        kind="behavior",
        issue=None,
        role="main" if role == "main" else "coordinated",
    )


def state_main_verbs(state: ExtractionState) -> list[tuple[Token, str]]:
    """Return :func:`main_verbs` of the goal, computed once by the pipeline."""
    return list(state.main_verbs)


def find_actions(state: ExtractionState) -> list[Action]:
    """Find the main actions with their objects and kind."""
    doc, lex = state.doc, state.res.kb.lexicon
    lower = doc_text(doc).lower()
    named = frozenset(
        tok.idx
        for c in state.found_of("concerns", Concern)
        if c.concern and c.text.lower() not in lex.state_nouns
        for tok in doc.char_span(c.start, c.end, alignment_mode="expand") or ()
    )
    out: list[Action] = []
    nouns = state.res.kb.activity_nouns
    for verb, role in state_main_verbs(state):
        as_noun = noun_verb(verb, nouns)
        if as_noun is not None:
            out.append(_noun_action(verb, as_noun, role))
            continue
        obj = object_of(verb, lex)
        kind, issue = classify(verb, obj, lex, lower, named)
        task = assisted_activity(verb, nouns, lex)
        if task is not None:  # "be I w/ toileting": toileting, at a stated level of help
            kind, issue, obj = "behavior", None, task
        end_tok = obj if obj is not None and obj.i > verb.i else verb
        for c in verb.children:
            if c.dep_ in {"prt", "acomp"} and c.i > end_tok.i:
                end_tok = c.doc[c.right_edge.i] if c.dep_ == "acomp" else c
        span: Span = doc[verb.i : end_tok.i + 1]
        negated = any(c.dep_ == "neg" for c in verb.children)
        # a gerund the parser tagged as a noun still names its verb ("Go swimming")
        gerund = verb.pos_ not in _VERB_POS and verb.lower_.endswith("ing")
        out.append(
            Action(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                lemma=_verb_lemma(verb) if gerund else verb.lemma_.lower(),
                object=_object_text(obj),
                kind=kind,
                issue=issue,
                role=role,
                negated=negated,
            )
        )
    return out
