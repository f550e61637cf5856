"""Similarity of Vietnamese texts without a model: accent-folded character n-gram tf-idf, and containment.

``Space`` weighs the n-grams of a closed set of texts (the tasks of one parent/child pair), so boilerplate the
whole set shares (``Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam``) counts little. ``cosines`` scores one
vector against many through an inverted index (only shared n-grams cost anything). ``containment`` says how
completely a short text sits inside a longer one, whatever surrounds it.

>>> space = Space([clean("Đẩy mạnh cải cách hành chính"), clean("Tăng cường cải cách tư pháp")])
>>> a, b = space.vector(clean("Đẩy mạnh cải cách hành chính")), space.vector(clean("day manh cai cach hanh chinh"))
>>> round(cosine(a, b), 3)
1.0
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from loaders.text import fold

__all__ = ["CONTAINMENT_FLOOR", "NGRAMS", "Space", "clean", "containment", "cosine", "cosines", "inverted"]

CONTAINMENT_FLOOR = 50.0  # partial_ratio of two unrelated Vietnamese sentences of one topic
NGRAMS = (3, 4, 5)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 15)
def clean(text: str) -> str:
    """Folded (no accents, ``đ`` → ``d``, lower case), letters and digits only, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


@lru_cache(maxsize=1024)
def grams(text: str) -> Counter[str]:
    """The text's n-grams and their counts (cached: a parent's tasks are compared with each of its children, one
    child after another; callers only read the counter). A paragraph has ~2,000 n-grams, so the cache is kept
    to about a thousand texts (a few hundred MB at most)."""
    padded = f" {text} "
    return Counter(padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))


class Space:
    """Character n-gram tf-idf vectors over the texts of one parent/child pair (no model, no download)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.grams = {t: grams(t) for t in texts}
        self.size = len(self.grams)
        self.df: Counter[str] = Counter(g for c in self.grams.values() for g in c)

    def vector(self, text: str) -> dict[str, float]:
        counts = self.grams.get(text) or grams(text)
        idf = math.log(1 + self.size)
        df, log = self.df, _log
        weights = {g: (1 + log(f)) * (idf - log(1 + df[g]) + 1) for g, f in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {g: w / norm for g, w in weights.items()}


_LOGS = [0.0, *(math.log(i) for i in range(1, 4096))]


def _log(n: int) -> float:
    """``math.log`` of a count, looked up (the same floats: the table is made with ``math.log``)."""
    return _LOGS[n] if n < 4096 else math.log(n)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(g, 0.0) for g, w in a.items())


def cosines(query: Mapping[str, float], index: Mapping[str, list[tuple[int, float]]], size: int) -> list[float]:
    """Cosine of ``query`` with every indexed vector at once (an inverted index: only shared n-grams cost)."""
    scores = [0.0] * size
    for g, w in query.items():
        for i, v in index.get(g, ()):
            scores[i] += w * v
    return scores


def inverted(vectors: Sequence[Mapping[str, float]]) -> dict[str, list[tuple[int, float]]]:
    index: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vectors):
        for g, w in vec.items():
            index.setdefault(g, []).append((i, w))
    return index


def containment(a: str, b: str) -> float:
    ratio = fuzz.partial_ratio(a, b, score_cutoff=CONTAINMENT_FLOOR)
    return max(0.0, (ratio - CONTAINMENT_FLOOR) / (100 - CONTAINMENT_FLOOR))
