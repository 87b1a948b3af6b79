"""``smartcheck evaluate`` needs labelled goals: without any it is an input error, not zeros.

Run as a user does: ``python -m smartcheck evaluate FILE`` in a temporary directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import assert_usage_error, run_cli

from smartcheck.errors import InputError
from smartcheck.evaluation import load_labelled

LABELLED = {
    "id": "l-1",
    "text": "I will walk for 20 minutes every day for the next four weeks to build my endurance",
    "context": "deconditioned after a hospital stay",
    "labels": {"S": 1, "M": 1, "A": 1, "R": 1, "T": 1},
}
UNLABELLED = {"id": "u-1", "text": "I will practise box breathing twice a day"}


def _lines(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


#: Files with nothing to compare with, and the reason the error line gives.
NO_LABELS = [
    ("", "the file has no records"),
    ("\n   \n\n", "the file has no records"),
    (_lines(UNLABELLED), "none of its 1 records has a 'labels' field"),
    (_lines(UNLABELLED, {**UNLABELLED, "id": "u-2"}), "none of its 2 records"),
    (_lines({**UNLABELLED, "labels": {}}), "none of its 1 records"),
    (_lines({**UNLABELLED, "labels": None}), "none of its 1 records"),
]

#: Records that are not in the labelled format, and the reason naming their line.
MALFORMED = [
    (_lines(LABELLED, ["a", "list"]), "goals.jsonl:2: not a JSON object"),
    (_lines(LABELLED, "a string"), "goals.jsonl:2: not a JSON object"),
    (_lines({**LABELLED, "text": 5}), "goals.jsonl:1: no goal 'text' string"),
    (_lines({"labels": LABELLED["labels"]}), "goals.jsonl:1: no goal 'text' string"),
    (_lines({**LABELLED, "labels": [1, 1, 1, 1, 1]}), "goals.jsonl:1: 'labels' is not an object"),
]


@pytest.mark.parametrize(("content", "reason"), NO_LABELS)
def test_load_labelled_refuses_a_file_without_labels(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "goals.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="no labelled goals") as err:
        load_labelled(path)
    assert reason in str(err.value)


def test_load_labelled_keeps_labelled_records_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "goals.jsonl"
    path.write_text(_lines(UNLABELLED, LABELLED, {**UNLABELLED, "labels": {}}), encoding="utf-8")
    loaded = load_labelled(path)
    assert [r["id"] for r in loaded.records] == ["l-1"]
    assert loaded.unlabelled == 2


@pytest.mark.parametrize(("content", "reason"), NO_LABELS)
def test_cli_evaluate_without_labels_exits_2_with_one_line(
    tmp_path: Path, content: str, reason: str
) -> None:
    (tmp_path / "goals.jsonl").write_text(content, encoding="utf-8")
    proc = run_cli("evaluate", "goals.jsonl", cwd=tmp_path)
    assert_usage_error(proc, "goals.jsonl: no labelled goals to evaluate")
    assert reason in proc.stderr


@pytest.mark.parametrize(("content", "reason"), MALFORMED)
def test_cli_evaluate_names_a_record_in_the_wrong_shape(
    tmp_path: Path, content: str, reason: str
) -> None:
    (tmp_path / "goals.jsonl").write_text(content, encoding="utf-8")
    assert_usage_error(run_cli("evaluate", "goals.jsonl", "--json", cwd=tmp_path), reason)


@pytest.mark.model
def test_cli_evaluate_leaves_unlabelled_records_out_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "goals.jsonl").write_text(
        _lines(LABELLED, UNLABELLED, {**LABELLED, "id": "l-2"}), encoding="utf-8"
    )
    proc = run_cli("evaluate", "goals.jsonl", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "smartcheck: warning: 1 of 3 records have no labels and are left out"
    ]
    assert json.loads(proc.stdout)["goals"] == 2
