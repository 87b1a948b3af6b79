"""Which concern a context names."""

from __future__ import annotations

import pytest

from smartcheck.rewrite.concerns import find_concerns


@pytest.mark.parametrize(
    ("context", "concern"),
    [
        ("social anxiety; avoids parties", "social_anxiety"),
        ("chronic insomnia, CBT-I", "sleep"),
        ("recovering from a knee injury", "mobility_walking"),
        ("dysphagia after stroke", "swallowing"),
        ("", None),
    ],
)
def test_concerns_find_concerns_in_context(kb, context, concern):
    found = find_concerns(context, kb)
    assert (found[0] if found else None) == concern
