"""Every way a text may write a gazetteer name, and a lookup that ranks the readings by the document's context.

A *form* is one spelling of an entry's name with the condition under which it names that entry: anywhere (the
canonical name and aliases), only in documents of the entry's scope (``Ban Tuyên giáo Tỉnh ủy`` in a Bình Định
document, made by dropping the place from ``… Tỉnh ủy Bình Định``), or only inside documents of a given organ
and the bodies under it (``Ban Tuyên giáo`` inside the Đảng ủy Khối's documents). Short names are also composed
with the names of the organ they belong to: ``Ban Tuyên giáo`` + ``Đảng ủy Khối`` and ``BTG`` + ``ĐUK``.

Matching compares keys: accent-free, lower case, punctuation and the words ``và``/``của`` dropped.

>>> name_key("Các ban của Đảng ủy Khối")
'cac ban dang uy khoi'
>>> name_key("Bộ TN&MT") == name_key("Bộ TN và MT")
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from loaders.organs.entries import Context, Entry, OrganEntry, Rules, Scope
from loaders.text.folding import fold

__all__ = ["Cond", "Form", "Hit", "NameIndex", "is_abbreviation", "name_key", "strip_words"]

_STOPWORDS = frozenset({"va", "cua"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_PLURAL = "cac "
# Ranks, lower is nearer: a short name of an organ of the issuing chain in the document's own scope (its
# position in the chain), then a name of the document's scope, then a short name of a chain organ of another
# scope (the Central Committee seen from a province), then a name valid anywhere.
_SCOPE_RANK = 100
_FOREIGN_CHAIN_RANK = 150
_GLOBAL_RANK = 200
_NEAR_KEPT = 1 << 14  # fuzzy searches kept per index (a few MB), forgotten all at once when full


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The matching key of a name: accent-free, lower case, without punctuation, ``và`` or ``của``."""
    words = _NON_WORD.sub(" ", fold(text.replace("&", " và "))).split()
    return " ".join(w for w in words if w not in _STOPWORDS)


def is_abbreviation(text: str) -> bool:
    """``ĐUK``, ``VP``, ``BTGĐUK``, ``TTg``: one word with at least two capitals.

    >>> is_abbreviation("ĐUK"), is_abbreviation("Khối"), is_abbreviation("Ban Tuyên giáo")
    (True, False, False)
    """
    word = text.strip()
    return bool(word) and " " not in word and len(word) <= 12 and sum(c.isupper() for c in word) >= 2


def strip_words(text: str, tail: str) -> str | None:
    """``text`` without the words of ``tail`` at its end (compared without accents), or None.

    >>> strip_words("Ban Tuyên giáo Tỉnh ủy Bình Định", "Bình Định")
    'Ban Tuyên giáo Tỉnh ủy'
    """
    words, end = text.split(), tail.split()
    if len(words) <= len(end) or [fold(w) for w in words[-len(end) :]] != [fold(w) for w in end]:
        return None
    return " ".join(words[: -len(end)])


@dataclass(frozen=True, slots=True)
class Cond:
    """Where a form names its entry: ``global``, ``scope`` (ref = scope slug) or ``within`` (ref = organ uid)."""

    kind: str
    ref: str | None = None

    def rank(self, ctx: Context) -> int | None:
        """Lower is nearer; None when the form does not hold in this context."""
        if self.kind == "global":
            return _GLOBAL_RANK
        if self.kind == "scope":
            return _SCOPE_RANK if ctx.scope == self.ref else None
        return ctx.chain.index(self.ref) if self.ref in ctx.chain else None


GLOBAL = Cond("global")


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    key: str
    uid: str
    cond: Cond
    term: str | None = None
    abbreviation: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A form that holds in the context, with its rank (lower is better) and match score."""

    form: Form
    entry: Entry
    rank: tuple[int, int, int]
    score: float


def _scope_forms(text: str, scope: Scope | None, rules: Rules) -> list[str]:
    """The name without its place, for documents of that place (``Sở`` names also without ``tỉnh``)."""
    if scope is None or not scope.place:
        return []
    out = [s] if (s := strip_words(text, scope.place)) else []
    first = fold(text.split()[0]) if text.split() else ""
    if any(fold(p) == first for p in rules.province_prefixes) and (s := strip_words(text, scope.name)):
        out.append(s)
    return out


def _compose(short: str, base: Form) -> list[str]:
    """``Ban Tuyên giáo`` + ``Tỉnh ủy``; ``BTG`` + ``ĐUK`` → ``BTGĐUK`` and ``BTG ĐUK``."""
    if is_abbreviation(short):
        return [short + base.text, f"{short} {base.text}"] if base.abbreviation else []
    return [f"{short} {base.text}"]


def entry_forms(e: Entry, of_forms: Iterable[Form], scope: Scope | None, rules: Rules) -> list[Form]:
    """Every form of one entry, given the forms of the organ its short names belong to (``of``)."""
    out: list[Form] = []

    def add(text: str, cond: Cond, term: str | None = None) -> None:
        out.append(Form(text, name_key(text), e.uid, cond, term, is_abbreviation(text)))

    local = Cond("scope", e.scope)
    formers = [f.name for f in e.former_names] if isinstance(e, OrganEntry) else []
    names = [e.name, *e.aliases, *formers]
    for text in names:
        add(text, GLOBAL)
    for text in [*e.local, *(s for n in [*names, *e.local] for s in _scope_forms(n, scope, rules))]:
        add(text, local)
    for text in e.own:
        add(text, Cond("within", e.uid))
    host = e.of or e.parent
    bases = [f for f in of_forms if f.term is None]
    for text in e.short:
        add(text, Cond("within", host) if host else local)
        for base in bases:
            for composed in _compose(text, base):
                add(composed, base.cond)
    if isinstance(e, OrganEntry):
        for form in [f for f in out if f.cond.kind != "within" and not f.abbreviation]:
            for t in e.terms:
                add(f"{form.text} {t.label}", form.cond, t.label)
    return list({(f.key, f.cond, f.term): f for f in out if f.key}.values())


def build_forms(entries: Mapping[str, Entry], scopes: Mapping[str, Scope], rules: Rules) -> list[Form]:
    """The forms of all entries (an entry's ``of`` is expanded first; the loader has ruled out cycles)."""
    memo: dict[str, list[Form]] = {}

    def forms_of(uid: str) -> list[Form]:
        if uid not in memo:
            e = entries[uid]
            base = forms_of(e.of) if e.of is not None and e.of in entries else []
            memo[uid] = entry_forms(e, base, scopes.get(e.scope or ""), rules)
        return memo[uid]

    return [f for uid in entries for f in forms_of(uid)]


class NameIndex:
    """Forms by key, and the lookups the gazetteer answers with."""

    def __init__(self, entries: Mapping[str, Entry], scopes: Mapping[str, Scope], rules: Rules) -> None:
        self._entries = entries
        self._scopes = scopes
        self._by_key: dict[str, list[Form]] = defaultdict(list)
        for form in build_forms(entries, scopes, rules):
            self._by_key[form.key].append(form)
            # A group answers to its name without the plural "các" too ("đảng ủy trực thuộc Tỉnh ủy"), unless
            # that leaves a single common word ("ban").
            bare = form.key[len(_PLURAL) :]
            if entries[form.uid].IS_GROUP and form.key.startswith(_PLURAL) and " " in bare:
                self._by_key[bare].append(form)
        self._keys = sorted(k for k, fs in self._by_key.items() if len(k) >= 8 and not fs[0].abbreviation)
        self._near_keys: dict[str, tuple[tuple[str, float], ...]] = {}

    def forms(self, uid: str) -> list[Form]:
        """Every form of one entry (for review and tests)."""
        return [f for fs in self._by_key.values() for f in fs if f.uid == uid]

    def exact(self, text: str, ctx: Context) -> list[Hit]:
        """Hits for the name as written, best first."""
        return self._ranked(self._by_key.get(name_key(text), ()), ctx, 100.0)

    def fuzzy(self, text: str, ctx: Context) -> list[Hit]:
        """Hits for a name with small OCR damage, best first; conservative (see ``_fuzzy_ok``)."""
        key = name_key(text)
        if len(key) < 10:
            return []
        hits: list[Hit] = []
        for other, score in self._near(key):
            hits += self._ranked(self._by_key[other], ctx, score)
        return sorted(hits, key=lambda h: (-h.score, h.rank))

    def _near(self, key: str) -> tuple[tuple[str, float], ...]:
        """The keys a fuzzy match may read ``key`` as, with their scores: the same whatever the context, so
        kept (an unknown name comes back in document after document; each search scores every key)."""
        if (near := self._near_keys.get(key)) is None:
            cutoff = 90.0 if len(key) >= 20 else 94.0
            found = process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
            near = tuple((other, float(score)) for other, score, _ in found if _fuzzy_ok(key, other))
            if len(self._near_keys) >= _NEAR_KEPT:
                self._near_keys.clear()
            self._near_keys[key] = near
        return near

    def _ranked(self, forms: Iterable[Form], ctx: Context, score: float) -> list[Hit]:
        hits = []
        for form in forms:
            entry = self._entries[form.uid]
            near = form.cond.rank(ctx)
            if near is None or not self._says_where(form, entry, ctx):
                continue
            if form.cond.kind == "within" and self._entries[form.cond.ref or ""].scope != ctx.scope:
                near += _FOREIGN_CHAIN_RANK
            rank = (near, 0 if entry.valid_on(ctx.on) else 1, 0 if entry.scope == ctx.scope else 1)
            hits.append(Hit(form, entry, rank, score))
        return sorted(hits, key=lambda h: h.rank)

    def _says_where(self, form: Form, entry: Entry, ctx: Context) -> bool:
        """A province's organ is read outside its province only under a name that says the province."""
        if form.cond.kind != "global" or entry.scope == ctx.scope:
            return True
        scope = self._scopes.get(entry.scope or "")
        if scope is None or not scope.place:
            return True
        return f" {name_key(scope.place)} " in f" {form.key} "


def _anchors(key: str) -> list[str]:
    """Words a fuzzy match may not change: numbers, and the term after ``khóa``."""
    words = key.split()
    return [w for i, w in enumerate(words) if w.isdigit() or (i and words[i - 1] == "khoa")]


# Words that say an organ's kind or level (folded): a fuzzy match may never change one, since ``Sở Khoa học
# và Công nghệ`` is a province's department and ``Bộ Khoa học và Công nghệ`` the ministry; ``Ban`` ≠ ``Bộ``,
# ``Huyện ủy`` ≠ ``Tỉnh ủy``, ``Đảng ủy`` ≠ ``Đảng đoàn``. Folding already absorbs OCR's tone damage.
KIND_WORDS = frozenset(
    {"so", "bo", "ban", "cuc", "vu", "vien", "uy", "doan", "dang", "tinh", "huyen", "xa", "phuong", "quan", "thi"}
    | {"thanh", "tong", "chi", "hoi", "phong", "cong", "an"}
)


def _fuzzy_ok(key: str, other: str) -> bool:
    """OCR damage changes letters inside words; it does not reorder, add or replace whole words.

    Word by word, at most one word in three may differ, each by a small edit; a name one word longer or shorter
    passes only when the words were merely split or joined (``Tuyêngiáo``). The kind and level words
    (``KIND_WORDS``) never turn into another one: ``Sở`` is never read as ``Bộ``.

    >>> _fuzzy_ok("so khoa hoc va cong nghe", "bo khoa hoc va cong nghe")
    False
    >>> _fuzzy_ok("ban tuyen giao tinh uy", "ban tuyen giao tinh uy")
    True
    """
    if _anchors(key) != _anchors(other):
        return False
    a, b = key.split(), other.split()
    if len(a) != len(b):
        joined_a, joined_b = key.replace(" ", ""), other.replace(" ", "")
        split_or_joined = abs(len(a) - len(b)) == 1 and abs(len(joined_a) - len(joined_b)) <= 1
        return split_or_joined and fuzz.ratio(joined_a, joined_b) >= 95
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if any(x in KIND_WORDS and y in KIND_WORDS for x, y in changed):  # another kind, not OCR damage
        return False
    return len(changed) <= max(1, len(a) // 3) and all(fuzz.ratio(x, y) >= 50 for x, y in changed)
