"""Bad input on the rewrite side: non-goals, junk, unknown concerns and empty contexts."""

from __future__ import annotations

import pytest

from smartcheck.orchestrate import rewrite


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["!!!", "???", "Referral to dietitian sent 2/3", "Did you walk today?"]
)
def test_non_goal_gets_no_suggestion_and_a_finding(text: str) -> None:
    result = rewrite(text, reference_date="2026-01-05")
    assert not result.suggestions
    assert [f.id for f in result.findings] == ["specific.not_a_goal"]
    assert result.findings[0].message


@pytest.mark.model
@pytest.mark.parametrize("context", [None, "", "   ", "zorblax syndrome", "ICD-10 F41.1"])
@pytest.mark.parametrize("text", ["I want to frobnicate the widget more", "I want to walk more"])
def test_unknown_concern_or_empty_context_never_raises(text: str, context: str | None) -> None:
    result = rewrite(text, context=context, reference_date="2026-01-05")
    assert result.suggestions
    for suggestion in result.suggestions:
        assert suggestion.text.startswith("I will")
        assert suggestion.text.count("[") == len(suggestion.placeholders) or suggestion.placeholders
