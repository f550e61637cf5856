"""A crude stand-in for ``loaders.text.normalize`` in the body tests: text → ``Line`` list.

Not shipped and not a normaliser to reuse: it does just enough for the body tests (paragraphs by blank
lines, hard wraps and page-break splits rejoined, list items and table rows on their own lines, ``**``,
``#``, ``*`` and markdown escapes removed), so the body parser can be tested before the real one exists.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from loaders.text.line import Line

SEEDS = Path(__file__).resolve().parents[2] / "data" / "documents"

_ITEM = re.compile(
    r"^(?:[-–•+*](?:\s|$)|(?:[IVX]{1,5}|[A-HĐ]|\d{1,3}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–:]\s|\(\w{1,3}\)\s)"
)


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\u00a0", " ").replace("\u2800", " ").replace("Ð", "Đ")
    text = re.sub(r"^\s*#+\s*", "", text)
    text = re.sub(r"^\s*\*\s+(?=\S)", "- ", text)  # markdown bullet
    text = text.replace("**", "").replace("\\-", "-").replace("\\.", ".").replace("\\*", "*")
    text = re.sub(r"(?<![\w|])\*(?=\S)|(?<=\S)\*(?![\w])", "", text)  # emphasis
    return " ".join(text.split())


def text_lines(text: str) -> list[Line]:
    """Paragraph lines of ``text``; ``Line.no`` is the file line each starts on.

    A line joins the one before it when that one does not end a sentence or the line starts in lower case
    (a hard wrap, or a paragraph a page break split); list items, table rows and headings stand alone.
    """
    out: list[list] = []  # [no, text, closed]
    blank = True
    for no, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if not line:
            blank = True
            continue
        heading = raw.lstrip().startswith("#")
        prev = out[-1] if out else None
        starts_new = (
            prev is None or heading or prev[2] or line.startswith("|") or prev[1].startswith("|")
            or bool(_ITEM.match(line)) or line.isdigit() or prev[1].isdigit() or line.isupper()
        )  # fmt: skip
        if not starts_new and prev is not None and prev[1] not in ("-", "•", "+"):
            ends_sentence = prev[1].rstrip().endswith((".", ":", ";", "!", "?", "./."))
            starts_new = (blank or ends_sentence) and not line[0].islower()
        if starts_new:
            out.append([no, line, heading])
        else:
            prev[1] = f"{prev[1]} {line}"  # type: ignore[index]
        blank = False
    return [Line(no, t) for no, t, _ in out if not t.isdigit()]


def file_lines(path: Path) -> list[Line]:
    return text_lines(path.read_text(encoding="utf-8"))
