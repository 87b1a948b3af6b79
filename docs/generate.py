"""Regenerate the generated docs pages: the finding catalogue and the API reference.

Run: python docs/generate.py            (writes docs/findings.md and docs/api-reference.md)
     python docs/generate.py --check    (exits 1 when a committed page is out of date)
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import smartcheck
from smartcheck.kb.loader import default_kb

DOCS = Path(__file__).resolve().parent


def findings_page() -> str:
    """Render findings.yaml as a Markdown table per dimension."""
    kb = default_kb()
    lines = [
        "# Finding catalogue",
        "",
        "Generated from `smartcheck/data/findings.yaml` by `python docs/generate.py`;",
        "do not edit by hand.",
        "`{text}` is the span the finding points at.",
        "",
    ]
    for dim in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        lines += [
            f"## {dim}",
            "",
            "| id | severity | message | how to fix |",
            "| --- | --- | --- | --- |",
        ]
        for fid, spec in kb.findings.items():
            if spec.dimension == dim:
                msg = spec.message.replace("|", "\\|")
                fix = spec.fix.replace("|", "\\|")
                lines.append(f"| `{fid}` | {spec.severity} | {msg} | {fix} |")
        lines.append("")
    return "\n".join(lines)


def api_page() -> str:
    """Render every name in ``smartcheck.__all__`` with its signature and summary."""
    lines = [
        "# API reference",
        "",
        "Generated from `smartcheck.__all__` by `python docs/generate.py`; do not edit by hand.",
        "See [api.md](api.md) for a guided tour.",
        "",
    ]
    for name in smartcheck.__all__:
        obj = getattr(smartcheck, name)
        if name == "__version__":
            continue
        doc = (inspect.getdoc(obj) or "").split("\n\n")[0].replace("\n", " ")
        if inspect.isclass(obj):
            lines.append(f"## `{name}` (class)")
            fields = getattr(obj, "model_fields", None)
            lines += ["", doc, ""]
            if fields:
                lines.append("| field | type |")
                lines.append("| --- | --- |")
                for fname, info in fields.items():
                    raw = info.annotation
                    ann = raw.__name__ if isinstance(raw, type) else str(raw)
                    ann = (
                        ann.replace("typing.", "")
                        .replace("smartcheck.models.", "")
                        .replace("Annotated[", "[")
                    )
                    lines.append(f"| `{fname}` | `{ann.replace('|', '/')}` |")
                lines.append("")
        elif callable(obj):
            try:
                sig = str(inspect.signature(obj))
            except (TypeError, ValueError):
                sig = "(...)"
            lines += [f"## `{name}{sig}`", "", doc, ""]
    return "\n".join(lines)


PAGES = {"findings.md": findings_page, "api-reference.md": api_page}


def main(argv: list[str]) -> int:
    stale = []
    for name, render in PAGES.items():
        text = render() + "\n"
        path = DOCS / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python docs/generate.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
