"""Every input row comes back, once and in order, whatever it holds.

One audit mixes every kind of trouble with ordinary goals: invalid code points (a JSON
``"\\ud800"`` escape in the goal, the context or the id), reference date 9999-12-31,
"for the next 10000 years", a 400-digit number, a 1 MB context, NUL bytes, a formula,
right-to-left overrides, emoji, an invalid byte in a UTF-8 CSV. The command is run as a
user runs it, for each report format.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

GOAL = "I will walk 20 minutes daily for 4 weeks"

#: (id, JSON line) pairs: raw lines, because json.dumps cannot write a lone surrogate.
JSONL_ROWS = [
    ("ok1", json.dumps({"id": "ok1", "text": GOAL})),
    ("sur", '{"id": "sur", "text": "walk \\ud800 daily"}'),
    ("surctx", '{"id": "surctx", "text": "' + GOAL + '", "context": "pain \\udfff"}'),
    ("surid\\ud800", '{"id": "surid\\ud800", "text": "' + GOAL + '"}'),
    ("ref9999", json.dumps({"id": "ref9999", "text": GOAL, "reference_date": "9999-12-31"})),
    (
        "years",
        json.dumps({"id": "years", "text": "I will walk every day for the next 10000 years"}),
    ),
    ("digits", json.dumps({"id": "digits", "text": "I will walk " + "9" * 400 + " steps a day"})),
    ("bigctx", json.dumps({"id": "bigctx", "text": GOAL, "context": "x" * 1_000_000})),
    ("nul", json.dumps({"id": "nul", "text": "walk\u0000 daily"})),
    ("formula", json.dumps({"id": "formula", "text": '=HYPERLINK("http://x.invalid","walk")'})),
    ("rtl", json.dumps({"id": "rtl", "text": "I will walk \u202e 20 minutes daily"})),
    ("emoji", json.dumps({"id": "emoji", "text": "\U0001f3c3 daily"})),
    ("ok2", json.dumps({"id": "ok2", "text": GOAL})),
]
CSV_BYTES = (
    b"id,goal\n"
    b"c1,I will swim twice a week for 6 weeks\n"
    b"c2,I will walk \xff\xfe daily\n"
    b"c3,Client will attend 3 caf\xc3\xa9 groups by March 1\n"
    b"c4,walk \x00 daily\n"
    b"c5,Improve mood\n"
)
CSV_IDS = ["c1", "c2", "c3", "c4", "c5"]


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    jsonl = tmp_path / "mix.jsonl"
    jsonl.write_text("\n".join(line for _, line in JSONL_ROWS) + "\n", encoding="utf-8")
    plan = tmp_path / "plan.csv"
    plan.write_bytes(CSV_BYTES)
    return [jsonl, plan]


def _audit(inputs: list[Path], out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "smartcheck", "audit", *map(str, inputs)]
    command += ["--out", str(out), "--quiet", "--reference-date", "2026-01-05"]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def _expected_ids() -> list[str]:
    return [row_id for row_id, _ in JSONL_ROWS] + CSV_IDS


def test_jsonl_report_has_every_row_in_order(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    done = _audit(inputs, out)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == _expected_ids()
    assert [r["index"] for r in records] == list(range(len(records)))
    errors = {r["id"]: r.get("error") for r in records if r.get("ok") is False}
    assert errors["sur"] == errors["surctx"] == "not_text"
    assert errors["bigctx"] == "context_too_long"
    assert errors["c2"] == errors["c4"] == "undecodable"
    assert all(r.get("reason") for r in records if r.get("ok") is False)
    by_id = {r["id"]: r for r in records}
    assert by_id["c3"]["text"] == "Client will attend 3 café groups by March 1"
    assert by_id["ok1"]["ok"] is True and by_id["digits"]["ok"] is True


def test_csv_report_has_every_row_in_order(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    done = _audit(inputs, out)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == _expected_ids()


def test_html_report_is_written(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = _audit(inputs, out)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
