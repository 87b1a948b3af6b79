"""The knowledge base loads, validates and names the file and key of a bad value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartcheck import KnowledgeBaseError
from smartcheck.kb.loader import load_kb

DATA = Path(__file__).resolve().parents[2] / "smartcheck" / "data"


def test_kb_loader_package_data_is_valid() -> None:
    kb = load_kb()
    assert len(kb.concerns) >= 30
    assert {"therapy", "coaching"} <= set(kb.profiles)
    assert kb.profile("coaching").counted == ("specific", "measurable", "achievable")


def test_kb_loader_every_data_file_has_a_version() -> None:
    import yaml

    for path in DATA.rglob("*.yaml"):
        assert "version" in yaml.safe_load(path.read_text(encoding="utf-8")), path.name


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_kb_loader_error_names_file_and_key(kb_copy: Path) -> None:
    path = kb_copy / "measures.yaml"
    path.write_text(path.read_text().replace("direction: lower", "direction: sideways", 1))
    with pytest.raises(
        KnowledgeBaseError, match=r"measures.yaml: invalid value at measures\.0\.direction"
    ):
        load_kb(kb_copy)


def test_kb_loader_rejects_unknown_related_concern(kb_copy: Path) -> None:
    path = kb_copy / "concerns.yaml"
    path.write_text(path.read_text().replace("related: [panic,", "related: [no_such_concern,", 1))
    with pytest.raises(KnowledgeBaseError, match="no_such_concern"):
        load_kb(kb_copy)


def test_kb_loader_adding_a_vague_verb_changes_no_python(kb_copy: Path) -> None:
    path = kb_copy / "lexicon.yaml"
    path.write_text(
        path.read_text().replace("vague_verbs: [improve,", "vague_verbs: [ponder, improve,", 1)
    )
    assert "ponder" in load_kb(kb_copy).lexicon.vague_verbs
