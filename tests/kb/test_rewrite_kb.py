"""The rewrite side of the knowledge base: one loader, one concerns model, ids cross-checked.

Each test loads a broken copy of the data directory and expects a
``KnowledgeBaseError`` that names the file and the id.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from smartcheck import KnowledgeBaseError
from smartcheck.kb.loader import (
    clinic_kb,
    default_kb,
    load_exercises,
    load_rewrite_kb,
    load_safety,
    read_rewrite_kb,
)
from smartcheck.kb.models import ConcernEntry, ConcernsFile

DATA = Path(__file__).resolve().parents[2] / "smartcheck" / "data"
Edit = Callable[[dict[str, Any]], None]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _edit(root: Path, name: str, change: Edit) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_rewrite_kb_packaged_files_pass_every_cross_check() -> None:
    kb = read_rewrite_kb()
    assert set(kb.interventions.concerns) <= {c.id for c in kb.concerns.concerns}
    assert load_rewrite_kb() is load_rewrite_kb()  # cached


def test_rewrite_kb_reads_the_analyzers_concerns() -> None:
    """concerns.yaml is modelled once: the rewrite holds the analyzer's own entries."""
    kb = load_rewrite_kb()
    assert isinstance(kb.concerns, ConcernsFile)
    assert kb.concerns.concerns == default_kb().concerns
    assert all(isinstance(c, ConcernEntry) for c in kb.concerns.concerns)


def _unknown_concern(data: dict[str, Any]) -> None:
    data["concerns"]["no_such_concern"] = next(iter(data["concerns"].values()))


def _unknown_finding(data: dict[str, Any]) -> None:
    data["templates"][0]["findings"].append("specific.no_such_finding")


def _missing_template(data: dict[str, Any]) -> None:
    data["templates"] = [t for t in data["templates"] if t["id"] != "pair_action"]


def _missing_message(data: dict[str, Any]) -> None:
    del data["messages"]["plan_of_care"]


def _message_unknown_finding(data: dict[str, Any]) -> None:
    data["messages"]["already_smart"]["id"] = "specific.no_such_message"


def _message_other_severity(data: dict[str, Any]) -> None:
    data["messages"]["gas_no_quantity"]["severity"] = "error"


def _gas_finding_removed(data: dict[str, Any]) -> None:
    del data["findings"]["relevant.gas_needs_smart_goal"]


def _related_unknown(data: dict[str, Any]) -> None:
    data["concerns"][0]["related"] = ["no_such_related"]


def _measure_unknown(data: dict[str, Any]) -> None:
    data["measures"][0]["concern"] = "no_such_measure_concern"


def _finding_removed(data: dict[str, Any]) -> None:
    del data["findings"]["specific.umbrella_activity"]


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("interventions.yaml", _unknown_concern, r"interventions.yaml: .*'no_such_concern'"),
        ("templates.yaml", _unknown_finding, r"templates.yaml: .*'specific.no_such_finding'"),
        ("templates.yaml", _missing_template, r"templates.yaml: .*'pair_action'"),
        ("templates.yaml", _missing_message, r"templates.yaml: .*'plan_of_care'"),
        (
            "templates.yaml",
            _message_unknown_finding,
            r"templates.yaml: .*'specific.no_such_message'",
        ),
        (
            "templates.yaml",
            _message_other_severity,
            r"templates.yaml: .*'measurable.gas_no_quantity'",
        ),
        # a message with a {dimension} slot needs the finding of every dimension
        (
            "findings.yaml",
            _gas_finding_removed,
            r"templates.yaml: .*'relevant.gas_needs_smart_goal'",
        ),
        ("concerns.yaml", _related_unknown, r"concerns.yaml: .*'no_such_related'"),
        ("measures.yaml", _measure_unknown, r"measures.yaml: .*'no_such_measure_concern'"),
        # a finding a template is chosen by disappears from the catalogue
        ("findings.yaml", _finding_removed, r"templates.yaml: .*'specific.umbrella_activity'"),
    ],
)
def test_rewrite_kb_bad_reference_names_file_and_id(
    kb_copy: Path, name: str, change: Edit, message: str
) -> None:
    _edit(kb_copy, name, change)
    with pytest.raises(KnowledgeBaseError, match=message):
        read_rewrite_kb(kb_copy)


def test_rewrite_kb_safety_rule_without_its_finding(kb_copy: Path) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["rules"][0]["id"] = "no_such_rule"

    _edit(kb_copy, "safety.yaml", rename)
    with pytest.raises(KnowledgeBaseError, match=r"safety.yaml: .*'safety.no_such_rule'"):
        load_safety(kb_copy)


def test_rewrite_kb_safety_finding_missing_from_the_catalogue(kb_copy: Path) -> None:
    def drop(data: dict[str, Any]) -> None:
        del data["findings"]["safety.eating_disorder"]

    _edit(kb_copy, "findings.yaml", drop)
    findings = yaml.safe_load((kb_copy / "findings.yaml").read_text())["findings"]
    with pytest.raises(KnowledgeBaseError, match=r"safety.yaml: .*'safety.eating_disorder'"):
        load_safety(kb_copy, findings=findings)


def test_rewrite_kb_exercise_ids_are_unique(kb_copy: Path) -> None:
    def repeat(data: dict[str, Any]) -> None:
        data["exercises"].append(dict(data["exercises"][0]))

    _edit(kb_copy, "exercises.yaml", repeat)
    first = yaml.safe_load((kb_copy / "exercises.yaml").read_text())["exercises"][0]["id"]
    with pytest.raises(KnowledgeBaseError, match=rf"exercises.yaml: .*'{first}'"):
        load_exercises(kb_copy / "exercises.yaml")


def test_rewrite_kb_invalid_value_names_file_and_key(kb_copy: Path) -> None:
    def bad_dose(data: dict[str, Any]) -> None:
        data["concerns"]["anxiety"]["timeframe"]["days"] = 0

    _edit(kb_copy, "interventions.yaml", bad_dose)
    with pytest.raises(
        KnowledgeBaseError, match=r"interventions.yaml: invalid value at concerns.anxiety"
    ):
        read_rewrite_kb(kb_copy)


CLINIC_INTERVENTIONS = """
version: clinic-1
concerns:
  tinnitus:
    purpose: "to cope with {poss} tinnitus"
    timeframe: {text: "for the next four weeks", days: 28}
    measure: {instrument: THI, criterion: "a THI score below 38"}
    actions:
      - {id: sound, verb: use, object: "a sound generator at bedtime",
         frequency: {text: "every night", times: 1, per: day}}
      - {id: relax, verb: practice, object: "relaxation",
         duration: {text: "for 10 minutes", seconds: 600}}
"""


def test_rewrite_kb_clinic_concern_needs_a_concerns_entry(tmp_path: Path) -> None:
    interventions = tmp_path / "clinic_interventions.yaml"
    interventions.write_text(CLINIC_INTERVENTIONS, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"interventions.yaml: .*'tinnitus'"):
        clinic_kb(interventions)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{id: tinnitus, domain: audiology, problem_terms: [ringing], related: [nope]}", "'nope'"),
        ("{id: tinnitus, domain: audiology, problem_terms: [ringing], colour: red}", "colour"),
        ("{id: tinnitus, problem_terms: [ringing]}", "domain"),
        (
            "{id: tinnitus, domain: audiology, problem_terms: [ringing]}\n  - {id: tinnitus, domain: a, problem_terms: [b]}",
            "unique",
        ),
    ],
)
def test_rewrite_kb_clinic_concerns_file_is_checked_like_the_packaged_one(
    tmp_path: Path, line: str, message: str
) -> None:
    interventions = tmp_path / "clinic_interventions.yaml"
    interventions.write_text(CLINIC_INTERVENTIONS, encoding="utf-8")
    concerns = tmp_path / "clinic_concerns.yaml"
    concerns.write_text(f"version: clinic-1\nconcerns:\n  - {line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=rf"clinic_concerns.yaml: .*{message}"):
        clinic_kb(interventions, concerns)


def test_rewrite_kb_clinic_concern_without_a_label_reads_its_id(tmp_path: Path) -> None:
    interventions = tmp_path / "clinic_interventions.yaml"
    interventions.write_text(CLINIC_INTERVENTIONS, encoding="utf-8")
    concerns = tmp_path / "clinic_concerns.yaml"
    concerns.write_text(
        "version: clinic-1\nconcerns:\n"
        "  - {id: tinnitus, domain: audiology, problem_terms: [tinnitus, ringing],"
        " related: [anxiety]}\n",
        encoding="utf-8",
    )
    kb = clinic_kb(interventions, concerns)
    entry = kb.terms("tinnitus")
    assert entry is not None and entry.label == "tinnitus"
    assert "anxiety" in kb.interventions.concerns


@pytest.mark.model
def test_rewrite_kb_clinic_files_drive_a_rewrite(tmp_path: Path) -> None:
    """The documented use: a clinic's files passed to the rewrite as ``kb=``."""
    import datetime as dt

    from smartcheck.orchestrate import rewrite

    interventions = tmp_path / "clinic_interventions.yaml"
    interventions.write_text(CLINIC_INTERVENTIONS, encoding="utf-8")
    concerns = tmp_path / "clinic_concerns.yaml"
    concerns.write_text(
        "version: clinic-1\nconcerns:\n"
        "  - {id: tinnitus, domain: audiology, problem_terms: [tinnitus, ringing]}\n",
        encoding="utf-8",
    )
    kb = clinic_kb(interventions, concerns)
    result = rewrite(
        "I want the ringing to bother me less",
        context="tinnitus",
        kb=kb,
        reference_date=dt.date(2026, 1, 5),
    )
    assert any(s.concern == "tinnitus" for s in result.suggestions)
    assert any("sound generator" in s.text or "relaxation" in s.text for s in result.suggestions)
