"""Folding a cascade picture to what a person can read: below a node, its children grouped by status (đúng hạn,
chậm, chưa ban hành, chưa xác minh…) and by kind or level of organ, one node per group with its count.

The picture is read as a tree: each node hangs under its neighbour on the nearest row above (a plan under the
document it implements, a unit under the plan that ordered it, a unit's own plan under the unit). Children are
grouped when a node has more than ``FOLD_AT`` of them; then, while the picture holds more than ``NODE_LIMIT``
nodes or a row more than ``ROW_LIMIT``, the deepest rows are folded first. The focus, everything above it and
the members of an opened group stay drawn (an opened group is folded again only when nothing else is left).

Why 60 nodes and 12 a row: on a 1366×768 laptop the picture gets about 1300×560 pixels; a box that holds a
document number and a date at a readable 13 px is ~100–200 px wide, so about a dozen fit side by side and five
or six rows fit one above the other at a scale where the labels can still be read without zooming.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from common.glossary import group_status
from ui.components.graph_picture import GEdge, GNode, hierarchy_levels

__all__ = ["FOLD_AT", "GROUP_KINDS", "NODE_LIMIT", "ROW_LIMIT", "Folded", "fold", "group_key"]

NODE_LIMIT = 60
ROW_LIMIT = 12
FOLD_AT = 8
GROUP_KINDS = frozenset({"documents", "units", "tasks"})

# group key → (words on the group, status whose colour it takes)
_GROUP_WORDS: dict[str, tuple[str, str | None]] = {
    "on_time": ("đúng hạn", "on_time"),
    "late": ("chậm", "late"),
    "missing": ("chưa ban hành", "missing"),
    "pending": ("chưa đến hạn", "not_yet_due"),
    "unverified": ("chưa xác minh", "units_not_listed"),
    "issued": ("đã ban hành", None),
    "cited": ("chỉ được dẫn chiếu", "cited"),
    "overdue": ("quá hạn", "overdue"),
    "open": ("chưa quá hạn", None),
    "organ": ("", None),
}
_DOCS = {"resolution", "document", "documents"}


@dataclass(frozen=True, slots=True)
class Folded:
    nodes: tuple[GNode, ...]
    edges: tuple[GEdge, ...]
    groups: Mapping[str, tuple[str, ...]]  # group node uid → the uids it stands for (its subtree included)
    cut: int  # nodes left out because even folded the picture was over the limit


def group_key(node: GNode) -> str:
    """The status a node is grouped by (a key of ``_GROUP_WORDS``)."""
    if node.kind in _DOCS:
        return "cited" if node.status == "cited" else "late" if node.status == "late" else "issued"
    if node.kind == "task":
        return "overdue" if node.status == "overdue" else "open"
    if node.status is None:
        return "organ"
    return group_status(node.status) if node.status else "unverified"


def _noun(node: GNode) -> tuple[str, str]:
    if node.kind in _DOCS:
        return "văn bản", "documents"
    if node.kind == "task":
        return "nhiệm vụ", "tasks"
    return "đơn vị", "units"


def _group_uid(parent: str, node: GNode) -> str:
    return f"{parent}#g:{_noun(node)[1]}:{group_key(node)}:{node.region}"


@dataclass
class _Tree:
    nodes: dict[str, GNode]
    parent: dict[str, str]
    children: dict[str, list[str]]
    tops: list[str]

    def subtree(self, uid: str) -> list[str]:
        out, stack = [], [uid]
        while stack:
            here = stack.pop()
            out.append(here)
            stack += self.children.get(here, [])
        return out


def _tree(nodes: Sequence[GNode], edges: Sequence[GEdge]) -> _Tree:
    levels = hierarchy_levels(nodes, edges)
    above: dict[str, list[tuple[int, int, str]]] = {}
    for i, e in enumerate(edges):
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in levels and b in levels and levels[b] < levels[a]:
                above.setdefault(a, []).append((-levels[b], 0 if e.type == "IMPLEMENTS" else 1, f"{i:08d}{b}"))
    parent = {uid: min(cands)[2][8:] for uid, cands in above.items()}
    children: dict[str, list[str]] = {}
    for n in nodes:
        if n.uid in parent:
            children.setdefault(parent[n.uid], []).append(n.uid)
    tops = [n.uid for n in nodes if n.uid not in parent]
    return _Tree({n.uid: n for n in nodes}, parent, children, tops)


@dataclass
class _Draft:
    visible: list[tuple[str, int]]  # (uid, depth)
    groups: dict[str, tuple[str, str, int, list[str]]]  # gid → (parent, edge-from member, depth, members)
    asked: set[str] = field(default_factory=set)  # members of an opened group: the user asked to see them
    below: dict[str, int] = field(default_factory=dict)  # nodes hidden under a node, without a group node


def _draw(tree: _Tree, mode: Mapping[str, int], pinned: set[str], opened: set[str], fold_at: int) -> _Draft:
    """Walk down from the tops; under a node in mode 0 children are grouped past ``fold_at``, in mode 1 always
    (opened groups excepted), in mode 2 always (opened groups too). Pinned nodes are never grouped."""
    draft = _Draft([], {})
    stack = [(uid, 0) for uid in reversed(tree.tops)]
    while stack:
        uid, depth = stack.pop()
        draft.visible.append((uid, depth))
        kids = tree.children.get(uid, [])
        level = mode.get(uid, 0)
        shown = []
        for kid in kids:
            gid = _group_uid(uid, tree.nodes[kid])
            plain = tree.nodes[kid].kind in GROUP_KINDS or group_key(tree.nodes[kid]) == "organ"
            free = (
                kid in pinned or (gid in opened and level < 2) or (level == 0 and (plain or len(kids) <= fold_at))
            )
            if free:
                shown.append(kid)
                if gid in opened and kid not in pinned:
                    draft.asked.add(kid)
            else:
                draft.groups.setdefault(gid, (uid, kid, depth + 1, []))[3].append(kid)
        mine = [g for g, v in draft.groups.items() if v[0] == uid]
        if level == 0:  # a group of one, when nothing forces folding, is the node itself
            for gid in [g for g in mine if len(draft.groups[g][3]) == 1]:
                shown.append(draft.groups.pop(gid)[3][0])
        elif mine and all(len(draft.groups[g][3]) == 1 for g in mine):
            # groups of one would not make the picture smaller: what is below is told on the node instead
            draft.below[uid] = sum(len(tree.subtree(draft.groups.pop(g)[3][0])) for g in mine)
        stack += [(kid, depth + 1) for kid in reversed([k for k in kids if k in set(shown)])]
    return draft


def _too_big(draft: _Draft, limit: int, row_limit: int) -> bool:
    if len(draft.visible) + len(draft.groups) > limit:
        return True
    rows: dict[int, int] = {}
    for uid, depth in draft.visible:  # a row of an opened group's members is as long as the group was
        if uid not in draft.asked:
            rows[depth] = rows.get(depth, 0) + 1
    for _, _, depth, _ in draft.groups.values():
        rows[depth] = rows.get(depth, 0) + 1
    return max(rows.values(), default=0) > row_limit


def _tighten(tree: _Tree, draft: _Draft, mode: dict[str, int], pinned: set[str]) -> bool:
    """Fold one more row, the deepest first; ``False`` when nothing is left to fold."""
    for level in (1, 2):
        parents = [
            (depth, uid)
            for uid, depth in draft.visible
            if mode.get(uid, 0) < level and any(k not in pinned for k in tree.children.get(uid, []))
        ]
        if parents:
            deepest = max(d for d, _ in parents)
            for depth, uid in parents:
                if depth == deepest:
                    mode[uid] = level
            return True
    return False


def fold(
    nodes: Sequence[GNode],
    edges: Sequence[GEdge],
    *,
    keep: Iterable[str] = (),
    opened: Iterable[str] = (),
    limit: int = NODE_LIMIT,
    row_limit: int = ROW_LIMIT,
    fold_at: int = FOLD_AT,
) -> Folded:
    """The picture folded to at most ``limit`` nodes (see the module docstring)."""
    tree = _tree(nodes, edges)
    pinned = set()
    for uid in keep:
        while uid in tree.nodes and uid not in pinned:
            pinned.add(uid)
            uid = tree.parent.get(uid, "")
    opened_set, mode = set(opened), dict[str, int]()
    draft = _draw(tree, mode, pinned, opened_set, fold_at)
    while _too_big(draft, limit, row_limit) and _tighten(tree, draft, mode, pinned):
        draft = _draw(tree, mode, pinned, opened_set, fold_at)
    return _result(tree, draft, edges, limit)


def _result(tree: _Tree, draft: _Draft, edges: Sequence[GEdge], limit: int) -> Folded:
    shown = [uid for uid, _ in draft.visible]
    room = max(0, limit - len(draft.groups))
    cut = max(0, len(shown) - room)
    shown_set = set(shown[:room])
    out_nodes = [_with_below(tree.nodes[u], draft.below.get(u, 0)) for u in shown[:room]]
    out_edges = [e for e in edges if e.source in shown_set and e.target in shown_set]
    members: dict[str, tuple[str, ...]] = {}
    for gid, (parent, first, _, kids) in draft.groups.items():
        if parent not in shown_set:
            continue
        hidden = [u for k in kids for u in tree.subtree(k)]
        members[gid] = tuple(hidden)
        out_nodes.append(_group_node(gid, [tree.nodes[k] for k in kids], len(hidden) - len(kids)))
        for e in edges:  # the group takes the edge its first member has to the parent, in the same direction
            if {e.source, e.target} == {parent, first}:
                source, target = (gid, parent) if e.source == first else (parent, gid)
                out_edges.append(GEdge(source, target, e.type, e.label, e.dashed))
                break
    return Folded(tuple(out_nodes), tuple(out_edges), members, cut)


def _with_below(node: GNode, below: int) -> GNode:
    if not below:
        return node
    note = f"{below} nút bên dưới, chưa vẽ vì sơ đồ đã đủ số nút: chọn nút này làm tâm sơ đồ để xem"
    return replace(node, label=f"{node.label}\n(+{below} bên dưới)", tooltip=f"{node.tooltip}\n({note})")


def _group_node(gid: str, kids: list[GNode], below: int) -> GNode:
    noun, kind = _noun(kids[0])
    words, status = _GROUP_WORDS[group_key(kids[0])]
    region = kids[0].region
    label = "\n".join(x for x in (f"{len(kids)} {noun}", words, region) if x)
    names = [k.label.replace("\n", " ") for k in kids]
    tip = f"{label.replace(chr(10), ' · ')} — bấm để mở nhóm:\n" + "\n".join(f"• {n}" for n in names[:40])
    if len(names) > 40:
        tip += f"\n… và {len(names) - 40} nữa"
    if below:
        tip += f"\n({below} nút bên dưới các {noun} này)"
    return GNode(gid, kind, label, tip, status, region)
