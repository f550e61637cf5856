"""Similarity of Vietnamese texts without a model: accent-folded character n-gram tf-idf, and containment.

``Space`` weighs the n-grams of a closed set of texts (the tasks of one parent/child pair), so boilerplate the
whole set shares (``Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam``) counts little. A text's n-grams are
counted once (:func:`gram_codes`, cached: a parent's duties are compared with each of its children) as integer
codes, and a set of vectors is scored against another with numpy (:meth:`Space.cosines`), not gram by gram in
Python. ``containment`` says how completely a short text sits inside a longer one, whatever surrounds it.

>>> space = Space([clean("Đẩy mạnh cải cách hành chính"), clean("Tăng cường cải cách tư pháp")])
>>> a = space.vectors([clean("Đẩy mạnh cải cách hành chính")])
>>> b = space.vectors([clean("day manh cai cach hanh chinh")])
>>> round(float(space.cosines(a, b)[0, 0]), 3)
1.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from loaders.text import fold

__all__ = ["CONTAINMENT_FLOOR", "NGRAMS", "Space", "Vectors", "clean", "containment", "gram_codes"]

CONTAINMENT_FLOOR = 50.0  # partial_ratio of two unrelated Vietnamese sentences of one topic
NGRAMS = (3, 4, 5)

_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A cleaned text has only a-z, 0-9 and spaces: 37 symbols, each one 6-bit digit (never 0), so an n-gram is one
# exact integer and n-grams of different lengths never share a code (an n-gram's code lies in [64^(n-1), 64^n)).
_DIGIT = np.zeros(256, dtype=np.int64)
for _i, _c in enumerate(" abcdefghijklmnopqrstuvwxyz0123456789", start=1):
    _DIGIT[ord(_c)] = _i
_BUDGET = 1 << 22  # entries of one intermediate product (32 MB of floats); bigger products go in slices

Codes = npt.NDArray[np.int64]


@lru_cache(maxsize=1 << 15)
def clean(text: str) -> str:
    """Folded (no accents, ``đ`` → ``d``, lower case), letters and digits only, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


@lru_cache(maxsize=4096)
def gram_codes(text: str) -> tuple[Codes, Codes]:
    """A cleaned text's distinct n-grams (codes, ascending) and how often each occurs (the text padded with a
    space each side, as a word's first and last n-grams count). Cached (a parent's duties recur with each of
    its children; ~4,000 texts of ~15 kB each at most); callers only read the arrays."""
    digits = _DIGIT[np.frombuffer(f" {text} ".encode("ascii"), dtype=np.uint8)]
    parts = []
    for n in NGRAMS:
        m = len(digits) - n + 1
        if m > 0:
            code = digits[:m].copy()
            for k in range(1, n):
                code = code * 64 + digits[k : k + m]
            parts.append(code)
    codes, counts = np.unique(np.concatenate(parts) if parts else np.zeros(0, np.int64), return_counts=True)
    codes.setflags(write=False)
    counts.setflags(write=False)
    return codes, counts.astype(np.int64)


@dataclass(frozen=True, slots=True)
class Vectors:
    """Unit tf-idf vectors of several texts, stored one after another: text ``k``'s entries are
    ``slots[offsets[k]:offsets[k + 1]]`` (its n-grams' places in the space, ``-1`` for one the space has not
    seen) with ``weights`` alike."""

    slots: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    offsets: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def take(self, rows: Sequence[int]) -> Vectors:
        pieces = [slice(int(self.offsets[r]), int(self.offsets[r + 1])) for r in rows]
        sizes = np.array([p.stop - p.start for p in pieces], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        slots = np.concatenate([self.slots[p] for p in pieces]) if pieces else self.slots[:0]
        weights = np.concatenate([self.weights[p] for p in pieces]) if pieces else self.weights[:0]
        return Vectors(slots, weights, offsets)


class Space:
    """Character n-gram tf-idf over a closed set of texts (no model, no download): a text's weight for an n-gram
    is ``(1 + log tf) · (log(1 + N) − log(1 + df) + 1)``, N the number of distinct texts, df how many of them
    hold the n-gram; vectors are scaled to length 1."""

    def __init__(self, texts: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(texts))
        self.size = len(distinct)
        codes = [gram_codes(t)[0] for t in distinct]
        self.vocabulary, df = np.unique(
            np.concatenate(codes) if codes else np.zeros(0, np.int64), return_counts=True
        )
        self._log_df = np.log(df + 1.0)
        self._idf = math.log(1 + self.size)

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """The unit vectors of ``texts`` (cleaned), which may lie outside the space (their n-grams' df is 0)."""
        grams = [gram_codes(t) for t in texts]
        sizes = np.array([len(c) for c, _ in grams], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        if not grams or not offsets[-1]:
            return Vectors(np.zeros(0, np.int64), np.zeros(0), offsets)
        codes = np.concatenate([c for c, _ in grams])
        counts = np.concatenate([n for _, n in grams])
        slots = np.searchsorted(self.vocabulary, codes)
        slots[slots >= len(self.vocabulary)] = 0
        known = len(self.vocabulary) > 0
        found = (self.vocabulary[slots] == codes) if known else np.zeros(len(codes), bool)
        log_df = np.where(found, self._log_df[slots] if known else 0.0, 0.0)
        weights = (1 + np.log(counts)) * (self._idf - log_df + 1)
        squares = np.add.reduceat(weights * weights, offsets[:-1][sizes > 0])
        norms = np.ones(len(texts))
        norms[sizes > 0] = np.sqrt(squares)
        norms[norms == 0] = 1.0
        weights = weights / np.repeat(norms, sizes)
        return Vectors(np.where(found, slots, -1), weights, offsets)

    def cosines(self, rows: Vectors, columns: Vectors) -> npt.NDArray[np.float64]:
        """``scores[i, j]``: the cosine of ``rows``' text ``i`` with ``columns``' text ``j``."""
        scores = np.zeros((len(rows), len(columns)))
        if not len(rows) or not len(columns) or not len(columns.slots):
            return scores
        dense = np.zeros((len(rows), len(self.vocabulary) + 1))  # the last column: n-grams outside the space
        row_of = np.repeat(np.arange(len(rows)), np.diff(rows.offsets))
        inside = rows.slots >= 0
        dense[row_of[inside], rows.slots[inside]] = rows.weights[inside]
        sizes = np.diff(columns.offsets)
        step = max(1, _BUDGET // max(1, len(rows)))
        start = 0
        while start < len(columns):  # whole columns per slice, about _BUDGET products each
            stop = start + 1
            while stop < len(columns) and columns.offsets[stop + 1] - columns.offsets[start] <= step:
                stop += 1
            lo, hi = int(columns.offsets[start]), int(columns.offsets[stop])
            if hi > lo:
                products = dense[:, columns.slots[lo:hi]] * columns.weights[lo:hi]
                nonempty = np.flatnonzero(sizes[start:stop] > 0)
                sums = np.add.reduceat(products, columns.offsets[start:stop][nonempty] - lo, axis=1)
                scores[:, start + nonempty] = sums
            start = stop
        return scores


def containment(a: str, b: str) -> float:
    ratio = fuzz.partial_ratio(a, b, score_cutoff=CONTAINMENT_FLOOR)
    return max(0.0, (ratio - CONTAINMENT_FLOOR) / (100 - CONTAINMENT_FLOOR))
