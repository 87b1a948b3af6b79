"""``to_goal``: a GoalAnalysis written as an R4 Goal, field by field (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smartcheck.fhir import VERDICT_URL, read_verdict, to_goal, validate
from smartcheck.fhir.codes import measure_coding
from smartcheck.fhir.goal import UNKNOWN_SUBJECT
from smartcheck.fhir.verdict import failure_extension, with_verdict
from smartcheck.kb.loader import parse_file
from smartcheck.kb.models import MeasuresFile
from smartcheck.models import (
    DIMENSIONS,
    Dimensions,
    DimensionScore,
    Elements,
    Finding,
    GoalAnalysis,
    Measure,
    Provenance,
    Timeframe,
)

REF = dt.date(2026, 1, 5)


def analysis(text: str = "Reduce PHQ-9 below 10 by March 1", *, measures: tuple[Measure, ...] = (),
             timeframes: tuple[Timeframe, ...] = (), **fields: Any) -> GoalAnalysis:  # fmt: skip
    dims = {d: DimensionScore(dimension=d, met=d != "achievable", score=0.8 if d != "achievable" else 0.2)
            for d in DIMENSIONS}  # fmt: skip
    finding = Finding(id="achievable.not_demonstrated", dimension="achievable", severity="warning",
                      message="Nothing shows the goal is within reach.", fix="Say what makes it doable.")  # fmt: skip
    base: dict[str, Any] = {
        "text": text, "reference_date": REF, "profile": "therapy", "label": "Partially SMART",
        "score": 71.5, "dimensions": Dimensions(**dims),
        "elements": Elements(measures=measures, timeframes=timeframes), "findings": (finding,),
        "provenance": Provenance(smartcheck_version="0.1.0", kb_version="1", spacy_model="en", spacy_model_version="3"),
    }  # fmt: skip
    return GoalAnalysis(**{**base, **fields})


def measure(
    instrument: str | None,
    comparator: str | None,
    target: float | None,
    baseline: float | None = None,
) -> Measure:
    return Measure(start=0, end=1, text="x", instrument=instrument, comparator=comparator, target=target, baseline=baseline)  # fmt: skip


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        (measure("PHQ-9", "<", 10), {"detailQuantity": {"value": 10, "comparator": "<"}}),
        (measure("Berg", ">=", 45), {"detailRange": {"low": {"value": 45}}}),
        (measure("pain NRS", "<=", 3), {"detailRange": {"high": {"value": 3}}}),
        (measure("SUDS", "=", 2), {"detailInteger": 2}),
        (measure("rating", None, 8), {"detailInteger": 8}),
        (measure("HbA1c", "<", 7.5), {"detailQuantity": {"value": 7.5, "comparator": "<", "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}),
        (measure("accuracy", "=", 100), {"detailQuantity": {"value": 100, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}),
        (measure("BDI-II", "from_to", 20, baseline=31), {"detailRange": {"high": {"value": 20}}}),
        (measure("COPM", None, 7, baseline=3), {"detailRange": {"low": {"value": 7}}}),
        (measure("SUDS", None, None), {}),
    ],
)  # fmt: skip
def test_measure_comparator_and_target_become_detail(element: Measure, expected: dict) -> None:
    goal = to_goal(analysis(measures=(element,)))
    (target,) = goal["target"]
    detail = {k: v for k, v in target.items() if k.startswith("detail")}
    assert detail == expected
    assert target["measure"]["text"] == element.instrument
    assert validate(goal) == []


@pytest.mark.parametrize(
    ("frames", "expected"),
    [
        ((Timeframe(start=0, end=1, text="x", kind="deadline", end_date=dt.date(2026, 3, 1)),), {"dueDate": "2026-03-01"}),
        ((Timeframe(start=0, end=1, text="x", kind="period", days=28, end_date=dt.date(2026, 2, 2)),),
         {"dueDuration": {"value": 4, "unit": "weeks", "system": "http://unitsofmeasure.org", "code": "wk"}}),
        ((Timeframe(start=0, end=1, text="x", kind="period", days=31),),
         {"dueDuration": {"value": 31, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"}}),
        ((Timeframe(start=0, end=1, text="x", kind="period", days=14),
          Timeframe(start=2, end=3, text="y", kind="deadline", end_date=dt.date(2026, 2, 1))), {"dueDate": "2026-02-01"}),
        ((Timeframe(start=0, end=1, text="x", kind="deadline"),), None),
    ],
)  # fmt: skip
def test_deadline_or_period_becomes_due(
    frames: tuple[Timeframe, ...], expected: dict | None
) -> None:
    goal = to_goal(analysis(timeframes=frames))
    assert goal.get("target") == ([expected] if expected else None)
    assert validate(goal) == []


def test_due_goes_on_every_measure_target_and_baselines_merge() -> None:
    frames = (Timeframe(start=0, end=1, text="x", kind="deadline", end_date=dt.date(2026, 3, 1)),)
    measures = (
        measure("AROM", ">=", 110, baseline=85),
        measure("AROM", None, None),
        measure(None, "<=", 2),
    )
    goal = to_goal(analysis(measures=measures, timeframes=frames))
    assert [t["measure"]["text"] for t in goal["target"]] == ["AROM"]
    assert goal["target"][0]["dueDate"] == "2026-03-01"


@pytest.mark.parametrize(
    ("instrument", "code"), [("PHQ-9", "44261-6"), ("GAD-7", "69737-5"), ("HbA1c", "4548-4")]
)
def test_certain_instruments_carry_their_loinc_code(instrument: str, code: str) -> None:
    (target,) = to_goal(analysis(measures=(measure(instrument, None, None),)))["target"]
    assert target["measure"]["coding"][0]["system"] == "http://loinc.org"
    assert target["measure"]["coding"][0]["code"] == code


@pytest.mark.parametrize("instrument", ["PCL-5", "SUDS", "Berg", "pain NRS", "weight", "rating"])
def test_other_instruments_are_text_only(instrument: str) -> None:
    (target,) = to_goal(analysis(measures=(measure(instrument, None, None),)))["target"]
    assert target["measure"] == {"text": instrument}


def test_every_loinc_code_in_the_data_names_its_source() -> None:
    codings = parse_file("measures.yaml", MeasuresFile).fhir
    coded = [c for c in codings if c.loinc]
    assert coded, "the data file should hold the certain codes"
    for coding in coded:
        assert coding.source == f"https://loinc.org/{coding.loinc}"
        assert coding.display
        assert measure_coding(coding.measure) == coding


def test_goal_core_fields_and_verdict() -> None:
    result = analysis(id="g-1", context="generalized anxiety")
    goal = to_goal(result)
    assert goal["resourceType"] == "Goal" and goal["id"] == "g-1"
    assert goal["lifecycleStatus"] == "proposed"
    assert goal["description"] == {"text": result.text}
    assert goal["subject"] == UNKNOWN_SUBJECT
    assert goal["startDate"] == "2026-01-05"
    assert goal["addresses"] == [{"display": "generalized anxiety"}]
    verdict = read_verdict(goal)
    assert verdict is not None
    assert (verdict["label"], verdict["score"], verdict["profile"]) == (
        "Partially SMART",
        71.5,
        "therapy",
    )
    assert verdict["dimensions"]["achievable"] == {"met": False, "score": 0.2, "counted": True}
    assert set(verdict["dimensions"]) == set(DIMENSIONS)
    assert verdict["findings"] == [{"id": "achievable.not_demonstrated", "dimension": "achievable",
                                    "severity": "warning", "message": "Nothing shows the goal is within reach."}]  # fmt: skip
    assert goal["extension"][0]["url"] == VERDICT_URL
    assert validate(goal) == []


@pytest.mark.parametrize("rid", ["has space", "x" * 65, "a/b"])
def test_ids_that_are_not_fhir_ids_become_identifiers(rid: str) -> None:
    goal = to_goal(analysis(id=rid))
    assert "id" not in goal and goal["identifier"] == [{"value": rid}]
    assert validate(goal) == []


def test_subject_is_used_when_given() -> None:
    goal = to_goal(analysis(), subject={"reference": "Patient/42"})
    assert goal["subject"] == {"reference": "Patient/42"}


def test_verdict_replaces_an_earlier_one_and_keeps_other_extensions() -> None:
    other = {"url": "http://example.org/x", "valueString": "kept"}
    goal = with_verdict(
        {**to_goal(analysis()), "extension": [other]}, failure_extension("empty", "no text")
    )
    goal = with_verdict(goal, to_goal(analysis())["extension"][0])
    assert goal["extension"][0] == other
    assert [e["url"] for e in goal["extension"]].count(VERDICT_URL) == 1


def test_invalid_goals_are_reported() -> None:
    assert validate({"resourceType": "Goal", "description": {"text": "x"}})  # no subject, no status
    bad_target = {**to_goal(analysis()), "target": [{"detailInteger": 3}]}
    assert any("gol-1" in p for p in validate(bad_target))
