"""The spaCy component "smartcheck": extract elements, score them, set ``doc._.smart``."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from smartcheck import clock
from smartcheck.extensions import SPANS_KEY, read_params, register_extensions, store_analysis
from smartcheck.extractors.base import compile_resources, doc_text
from smartcheck.extractors.context import read_context
from smartcheck.extractors.pipeline import extract_elements
from smartcheck.kb.loader import default_kb, load_kb
from smartcheck.kb.models import KnowledgeBase
from smartcheck.models import Elements, GoalAnalysis, NonGoalKind, Provenance
from smartcheck.nlp import english_vocabulary, verb_forms
from smartcheck.number_limits import with_number_findings
from smartcheck.rubric.base import NON_GOAL_FLAGS, RubricInput
from smartcheck.rubric.non_goal import non_goal_dimensions
from smartcheck.rubric.overall import overall
from smartcheck.rubric.score import score_dimensions
from smartcheck.shorthand import Normalized, normalize, remap

logger = logging.getLogger(__name__)

#: Element lists rendered as spans, with their displaCy labels.
SPAN_LABELS: dict[str, str] = {
    "actors": "ACTOR",
    "actions": "ACTION",
    "frequencies": "FREQUENCY",
    "durations": "DURATION",
    "quantities": "QUANTITY",
    "timeframes": "TIMEFRAME",
    "measures": "MEASURE",
    "assistance": "ASSISTANCE",
    "confidence": "CONFIDENCE",
    "purposes": "PURPOSE",
}


def _version() -> str:
    from smartcheck import __version__

    return __version__


#: Flag category -> the kind of non-goal reported on ``GoalAnalysis.non_goal``.
NON_GOAL_KINDS: dict[str, NonGoalKind] = NON_GOAL_FLAGS


def _kb_of(nlp: Language) -> KnowledgeBase:
    if "smartcheck" in nlp.pipe_names:
        component = nlp.get_pipe("smartcheck")
        if isinstance(component, SmartCheckComponent):
            return component.kb
    return default_kb()


def make_goal_doc(nlp: Language, text: str) -> Doc:
    """Return the Doc the pipeline parses for ``text``: its shorthand normalised.

    The Doc holds the plain wording ("Pt amb w/ RW" -> "Patient ambulate with
    rolling walker"); ``doc._.smartcheck_original`` keeps what the user wrote,
    and the component maps every span of the analysis back onto it.
    """
    register_extensions()
    norm = normalize(text, _kb_of(nlp), english_vocabulary(nlp))
    doc = nlp.make_doc(norm.text)
    if norm.changed:
        doc._.smartcheck_original = text
    return doc


class SmartCheckComponent:
    """Score the goal in each Doc and store the analysis on it."""

    def __init__(self, nlp: Language, name: str, profile: str, kb_path: str | None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.kb_path = kb_path
        self.kb: KnowledgeBase = load_kb(Path(kb_path)) if kb_path else default_kb()
        self.kb.profile(profile)  # fail fast on an unknown profile
        self.profile = profile
        self.res = compile_resources(self.kb, nlp.vocab, nlp.make_doc)
        self.res.verbs = verb_forms(nlp)
        meta = nlp.meta
        self.provenance = Provenance(
            smartcheck_version=_version(),
            kb_version=self.kb.version,
            spacy_model=f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}",
            spacy_model_version=str(meta.get("version", "0")),
        )

    def __call__(self, doc: Doc) -> Doc:
        """Analyse the goal in ``doc`` and set ``doc._.smart`` and ``doc.spans``."""
        params = read_params(doc)
        # The component is an API boundary too: a spaCy user who runs it without
        # ``analyze`` and sets no date gets today's, read once through the clock.
        ref = params.reference_date or clock.today()
        profile = self.kb.profile(params.profile or self.profile)
        context = params.context
        elements = extract_elements(doc, self.res, ref)
        text = doc_text(doc)
        vocabulary = english_vocabulary(self.nlp)
        ctx_doc = (
            self.nlp.make_doc(normalize(context, self.kb, vocabulary).text) if context else None
        )
        inp = RubricInput(
            elements=elements,
            context=read_context(ctx_doc, self.res),
            profile=profile,
            kb=self.kb,
            text=text,
        )
        non_goal = inp.not_a_goal
        dims = score_dimensions(inp) if non_goal is None else non_goal_dimensions(inp, non_goal)
        label, value = overall(dims, profile)
        # After scoring: a number too large to read becomes an info finding (no score change).
        dims = with_number_findings(dims, text, self.kb)
        findings = sorted(
            (f for _, d in dims.items() for f in d.findings),
            key=lambda f: (f.span.start if f.span else -1, f.id),
        )
        analysis = GoalAnalysis(
            id=params.id,
            index=params.index,
            text=text,
            context=context,
            reference_date=ref,
            profile=profile.name,
            label=label,
            score=value,
            is_goal=non_goal is None,
            non_goal=None if non_goal is None else NON_GOAL_KINDS.get(non_goal.category, "junk"),
            dimensions=dims,
            elements=elements,
            findings=tuple(findings),
            provenance=self.provenance,
        )
        norm = self._alignment(doc)
        if norm is not None:
            analysis = remap(analysis, norm).model_copy(update={"text": norm.original})
        store_analysis(doc, analysis)
        doc.spans[SPANS_KEY] = self._span_group(doc, elements)
        return doc

    def _alignment(self, doc: Doc) -> Normalized | None:
        """Return the alignment of a Doc made by :func:`make_goal_doc`, if it changed the text."""
        original = doc._.smartcheck_original
        if original is None or original == doc_text(doc):
            return None
        norm = normalize(original, self.kb, english_vocabulary(self.nlp))
        if norm.text != doc_text(doc):  # pragma: no cover - normalised with another table
            logger.warning("the Doc text is not the normalised goal; spans keep Doc offsets")
            return None
        return norm

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of Docs."""
        for doc in stream:
            yield self(doc)

    def _span_group(self, doc: Doc, elements: Elements) -> SpanGroup:
        spans = []
        for field, label in SPAN_LABELS.items():
            for el in getattr(elements, field):
                span = doc.char_span(el.start, el.end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        return SpanGroup(doc, name=SPANS_KEY, spans=sorted(spans, key=lambda s: (s.start, s.end)))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the profile and, when overridden, the knowledge-base files."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        cfg = {"profile": self.profile, "kb_version": self.kb.version, "kb": bool(self.kb_path)}
        (out / "smartcheck.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")
        if self.kb_path:
            shutil.copytree(self.kb_path, out / "kb", dirs_exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SmartCheckComponent:
        """Load what :meth:`to_disk` saved."""
        src = Path(path)
        cfg = json.loads((src / "smartcheck.json").read_text(encoding="utf-8"))
        self.profile = cfg["profile"]
        if cfg.get("kb") and (src / "kb").is_dir():
            self.kb_path = str(src / "kb")
            self.kb = load_kb(src / "kb")
            self.res = compile_resources(self.kb, self.nlp.vocab, self.nlp.make_doc)
        return self


@Language.factory(
    "smartcheck",
    default_config={"profile": "therapy", "kb_path": None},
    assigns=["doc._.smart", "doc.spans"],
    requires=["token.dep", "token.pos", "token.lemma"],
)
def make_smartcheck(
    nlp: Language, name: str, profile: str, kb_path: str | None
) -> SmartCheckComponent:
    """Create the smartcheck component (registered as the ``spacy_factories`` entry point)."""
    return SmartCheckComponent(nlp, name, profile, kb_path)
