"""The one place smartcheck reads the clock.

Only API entry points (``analyze``, ``analyze_many``, the spaCy component when
a Doc arrives without a reference date, the Dask helpers and the audit runner)
call :func:`today`, once per call, and pass the date down as a typed value.
The audit command also reads the run's start time here (:func:`now_utc`), for
the report's run date. Tests freeze time by monkeypatching ``smartcheck.clock.today``.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """Return today's date in the local time zone."""
    return dt.date.today()


def now_utc() -> dt.datetime:
    """Return the current time in UTC, to the second (the run date of an audit report)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
