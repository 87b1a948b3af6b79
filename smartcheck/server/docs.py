"""Interactive API docs that work offline: Swagger UI and ReDoc served by the app itself.

FastAPI's default ``/docs`` page loads Swagger UI from a CDN, so it is blank on a hospital
network without internet access. The ``fastapi-offline`` package (in the ``server`` extra)
ships the Swagger UI and ReDoc files; they are mounted under ``/docs-assets`` and the two
pages point there. Without that package the pages are not served at all (404), never
from a CDN.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse

logger = logging.getLogger(__name__)

ASSETS_URL = "/docs-assets"
_ASSET_PACKAGE = "fastapi_offline"


def asset_directory() -> Path | None:
    """Return the directory of the packaged Swagger UI and ReDoc files, if installed."""
    spec = importlib.util.find_spec(_ASSET_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    static = Path(spec.origin).parent / "static"
    wanted = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js")
    return static if all((static / name).is_file() for name in wanted) else None


def install_offline_docs(app: FastAPI) -> bool:
    """Add ``/docs`` and ``/redoc`` served from local files; False when they are missing.

    Build the app with ``docs_url=None, redoc_url=None`` so FastAPI's CDN pages are off.
    """
    static = asset_directory()
    if static is None:
        logger.warning("API docs disabled: pip install 'smartcheck[server]' for offline assets")
        return False
    app.mount(ASSETS_URL, StaticFiles(directory=static), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - API docs",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - API reference",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )

    return True
