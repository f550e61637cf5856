"""The n-gram tf-idf with numpy gives the scores of the plain definition (the former gram-by-gram code)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from graph.similarity import NGRAMS, Space, clean, gram_codes
from tests.shared import SEEDS

_SYMBOLS = " abcdefghijklmnopqrstuvwxyz0123456789"


def reference_grams(text: str) -> Counter[str]:
    padded = f" {text} "
    return Counter(padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))


def reference_vector(texts: list[str], text: str) -> dict[str, float]:
    """The definition, gram by gram: distinct texts, (1 + log tf) · (log(1 + N) − log(1 + df) + 1), unit length."""
    distinct = {t: reference_grams(t) for t in texts}
    df = Counter(g for grams in distinct.values() for g in grams)
    idf = math.log(1 + len(distinct))
    weights = {g: (1 + math.log(f)) * (idf - math.log(1 + df[g]) + 1) for g, f in reference_grams(text).items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {g: w / norm for g, w in weights.items()}


def reference_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b.get(g, 0.0) for g, w in a.items())


def decode(code: int) -> str:
    out = ""
    while code:
        code, digit = divmod(code, 64)
        out = _SYMBOLS[digit - 1] + out
    return out


def seed_paragraphs() -> list[str]:
    lines = []
    for path in sorted(Path(SEEDS).glob("*.txt"))[:2]:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 20]
    return [clean(line) for line in lines[:60]]


@pytest.mark.parametrize(
    "text", ["", "a", "ab", "day manh cai cach hanh chinh", "nghi quyet 27 nq tw 2022", "x" * 300, "a b c d"]
)
def test_a_texts_gram_codes_are_its_ngrams_and_their_counts(text: str) -> None:
    codes, counts = gram_codes(text)
    assert {decode(int(c)): int(n) for c, n in zip(codes, counts, strict=True)} == reference_grams(text)


def test_every_cosine_of_the_seeds_paragraphs_equals_the_definitions() -> None:
    texts = seed_paragraphs()
    parents, children = texts[:25], texts[25:]
    # outside the space: a section's text (paragraphs joined), a sentence of other words, an empty text
    outside = [" ".join(children[:3]), "mot doan van khong co trong khong gian", ""]
    space = Space(texts + parents[:5])  # a text twice counts once
    scores = space.cosines(space.vectors(parents), space.vectors(children + outside))
    for i, p in enumerate(parents):
        for j, c in enumerate(children + outside):
            expected = reference_cosine(reference_vector(texts, p), reference_vector(texts, c))
            assert scores[i, j] == pytest.approx(expected, abs=1e-12), (p, c)


def test_a_text_scores_1_against_itself_and_0_against_a_text_sharing_no_ngram() -> None:
    texts = ["day manh cai cach hanh chinh", "qqq zzz"]
    space = Space(texts)
    scores = space.cosines(space.vectors(texts), space.vectors(texts))
    assert scores.round(12).tolist() == [[1.0, 0.0], [0.0, 1.0]]
