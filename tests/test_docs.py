"""The code in README.md and docs/ runs, and the generated pages are up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNABLE = ["README.md", "docs/api.md", "docs/knowledge-base.md"]


def _blocks(name: str) -> list[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@pytest.mark.model
@pytest.mark.parametrize("name", RUNNABLE)
def test_docs_python_blocks_run(name: str) -> None:
    blocks = _blocks(name)
    assert blocks, name
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, name, "exec"), namespace)


def test_docs_generated_pages_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
