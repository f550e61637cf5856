"""The graph's schema for people who query it: every label with its properties and their types, generated from
:mod:`graph.model` (the loader's fields) plus what the link pass adds, each with its meaning; the relationship
types with theirs; and the ``(label)-[TYPE]->(label)`` patterns a store holds, with counts.

``python -m graph schema`` prints it, the app's schema page shows it, and ``docs/schema.md`` is this module's
:func:`schema_markdown` of the sample graph (a test keeps them equal, and checks that every property the store
holds is documented here).

>>> [p.name for p in NODE_PROPERTIES["Task"]][:4]
['uid', 'path', 'text', 'kind']
>>> next(p for p in NODE_PROPERTIES["Task"] if p.name == "deadline").type
'date'
"""

from __future__ import annotations

import textwrap
import types
import typing
from dataclasses import dataclass, fields
from typing import Any

from graph.model import DATE_PROPERTIES, Document, NodeValue, Organ, OrganGroup, Person, Rel, Section, Task
from graph.store import GraphStore
from graph.stores.values import sort_labels

__all__ = [
    "EDGE_PROPERTIES",
    "NODE_PROPERTIES",
    "Pattern",
    "Property",
    "format_schema",
    "relationship_patterns",
    "schema_markdown",
    "store_properties",
]


@dataclass(frozen=True, slots=True)
class Property:
    name: str
    type: str  # text, integer, float, boolean, date, list of text
    meaning: str
    set_by: str = "loader"  # loader, link pass, gazetteer


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    type: str
    target: str
    count: int

    def text(self) -> str:
        return f"({self.source})-[:{self.type}]->({self.target})"


_MEANINGS: dict[str, str] = {
    "uid": "identity: `scope:issuer:symbol:year` (documents), `<document>#s:<path>` / `#t:<path>` (sections, "
    "tasks)",
    "symbol": "số và ký hiệu as printed, normalised (`60-KH/TU`)",
    "number": "the number of the symbol (60)",
    "type": "document type code (`KH`, `NQ`, `CT` …); the type's English label is a second node label",
    "type_name": "the type's Vietnamese name (`Kế hoạch`)",
    "title": "trích yếu, the one-line summary",
    "date": "issue date",
    "date_source": "where a date not printed in the document's own copy came from (`cited in <uid>`)",
    "place": "place of issue",
    "scope": "province slug or `tw` (central): the issuer's scope",
    "issuer_key": "the issuer's part of a document uid, from its name: a standing committee's is its committee's "
    "(`tinh-uy` for `Ban Thường vụ Tỉnh ủy X`); on organs too, so the audit matches `Ban Thường vụ X` to `X`",
    "status": "`loaded` (its text was loaded) or `cited` (known only from citations)",
    "confidentiality": "the confidentiality mark printed on it (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`), absent when none",
    "urgency": "the urgency mark printed on it (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`), absent when none",
    "source_path": "the file it was loaded from",
    "source_sha256": "SHA-256 of that file",
    "src": "provenance: `<document uid>:<line>` of the text the fact comes from",
    "owner": "uid of the document whose text produced it (replaced when that document is loaded again)",
    "path": "numbering path in the document (`III.2.a`)",
    "heading": "the section's heading",
    "text": "the paragraph's text",
    "kind": "`task` (a duty), `purpose`, `organisation` (implementation arrangements); organs: the gazetteer kind",
    "deadline": "due date",
    "deadline_text": "the deadline as printed (`trước ngày 30/7/2023`, `quý III`)",
    "recurrence": "a recurring duty without a due date (`thường xuyên`, `hằng năm`)",
    "line": "line of the source text",
    "name": "name (the shortest spelling the documents use)",
    "aliases": "other names of the organ",
    "level": "administrative level (central, province, district …)",
    "valid_from": "first day the organ existed (gazetteer)",
    "valid_to": "last day the organ existed (gazetteer)",
    "confidence": "how sure the loader is of what it read, 0 to 1 (OCR damage, guessed fields lower it)",
    "review": "reasons, in Vietnamese, a reviewer should look at it; absent when there is nothing to review",
    "resolved": "false when the gazetteer does not know the name (kept as printed, completed with the scope)",
    "corrected": "fields a reviewer corrected (graph.corrections; e.g. `lead`, `cascade_parent`)",
    "corrected_by": "who made the latest correction",
    "corrected_at": "when the latest correction was made (ISO time)",
    "accepted": "fields a reviewer accepted as read",
    "stale_corrections": "corrections the text no longer matches, as JSON with both values; never applied",
}

_LINK_PASS: dict[str, tuple[Property, ...]] = {
    "Document": (
        Property("date_src", "text", "`<citing uid>:<line>` of the citation a filled date came from", "link pass"),
        Property("conflicts", "list of text", "facts the documents disagree on (`date: … (cited in …) ≠ …`)",
                 "link pass"),
        Property("coverage_parent", "text", "uid of the cascade parent its coverage is measured against",
                 "link pass"),
        Property("coverage_covered", "integer", "key tasks of the parent this document carries down", "link pass"),
        Property("coverage_total", "integer", "key tasks of the parent (those with this uid in `Task.key_for`)",
                 "link pass"),
        Property("coverage_links", "integer", "DERIVED_FROM edges from this document's tasks", "link pass"),
        Property("coverage_key", "text", "what the coverage was computed from (rule, parent, both texts' SHA-256)",
                 "link pass"),
    ),
    "Task": (
        Property("key", "boolean", "true on a parent's duty some child plan is expected to carry down",
                 "link pass"),
        Property("key_for", "list of text", "uids of the child documents that duty is expected of", "link pass"),
    ),
}  # fmt: skip

EDGE_PROPERTIES: dict[str, tuple[Property, ...]] = {
    "*": (
        Property("owner", "text", "the document that asserted the edge (`gazetteer` for the organ tree)"),
        Property(
            "key",
            "text",
            "tells apart parallel edges of one type between two nodes (`lead`, `coordinate`, "
            "`inferred`, `date:<date>` …); `''` when there is one",
        ),
    ),
    "IMPLEMENTS": (
        Property("cascade_parent", "boolean", "the one parent of the cascade (one per document)", "link pass"),
        Property(
            "inferred", "boolean", "deduced by the link pass from how other documents describe it", "link pass"
        ),
        Property(
            "cited_as",
            "text",
            "the uid the citation was written to before the link pass merged the stub",
            "link pass",
        ),
        Property("date", "date", "the cited document's date as this citation prints it"),
        Property("issuer", "text", "the cited document's issuer as printed"),
        Property("title", "text", "the cited document's title as printed"),
        Property("text", "text", "the citing sentence"),
        Property("src", "text", "provenance of the citation"),
    ),
    "CITES": (Property("date", "date", "as for IMPLEMENTS; `key: 'date:…'` keeps a second printed date"),),
    "ASSIGNED_TO": (
        Property("role", "text", "`lead` (chủ trì) or `coordinate` (phối hợp)"),
        Property("inherited", "boolean", "the organ is named by the heading above the task, not the task itself"),
    ),
    "REQUIRES_SUBPLAN": (
        Property("deadline", "date", "date the sub-plan is due"),
        Property("deadline_text", "text", "the deadline as printed"),
        Property("task_path", "text", "path of the ordering paragraph"),
        Property("submit_to", "text", "who the sub-plan goes to"),
        Property("via_group", "text", "the group name the unit was expanded from (`Các huyện ủy, thị ủy …`)"),
        Property("src", "text", "provenance of the order"),
    ),
    "DERIVED_FROM": (
        Property("score", "float", "similarity of the child paragraph to the parent duty", "link pass"),
        Property("method", "text", "`paragraph` (near-verbatim) or `section` (reworded)", "link pass"),
    ),
    "SENT_TO": (Property("purpose", "text", "`b/c`, `Lưu` …"), Property("text", "text", "the line as printed")),
    "SIGNED_BY": (
        Property("capacity", "text", "`T/M`, `K/T`, `T/L`"),
        Property("title", "text", "the signer's title"),
        Property("src", "text", "provenance"),
    ),
    "RECEIVED_BY": (
        Property("date", "date", "date of the ĐẾN stamp"),
        Property("number", "text", "registry number"),
    ),
    "MEMBER_OF": (
        Property("via", "text", "how membership is known", "gazetteer"),
        Property("unconfirmed", "boolean", "not confirmed by a public source", "gazetteer"),
    ),
    "PART_OF": (Property("unconfirmed", "boolean", "not confirmed by a public source", "gazetteer"),),
    "SUCCEEDED_BY": (
        Property("date", "date", "date of the reorganisation", "gazetteer"),
        Property("relation", "text", "merged, renamed, split …", "gazetteer"),
        Property("unconfirmed", "boolean", "not confirmed by a public source", "gazetteer"),
    ),
}

_REL_MEANINGS = {
    "ISSUED_BY": "document → issuing organ",
    "IMPLEMENTS": "document → the document it carries out",
    "CITES": "document → another document it refers to",
    "HAS_SECTION": "document or section → section",
    "HAS_TASK": "section (or document) → task",
    "ASSIGNED_TO": "task → organ or group that leads or coordinates it",
    "REPORTS_TO": "task → organ reported to",
    "REQUIRES_SUBPLAN": "document → unit ordered to issue its own plan",
    "SENT_TO": "document → recipient (Nơi nhận)",
    "SIGNED_BY": "document → person",
    "RECEIVED_BY": "document → organ whose registry stamped the copy",
    "DERIVED_FROM": "child task → the parent task it carries down",
    "PART_OF": "organ → organ above it",
    "MEMBER_OF": "organ → group it belongs to",
    "SUCCEEDED_BY": "organ → its successor",
}


def _type_name(name: str, annotation: Any) -> str:
    if name in DATE_PROPERTIES:
        return "date"
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if isinstance(annotation, types.UnionType) and args else annotation
    if typing.get_origin(base) is tuple:
        return "list of text"
    return {str: "text", int: "integer", float: "float", bool: "boolean"}.get(base, "text")


def _node_properties(kind: type[NodeValue]) -> tuple[Property, ...]:
    hints = typing.get_type_hints(kind)
    return tuple(Property(f.name, _type_name(f.name, hints[f.name]), _MEANINGS[f.name]) for f in fields(kind))


NODE_PROPERTIES: dict[str, tuple[Property, ...]] = {
    kind.__name__: _node_properties(kind) + _LINK_PASS.get(kind.__name__, ())
    for kind in (Document, Section, Task, Organ, OrganGroup, Person)
}


def relationship_patterns(store: GraphStore) -> list[Pattern]:
    """``(label)-[TYPE]->(label)`` with counts, by the primary label of each end."""
    rows = store.read("MATCH (a)-[r]->(b) RETURN labels(a) AS a, type(r) AS r, labels(b) AS b, count(*) AS n")
    counts: dict[tuple[str, str, str], int] = {}
    for row in rows:
        key = (sort_labels(row["a"])[0], row["r"], sort_labels(row["b"])[0])
        counts[key] = counts.get(key, 0) + int(row["n"])
    order = {rel.value: i for i, rel in enumerate(Rel)}
    return [
        Pattern(a, r, b, n)
        for (a, r, b), n in sorted(counts.items(), key=lambda i: (order.get(i[0][1], 99), i[0]))
    ]


def store_properties(store: GraphStore) -> dict[str, set[str]]:
    """Property names the store holds, by primary label (nodes) and by type (relationships)."""
    found: dict[str, set[str]] = {}
    for row in store.read("MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT labels(n) AS l, k"):
        found.setdefault(sort_labels(row["l"])[0], set()).add(row["k"])
    for row in store.read("MATCH ()-[r]->() UNWIND keys(r) AS k RETURN DISTINCT type(r) AS t, k"):
        found.setdefault(row["t"], set()).add(row["k"])
    return found


def _document_labels() -> str:
    from graph.model import DOC_TYPES

    return ", ".join(f"`{t.label}` ({code})" for code, t in sorted(DOC_TYPES.items()))


def schema_markdown(patterns: list[Pattern]) -> str:
    """The schema as Markdown (``docs/schema.md``): labels, relationship types, then the patterns given."""
    out = ["# The graph schema", "", "Generated by `python -m graph schema --markdown` from `graph/model.py`, "
           "`graph/schema.py` and the sample graph (`data/documents/`); `tests/graph/test_schema.py` keeps this "
           "file equal to that output. Dates are date values (`date('2026-11-23')`), every other value text, "
           "a number, a boolean or a list.", ""]  # fmt: skip
    out += ["## Nodes", "", f"A `Document` also carries its type's label: {_document_labels()}.", ""]
    for label, props in NODE_PROPERTIES.items():
        out += [f"### {label}", "", "| property | type | set by | meaning |", "|---|---|---|---|"]
        out += [f"| `{p.name}` | {p.type} | {p.set_by} | {p.meaning} |" for p in props] + [""]
    out += ["## Relationships", "", "Every relationship has:", ""]
    out += [f"- `{p.name}` ({p.type}): {p.meaning}" for p in EDGE_PROPERTIES["*"]] + [""]
    out += ["| type | from → to | property | type | set by | meaning |", "|---|---|---|---|---|---|"]
    for rel in Rel:
        props = EDGE_PROPERTIES.get(rel.value, ())
        first = f"| `{rel.value}` | {_REL_MEANINGS[rel.value]} |"
        if not props:
            out.append(first + " | | | |")
        for i, p in enumerate(props):
            out.append((first if i == 0 else "| | |") + f" `{p.name}` | {p.type} | {p.set_by} | {p.meaning} |")
    out += ["", "## Patterns in the sample graph", "", "| pattern | count |", "|---|---|"]
    out += [f"| `{p.text()}` | {p.count} |" for p in patterns]
    return "\n".join(out) + "\n"


def format_schema(patterns: list[Pattern]) -> str:
    """The schema as terminal text: each label with ``property: type``, then the patterns with counts."""
    out = ["Nodes (a Document also has its type's label: Plan, Resolution …)"]
    for label, props in NODE_PROPERTIES.items():
        text = ", ".join(f"{p.name}: {p.type}" for p in props)
        out += textwrap.wrap(text, 110, initial_indent=f"  {label:<11} ", subsequent_indent=" " * 14)
    out += ["", "Relationships (every one also has owner: text, key: text)"]
    for rel, props in EDGE_PROPERTIES.items():
        if rel != "*":
            text = ", ".join(f"{p.name}: {p.type}" for p in props)
            out += textwrap.wrap(text, 110, initial_indent=f"  {rel:<17} ", subsequent_indent=" " * 20)
    out += ["", "Patterns"]
    out += [f"  {p.text():<52} {p.count:>7}" for p in patterns]
    return "\n".join(out) + "\n"
