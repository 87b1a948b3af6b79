"""Render the audit HTML report an auditor can file.

The page holds the run's metadata, summary cards, a score distribution and a pass-rate
chart (inline SVG), breakdowns by input file and by a chosen column, the most frequent
findings, the weakest goals with their rewrites, and every row in one table. It is
self-contained: inline CSS and SVG, no scripts, nothing loaded from the network, and a
Content-Security-Policy that forbids all of it. Templates are package data rendered by
Jinja2 with autoescaping; goal text is also stripped of bidirectional override and
isolate controls and wrapped in ``<bdi>`` so it cannot reorder the page.

Rows are rendered as they arrive into a temporary spool (memory stays bounded), and
the page is assembled around them when the run ends.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import heapq
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

import jinja2
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field

from smartcheck.audit.rows import AuditResult
from smartcheck.audit.rules import read_data_text
from smartcheck.audit.summary import LABELS, AuditSummary
from smartcheck.errors import SmartCheckError
from smartcheck.models import DIMENSION_LETTERS, DIMENSIONS, GoalAnalysis

logger = logging.getLogger(__name__)

WEAKEST = 25
HISTOGRAM_BINS = 10
_ROWS_MARKER = "<!--smartcheck:rows-->"
_SPOOL_BYTES = 8 * 1024 * 1024
#: Embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): text that
#: carries them could reorder what the page shows, so they are removed from user text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NO_GROUP = "(not given)"


def _smartcheck_version() -> str:
    from smartcheck import __version__

    return str(__version__)


class ReportMeta(BaseModel):
    """What the report says about its run; the CLI fills it (the library reads no clock)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    run_date: dt.datetime | dt.date | None = Field(
        default=None, description="When the audit ran (passed in by the caller)."
    )
    inputs: tuple[str, ...] = ()
    reference_date: dt.date | None = None
    profile: str | None = None
    version: str = Field(default_factory=_smartcheck_version)
    group_by: str | None = Field(default=None, description="Column of the group breakdown.")
    ignored_findings: tuple[str, ...] = ()


def clean_text(value: object) -> str:
    """Return user text without bidirectional override or isolate controls."""
    return BIDI_CONTROLS.sub("", "" if value is None else str(value))


def user_text(value: object) -> Markup:
    """Escape user text, strip bidi controls, and isolate it in ``<bdi>``."""
    return Markup("<bdi>%s</bdi>") % clean_text(value)


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute (bidi controls removed)."""
    return str(escape(clean_text(value)))


@dataclass
class Totals:
    """Counts of one breakdown line (an input file or a group value)."""

    rows: int = 0
    goals: int = 0
    not_goals: int = 0
    errors: int = 0
    score_sum: float = 0.0
    labels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))

    def add(self, result: AuditResult) -> None:
        """Count one result."""
        self.rows += 1
        analysis = result.analysis
        if analysis is None:
            self.errors += 1
        elif not analysis.is_goal:
            self.not_goals += 1
        else:
            self.goals += 1
            self.score_sum += analysis.score
            self.labels[analysis.label] = self.labels.get(analysis.label, 0) + 1

    @property
    def mean(self) -> float | None:
        """Return the mean score of the goals, or None without goals."""
        return self.score_sum / self.goals if self.goals else None


@dataclass
class HtmlReport:
    """Bounded state for the page: breakdowns, histogram, weakest goals; rows go to a spool.

    The weakest goals are the lowest-scoring goals that are not SMART, with a rewrite each.
    """

    title: str
    meta: ReportMeta = field(default_factory=ReportMeta)
    weakest: list[tuple[float, int, AuditResult]] = field(default_factory=list)
    by_source: dict[str, Totals] = field(default_factory=dict)
    by_group: dict[str, Totals] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    spool: IO[str] = field(
        default_factory=lambda: tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by close()
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", errors="backslashreplace"
        )
    )

    def add(self, result: AuditResult) -> None:
        """Fold ``result`` into the totals and render its table row."""
        self.by_source.setdefault(result.source, Totals()).add(result)
        if self.meta.group_by:
            self.by_group.setdefault(result.group or _NO_GROUP, Totals()).add(result)
        self.spool.write(_macros().row(result, group=bool(self.meta.group_by)))
        self.spool.write("\n")
        analysis = result.analysis
        if analysis is None or not analysis.is_goal:
            return
        self.histogram[min(int(analysis.score // 10), HISTOGRAM_BINS - 1)] += 1
        if analysis.label == "SMART":
            return
        item = (-analysis.score, -result.index, result)
        if len(self.weakest) < WEAKEST:
            heapq.heappush(self.weakest, item)
        else:
            heapq.heappushpop(self.weakest, item)

    def render(self, summary: AuditSummary) -> str:
        """Return the whole page as one string (small reports and tests)."""
        head, tail = self._page(summary)
        self.spool.seek(0)
        return head + self.spool.read() + tail

    def write_page(self, fh: IO[str], summary: AuditSummary) -> None:
        """Write the page to ``fh``, copying the spooled rows without loading them."""
        head, tail = self._page(summary)
        fh.write(head)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, fh)
        fh.write(tail)

    def close(self) -> None:
        """Release the spool."""
        self.spool.close()

    def _page(self, summary: AuditSummary) -> tuple[str, str]:
        css = read_data_text("report.css")
        weakest = [r for _, _, r in sorted(self.weakest, key=lambda item: (-item[0], -item[1]))]
        page = (
            _environment()
            .get_template("report.html")
            .render(
                title=self.title,
                meta=self.meta,
                css=Markup(css),
                csp=Markup(content_security_policy(css)),  # our own constant text
                summary=summary,
                labels=LABELS,
                histogram=histogram_svg(self.histogram),
                pass_rates=pass_rate_svg(summary),
                by_source=sorted(self.by_source.items()),
                by_group=sorted(self.by_group.items(), key=lambda kv: (kv[0] == _NO_GROUP, kv[0])),
                weakest=[(r, suggestion_for(r.analysis)) for r in weakest if r.analysis],
                rows_marker=Markup(_ROWS_MARKER),
            )
        )
        head, _, tail = page.partition(_ROWS_MARKER)
        return head, tail


def content_security_policy(css: str) -> str:
    """Return a policy allowing only the page's own stylesheet (by hash) and nothing else."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(read_data_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["user"] = user_text
    env.filters["plain"] = clean_text
    env.filters["highlight"] = highlight
    env.filters["findings"] = plain_findings
    env.filters["score"] = lambda v: "n/a" if v is None else f"{v:.1f}"
    env.filters["percent"] = lambda v: "n/a" if v is None else f"{v:.0%}"
    env.globals["dimension_letter"] = DIMENSION_LETTERS
    return env


@lru_cache(maxsize=1)
def _macros() -> Any:
    return _environment().get_template("rows.html").module


def plain_findings(analysis: GoalAnalysis) -> list[str]:
    """Return the messages of a goal's problem findings, most severe first, without repeats."""
    order = {"error": 0, "warning": 1, "info": 2}
    ranked = sorted(analysis.findings, key=lambda f: order.get(f.severity, 3))
    return list(dict.fromkeys(f.message for f in ranked if f.severity != "info"))


def suggestion_for(analysis: GoalAnalysis | None) -> str | None:
    """Return the first rewrite of a goal that is not SMART (computed if none is attached)."""
    if analysis is None or not analysis.is_goal or analysis.label == "SMART":
        return None
    if analysis.suggestions:
        return analysis.suggestions[0].text
    from smartcheck.orchestrate import suggest

    try:
        found = suggest(
            analysis, context=analysis.context, n=1, reference_date=analysis.reference_date
        )
    except SmartCheckError:
        logger.debug("no suggestion for row %s", analysis.index)
        return None
    return found[0].text if found else None


# --------------------------------------------------------------------------- charts

_SVG_WIDTH = 560
_BAR_HEIGHT = 26
_LABEL_WIDTH = 130


def pass_rate_svg(summary: AuditSummary) -> Markup:
    """Return an inline SVG bar chart of the pass rate of each dimension."""
    height = _BAR_HEIGHT * len(DIMENSIONS) + 10
    track = _SVG_WIDTH - _LABEL_WIDTH - 60
    parts = [
        f'<svg id="pass-rate-chart" role="img" width="{_SVG_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_SVG_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Share of goals meeting each SMART dimension</title>",
    ]
    for i, dim in enumerate(DIMENSIONS):
        rate = summary.pass_rates.get(dim)
        y = 5 + i * _BAR_HEIGHT
        name = f"{DIMENSION_LETTERS[dim]} {dim.replace('_', '-')}"
        parts.append(f'<text x="0" y="{y + 17}">{esc(name)}</text>')
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y + 4}" width="{track}" height="18" fill="#eaeef2"/>'
        )
        if rate is None:
            parts.append(f'<text x="{_LABEL_WIDTH + 6}" y="{y + 17}">not counted</text>')
            continue
        width = round(track * rate, 1)
        parts.append(
            f'<rect class="bar" data-dimension="{dim}" x="{_LABEL_WIDTH}" y="{y + 4}" '
            f'width="{width}" height="18" fill="#2da44e"/>'
        )
        parts.append(f'<text x="{_LABEL_WIDTH + track + 8}" y="{y + 17}">{rate:.0%}</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))


def histogram_svg(counts: list[int]) -> Markup:
    """Return an inline SVG column chart of goal scores in bins of ten points."""
    plot_h, base_y, col_w, gap, left = 160, 180, 52, 8, 10
    width = left + len(counts) * (col_w + gap)
    top = max(counts) or 1
    parts = [
        f'<svg id="score-histogram" role="img" width="{width}" height="{base_y + 24}" '
        f'viewBox="0 0 {width} {base_y + 24}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Number of goals per score band</title>",
        f'<line x1="{left}" y1="{base_y}" x2="{width}" y2="{base_y}" stroke="#d0d7de"/>',
    ]
    for i, count in enumerate(counts):
        x = left + i * (col_w + gap)
        h = round(plot_h * count / top, 1)
        low = i * 10
        band = f"{low}-{low + 9}" if i < len(counts) - 1 else f"{low}-100"
        color = "#cf222e" if low < 40 else "#bf8700" if low < 70 else "#2da44e"
        parts.append(
            f'<rect class="hist" data-band="{band}" x="{x}" y="{base_y - h}" width="{col_w}" '
            f'height="{h}" fill="{color}"><title>{band}: {count} goals</title></rect>'
        )
        parts.append(
            f'<text x="{x + col_w / 2}" y="{base_y - h - 4}" text-anchor="middle">{count}</text>'
        )
        parts.append(
            f'<text x="{x + col_w / 2}" y="{base_y + 16}" text-anchor="middle">{band}</text>'
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))


# --------------------------------------------------------------------------- goal text


def highlight(analysis: GoalAnalysis) -> Markup:
    """Return the escaped goal text with evidence and finding spans marked, in ``<bdi>``."""
    text = analysis.text
    spans: list[tuple[int, int, str, str]] = []
    for finding in analysis.findings:
        if finding.span is not None:
            spans.append((finding.span.start, finding.span.end, "fd", finding.id))
    for dim, score in analysis.dimensions.items():
        spans.extend((ev.start, ev.end, "ev", dim) for ev in score.evidence)
    out: list[str] = []
    pos = 0
    for start, end, cls, tip in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or end <= start or end > len(text):
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="{cls}" title="{esc(tip)}">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return Markup("<bdi>" + "".join(out) + "</bdi>")
