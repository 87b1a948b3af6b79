"""The public API: ``__all__`` is exactly what the package exports."""

from __future__ import annotations

import smartcheck


def test_public_api_all_matches_exports() -> None:
    exported = {name for name in dir(smartcheck) if not name.startswith("_")}
    modules = {name for name in exported if type(getattr(smartcheck, name)).__name__ == "module"}
    assert set(smartcheck.__all__) - {"__version__"} == exported - modules


def test_public_api_all_is_resolvable() -> None:
    assert len(set(smartcheck.__all__)) == len(smartcheck.__all__)
    for name in smartcheck.__all__:
        assert getattr(smartcheck, name) is not None


def test_public_api_errors_subclass_valueerror() -> None:
    assert issubclass(smartcheck.InputError, ValueError)
    assert issubclass(smartcheck.KnowledgeBaseError, ValueError)
    assert issubclass(smartcheck.InputError, smartcheck.SmartCheckError)
