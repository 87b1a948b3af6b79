"""HTTP service for smartcheck (optional extra ``smartcheck[server]``).

``create_app()`` builds the FastAPI application; ``smartcheck serve`` runs it
with uvicorn. Importing this package without the extra raises an
``ImportError`` that says which extra to install.
"""

from __future__ import annotations

try:
    import fastapi  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "smartcheck.server needs the optional server dependencies: pip install 'smartcheck[server]'"
    ) from err

from smartcheck.server.app import create_app
from smartcheck.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
