"""Helpers the link-pass tests share: the seeds and the corpus parsed once per session, loading them in a given
order exactly as ``graph.ingest.load_paths`` does, a canonical dump to compare two graphs, and small hand-built
records with the seeds' identities and citations (``R80``, ``R60``) for tests that need no text.

Parsing is the slow part (``03/NQ-CP`` takes seconds), so each file is parsed and built once and its
:class:`~graph.model.DocumentGraph` written as often as a test needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from graph.build import build_document_graph
from graph.link import LinkReport, relink
from graph.model import DocumentGraph
from graph.store import GraphStore
from loaders.record import Citation, DocumentRecord, Received
from tests.shared import CORPUS, SEEDS

__all__ = [
    "BD60",
    "BD80",
    "BTV_TU",
    "CORPUS",
    "CORPUS_FILES",
    "KH11",
    "NQ27",
    "R60",
    "R80",
    "SEEDS",
    "SEED_FILES",
    "cascade_parents",
    "doc_props",
    "dump",
    "graph_of",
    "load",
    "load_in_order",
    "record",
    "symbols_chain",
]  # fmt: skip


SEED_FILES = tuple(sorted(SEEDS.glob("*.txt")))
CORPUS_FILES = tuple(sorted(CORPUS.glob("*.txt")))


@cache
def graph_of(path: Path) -> DocumentGraph:
    """The document graph of one file, as ``load_file`` builds it (parsed once per session)."""
    from loaders.organs import group_expander, load_gazetteer
    from loaders.pipeline import parse_file

    gazetteer = load_gazetteer()
    return build_document_graph(parse_file(path, gazetteer), expand_group=group_expander(gazetteer))


def load_in_order(store: GraphStore, paths: Iterable[Path], *, relink_each: bool = False) -> LinkReport:
    """What ``load_paths`` does (gazetteer, each document, one link pass), with the parsing cached;
    ``relink_each`` runs the link pass after every document, as loading them one at a time would."""
    from graph.organs import write_gazetteer

    write_gazetteer(store)
    report = LinkReport()
    for path in paths:
        store.write_document(graph_of(path))
        if relink_each:
            report = relink(store)
    return report if relink_each else relink(store)


def dump(store: GraphStore, *, strict: bool = True) -> list[str]:
    """Every node and edge as sorted JSON lines, without engine ids: equal dumps are equal graphs.

    ``strict=False`` leaves out what the *first* document to mention a shared node decides, outside the link
    pass: an unresolved organ's ``src`` and spelling (``graph.build`` gives them; the store sets shared nodes'
    properties on create only), and a cited stub's ``title`` while citation edges do not carry the title.
    """
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = store.read("MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS type, b.uid AS b, properties(r) AS props")
    titled = any("title" in e["props"] for e in edges if e["type"] in ("IMPLEMENTS", "CITES"))
    rows = []
    for n in nodes:
        props = dict(n["props"])
        if not strict and "Organ" in n["labels"] and props.get("resolved") is False:
            props.pop("src", None), props.pop("name", None)
        if not strict and props.get("status") == "cited" and not titled:
            props.pop("title", None)
        rows.append({"labels": sorted(n["labels"]), **props})
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) for row in rows + edges)


def cascade_parents(store: GraphStore) -> dict[str, str]:
    """``{document uid: its cascade parent's uid}``."""
    rows = store.read(
        "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) WHERE r.cascade_parent = true "
        "RETURN a.uid AS a, b.uid AS b"
    )
    return {r["a"]: r["b"] for r in rows}


def symbols_chain(store: GraphStore, uid: str) -> list[str]:
    """Symbols from the top of the cascade down to ``uid``."""
    chain, parents = [uid], cascade_parents(store)
    while chain[-1] in parents and len(chain) < 12:
        chain.append(parents[chain[-1]])
    rows = store.read("MATCH (d:Document) WHERE d.uid IN $u RETURN d.uid AS uid, d.symbol AS s", {"u": chain})
    symbol = {r["uid"]: r["s"] for r in rows}
    return [symbol[u] or u for u in reversed(chain)]


# --- small hand-built records: the seeds' identities and citations, nothing else -------------------------

BD80, BD60 = "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023", "binh-dinh:tinh-uy:60-KH/TU:2023"
NQ27, KH11 = "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022", "tw:bo-chinh-tri:11-KH/TW:2022"
BTV_TU = "Ban Thường vụ Tỉnh ủy Bình Định"
NQ_27 = "Nghị quyết 27"


def record(number: str, scope: str | None, date: str | None, *cited: Citation, parent: str | None = None,
           issuer: str | None = None, received: str | None = None) -> DocumentRecord:  # fmt: skip
    return DocumentRecord(
        source_path=f"{number}.txt", source_sha256=number, number=number, type=number.split("-")[1].split("/")[0],
        date=date, scope=scope, issuer=issuer, implements=cited, cascade_parent=parent,
        received=Received("Sở Nội vụ tỉnh Bình Định", "6825", received) if received else None,
    )  # fmt: skip


R80 = record(
    "80-KH/ĐUK", "binh-dinh", "2023-06-27",
    Citation("60-KH/TU", "KH", "2023-05-24", "Ban Thường vụ Tỉnh ủy", line=17),
    Citation("27-NQ/TW", "NQ", "2022-11-09", "Ban Chấp hành Trung ương Đảng khóa XIII", line=17),
    parent="60-KH/TU", issuer="Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định",
)  # fmt: skip
R60 = record(
    "60-KH/TU", "binh-dinh", None,
    Citation("27-NQ/TW", "NQ", "2022-11-09", "Ban Chấp hành Trung ương Đảng (khóa XIII)", line=20),
    Citation("11-KH/TW", "KH", "2022-11-28", "Bộ Chính trị", text=f"Kế hoạch 11-KH/TW thực hiện {NQ_27}", line=20),
    parent="11-KH/TW", issuer=BTV_TU, received="2023-06-09",
)  # fmt: skip


def load(store: GraphStore, *records: DocumentRecord) -> None:
    for r in records:
        store.write_document(build_document_graph(r))
    relink(store)


def doc_props(store: GraphStore, uid: str) -> dict[str, object]:
    (row,) = store.read("MATCH (d:Document {uid: $uid}) RETURN properties(d) AS p", {"uid": uid})
    return dict(row["p"])
