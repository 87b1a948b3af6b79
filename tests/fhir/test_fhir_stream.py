"""The streaming reader of large JSON objects gives what json.loads gives, in any chunking."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcheck.fhir.stream import StreamError, iter_members

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)  # fmt: skip


def _rebuild(text: str, chunk: int) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    entries: list[Any] = []
    for member in iter_members(io.StringIO(text), chunk=chunk):
        if member.index is None:
            obj[member.key] = member.value
        else:
            assert member.index == len(entries) + 1
            entries.append(member.value)
    if entries or '"entry"' in text:
        obj.setdefault("entry", entries)
    return obj


@given(
    members=st.dictionaries(st.text(max_size=10).filter(lambda k: k != "entry"), json_values, max_size=4),
    entries=st.lists(json_values, max_size=6),
    chunk=st.integers(min_value=1, max_value=64),
    indent=st.sampled_from([None, 0, 2]),
)  # fmt: skip
def test_stream_equals_json_loads(
    members: dict, entries: list, chunk: int, indent: int | None
) -> None:
    document = {**members, "entry": entries}
    text = json.dumps(document, indent=indent, ensure_ascii=bool(chunk % 2))
    assert _rebuild(text, chunk) == json.loads(text)


@pytest.mark.parametrize("chunk", [1, 3, 1024])
def test_entry_lines_are_counted(chunk: int) -> None:
    text = '{\n "resourceType": "Bundle",\n "entry": [\n  {"a": 1},\n\n  {"b": "x\\ny"}\n ]\n}\n'
    lines = [(m.key, m.line) for m in iter_members(io.StringIO(text), chunk=chunk)]
    assert lines == [("resourceType", 2), ("entry", 4), ("entry", 6)]


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        ('{"entry": [{"a": 1}, {"b": 2', 1),
        ('{"entry": [{"a": 1}, {"b": 2}', 2),
        ('{"entry": [{"a": 1} {"b": 2}]}', 1),
        ('{"entry": [{"a": 1}, {"b": tru}]}', 1),
        ('{"entry": [{"a": "unterminated', 0),
        ('{"entry": [1]} trailing', 1),
        ("", 0),
        ("[]", 0),
    ],
)
def test_malformed_text_raises_after_the_complete_entries(text: str, complete: int) -> None:
    seen = []
    with pytest.raises(StreamError):
        for member in iter_members(io.StringIO(text), chunk=4):
            seen.append(member)
    assert len([m for m in seen if m.index is not None]) == complete
