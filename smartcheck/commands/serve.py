"""``smartcheck serve``: run the HTTP service with uvicorn (extra ``smartcheck[server]``)."""

from __future__ import annotations

import argparse
import os
import sys

from pydantic import ValidationError

from smartcheck.cli import (
    MAX_JOBS,
    PORTS,
    ExitStatus,
    error_line,
    int_in_range,
    positive_float,
    positive_int,
)
from smartcheck.config import Settings

_MISSING_EXTRA = (
    "smartcheck serve needs the optional server dependencies: pip install 'smartcheck[server]'"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` subcommand."""
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (POST /v1/analyze)",
        description="Serve the analyzer over HTTP with uvicorn; the model loads once per worker.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default %(default)s)"
    )
    parser.add_argument(
        "--port",
        type=int_in_range(*PORTS),
        default=8000,
        help=f"port to bind, {PORTS[0]}-{PORTS[1]} (default %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int_in_range(1, MAX_JOBS),
        default=1,
        metavar="N",
        help=f"worker processes, each with its own model, 1-{MAX_JOBS} (default %(default)s)",
    )
    parser.add_argument("--model", default=None, help="spaCy package or path to load")
    parser.add_argument(
        "--max-body-bytes",
        type=positive_int,
        default=1_000_000,
        help="largest request body accepted (default %(default)s)",
    )
    parser.add_argument(
        "--max-batch-items",
        type=positive_int,
        default=256,
        help="most goals in one batch request (default %(default)s)",
    )
    parser.add_argument(
        "--max-context-chars",
        type=positive_int,
        default=Settings().max_context_chars,
        help="longest context accepted, in characters (default %(default)s)",
    )
    parser.add_argument(
        "--analysis-timeout",
        type=positive_float,
        default=10.0,
        metavar="SECONDS",
        help="time budget of one request's analysis; past it 422/429 (default %(default)s)",
    )
    parser.add_argument(
        "--header-timeout",
        type=positive_float,
        default=10.0,
        metavar="SECONDS",
        help="time a client has to send request headers (default %(default)s)",
    )
    parser.add_argument(
        "--body-timeout",
        type=positive_float,
        default=10.0,
        metavar="SECONDS",
        help="time a client has to send a request body (default %(default)s)",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=("critical", "error", "warning", "info", "debug"),
        help="uvicorn log level",
    )
    parser.add_argument(
        "--no-access-log", action="store_true", help="do not log one line per request"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start uvicorn and block until it stops."""
    try:
        import uvicorn

        from smartcheck.server.protocol import TimedH11Protocol
        from smartcheck.server.settings import SETTINGS_ENV_VAR, ServerSettings
    except ImportError:
        print(f"smartcheck: error: {_MISSING_EXTRA}", file=sys.stderr)
        return ExitStatus.USAGE

    try:
        settings = ServerSettings(
            analysis=Settings(model=args.model, max_context_chars=args.max_context_chars),
            max_body_bytes=args.max_body_bytes,
            max_batch_items=args.max_batch_items,
            analysis_timeout_s=args.analysis_timeout,
            header_timeout_s=args.header_timeout,
            body_timeout_s=args.body_timeout,
        )
    except ValidationError as err:
        print(error_line(f"invalid server options: {err}"), file=sys.stderr)
        return ExitStatus.USAGE
    # Worker processes rebuild the app from this variable through the factory.
    os.environ[SETTINGS_ENV_VAR] = settings.model_dump_json()
    uvicorn.run(
        "smartcheck.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        access_log=not args.no_access_log,
        http=TimedH11Protocol,  # times out half-sent request heads
        timeout_keep_alive=5,
    )
    return ExitStatus.OK
