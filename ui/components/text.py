"""Text from documents, files and users shown as text: never as markdown.

Streamlit reads markdown in titles, captions, alerts, expander and button labels; a document title, an
uploaded file's name or an organ read from a file would otherwise become a live link (``http://…`` or
``[x](…)``), a heading, a formula (``$…$``) or an image. CommonMark lets every ASCII punctuation character be
escaped with a backslash, and an escaped character opens nothing: no link, no emphasis, no autolink.

>>> plain("[bấm](http://evil.example) **đậm** $x$")
'\\\\[bấm\\\\]\\\\(http\\\\:\\\\/\\\\/evil\\\\.example\\\\) \\\\*\\\\*đậm\\\\*\\\\* \\\\$x\\\\$'
>>> plain(None)
''
"""

from __future__ import annotations

import re

__all__ = ["plain"]

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def plain(text: object) -> str:
    """``text`` escaped so that markdown shows it exactly as written (newlines become spaces)."""
    if text is None:
        return ""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
