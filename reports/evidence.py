"""What a report row rests on, in words an auditor can check: sources as file name and line, the scope searched,
facts one document took from another, and the organs in their own order.

* a source ``<document uid>:<line>`` is shown as the file the document was loaded from and the line
  (``000_a85277af82c186c2.txt, dòng 20``): the document's ``source_path`` keeps the file's name as it was stored;
* :func:`search_scope` says which documents were searched (how many, issued by whom, between which dates), so a
  "not found" reads as "not found in these";
* :func:`filled_facts` names the facts the store took from another document's citation (60-KH/TU's date, printed
  only in 80-KH/ĐUK);
* :func:`organ_order` sorts organs as a Party document lists them: by level, then kind, then Vietnamese order.

>>> source_label("binh-dinh:80-KH/ĐUK:2023:20", {"binh-dinh:80-KH/ĐUK:2023": "data/documents/000_a8.txt"})
'000_a8.txt, dòng 20'
>>> organ_order("Huyện ủy Tây Sơn", "party_committee", "district") < organ_order("Huyện ủy Tuy Phước",
...     "party_committee", "district")
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.documents import document_refs
from graph.store import GraphStore
from reports.collation import vi_key
from reports.model import format_date_vi, parse_iso_date

__all__ = [
    "document_files",
    "filled_facts",
    "organ_order",
    "preamble_sentence",
    "search_scope",
    "source_label",
]

# The order a Party document lists the bodies under a committee (60-KH/TU IV.1: "các đảng đoàn, ban cán sự
# đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc"), the committee's own organs first.
_LEVELS = ("central", "province", "district", "grassroots")
_KINDS = {
    "standing_committee": 0, "standing_board": 0, "commission": 1, "office": 1, "party_delegation": 2,
    "party_affairs_committee": 3, "party_committee": 4, "bloc_committee": 4,
}  # fmt: skip
_TERRITORIAL = ("thành ủy", "thị ủy", "huyện ủy", "quận ủy")  # territorial committees before the others

_LOADED = """
MATCH (d:Document {status: 'loaded'})
RETURN d.uid AS uid, d.date AS date, d.source_path AS source_path
"""
_FILES = "MATCH (d:Document) WHERE d.uid IN $uids RETURN d.uid AS uid, d.source_path AS source_path"
_FILLED = """
MATCH (d:Document) WHERE d.uid IN $uids AND d.date_source STARTS WITH 'cited in '
RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, d.date_src AS date_src
"""


def organ_order(name: str, kind: str | None, level: str | None) -> tuple[Any, ...]:
    """Sort key of an organ: level (province before district), kind (đảng đoàn, ban cán sự đảng, territorial
    committees, other đảng ủy), then the name in Vietnamese order; organs the gazetteer does not know go last."""
    level_rank = _LEVELS.index(level) if level in _LEVELS else len(_LEVELS)
    kind_rank = _KINDS.get(kind or "", len(_KINDS))
    territorial = 0 if name.lower().startswith(_TERRITORIAL) else 1
    return (level_rank, kind_rank, territorial, vi_key(name))


def _split(src: str) -> tuple[str, int | None]:
    uid, _, line = src.rpartition(":")
    return (uid, int(line)) if uid and line.isdigit() else (src, None)


def document_files(store: GraphStore, srcs: Iterable[str | None]) -> dict[str, str]:
    """``document uid → source_path`` for the documents these sources point into."""
    uids = sorted({_split(s)[0] for s in srcs if s})
    return {r["uid"]: r["source_path"] for r in store.read(_FILES, {"uids": uids}) if r["source_path"]}


def source_label(src: str | None, files: Mapping[str, str]) -> str | None:
    """``<uid>:<line>`` → ``<file name>, dòng <line>``; a document without a file keeps its uid's line."""
    if not src:
        return None
    uid, line = _split(src)
    name = Path(files[uid]).name if uid in files else uid
    return f"{name}, dòng {line}" if line is not None else name


def preamble_sentence(source_path: str | None, src: str | None, citation: str | None) -> str | None:
    """The sentence on ``src``'s line of the file (the preamble naming the parent), else the citation itself."""
    _, line = _split(src or "")
    path = Path(source_path) if source_path else None
    if path is not None and line is not None and path.is_file():
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if 0 < line <= len(lines) and (text := " ".join(lines[line - 1].split()).strip("* ")):
            return text
    return citation


def search_scope(store: GraphStore) -> list[str]:
    """What the audit searched: the loaded documents, by issuer, and their dates; and what "not found" means."""
    loaded = store.read(_LOADED)
    refs = document_refs(store, [r["uid"] for r in loaded])
    issuers = Counter(d.issuer or "cơ quan chưa rõ" for d in refs)
    dates = sorted(d for r in refs if (d := parse_iso_date(r.date)))
    span = f", ban hành từ ngày {format_date_vi(dates[0])} đến ngày {format_date_vi(dates[-1])}" if dates else ""
    by_issuer = "; ".join(f"{name}: {n}" for name, n in sorted(issuers.items(), key=lambda i: vi_key(i[0])))
    return [
        f"Phạm vi tìm kiếm: {len(refs)} văn bản đã nạp vào kho{span} ({by_issuer}).",
        "«Chưa ban hành» nghĩa là không tìm thấy kế hoạch của đơn vị trong phạm vi trên; kế hoạch có thể đã ban "
        "hành nhưng chưa được nạp vào kho.",
    ]


def filled_facts(store: GraphStore, uids: Iterable[str]) -> list[str]:
    """A line for each document whose date the store took from another document's citation."""
    rows = store.read(_FILLED, {"uids": sorted(set(uids))})
    files = document_files(store, [r["date_src"] for r in rows])
    citing = {
        d.uid: d.symbol or d.uid for d in document_refs(store, [_split(r["date_src"] or "")[0] for r in rows])
    }
    lines = []
    for r in rows:
        day = parse_iso_date(r["date"])
        shown = format_date_vi(day) if day else r["date"]
        by = citing.get(_split(r["date_src"] or "")[0], "văn bản khác")
        lines.append(
            f"Ngày {shown} của văn bản {r['symbol'] or r['uid']} không in trong bản đã nạp; lấy từ trích dẫn "
            f"trong văn bản {by} ({source_label(r['date_src'], files)})."
        )
    return lines
