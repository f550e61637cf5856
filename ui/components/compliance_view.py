"""Drawing the compliance matrix (an HTML table, coloured cells that open the unit's plan or the unit) and the
deadline timeline (a Vega-Lite chart through Altair, drawn by Streamlit's own bundled library: no network)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from urllib.parse import quote

import altair as alt
import pandas as pd

from common.glossary import GROUP_STATUS
from ui.navigation import PAGES
from ui.views.compliance import STATUS_COLOURS, ComplianceMatrix, MatrixCell, TimelineItem

__all__ = ["STATE_COLOURS", "matrix_html", "timeline_chart", "timeline_height"]

_CSS = (
    "<style>.kg-matrix{border-collapse:collapse;font:13px sans-serif}.kg-matrix th,.kg-matrix td{border:1px solid "
    "#ccc;padding:3px 6px}.kg-matrix th{background:#f3f3f3;position:sticky;top:0}.kg-matrix td.s{text-align:"
    "center;min-width:120px}.kg-matrix td.s a{color:#111;text-decoration:none;display:block}.kg-matrix tr.sec td"
    "{background:#eef3f8;font-weight:600}.kg-key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 "
    "10px;border:1px solid #888;vertical-align:-1px}</style>"
)


def _link(page: str, uid: str) -> str:
    return f"{PAGES[page].url_path}?uid={quote(uid, safe='')}"


def _cell_html(cell: MatrixCell | None, unit_uid: str) -> str:
    if cell is None:
        return '<td class="s" style="background:#fafafa;color:#999">—</td>'
    tip = f"{cell.text}; thời hạn {cell.deadline or 'không ghi'}"
    if cell.subplan:
        tip += f"; kế hoạch của đơn vị: {cell.subplan}"
    target = _link("document", cell.subplan_uid) if cell.subplan_uid else _link("organ", unit_uid)
    return (
        f'<td class="s" style="background:{STATUS_COLOURS[cell.group]}" title="{escape(tip)}">'
        f'<a href="{escape(target)}" target="_self">{escape(cell.text)}</a></td>'
    )


def matrix_html(matrix: ComplianceMatrix) -> str:
    """The matrix as a table: a heading row per level and province, a cell per (unit, plan that ordered it)."""
    key = "".join(
        f'<span style="background:{colour}"></span>{escape(GROUP_STATUS[group])}'
        for group, colour in STATUS_COLOURS.items()
    )
    head = "".join(
        f'<th><a href="{escape(_link("cascade_map", uid))}" target="_self" title="Xem nhánh dưới văn bản này">'
        f"{escape(label)}</a></th>"
        for uid, label in matrix.columns
    )
    body, section = [], None
    for row in matrix.rows:
        if row.section != section:
            section = row.section
            body.append(f'<tr class="sec"><td colspan="{len(matrix.columns) + 1}">{escape(section)}</td></tr>')
        cells = "".join(_cell_html(c, row.unit_uid) for c in row.cells)
        body.append(f"<tr><td>{escape(row.unit)}</td>{cells}</tr>")
    return (
        f'{_CSS}<div class="kg-key">Chú giải:{key}</div>'
        f'<table class="kg-matrix"><tr><th>Đơn vị \\ Văn bản giao</th>{head}</tr>{"".join(body)}</table>'
    )


# state words (common.glossary) → colour, the same as the cascade picture
STATE_COLOURS: dict[str, str] = {
    "quá hạn": "#c1121f",
    "còn hạn": "#b4a7d6",
    **{GROUP_STATUS[g]: c for g, c in STATUS_COLOURS.items()},
}


def timeline_chart(items: Sequence[TimelineItem], as_of: date) -> alt.LayerChart:
    """Each task and sub-plan order at its deadline, one row per plan, a red rule at ``as_of``."""
    frame = pd.DataFrame(
        [
            {"Văn bản": i.document, "Việc": i.what, "Nội dung": i.text, "Thời hạn": i.deadline.isoformat(),
             "Ngày": i.deadline.strftime("%d/%m/%Y"), "Tình trạng": i.state,
             "Loại": "nhiệm vụ" if i.what.startswith("Nhiệm vụ") else "ban hành kế hoạch"}
            for i in items
        ]
    )  # fmt: skip
    states = [s for s in STATE_COLOURS if s in set(frame["Tình trạng"])] if len(frame) else []
    colour = alt.Color(
        "Tình trạng:N",
        scale=alt.Scale(domain=states, range=[STATE_COLOURS[s] for s in states]),
        legend=alt.Legend(title="Tình trạng", orient="bottom"),
    )
    points = (
        alt.Chart(frame)
        .mark_point(filled=True, size=140, opacity=0.9)
        .encode(
            x=alt.X("Thời hạn:T", title="Thời hạn", axis=alt.Axis(format="%d/%m/%Y")),
            y=alt.Y("Văn bản:N", title="Văn bản giao", axis=alt.Axis(labelLimit=160)),
            yOffset=alt.YOffset("Loại:N"),
            color=colour,
            shape=alt.Shape("Loại:N", legend=alt.Legend(title="Loại", orient="bottom")),
            tooltip=["Văn bản", "Việc", "Ngày", "Tình trạng", "Nội dung"],
        )
    )
    today = pd.DataFrame([{"Ngày xét": as_of.isoformat(), "Nhãn": f"Ngày xét {as_of.strftime('%d/%m/%Y')}"}])
    rule = alt.Chart(today).mark_rule(color="#c1121f", strokeDash=[4, 3]).encode(x="Ngày xét:T", tooltip=["Nhãn"])
    return alt.LayerChart(layer=[points, rule])


def timeline_height(items: Sequence[TimelineItem]) -> int:
    """A band per plan, tall enough to tell its marks apart, and room for the axis and legend."""
    return 140 + 80 * len({i.document for i in items})
