"""Symbols cut at a line end put back together; numbers typed with spaces closed up.

A copy wraps ``Nghị định số 217/2025/NĐ-`` / ``CP ngày 05/8/2025`` or ``Chương trình số 31-`` / ``CTr/TW``, and a
typist fills a blank as ``Số:   4390     /UBND-NLN`` or ``Số 2449 -CV/ĐU``. Extraction finds symbols on one line
and without spaces, so the reading stage hands it ``217/2025/NĐ-CP`` and ``Số: 4390/UBND-NLN``.

Only what is certain is joined: a line that ends in a symbol fragment (a token with a digit, ending in ``-`` or
``/``) and a next line that starts with the symbol's code (capitals, as ``CP``, ``CTr/TW``, ``QĐ-UBND``). The
code moves up to the fragment; the rest of the next line stays where it was, with its origin.

>>> join_numbers("Số:   4390     /UBND-NLN")
'Số: 4390/UBND-NLN'
>>> join_numbers("Số 2449 -CV/ĐU")
'Số 2449-CV/ĐU'
>>> join_numbers("(Kèm theo Quyết định số: 1050 /QĐ-SCT ngày 06 /3/2025)")
'(Kèm theo Quyết định số: 1050/QĐ-SCT ngày 06/3/2025)'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.reading.stream import StreamLine

__all__ = ["join_numbers", "rejoin"]

_CODE = r"[A-ZĐ][A-Za-zĐđ&]*(?:[-/][A-ZĐ][A-Za-zĐđ&0-9]*)*"
_SPACED_SYMBOL = re.compile(
    r"(?:\b(?P<label>Số|SỐ|số)\s*(?P<colon>:?)\s*)?(?<![\w/.-])(?P<n>\d{1,6})\s*(?P<sep>[-/])\s*"
    r"(?P<code>[A-ZĐ][A-Za-zĐđ&]*[-/][A-ZĐ][^\s,;.)]*)"
)
_SPACED_DATE = re.compile(r"(?<![\w/])(\d{1,2})\s+/\s*(\d{1,2})\s*/\s*(\d{4})\b")
# What both patterns above need somewhere: a digit, perhaps spaces, then ``-`` or ``/``.
_DIGIT_THEN_SEPARATOR = re.compile(r"\d\s*[-/]")
_FRAGMENT = re.compile(r"(?:^|\s)\S*\d\S*[-/]$")
_HEAD = re.compile(rf"^\s*({_CODE})(?=$|[\s,.;:)])")


def join_numbers(text: str, keep_width: bool = False) -> str:
    """Close up a number typed with spaces before its symbol (``Số:  1050 /QĐ-SCT``) or in a date
    (``06 /3/2025``). ``keep_width`` puts the spaces taken out after the number, so that the columns of a
    layout text stay where they were.

    >>> join_numbers("Số:  12  /UBND-KT   Hà Nội", keep_width=True)
    'Số: 12/UBND-KT      Hà Nội'
    """

    def symbol(m: re.Match[str]) -> str:
        label = f"{m['label']}{m['colon']} " if m["label"] else ""
        return pad(m, f"{label}{m['n']}{m['sep']}{m['code']}")

    def pad(m: re.Match[str], new: str) -> str:
        return new + " " * (len(m.group()) - len(new)) if keep_width else new

    if not _DIGIT_THEN_SEPARATOR.search(text):
        return text  # most lines: neither pattern can match, and trying them at every character is costly
    text = _SPACED_SYMBOL.sub(symbol, text)
    return _SPACED_DATE.sub(lambda m: pad(m, m.expand(r"\1/\2/\3")), text)


def rejoin(lines: Sequence[StreamLine]) -> list[StreamLine]:
    """``lines`` with spaced numbers closed up and symbols cut at a line end joined (see the module docstring).
    A next line left empty by the move is dropped; blank lines (paragraph breaks) are kept."""
    out = [_joined(line) for line in lines]
    i = 0
    while i + 1 < len(out):
        here, after = out[i], out[i + 1]
        cut = here.text.rstrip()
        head = _HEAD.match(after.text) if cut.endswith(("-", "/")) and _FRAGMENT.search(cut) else None
        if head and sum(c.isupper() for c in head.group(1)) >= 2:  # a code (CP, CTr, QĐ), not a word (Ban)
            out[i] = StreamLine(here.text.rstrip() + head.group(1), here.origin)
            rest = after.text[head.end() :].strip()
            if rest:
                out[i + 1] = StreamLine(rest, after.origin)
            else:
                del out[i + 1]
                continue
        i += 1
    return out


def _joined(line: StreamLine) -> StreamLine:
    text = join_numbers(line.text)
    return line if text == line.text else StreamLine(text, line.origin)  # most lines: kept, not copied
