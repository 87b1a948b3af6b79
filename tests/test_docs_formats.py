"""The CLI docs list every output format the commands accept, FHIR included, with a link."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from smartcheck.cli import build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"

#: command -> the page that documents its options
PAGES = {"check": "cli.md", "audit": "audit.md"}


def _format_choices(command: str) -> tuple[str, ...]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if "--format" in a.option_strings)
    assert action.choices is not None
    return tuple(action.choices)


@pytest.mark.parametrize(("command", "page"), PAGES.items())
def test_every_format_is_in_the_options_table(command: str, page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `--format "))
    listed = re.search(r"`--format ([^`]+)`", row)
    assert listed is not None
    assert set(listed.group(1).replace("\\", "").split("|")) == set(_format_choices(command))


@pytest.mark.parametrize("page", PAGES.values())
def test_the_fhir_format_links_its_page(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert "--format fhir" in text or "\\|fhir`" in text
    assert "(fhir.md" in text
