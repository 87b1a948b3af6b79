"""Open the HTML audit report in a real headless Chromium and check what it renders."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from audit_helpers import make_analysis, make_finding

from smartcheck.audit import AuditResult, open_report
from smartcheck.audit.summary import SummaryBuilder

CHROMIUM = Path("/usr/bin/chromium")
BAR_GREEN = (0x2D, 0xA4, 0x4E)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Chromium from the system packages at /usr/bin/chromium "
    "(apt-get install chromium; see .ci/install-system-deps.sh)",
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    return subprocess.run(
        [str(CHROMIUM), *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write an HTML report of ten goals, one of them trying to inject markup."""
    path = tmp_path_factory.mktemp("html") / "report.html"
    builder = SummaryBuilder()
    with open_report(path) as writer:
        for n in range(10):
            text = (
                f"I will walk {n} minutes daily" if n else '<script>document.title="pwned"</script>'
            )
            analysis = make_analysis(
                text,
                score=10.0 * n,
                label="SMART" if n > 7 else "Not SMART",
                met=("specific", "measurable") if n % 2 else ("specific",),
                findings=[make_finding(text, "time_bound.no_timeframe", 0, 6)],
                evidence={"measurable": [(12, 21)]} if n else None,
            )
            result = AuditResult(index=n, source="mem", row=n + 1, id=f"g{n}", analysis=analysis)
            builder.add(result)
            writer.write(result)
        writer.finish(builder.build())
    return path


def test_browser_renders_chart_and_tables(report: Path, tmp_path: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    assert "<title>Goal audit: report</title>" in dom  # the injected script never ran
    assert len(re.findall(r'<rect class="bar"', dom)) == 5
    weakest = dom.split('id="weakest-table"')[1].split("</table>")[0]
    assert weakest.count("<tr>") == 9  # header + the eight goals that are not SMART
    every_row = dom.split('id="rows-table"')[1].split("</table>")[0]
    assert every_row.count("<tr") == 11  # header + all ten goals
    assert "<script>document" not in dom
    assert 'document.title="pwned"&lt;/script&gt;' in dom  # shown as text


def test_browser_screenshot_shows_the_bars(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1400", report.as_uri())
    width, height, pixels = _read_png(shot.read_bytes())
    assert (width, height) == (1280, 1400)
    assert pixels.count(BAR_GREEN) > 500  # the green pass-rate bars are painted


def _read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB or RGBA PNG into a pixel list (enough for Chromium screenshots)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6)
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind, line, prev, channels)
        rows.append(line)
        prev = line
    pixels = [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]
    return width, height, pixels  # type: ignore[return-value]


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        upper_left = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - upper_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else upper_left
            line[i] = (line[i] + pred) & 0xFF
