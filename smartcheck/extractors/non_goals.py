"""Texts that are not goals: questions, notes, symptom reports, plans of care, headings, junk.

Rubric, "Goals and non-goals": a text that states no intention is not a goal.
Each rule below marks one kind with a flag whose category is the kind (see
``rubric.base.NON_GOAL_FLAGS``); the rubric then scores 0 everywhere. The
rules read the parse of the normalised text, so "Pt c/o dizziness" is read as
"Patient complains of dizziness". A text that names an intention ("will",
"to", "want", an imperative) is never a note or a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from smartcheck.extractors.base import doc_text
from smartcheck.extractors.state import ExtractionState
from smartcheck.kb.models import NonGoalsFile
from smartcheck.models import Flag

_FORMULA = re.compile(r"^\s*[=+@]\s*(?:[A-Za-z_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b)")
_WORD = re.compile(r"[^\W\d_]{2}")
_SPREADSHEET_ERROR = re.compile(r"^#[A-Z/0-9]+[!?]?$")
_INTENT = {"will", "'ll", "shall", "going", "want", "wants", "plan", "plans", "would", "'d"}
_MODAL_TAGS = {"MD"}
_INTENT_KEY = "smartcheck.intent"
_WISH_VERBS = {"need", "want", "wish", "hope", "like", "aim"}
_SYMPTOMS = re.compile(
    r"\b(?:pain|ache|aching|sore|soreness|dizz\w*|fatigue|tired\w*|nause\w*|vomit\w*|anxi\w*|"
    r"depress\w*|mood|sad\w*|shortness|breath\w*|dyspnea|numb\w*|tingl\w*|weak\w*|stiff\w*|"
    r"swell\w*|swollen|headache\w*|migraine\w*|insomnia|sleep\w*|craving\w*|urge\w*|"
    r"difficult\w*|trouble|spasm\w*|cramp\w*|symptom\w*|panic\w*|worr\w*|stress\w*|"
    r"hurts?|hurting|aches?|itch\w*|burning|discomfort|falls?|fell|lonel\w*|hallucinat\w*|voices)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Compiled:
    """The word lists of ``non_goals.yaml`` as one regex each (built once per table)."""

    service: re.Pattern[str]
    result: re.Pattern[str]
    past: re.Pattern[str]
    courtesy: re.Pattern[str]
    status: re.Pattern[str]


def _alternation(terms: Iterable[str], *, anchored: bool = False) -> re.Pattern[str]:
    body = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    if anchored:
        return re.compile(rf"\s*(?:{body})(?![\w])", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


_CACHE: dict[int, tuple[NonGoalsFile, _Compiled]] = {}


def _compiled(words: NonGoalsFile) -> _Compiled:
    hit = _CACHE.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    built = _Compiled(
        service=_alternation(words.service_terms),
        result=_alternation(words.result_markers),
        past=_alternation(words.past_markers),
        courtesy=_alternation(words.courtesy_openers, anchored=True),
        status=_alternation(words.status_phrases),
    )
    _CACHE[id(words)] = (words, built)
    return built


def _whole(text: str, category: str) -> Flag:
    stripped = text.rstrip()
    start = len(stripped) - len(stripped.lstrip())
    return Flag(start=start, end=len(stripped), text=stripped[start:], category=category)


def _token(tok: Token, category: str) -> Flag:
    return Flag(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, category=category)


def is_junk(text: str, words: NonGoalsFile) -> bool:
    """Tell whether a row holds no goal wording: no word, a formula, or a placeholder.

    Rubric, "Goals and non-goals": a row with no goal wording at all is not a
    goal. A row with no two letters in a row ("5 x 3", "a b", "!!!") has no word
    to read.
    """
    stripped = text.strip()
    if not _WORD.search(stripped):
        return True
    if _SPREADSHEET_ERROR.match(stripped):
        return True
    if _FORMULA.match(stripped) and not _words_after_formula(stripped):
        return True
    return stripped.lower().rstrip(".") in words.junk_placeholders


def _words_after_formula(text: str) -> bool:
    """Tell whether goal wording follows a leading formula ("=HYPERLINK(..) I will walk").

    A row that is only a formula ("=SUM(A1:A3)", "=A1+B2") has no goal wording (rubric:
    "a spreadsheet formula" is not a goal); words after it are still a goal, whose cell
    the reports neutralise.
    """
    depth, end = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                end = i + 1
                break
    rest = text[end:] if end else re.sub(r"^[=+@]\s*[$\w.:+\-*/]+", "", text)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2


def _has_intent(doc: Doc) -> bool:
    """Tell whether the goal states an intention ("will", "want", a modal); once per Doc."""
    cached = doc.user_data.get(_INTENT_KEY)
    if cached is None:
        cached = any(t.lower_ in _INTENT or t.tag_ in _MODAL_TAGS for t in doc)
        doc.user_data[_INTENT_KEY] = cached
    return bool(cached)


def _heading(doc: Doc, words: NonGoalsFile) -> bool:
    """Tell whether the text is a heading: a short label, maybe numbered, maybe ending in ':'."""
    text = re.sub(r"\s*\([^)]*\)", "", doc_text(doc)).strip()  # "Short-term goals (2 wks):"
    core = re.sub(r"[\s:.\-–—#)(]*\d*[\s:.\-–—)]*$", "", text).strip()
    core = re.sub(r"^[\s\d.)(#-]*", "", core).strip().lower()
    if not core or len(core.split()) > 6:
        return False
    if core in words.heading_terms:
        return True
    label, sep, topic = _split_label(text)
    if sep and topic and len(topic.split()) <= 3 and _heading_label(label, words):
        topic_doc = [t for t in doc if t.idx >= doc_text(doc).find(topic)]
        # A bare topic ("— Mobility"); "Goal: independent stair climbing" is a goal.
        if not any(t.pos_ in {"VERB", "AUX", "ADJ", "NUM"} for t in topic_doc):
            return True
    tokens = core.replace("-", " - ").split()
    for cut in range(1, len(tokens)):
        head = " ".join(tokens[:cut]).replace(" - ", "-")
        tail = " ".join(tokens[cut:]).replace(" - ", "-")
        if tail in words.heading_terms and all(
            w in words.heading_prefixes or w.isdigit() for w in head.split()
        ):
            return True
    return (
        text.endswith(":")
        and len(core.split()) <= 4
        and not any(t.pos_ in {"VERB", "AUX"} for t in doc)
    )


def _split_label(text: str) -> tuple[str, str, str]:
    parts = re.split(r"\s*([:—–]|\s-\s)\s*", text.strip(), maxsplit=1)
    if len(parts) < 3:
        return text, "", ""
    return parts[0], parts[1], parts[2].strip(" .")


def _heading_label(label: str, words: NonGoalsFile) -> bool:
    core = re.sub(r"[\s#]*\d+[a-z]?\s*$", "", label.strip().lower()).strip()
    if core in words.heading_terms:
        return True
    tokens = core.split()
    return any(
        " ".join(tokens[cut:]) in words.heading_terms
        and all(w in words.heading_prefixes or w.isdigit() for w in tokens[:cut])
        for cut in range(1, len(tokens))
    )


def _problem_label(doc: Doc, words: NonGoalsFile) -> bool:
    """Tell whether the line is a problem-list entry ("Problem: impaired mobility")."""
    head, sep, _ = doc_text(doc).partition(":")
    return bool(sep) and head.strip().lower() in words.problem_labels and not _has_intent(doc)


def _note_label(doc: Doc, words: NonGoalsFile, has_deadline: bool) -> bool:
    """Tell whether the line is a note under a label ("O: TUG 16 s", "Rehab potential: good")."""
    head, sep, _ = doc_text(doc).partition(":")
    return (
        bool(sep)
        and head.strip().lower() in words.note_labels
        and not has_deadline
        and not _has_intent(doc)
    )


def _plan_label(doc: Doc, words: NonGoalsFile) -> bool:
    """Tell whether the line opens with a plan-of-care label ("Frequency: 3x/wk x 4 wks")."""
    head, sep, _ = doc_text(doc).partition(":")
    return bool(sep) and head.strip().lower() in words.plan_labels and not _has_intent(doc)


def _service_in(tokens: list[Token], words: NonGoalsFile) -> bool:
    return bool(_compiled(words).service.search(" ".join(t.lower_ for t in tokens)))


def _plan_of_care(doc: Doc, words: NonGoalsFile, has_frequency: bool) -> Token | None:
    """Return the verb of a line that schedules the person's visits, if it is one."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        passive = tok.tag_ == "VBN" and any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "be") for c in tok.children
        )
        if passive and lemma in words.service_passive_verbs:
            subj = [c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}]
            if not subj or subj[0].lower_ not in {"therapist", "clinician"}:
                return tok
        if passive and lemma in words.education_passive_verbs and not _joined_goal(tok):
            return tok
        if tok.pos_ == "VERB" and lemma in words.service_receive_verbs | words.service_attend_verbs:
            scope = list(tok.subtree)[tok.i - tok.left_edge.i :]
            if (lemma in words.service_receive_verbs or has_frequency) and _service_in(
                scope, words
            ):
                return tok
    return None


def _joined_goal(verb: Token) -> bool:
    """Tell whether an active verb is joined to a passive care verb ("be educated on falls
    and demonstrate 3 strategies"): the person then does something, and it is a goal."""
    return any(
        c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and not any(g.dep_ == "auxpass" for g in c.children)
        and c.tag_ != "VBN"
        for c in verb.children
    )


def _provider(state: ExtractionState, words: NonGoalsFile) -> bool:
    """Tell whether a clinician is the one acting, on a service verb ("SLP to provide …")."""
    actors = state.found.actors
    clinician = any(getattr(a, "role", None) == "clinician" for a in actors)
    if not clinician:
        lex = state.res.kb.lexicon
        first = re.match(
            r"\s*(?:the\s+)?([\w -]+?)\s+(?:will|to|shall)\s", doc_text(state.doc).lower()
        )
        clinician = first is not None and (
            first.group(1) in lex.clinician_subjects or first.group(1).endswith("therapist")
        )
    if not clinician:
        return False
    return any(
        t.lemma_.lower() in words.provider_verbs and t.pos_ in {"VERB", "NOUN"} for t in state.doc
    )


def _service_opener(state: ExtractionState, words: NonGoalsFile) -> bool:
    """Tell whether the line opens with a service and its frequency ("OT 3x/wk x 4 wks: …")."""
    lower = doc_text(state.doc).lower().lstrip()
    opener = next(
        (o for o in sorted(words.service_openers, key=len, reverse=True) if lower.startswith(o)),
        None,
    )
    if opener is None or _has_intent(state.doc):
        return False
    offset = len(doc_text(state.doc)) - len(lower)
    limit = offset + len(opener) + 8
    return any(f.start <= limit for f in state.found.frequencies)


def _result(doc: Doc, words: NonGoalsFile, has_deadline: bool) -> bool:
    """Tell whether a statement reports a result at a moment ("6MWT 412 m today")."""
    if has_deadline or _has_intent(doc):
        return False
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.tag_ in {"VB", "VBP"} and first.pos_ in {"VERB", "AUX"}:
        return False  # an imperative: "Walk 20 min today", "Do step 4 three times today"
    return bool(_compiled(words).result.search(doc_text(doc)))


def _past_marker(doc: Doc, words: NonGoalsFile) -> bool:
    return bool(_compiled(words).past.search(doc_text(doc)))


def _courtesy(doc: Doc, words: NonGoalsFile) -> bool:
    return bool(_compiled(words).courtesy.match(doc_text(doc))) and not _has_intent(doc)


def _present_symptom(doc: Doc) -> Token | None:
    """Return the verb of a present-tense symptom statement ("My knee swells up if I walk …")."""
    if _has_intent(doc):
        return None
    for sent in doc.sents:
        root = sent.root
        if root.tag_ not in {"VBZ", "VBP"}:
            continue
        if root.lemma_.lower() in _WISH_VERBS:
            continue  # "I need more sleep" wishes for a change (rubric: a wish is a goal)
        core = [
            root,
            *(c for c in root.children if c.dep_ in {"nsubj", "acomp", "dobj", "attr", "prt"}),
        ]
        if any(
            _SYMPTOMS.search(t.text) for c in core for t in (c.subtree if c is not root else [c])
        ):
            return root
    return None


def _report(doc: Doc, words: NonGoalsFile) -> Token | None:
    """Return the reporting verb of a symptom report or note ("Pt reports…", "c/o…")."""
    if _has_intent(doc):
        return None
    for sent in doc.sents:
        root = sent.root
        verb = root
        first = sent[0]
        if first.lemma_.lower() in words.report_verbs and first.lower_.endswith(("s", "ed")):
            return first  # "Reports 7/10 knee pain", "Denies SOB" (often tagged as a noun)
        if root.lemma_.lower() not in words.report_verbs:
            verb = next(
                (
                    t
                    for t in sent
                    if t.lemma_.lower() in words.report_verbs
                    and t.pos_ == "VERB"
                    and t.i < root.i + 3
                ),
                root,
            )
        if verb.lemma_.lower() not in words.report_verbs:
            continue
        if verb.tag_ in {"VBZ", "VBD", "VBP", "VBN", "VBG"} or verb.i == sent.start:
            if (
                verb.tag_ == "VB"
                and verb.i == sent.start
                and verb.lower_ in {"rate", "note", "state"}
            ):
                continue  # an imperative: "Rate pain daily"
            return verb
        if verb.i == sent.start and verb.lower_.endswith("s"):
            return verb
    return None


def _progress(doc: Doc, words: NonGoalsFile) -> Token | None:
    """Return the verb of a past-tense or perfect note ("Client walked 400 m", "has met")."""
    if _has_intent(doc):
        return None  # "Pt tolerated tx well. Pt will amb 150 ft by d/c" states a goal
    if _compiled(words).status.search(doc_text(doc)):
        return doc[0]
    for sent in doc.sents:
        root = sent.root
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)
        if root.lower_ in words.qualifier_participles:
            continue  # "…, weekends included, for 4 weeks" qualifies a plan; it reports nothing
        if root.tag_ == "VBD" and has_subject and root.lemma_.lower() != "would":
            return root
        perfect = root.tag_ in {"VBN", "VBG"} and any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ != "VB" for c in root.children
        )
        if perfect and has_subject:
            return root
        first = sent[0]
        second = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
        if (
            second is not None
            and first.lower_ in words.note_subjects
            and second.tag_ in {"VBD", "VBN"}
        ):
            return second  # "Pt educated on HEP", "Caregiver instructed in transfers"
        opens_past = first.tag_ in {"VBD", "VBN"} or first.lower_ in words.past_forms
        if opens_past and first.tag_ != "VB" and _past_marker(doc, words):
            return first
    return None


_PRONOUNS = {"i", "you", "u", "we", "they", "he", "she", "it"}


def _question(doc: Doc, question_starts: frozenset[str]) -> bool:
    """Tell whether the text asks something: a '?', or an opener then an inverted auxiliary
    ("How long should I ice my knee", "Can we work on my sleep next time")."""
    if doc_text(doc).rstrip().endswith("?"):
        return True
    words = []  # the first few words are enough: the opener and an auxiliary after it
    for t in doc:
        if not t.is_punct and not t.is_space:
            words.append(t)
            if len(words) == 5:
                break
    if len(words) < 2 or words[0].lower_ not in question_starts:
        return False
    for i in range(0, min(4, len(words) - 1)):
        aux = words[i].tag_ == "MD" or words[i].lemma_.lower() in {"be", "do", "have"}
        nxt = words[i + 1].lower_
        subject = nxt in _PRONOUNS or (
            words[i].lemma_.lower() == "be" and nxt in {"this", "that", "there"}
        )
        if aux and subject and (i == 0 or words[i].pos_ == "AUX"):
            return True
    return False


def find_non_goal_flags(state: ExtractionState) -> list[Flag]:
    """Return at most one flag saying which kind of non-goal the text is."""
    doc = state.doc
    words = state.res.kb.non_goals
    if words is None:
        return []
    text = doc_text(doc)
    written = doc._.smartcheck_original or text  # junk is judged on what the user wrote
    if is_junk(written, words) or _courtesy(doc, words):
        return [_whole(text, "junk")]
    if _heading(doc, words):
        return [_whole(text, "heading")]
    if _question(doc, state.res.kb.lexicon.question_starts):
        return [_whole(text, "question")]
    deadline = any(getattr(t, "kind", "") == "deadline" for t in state.found.timeframes)
    if _problem_label(doc, words):
        return [_whole(text, "symptom_report")]
    if _note_label(doc, words, deadline):
        return [_whole(text, "progress_note")]
    if _plan_label(doc, words) or _service_opener(state, words) or _provider(state, words):
        return [_whole(text, "plan_of_care")]
    verb = _plan_of_care(doc, words, bool(state.found.frequencies))
    if verb is not None:
        return [_whole(text, "plan_of_care")]
    report = _report(doc, words)
    if report is not None:
        tail = doc[report.i :].text
        kind = "symptom_report" if _SYMPTOMS.search(tail) else "progress_note"
        return [_token(report, kind)]
    note = _progress(doc, words)
    if note is not None:
        kind = (
            "symptom_report"
            if _SYMPTOMS.search(doc[note.i :].text) and note.tag_ != "VBD"
            else "past_tense"
        )
        return [_token(note, kind)]
    symptom = _present_symptom(doc)
    if symptom is not None:
        return [_token(symptom, "symptom_report")]
    if _result(doc, words, deadline):
        return [_whole(text, "progress_note")]
    return []
