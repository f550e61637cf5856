"""A document's source text with the line of each extracted fact highlighted (provenance), as safe HTML.

The facts come as line → their names (see ``ui.views.document.facts_by_line``).

>>> "<mark" in render_source(["a", "b"], {2: ["Nhiệm vụ II.1"]}, focus=2)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

__all__ = ["excerpt", "render_source"]

_STYLE = "font-size:14px;line-height:1.55;white-space:pre-wrap;word-break:break-word"


def _line_html(no: int, text: str, facts: Sequence[str], focus: int | None) -> str:
    number = f'<span style="color:#999;user-select:none;font-family:monospace">{no:>4}  </span>'
    body = escape(text) or "&nbsp;"
    if not facts:
        return f"<div>{number}{body}</div>"
    colour = "#ffd54f" if no == focus else "#fff3c4"
    title = escape("; ".join(facts), quote=True)
    tag = f' <span style="color:#8d6e00;font-size:11px">◀ {escape(", ".join(facts[:3]))}</span>'
    return f'<div id="L{no}" title="{title}"><mark style="background:{colour}">{number}{body}</mark>{tag}</div>'


def render_source(lines: Sequence[str], facts: Mapping[int, Sequence[str]], focus: int | None = None) -> str:
    """Every line numbered; the lines facts came from marked (the ``focus`` line darker) and labelled."""
    rows = (_line_html(no, text, facts.get(no, ()), focus) for no, text in enumerate(lines, start=1))
    return f'<div style="{_STYLE}">{"".join(rows)}</div>'


def excerpt(lines: Sequence[str], facts: Mapping[int, Sequence[str]], focus: int, around: int = 3) -> str:
    """The ``focus`` line with ``around`` lines either side (line numbers kept)."""
    start, end = max(1, focus - around), min(len(lines), focus + around)
    rows: Iterable[str] = (_line_html(no, lines[no - 1], facts.get(no, ()), focus) for no in range(start, end + 1))
    return f'<div style="{_STYLE}">{"".join(rows)}</div>'
