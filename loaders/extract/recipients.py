"""Nơi nhận: the recipients list, one :class:`~loaders.record.Recipient` per ``-`` item.

Items are lines (``- Ban Thường vụ Tỉnh ủy (b/c),``) or packed in one table cell (``Nơi nhận: - A; - B; …``).
Purpose tags: ``(b/c)``, ``(để báo cáo)`` → ``báo cáo``; ``(để thực hiện)``, ``(t/h)`` → ``thực hiện``;
``(để biết)``, ``(để phối hợp)``; a ``}`` brace grouping several lines shares one tag; ``Lưu …`` is filed
(``lưu``). ``organs`` are the raw names split on ``;``/``,`` — the resolver turns them into identities; ``Như
trên`` stands for the addressees of the ``Kính gửi`` list.

>>> from loaders.text.line import Line
>>> block = [Line(1, "Nơi nhận:"), Line(2, "- Các ban ĐUK; Đoàn Khối,"), Line(3, "- Lưu VP, BTGĐUK.")]
>>> [(r.text, r.organs, r.purpose) for r in parse_recipients(block)]
[('Các ban ĐUK; Đoàn Khối', ('Các ban ĐUK', 'Đoàn Khối'), None), ('Lưu VP, BTGĐUK', ('VP', 'BTGĐUK'), 'lưu')]
"""

from __future__ import annotations

import re

from loaders.record import Recipient
from loaders.text.line import Line

__all__ = ["KINH_GUI_RE", "START_RE", "addressee_names", "is_recipients_start", "parse_recipients"]

START_RE = re.compile(r"^\|?\s*Nơi\s+nh[ậâạa]n\s*(?::\s*|$|(?=[-–]\s))", re.IGNORECASE)  # OCR: "nhân"
_ITEM_SPLIT = re.compile(r"(?:^|(?<=[;,.:]))\s*[-–+*•]\s+")
_BULLET = re.compile(r"^[-–+*•]\s+")
_PURPOSE = re.compile(
    r"\(\s*(?:để\s+)?(?P<p>b/c|báo\s+cáo|t/h|thực\s+hiện|biết|phối\s+hợp|chỉ\s+đạo|theo\s+dõi)\s*\)", re.IGNORECASE
)
_PURPOSES = {"b/c": "báo cáo", "báo cáo": "báo cáo", "t/h": "thực hiện", "thực hiện": "thực hiện"}
_FILED = re.compile(r"^Lưu\s*:?\s*", re.IGNORECASE)
_AS_ABOVE = re.compile(r"^Như\s+trên$", re.IGNORECASE)
_COPIES = re.compile(r"\(\s*\d+\s*[a-z]?\s*\)\S*")
KINH_GUI_RE = re.compile(r"^Kính\s+gửi\s*:?\s*", re.IGNORECASE)


def is_recipients_start(text: str) -> bool:
    return bool(START_RE.match(text))


def _items(lines: list[Line]) -> list[tuple[int, str]]:
    """(line, item text) for every item, in order; lines without a bullet continue the item before them."""
    items: list[tuple[int, str]] = []
    for line in lines:
        text = START_RE.sub("", line.text.strip()).strip().strip("|").strip()
        if not text:
            continue
        parts = [p for p in _ITEM_SPLIT.split(text) if p.strip()]
        if _BULLET.match(text) or not items or len(parts) > 1:
            items.extend((line.no, p.strip()) for p in parts)
        else:
            no, prev = items[-1]
            items[-1] = (no, f"{prev} {text}")
    return items


def _purpose(text: str) -> str | None:
    if _FILED.match(text):
        return "lưu"
    if m := _PURPOSE.search(text):
        key = " ".join(m["p"].lower().split())
        return _PURPOSES.get(key, key)
    return None


def _organs(text: str) -> list[str]:
    bare = _FILED.sub("", _PURPOSE.sub(" ", text))
    bare = _COPIES.sub(" ", bare)
    head, sep, tail = bare.partition(":")
    names = ([head] if sep and len(head.split()) <= 3 else []) + re.split(r"[;,]", tail if sep else bare)
    return [n for n in (" ".join(x.split()).strip(" .") for x in names) if n]


def addressee_names(lines: list[Line]) -> list[str]:
    """Names in a ``Kính gửi`` list (inline after the colon, or ``-`` items)."""
    names = []
    for line in lines:
        text = _BULLET.sub("", KINH_GUI_RE.sub("", line.text)).strip().rstrip(",;.")
        if text:
            names.append(text)
    return names


def parse_recipients(lines: list[Line], addressees: list[str] | None = None) -> list[Recipient]:
    """The recipients of a Nơi nhận block (its heading line included or not)."""
    items = _items(lines)
    braced: list[int] = []  # indices of the current run of ``}`` items, which share one purpose
    out: list[Recipient] = []
    for k, (no, raw) in enumerate(items):
        text = raw.strip().rstrip(",;.").strip()
        purpose = _purpose(text)
        if "}" in text:
            text = text.split("}")[0].strip().rstrip(",;").strip()
            braced.append(k)
        if _AS_ABOVE.match(text):
            out.append(Recipient(text=text, organs=tuple(addressees or ()), purpose=None, line=no))
            continue
        out.append(Recipient(text=text, organs=tuple(_organs(text)), purpose=purpose, line=no))
        if braced and "}" not in raw:
            braced = []
        _share_brace_purpose(out, items, braced)
    return out


def _share_brace_purpose(out: list[Recipient], items: list[tuple[int, str]], braced: list[int]) -> None:
    purpose = next((p for k in braced if (p := _purpose(items[k][1].split("}", 1)[-1]))), None)
    if not purpose:
        return
    for k in braced:
        r = out[k]
        out[k] = Recipient(text=r.text, organs=r.organs, purpose=purpose, line=r.line)
