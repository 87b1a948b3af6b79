"""Reading FHIR Goals, CarePlans and Bundles into audit rows (no spaCy needed)."""

from __future__ import annotations

import json
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from fhir_helpers import build_bundle, goal
from hypothesis import given
from hypothesis import strategies as st

from smartcheck.audit import read_rows
from smartcheck.audit.readers import read_jsonl
from smartcheck.audit.rows import ReadOptions
from smartcheck.fhir.reader import read_fhir_file


def test_bundle_rows_account_for_every_entry(bundle_path: Path) -> None:
    _, expected = build_bundle()
    rows = list(read_rows([bundle_path]))
    assert [(r.id, r.error, r.context) for r in rows] == expected
    assert all(r.reason for r in rows if r.error)
    assert all(r.text for r in rows if not r.error)


def test_goal_fields_carried_to_the_row(bundle_path: Path) -> None:
    rows = {r.id: r for r in read_rows([bundle_path])}
    walk = rows["g-walk"]
    assert dict(walk.meta) == {"lifecycleStatus": "active", "startDate": "2026-01-05",
                         "dueDate": "2026-02-16", "carePlan": "CarePlan cp-main"}  # fmt: skip
    assert str(walk.reference_date) == "2026-01-05"
    assert rows["g-phq"].text == "Reduce PHQ-9 score from 18 to below 10 within 8 weeks"
    assert dict(rows["g-phq"].meta)["dueDuration"] == "8 weeks"
    assert (
        rows["cp-main#cg1"].goal == 1
        and dict(rows["cp-main#cg1"].meta)["carePlan"] == "CarePlan cp-main"
    )
    assert dict(rows["g-loop"].meta)["carePlan"] == "CarePlan cp-a"
    assert "'Goal/g-missing'" in (rows["g-missing"].reason or "")
    assert rows["p1"].reason is not None and "Patient p1 is not a Goal" in rows["p1"].reason


def test_rows_name_their_entry_and_line(bundle_path: Path) -> None:
    text = bundle_path.read_text(encoding="utf-8").splitlines()
    for row in read_rows([bundle_path]):
        assert row.line is not None and row.source == str(bundle_path)
        if row.error is None and "#" not in row.id:
            # the entry's line lies before the line with the goal's id
            following = "\n".join(text[row.line - 1 :])
            assert f'"id": "{row.id}"' in following


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (goal("g1", "I will walk daily"), [("g1", None)]),
        (
            {"resourceType": "CarePlan", "id": "cp", "goal": [{"reference": "Goal/x"}]},
            [("x", "missing_goal")],
        ),
        (
            {
                "resourceType": "CarePlan",
                "id": "cp",
                "contained": [goal("a", "I will read nightly")],
                "goal": [{"reference": "#a"}, {"reference": "#b"}],
            },
            [("cp#a", None), ("#b", "missing_goal")],
        ),
        ({"resourceType": "Patient", "id": "p"}, [("p", "unsupported_resource")]),
        (
            {"resourceType": "Bundle", "type": "collection", "entry": []},
            [("one.json:1", "no_goals")],
        ),
        ({"id": "no-type"}, [("one.json:1", "malformed")]),
        (
            {"resourceType": "List", "id": "l", "entry": [{"item": {"reference": "Goal/g"}}]},
            [("l", "unsupported_resource")],
        ),
    ],
)
def test_single_resource_files(tmp_path: Path, resource: dict, expected: list) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(resource), encoding="utf-8")
    assert [(r.id, r.error) for r in read_rows([path])] == expected


@pytest.mark.parametrize(
    "text",
    [
        '{"resourceType": "Goal", "description": {"text": "walk"',
        '{"resourceType": "List", "entry": [{"item": {}}, {"item": ',
        '{"resourceType": "Bundle", "entry": [{"resource": ',
        "",
        "[1, 2]",
        "not json at all",
    ],
)
def test_unreadable_json_file_is_one_error_row(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    rows = list(read_rows([path]))
    assert [(r.error, r.row) for r in rows] == [("malformed", 1)]


def test_truncated_bundle_keeps_the_entries_before_the_break(bundle_path: Path) -> None:
    text = bundle_path.read_text(encoding="utf-8")
    cut = text.index('"g-loop"')
    bundle_path.write_text(text[:cut], encoding="utf-8")
    rows = list(read_rows([bundle_path]))
    assert rows[-1].error == "malformed" and "stops being valid JSON" in (rows[-1].reason or "")
    assert [r.id for r in rows[:-1]][:3] == ["g-walk", "g-phq", "g-display"]
    # the goal cp-a lists was cut off, so cp-a now reports it missing
    assert [(r.id, r.error) for r in rows if r.id == "g-loop"] == [("g-loop", "missing_goal")]


def test_ndjson_export_bad_lines_become_rows(tmp_path: Path) -> None:
    lines = [
        json.dumps({"resourceType": "Condition", "id": "c1", "code": {"text": "Insomnia"}}),
        json.dumps(goal("g1", "I will be in bed by 11 pm on weeknights for 4 weeks",
                        addresses=[{"reference": "Condition/c1"}])),
        "{this is not json",
        json.dumps({"resourceType": "Encounter", "id": "e1"}),
        json.dumps(goal("g2")),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"no": "type"}),
    ]  # fmt: skip
    path = tmp_path / "Goal.ndjson"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(read_rows([path]))
    assert [(r.id, r.error, r.line) for r in rows] == [
        ("g1", None, 2),
        ("Goal.ndjson:3", "malformed", 3),
        ("e1", "unsupported_resource", 4),
        ("g2", "no_text", 5),
        ("Goal.ndjson:6", "malformed", 7),
        ("Goal.ndjson:7", "malformed", 8),
    ]
    assert rows[0].context == "Insomnia"


def test_plain_goal_ndjson_still_reads_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "goals.ndjson"
    path.write_text('{"id": "a", "goal": "I will walk daily"}\n', encoding="utf-8")
    rows = list(read_fhir_file(path, ReadOptions(), fallback=read_jsonl))
    assert [(r.id, r.text) for r in rows] == [("a", "I will walk daily")]


def test_context_falls_back_to_the_care_plan_and_survives_loops(tmp_path: Path) -> None:
    entries = [
        {"resource": {"resourceType": "CarePlan", "id": "a", "partOf": [{"reference": "CarePlan/b"}],
                      "goal": [{"reference": "Goal/g"}]}},
        {"resource": {"resourceType": "CarePlan", "id": "b", "basedOn": [{"reference": "CarePlan/c"}],
                      "partOf": [{"reference": "CarePlan/a"}], "goal": [{"reference": "Goal/g"}]}},
        {"resource": {"resourceType": "CarePlan", "id": "c", "replaces": [{"reference": "CarePlan/a"}],
                      "addresses": [{"display": "Chronic low back pain"}], "goal": [{"reference": "Goal/g"}]}},
        {"resource": goal("g", "I will walk 10 minutes daily for 2 weeks")},
    ]  # fmt: skip
    path = tmp_path / "loop.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "entry": entries}), encoding="utf-8")
    rows = list(read_rows([path]))
    assert [(r.id, r.context) for r in rows] == [("g", "Chronic low back pain")]
    assert dict(rows[0].meta)["carePlan"] == "CarePlan a; CarePlan b; CarePlan c"


def _large_bundle(path: Path, goals: int) -> int:
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"resourceType": "Bundle", "type": "searchset", "entry": [\n')
        for n in range(goals):
            resource = goal(f"g{n}", f"I will walk {n % 50 + 5} minutes daily for 4 weeks " + "x" * 2000,
                            addresses=[{"reference": f"Condition/c{n % 10}"}])  # fmt: skip
            fh.write(("," if n else "") + json.dumps({"resource": resource}) + "\n")
        for n in range(10):
            fh.write(
                ","
                + json.dumps(
                    {
                        "resource": {
                            "resourceType": "Condition",
                            "id": f"c{n}",
                            "code": {"text": f"concern {n}"},
                        }
                    }
                )
            )
        fh.write("]}\n")
    return path.stat().st_size


@pytest.mark.slow
def test_large_bundle_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.json"
    size = _large_bundle(path, 4_000)
    assert size > 8_000_000
    tracemalloc.start()
    try:
        count = 0
        last = None
        for row in read_rows([path]):
            count += 1
            last = row
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4_000
    assert last is not None and last.context == "concern 9"
    assert peak < size / 4, f"peak {peak} bytes for a {size}-byte file"


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)  # fmt: skip
_references = st.sampled_from(
    ["Goal/g0", "Goal/g1", "#g0", "Condition/c0", "CarePlan/p0", "CarePlan/p1", "urn:uuid:x"]
)
_resources = st.one_of(
    st.builds(lambda n, t: goal(f"g{n}", t), st.integers(0, 3), st.one_of(st.none(), st.text(max_size=20), st.integers())),
    st.builds(lambda n, refs, parents: {"resourceType": "CarePlan", "id": f"p{n}", "goal": [{"reference": r} for r in refs],
                                        "partOf": [{"reference": r} for r in parents], "contained": [goal("g0", "I will walk")]},
              st.integers(0, 2), st.lists(_references, max_size=3), st.lists(_references, max_size=2)),
    st.builds(lambda n, t: {"resourceType": "Condition", "id": f"c{n}", "code": {"text": t}}, st.integers(0, 2), st.text(max_size=10)),
    st.builds(lambda kind, body: {**body, "resourceType": kind}, st.text(max_size=10), st.dictionaries(st.text(max_size=5), _junk, max_size=3)),
    _junk,
)  # fmt: skip


@given(
    entries=st.lists(
        st.one_of(st.builds(lambda r: {"resource": r}, _resources), _junk), max_size=12
    )
)
def test_any_bundle_reads_without_crashing_and_keeps_every_goal(entries: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.json"
        path.write_text(json.dumps({"resourceType": "Bundle", "entry": entries}), encoding="utf-8")
        rows = list(read_rows([path]))
    goals = [e for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)
             and e["resource"].get("resourceType") == "Goal"]  # fmt: skip
    goal_rows = [
        r for r in rows if r.goal is None and r.error != "missing_goal" and r.id.startswith("g")
    ]
    assert len(goal_rows) >= len(goals)
    assert all(r.error is None or r.reason for r in rows)
    assert all(r.text for r in rows if r.error is None)
    if not entries:
        assert [r.error for r in rows] == ["no_goals"]
