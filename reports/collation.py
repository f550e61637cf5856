"""Vietnamese sort order: the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then the tones.

A Vietnamese reader looks a name up letter by letter in that alphabet (``Â`` after ``Ă`` after ``A``, ``Đ`` after
``D``, ``Ư`` after ``U``), ignoring the tone marks; only names equal letter for letter are then ordered by tone —
ngang, huyền, hỏi, ngã, sắc, nặng (the order of Vietnamese dictionaries and of ICU's ``vi`` collation) — and last
by case. Code-point order gets all of this wrong: ``Tuy Phước`` before ``Tây Sơn``, ``Đảng…`` after ``Thị ủy``,
``Ủy ban`` after ``Viện``.

Three levels, as in the Unicode collation algorithm: a key is ``(letters, tones, case)``, each a tuple compared
in turn. Spaces and punctuation sort before digits, digits before letters, other scripts after them.

>>> sorted(["Viện Kiểm sát", "Ủy ban nhân dân", "Thị ủy An Nhơn", "Đảng ủy Công an", "Tuy Phước", "Tây Sơn"],
...        key=vi_key)
['Đảng ủy Công an', 'Tây Sơn', 'Thị ủy An Nhơn', 'Tuy Phước', 'Ủy ban nhân dân', 'Viện Kiểm sát']
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["ALPHABET", "TONES", "vi_key"]

# The Vietnamese alphabet, with the Latin letters it lacks (f, j, w, z: foreign names) where Latin puts them.
ALPHABET = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
# Tone marks (combining), in dictionary order after the unmarked ngang.
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng

_RANK = {letter: n for n, letter in enumerate(ALPHABET)}
_TONE_RANK = {mark: n for n, mark in enumerate(TONES, start=1)}
# Marks that make another letter of the alphabet (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_LETTERS, _DIGITS, _OTHER = 2, 1, 3  # bands of the first level; 0 is spaces and punctuation


def _letters(text: str) -> list[tuple[str, str, bool]]:
    """Each letter as (base letter with its letter marks, tone mark or '', upper case)."""
    out: list[tuple[str, str, bool]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out:
            base, tone, upper = out[-1]
            if char in _LETTER_MARKS:
                out[-1] = (unicodedata.normalize("NFC", base + char), tone, upper)
            elif char in _TONE_RANK:
                out[-1] = (base, char, upper)
            continue
        out.append((char.lower(), "", char != char.lower()))
    return out


def _primary(letter: str) -> tuple[int, int]:
    if letter in _RANK:
        return _LETTERS, _RANK[letter]
    if letter.isdigit():
        return _DIGITS, unicodedata.digit(letter, 0)
    if letter.isspace() or unicodedata.category(letter)[0] in "PSZC":
        return 0, ord(" ") if letter.isspace() else ord(letter)
    return _OTHER, ord(letter)


@lru_cache(maxsize=4096)
def vi_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]:
    """The sort key of ``text`` in Vietnamese order (letters, then tones, then case — lower case first)."""
    letters = _letters(text)
    return (
        tuple(_primary(base) for base, _, _ in letters),
        tuple(_TONE_RANK.get(tone, 0) for _, tone, _ in letters),
        tuple(int(upper) for _, _, upper in letters),
    )
