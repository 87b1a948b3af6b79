"""Render the audit HTML report: summary cards, an SVG bar chart, findings and weak goals.

The page is self-contained (inline CSS and SVG, no scripts, no network) and every piece
of user text goes through :func:`html.escape`. The template is package data.
"""

from __future__ import annotations

import heapq
import html
import logging
import string
from dataclasses import dataclass, field

from smartcheck import __version__
from smartcheck.audit.rows import AuditResult
from smartcheck.audit.rules import read_data_text
from smartcheck.audit.summary import LABELS, AuditSummary
from smartcheck.errors import SmartCheckError
from smartcheck.models import DIMENSION_LETTERS, DIMENSIONS, GoalAnalysis

WEAKEST = 25
LISTED_ERRORS = 50
_CHART_WIDTH = 640
_BAR_HEIGHT = 26
_LABEL_WIDTH = 130
_CARD_CLASSES = {"SMART": "smart", "Partially SMART": "partial", "Not SMART": "not"}


logger = logging.getLogger(__name__)


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass
class HtmlReport:
    """Bounded state for the report: the weakest goals and the first error rows."""

    title: str
    weakest: list[tuple[float, int, AuditResult]] = field(default_factory=list)
    errors: list[AuditResult] = field(default_factory=list)

    def add(self, result: AuditResult) -> None:
        """Keep ``result`` if it is among the weakest goals or the first error rows."""
        if result.analysis is None:
            if len(self.errors) < LISTED_ERRORS:
                self.errors.append(result)
            return
        item = (-result.analysis.score, -result.index, result)
        if len(self.weakest) < WEAKEST:
            heapq.heappush(self.weakest, item)
        else:
            heapq.heappushpop(self.weakest, item)

    def render(self, summary: AuditSummary) -> str:
        """Return the whole HTML page."""
        template = string.Template(read_data_text("report.html"))
        mean = "n/a" if summary.mean_score is None else f"{summary.mean_score:.1f}"
        meta = (
            f"{summary.total} rows, {summary.analysed} analysed, {summary.errors} errors; "
            f"mean score {mean} of 100"
        )
        return template.substitute(
            version=esc(__version__),
            title=esc(self.title),
            meta=esc(meta),
            cards=_cards(summary),
            chart=_chart(summary),
            findings=_findings_table(summary),
            weakest=self._weakest_table(),
            errors=self._errors_table(summary),
        )

    def _weakest_table(self) -> str:
        rows = sorted(self.weakest, key=lambda item: (-item[0], -item[1]))
        if not rows:
            return "<p>No goals were analysed.</p>"
        body = "\n".join(_weak_row(result) for _, _, result in rows)
        head = "<tr><th>id</th><th>goal</th><th>score</th><th>label</th><th>findings</th></tr>"
        table = f'<table id="weakest-table">\n<thead>{head}</thead>\n'
        return f"{table}<tbody>\n{body}\n</tbody>\n</table>"

    def _errors_table(self, summary: AuditSummary) -> str:
        if not self.errors:
            return "<p>None: every row was analysed.</p>"
        counts = ", ".join(f"{esc(code)}: {n}" for code, n in summary.error_codes.items())
        rows = "\n".join(
            f"<tr><td>{esc(r.id)}</td><td>{esc(r.source)}</td><td class='num'>{r.row}</td>"
            f"<td>{esc(r.error)}</td><td>{esc(r.reason)}</td></tr>"
            for r in self.errors
        )
        head = "<tr><th>id</th><th>source</th><th>row</th><th>error</th><th>reason</th></tr>"
        shown = f"first {len(self.errors)} shown" if summary.errors > len(self.errors) else ""
        return (
            f"<p>{counts} {esc(shown)}</p>\n<table id='errors-table'>\n<thead>{head}</thead>\n"
            f"<tbody>\n{rows}\n</tbody>\n</table>"
        )


def _cards(summary: AuditSummary) -> str:
    cards = [f'<div class="card"><div class="n">{summary.total}</div>goals audited</div>']
    for label in LABELS:
        count = summary.labels.get(label, 0)
        cls = _CARD_CLASSES[label]
        cards.append(f'<div class="card {cls}"><div class="n">{count}</div>{esc(label)}</div>')
    cards.append(f'<div class="card err"><div class="n">{summary.errors}</div>errors</div>')
    return "\n".join(cards)


def _chart(summary: AuditSummary) -> str:
    """Return an inline SVG bar chart of the pass rate of each dimension."""
    height = _BAR_HEIGHT * len(DIMENSIONS) + 10
    track = _CHART_WIDTH - _LABEL_WIDTH - 60
    parts = [
        f'<svg id="pass-rate-chart" role="img" width="{_CHART_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_CHART_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">',
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
    return "\n".join(parts)


def _findings_table(summary: AuditSummary) -> str:
    if not summary.top_findings:
        return "<p>No findings.</p>"
    rows = "\n".join(
        f"<tr><td><code>{esc(f.id)}</code></td><td class='num'>{f.count}</td>"
        f"<td>{esc(f.message)}</td></tr>"
        for f in summary.top_findings
    )
    head = "<tr><th>finding</th><th>goals</th><th>first message</th></tr>"
    return (
        f"<table id='findings-table'>\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _first_suggestion(analysis: GoalAnalysis) -> str | None:
    """Rewrite one of the weakest goals (only these few rows pay for the rewrite engine)."""
    if analysis.label == "SMART":
        return None
    from smartcheck.rewrite import suggest

    try:
        found = suggest(
            analysis, context=analysis.context, n=1, reference_date=analysis.reference_date
        )
    except SmartCheckError:
        logger.debug("no suggestion for row %s", analysis.index)
        return None
    return found[0].text if found else None


def _weak_row(result: AuditResult) -> str:
    analysis = result.analysis
    assert analysis is not None
    ids = ", ".join(dict.fromkeys(f.id for f in analysis.findings if f.severity != "info"))
    suggestion = ""
    first = analysis.suggestions[0].text if analysis.suggestions else _first_suggestion(analysis)
    if first:
        suggestion = f'<div class="suggestion">Try: {esc(first)}</div>'
    if result.meta:
        carried = " · ".join(f"{key} {value}" for key, value in result.meta)
        suggestion += f'<div class="ids">{esc(carried)}</div>'
    return (
        f"<tr><td>{esc(result.id)}</td><td>{highlight(analysis)}{suggestion}</td>"
        f"<td class='num'>{analysis.score:.0f}</td><td>{esc(analysis.label)}</td>"
        f"<td class='ids'>{esc(ids)}</td></tr>"
    )


def highlight(analysis: GoalAnalysis) -> str:
    """Return the escaped goal text with evidence and finding spans marked."""
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
    return "".join(out)
