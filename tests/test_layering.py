"""The layers import downwards only: analysis, then rewrite, then orchestration.

The analyzer (and everything it imports) never imports the rewrite package or
the orchestration module, and the rewrite package never imports the analyzer
(``smartcheck/orchestrate.py`` calls both). Imports inside functions count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smartcheck"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str) -> set[str]:
    """Return the smartcheck modules that module ``name`` imports (at any depth of its code)."""
    path = MODULES[name]
    return _imports_of(path.read_text(encoding="utf-8"), name, package=path.name == "__init__.py")


def _imports_of(source: str, name: str, *, package: bool = False) -> set[str]:
    """Return the smartcheck modules that ``source`` (module ``name``) imports."""
    tree = ast.parse(source)
    package_name = name if package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package_name.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], base]).rstrip(".")
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        if isinstance(node, ast.ImportFrom) and targets[0] == "smartcheck":
            # the public package re-exports the orchestration: importing a name from it
            # (other than a submodule or the version) depends on everything
            public = [a.name for a in node.names if f"smartcheck.{a.name}" not in MODULES]
            if set(public) - {"__version__"}:
                found.add("smartcheck")
        for target in targets:
            parts = target.split(".")
            # the module and the packages above it (their __init__ runs), but not the root
            for end in range(2, len(parts) + 1):
                candidate = ".".join(parts[:end])
                if candidate in MODULES:
                    found.add(candidate)
    found.discard(name)
    return found


def _closure(start: str) -> set[str]:
    """Return every smartcheck module reached from ``start`` through imports."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name != "smartcheck":  # the public package is where every layer meets
            todo.extend(_imports(name) - seen)
    return seen - {start}


def _is_rewrite(name: str) -> bool:
    return name == "smartcheck.rewrite" or name.startswith("smartcheck.rewrite.")


REWRITE = sorted(name for name in MODULES if _is_rewrite(name))


def test_layering_the_analyzer_never_reaches_the_rewrite() -> None:
    reached = _closure("smartcheck.analyzer")
    assert "smartcheck.component" in reached  # the walk follows the analyzer's imports
    assert not {n for n in reached if _is_rewrite(n)}
    assert "smartcheck.orchestrate" not in reached
    assert "smartcheck" not in reached


@pytest.mark.parametrize("name", REWRITE)
def test_layering_the_rewrite_never_imports_the_analyzer(name: str) -> None:
    reached = _closure(name)
    assert "smartcheck.analyzer" not in reached
    assert "smartcheck.orchestrate" not in reached
    assert "smartcheck.component" not in reached
    assert "smartcheck" not in reached  # "from smartcheck import analyze"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    from smartcheck.analyzer import analyze\n", {"smartcheck.analyzer"}),
        ("import smartcheck.analyzer\n", {"smartcheck.analyzer"}),
        ("from ..analyzer import analyze\n", {"smartcheck.analyzer"}),
        ("from smartcheck import analyze\n", {"smartcheck"}),
        ("from smartcheck import __version__\n", set()),
        ("from smartcheck import clock\n", {"smartcheck.clock"}),
        ("from . import grammar\n", {"smartcheck.rewrite", "smartcheck.rewrite.grammar"}),
    ],
)
def test_layering_the_walk_sees_every_kind_of_import(source: str, expected: set[str]) -> None:
    """Lazy imports in a function body count too: the old cycle was one."""
    assert _imports_of(source, "smartcheck.rewrite.example") == expected


def test_layering_the_orchestration_calls_both() -> None:
    direct = _imports("smartcheck.orchestrate")
    assert "smartcheck.analyzer" in direct
    assert any(_is_rewrite(n) for n in direct)


def test_layering_the_public_package_reexports_the_orchestration() -> None:
    import smartcheck
    import smartcheck.orchestrate

    for name in ("analyze", "suggest", "compare", "gas_levels"):
        assert getattr(smartcheck, name) is getattr(smartcheck.orchestrate, name)


KNOWLEDGE = sorted(
    name for name in MODULES if name.startswith("smartcheck.kb") or name == "smartcheck.models"
)


@pytest.mark.parametrize("name", KNOWLEDGE)
def test_layering_the_knowledge_base_and_models_sit_below_both(name: str) -> None:
    """The models and the one loader of the knowledge base serve the analyzer and the rewrite."""
    reached = _closure(name) | {name}
    assert not {n for n in reached if _is_rewrite(n)}
    assert not reached & {"smartcheck.analyzer", "smartcheck.orchestrate", "smartcheck"}
