"""Options shared by ``check`` and ``audit``: the project config file and column lists."""

from __future__ import annotations

import argparse
from pathlib import Path

from smartcheck.config import ProjectConfig, load_project_config


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--config FILE`` and ``--no-config``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read settings from FILE (smartcheck.toml, or a pyproject.toml with "
        "[tool.smartcheck]) instead of searching upwards from the working directory",
    )
    group.add_argument(
        "--no-config", action="store_true", help="ignore smartcheck.toml and pyproject.toml"
    )


def project_config(args: argparse.Namespace) -> ProjectConfig:
    """Return the settings file's values (empty with ``--no-config`` or when none is found)."""
    if getattr(args, "no_config", False):
        return ProjectConfig()
    return load_project_config(getattr(args, "config", None))


def column_option(value: str) -> tuple[str, ...]:
    """Split ``a,b`` into names (argparse type); an empty list is an error."""
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("give at least one name")
    return names
