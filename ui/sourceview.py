"""A document's source text with the line of each extracted fact highlighted (provenance), as safe HTML.

Facts point at lines two ways: nodes and edges carry ``src = '<document uid>:<line>'``, tasks a ``line``. The
uid itself contains colons (``binh-dinh:60-KH/TU:2023``), so the line is what follows the last one.

>>> line_of("binh-dinh:60-KH/TU:2023:12")
12
>>> "<mark" in render_source(["a", "b"], {2: ["Nhiệm vụ II.1"]}, focus=2)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

__all__ = ["excerpt", "facts_by_line", "line_of", "render_source"]

_STYLE = "font-size:14px;line-height:1.55;white-space:pre-wrap;word-break:break-word"


def line_of(src: object) -> int | None:
    """The line number at the end of a ``src`` value (``None`` when there is none)."""
    if isinstance(src, int):
        return src
    if not isinstance(src, str) or ":" not in src:
        return None
    tail = src.rsplit(":", 1)[1]
    return int(tail) if tail.isdigit() else None


def _add(out: dict[int, list[str]], line: int | None, fact: str) -> None:
    if line:
        out.setdefault(line, []).append(fact)


def facts_by_line(view: Mapping[str, Any]) -> dict[int, list[str]]:
    """Line → the facts taken from it, for a document view (see ``ui.data.document_view``)."""
    out: dict[int, list[str]] = {}
    facts = view["facts"]
    for signer in facts.get("signers") or ():
        _add(out, line_of(signer.get("src")), f"Người ký: {signer.get('name')}")
    for link in view.get("links") or ():
        if link.get("direction") == "up":
            _add(out, line_of(link.get("src")), f"Thực hiện/dẫn chiếu {link.get('symbol')}")
    for s in view.get("sections") or ():
        _add(out, line_of(s.get("src")), f"Mục {s.get('path')}")
    for t in view.get("tasks") or ():
        _add(out, t.get("line") or line_of(t.get("src")), f"Nhiệm vụ {t.get('path')}")
    for r in view.get("subplans") or ():
        _add(out, line_of(r.get("src")), f"Yêu cầu kế hoạch: {r.get('unit')}")
    for r in view.get("recipients") or ():
        _add(out, line_of(r.get("src")), f"Nơi nhận: {r.get('organ')}")
    return {line: sorted(set(names), key=names.index) for line, names in out.items()}


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
