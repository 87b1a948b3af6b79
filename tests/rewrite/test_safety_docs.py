"""docs/safety-rules.md lists every rule of safety.yaml with its sources."""

from __future__ import annotations

from pathlib import Path

from smartcheck.kb.loader import default_safety
from smartcheck.rewrite.safety import rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "safety-rules.md"


def test_safety_rules_page_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown()


def test_safety_rules_page_names_every_rule_and_source() -> None:
    text = DOC.read_text(encoding="utf-8")
    for rule in default_safety().rules:
        assert rule.finding_id in text
        assert all(source in text for source in rule.sources)
