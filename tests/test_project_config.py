"""The settings file: where it is found, what it may hold, and how it is validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcheck.config import ProjectConfig, find_config_file, load_project_config
from smartcheck.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('text-column = "Objective"', {"text_column": "Objective"}),
        ('text_column = ["a", "b"]', {"text_column": ("a", "b")}),
        ("fail-under = 60", {"fail_under": 60.0}),
        ('ignore = ["time_bound.*"]', {"ignore": ("time_bound.*",)}),
        ('group-by = "clinician"', {"group_by": "clinician"}),
        ('profile = "coaching"', {"profile": "coaching"}),
    ],
)
def test_smartcheck_toml_keys_with_dashes_or_underscores(
    tmp_path: Path, text: str, expected: dict[str, object]
) -> None:
    config = load_project_config(_write(tmp_path / "smartcheck.toml", text + "\n"))
    for key, value in expected.items():
        assert getattr(config, key) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail-under = 101", "fail-under"),
        ("fail-under = -1", "fail-under"),
        ("colour = 1", "colour: Extra inputs are not permitted"),
        ("ignore = 3", "ignore"),
        ("profile = [", "not valid TOML"),
    ],
)
def test_invalid_settings_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path / "smartcheck.toml", text + "\n")
    with pytest.raises(ConfigError, match=message) as caught:
        load_project_config(path)
    assert str(path) in str(caught.value)


def test_search_goes_upwards_and_prefers_smartcheck_toml(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    _write(tmp_path / "pyproject.toml", "[tool.smartcheck]\nprofile = 'coaching'\n")
    assert find_config_file(deep) == tmp_path / "pyproject.toml"
    _write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    assert find_config_file(deep) == tmp_path / "pyproject.toml"
    _write(tmp_path / "a" / "smartcheck.toml", "fail-under = 1\n")
    assert find_config_file(deep) == tmp_path / "a" / "smartcheck.toml"
    assert load_project_config(start=deep).fail_under == 1.0
    assert load_project_config(start=deep).profile is None  # files are never merged


def test_broken_unrelated_pyproject_is_passed_over(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[project\nname = \n")
    assert find_config_file(tmp_path) is None
    assert load_project_config(start=tmp_path) == ProjectConfig()
    _write(tmp_path / "pyproject.toml", "[tool.smartcheck\nprofile = 'x'\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config_file(tmp_path)
