"""The outline of a body: numbered items nested by their markers, with the paragraphs and tables in them.

Reading rules: items nest by marker kind in order of first appearance (``I`` holds ``1.``, ``1.`` holds
``a)``; a kind already open closes everything below it). A lone marker takes the next line as its text.
Paragraphs and bullets belong to the innermost open item; ``+`` points under a ``-`` bullet are part of it.
``Kính gửi`` items are kept apart as addressees.
The ``Nơi nhận`` list and the signature are skipped; reading resumes at a new top heading (``I.``, ``A.``:
an attached programme or report) or a ``PHỤ LỤC`` caption, whose tables are kept as appendix tables
(``PLII``). The title block of an attached document (``CHƯƠNG TRÌNH HÀNH ĐỘNG …``, its subtitle, number,
date and preamble) is skipped up to its first numbered heading. Stray page numbers, rules, footnotes,
header lines and converter notes in parentheses are dropped.

>>> outline = read_outline([Line(1, "I - NHIỆM VỤ"), Line(2, "1. Tuyên truyền"), Line(3, "- Tổ chức học tập")])
>>> [(n.marker.label, [k.text for k in n.children]) for n in outline.root.children[0].children]
[('1', ['Tổ chức học tập'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from loaders.extract.body.numbering import ARABIC, BULLET, ROMAN, UPPER, Marker, level_key, parse_marker
from loaders.extract.body.tables import appendix_id, is_table_row, read_cell_table, regroup_cells, split_cells
from loaders.text.line import Line
from loaders.text.runon import ends_unfinished

__all__ = ["Node", "Outline", "read_outline"]

_SEPARATOR_LINE = re.compile(r"^[-–—_=*~`#\s]{3,}$")
_NOISE = re.compile(r"^(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰].*|\(.*\)[.;]?|\[.*\]|\.+/?\.?)$")
_NOI_NHAN = re.compile(r"^(?:\|\s*)?\**\s*nơi nhận\b", re.IGNORECASE)
_KINH_GUI = re.compile(r"^kính gửi\s*:?\s*(.*)$", re.IGNORECASE)
# The title of a document attached after the signature (a programme, a draft report) and its header lines.
_DOC_TITLE = re.compile(
    r"^(?:DỰ THẢO\s+)?(?:CHƯƠNG TRÌNH|KẾ HOẠCH|BÁO CÁO|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN"
    r"|HƯỚNG DẪN|THÔNG BÁO|CÔNG VĂN|TỜ TRÌNH)\b"
)
_HEADER_LINE = re.compile(r"^(?:V/v\b|S[ốo]\s*:?\s*[\d\-–]|[^\W\d_][^,]{0,40},\s*ngày\s+(?:\d{1,2}\s+)?tháng\b)")


@dataclass(eq=False)
class Node:
    """An item (numbered), a paragraph (``bullet`` if it had a marker), a table, or the root."""

    kind: str  # root | item | para | table
    text: str = ""
    line: int = 0
    marker: Marker | None = None
    bullet: bool = False
    children: list[Node] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    prefix: str | None = None  # an appendix table's path prefix (``PLII``)
    addressees: tuple[str, ...] = ()  # a paragraph's ``Kính gửi`` (whom ``đề nghị đồng chí`` addresses)


@dataclass(frozen=True, slots=True)
class Outline:
    root: Node
    appendices: tuple[Node, ...] = ()
    addressees: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


# A row of the ``Nơi nhận`` list or the signature block laid out as a table (``| - Bộ Công an (để báo cáo)
# … - Lưu: VT |``, ``| TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH … |``): never a task table.
_CLOSING_CELL = re.compile(
    r"^(?:\**\s*nơi nhận\b|(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)\s*[A-ZĐÀ-Ỹ])"
    r"|[-–;,]\s*Lưu\s*:?\s*(?:VT|Văn thư|VP)",
    re.IGNORECASE,
)


def _closing_block(cells: list[str]) -> bool:
    return any(_CLOSING_CELL.search(c.strip()) for c in cells)


class _Reader:
    """Builds the outline, a tree of numbered items, paragraphs and tables, from normalised lines."""

    def __init__(self) -> None:
        self.root = Node("root")
        self.stack: list[tuple[str, Node]] = [("root", self.root)]
        self.appendices: list[Node] = []
        self.addressees: list[str] = []
        self.current: tuple[str, ...] = ()  # the addressees of the letter being read
        self.warnings: list[str] = []
        self.last_roman = 0
        self.mode = "body"  # body | skip (recipients, signature) | title (of an attached document) | appendix

    def read(self, lines: Sequence[Line]) -> None:
        i = 0
        while i < len(lines):
            i = self._step(lines, i)

    def _step(self, lines: Sequence[Line], i: int) -> int:
        text = lines[i].text.strip()
        if not text or _SEPARATOR_LINE.match(text):
            return i + 1
        if (found := appendix_id(text)) is not None:
            self.mode = "appendix"
            self.appendices.append(Node("table", text, lines[i].no, prefix=f"PL{found}"))
            return i + 1
        if _NOI_NHAN.match(text):
            self.mode = "skip"
            return i + 1
        if _DOC_TITLE.match(text) and parse_marker(text) is None:
            self.mode, self.stack, self.last_roman = "title", [("root", self.root)], 0
            return i + 1
        if self.mode == "skip" and not self._resumes(text):
            return i + 1
        if is_table_row(text):
            return self._table(lines, i)
        if (cell_table := read_cell_table(lines, i)) is not None:
            self._attach_table(cell_table[0])
            return cell_table[1]
        if self.mode == "appendix":
            return i + 1  # captions and notes of an appendix
        if m := _KINH_GUI.match(text):
            return self._addressees(lines, i, m.group(1))
        if _NOISE.match(text) or _HEADER_LINE.match(text):
            return i + 1
        marker, no = parse_marker(text, expect_roman=self.last_roman + 1), lines[i].no
        if self.mode == "title":  # the title block and preamble of an attached document, up to its body
            if marker is None or marker.kind == BULLET:
                return i + 1
            self.mode = "body"
        if marker is not None and not marker.text and i + 1 < len(lines):
            following = lines[i + 1].text.strip()
            if following and parse_marker(following) is None:  # a lone marker: its text is on the next line
                marker, i = replace(marker, text=following), i + 1
        self._add(marker, text, no)
        return i + 1

    def _repair_one(self, marker: Marker) -> None:
        """``I.`` then ``2.``: OCR read the first arabic item's ``1.`` as a roman one. The open ``I`` becomes ``1``
        (its paragraphs stay its own) and ``2.`` its sibling."""
        if marker.kind != ARABIC or marker.value != 2 or marker.depth != 1 or len(self.stack) < 2:
            return
        key, node = self.stack[-1]
        if key != ROMAN or node.marker is None or node.marker.label != "I" or self.last_roman != 1:
            return
        if any(k.kind == "item" for k in node.children):
            return
        node.marker = Marker(ARABIC, "1", 1, node.marker.text, repaired=True)
        self.stack[-1] = (level_key(node.marker), node)
        self.last_roman = 0
        self.warnings.append(f"line {node.line}: roman numeral in 'I' read as 1 (an arabic list follows)")

    def _resumes(self, text: str) -> bool:
        """After the signature, a new top heading starts an attached document (a programme, a report)."""
        marker = parse_marker(text)
        if marker is None or marker.kind not in (ROMAN, UPPER) or not marker.text or marker.bullet:
            return False
        self.mode, self.stack, self.last_roman = "body", [("root", self.root)], 0
        return True

    def _table(self, lines: Sequence[Line], i: int) -> int:
        rows: list[tuple[int, list[str]]] = []
        while i < len(lines) and is_table_row(lines[i].text):
            cells = split_cells(lines[i].text)
            if not all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
                rows.append((lines[i].no, cells))
            i += 1
        if rows and not any(_closing_block(cells) for _, cells in rows):
            regrouped = regroup_cells(rows)
            if regrouped is None and self.mode != "appendix" and _one_cell_each(rows):
                # a page converter boxed running text in cells of one column: it is text, read as lines
                self.read([Line(no, c.strip()) for no, cells in rows for c in cells if c.strip()])
            else:
                self._attach_table(regrouped or rows)
        return i

    def _attach_table(self, rows: list[tuple[int, list[str]]]) -> None:
        if self.mode == "appendix" and self.appendices:
            current = self.appendices[-1]
            if current.rows:
                current = Node("table", current.text, rows[0][0], prefix=current.prefix)
                self.appendices.append(current)
            current.rows = rows
        else:
            self.stack[-1][1].children.append(Node("table", line=rows[0][0], rows=rows))

    def _addressees(self, lines: Sequence[Line], i: int, inline: str) -> int:
        found = [inline.strip(" ,;.")] if inline.strip() else []
        i += 1
        while i < len(lines) and (m := parse_marker(lines[i].text)) is not None and m.kind == BULLET:
            found.append(m.text.strip(" ,;."))
            i += 1
        self.current = tuple(found)
        self.addressees.extend(found)
        return i

    def _add(self, marker: Marker | None, text: str, no: int) -> None:
        if marker is None:
            text = _PAGE_FOOTER.sub("", text)  # ``Trang 2 đơn vị, doanh nghiệp …``: a footer OCR ran into the text
            if _runs_on(self.stack[-1][1], text):
                return
        if marker is not None:
            self._repair_one(marker)
        if marker is None or marker.kind == BULLET:
            body = marker.text if marker else text
            siblings = self.stack[-1][1].children
            if marker is not None and marker.label == "+" and siblings and siblings[-1].bullet:
                siblings[-1].text = f"{siblings[-1].text} + {body}"  # a second-level point of the bullet above
                return
            if body:
                para = Node("para", body, no, bullet=marker is not None, addressees=self.current)
                self.stack[-1][1].children.append(para)
            return
        if marker.kind == ROMAN:
            self.last_roman = marker.value or self.last_roman
            if marker.repaired:
                self.warnings.append(f"line {no}: roman numeral in {text[:12]!r} read as {marker.label}")
        key = level_key(marker)
        keys = [k for k, _ in self.stack]
        if key in keys:
            del self.stack[keys.index(key) :]
        node = Node("item", marker.text, no, marker)
        self.stack[-1][1].children.append(node)
        self.stack.append((key, node))


_DATE_WORD = re.compile(r"\s(?:ngày|tháng|năm|số)$", re.IGNORECASE)
_REFERENCE_ON = re.compile(r"^(?:Điều\s+\d+\s*[,;]|khoản\s+\d|điểm\s+[a-zđ]\b)")


def _runs_on(parent: Node, text: str) -> bool:
    """A plain line that continues the item or paragraph before it, which the copy broke where no sentence
    ends: after a dangling word (``… của`` / ``Chính phủ``), after a verb that wants its object in a list of
    clauses (``…; tham mưu báo cáo`` / ``Bộ Tài chính …``) or before a legal reference (``khoản 3`` /
    ``Điều 6; khoản 5 …``). The text is appended to it."""
    last = parent.children[-1] if parent.children else (parent if parent.kind == "item" else None)
    if last is None or last.kind not in ("item", "para") or not last.text or last.text[-1] in ".:;!?…)":
        return False
    if last is parent and parent.children:
        return False
    clause = bool(_DATE_WORD.search(last.text) and text[:1].isdigit())  # ``trước ngày`` / ``15/4/2026.``
    clause = clause or text[:1].islower()  # what a page footer or a stamp cut off
    clause = clause or bool(re.search(r"\d\s*[-–]$", last.text) and text[:1].isdigit())  # ``2021 -`` / ``2030``
    clause = clause or last.text.count("(") > last.text.count(")")  # ``(theo … khoản 5 Điều 3`` / ``Nghị định …)``
    if ends_unfinished(last.text) or _REFERENCE_ON.match(text) or clause:
        last.text = f"{last.text} {text}"
        return True
    return False


def _one_cell_each(rows: Sequence[tuple[int, list[str]]]) -> bool:
    return all(sum(1 for c in cells if c.strip()) <= 1 for _, cells in rows)


_PAGE_FOOTER = re.compile(r"^Trang\s+\d{1,3}\s+(?=[a-zà-ỹđ])")


def read_outline(lines: Sequence[Line]) -> Outline:
    """The outline of the body that ``lines`` hold (see the module docstring)."""
    reader = _Reader()
    reader.read(lines)
    return Outline(reader.root, tuple(reader.appendices), tuple(reader.addressees), tuple(reader.warnings))
