"""loaders.errors: one exception, a message a user can act on."""

from __future__ import annotations

from loaders.errors import LoadError


def test_message_and_fields() -> None:
    err = LoadError("a/b.txt", "empty file")
    assert (err.path, err.reason, err.line, str(err)) == ("a/b.txt", "empty file", None, "a/b.txt: empty file")
    assert str(LoadError("a.txt", "blank number", line=4)) == "a.txt:4: blank number"
