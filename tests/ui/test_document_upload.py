"""Uploads without Streamlit: names kept inside the upload folder, a clash never overwrites another file, and a
file the loader cannot read is an error on its own row."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.views.document_upload import preview, safe_name, save_upload

SEED_80 = Path(__file__).resolve().parents[2] / "data" / "documents" / "000_a85277af82c186c2.txt"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\a\\KH 80.docx", "KH 80.docx"),
        (".hidden.md", "hidden.md"),
    ],
)
def test_an_upload_name_cannot_leave_the_folder(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_a_different_file_with_the_same_name_is_kept_apart(tmp_path: Path) -> None:
    first = save_upload("kh.txt", b"one", tmp_path)
    assert save_upload("kh.txt", b"one", tmp_path) == first  # the same file again: nothing new
    second = save_upload("kh.txt", b"two", tmp_path)
    assert second != first and first.read_bytes() == b"one" and second.read_bytes() == b"two"


def test_preview_reads_a_seed_and_refuses_what_it_cannot_read() -> None:
    good = preview(SEED_80.name, SEED_80.read_bytes())
    assert good.error is None and good.record is not None and good.record["number"] == "80-KH/ĐUK"
    assert preview("note.odt", b"x").error is not None  # not a supported type
    assert preview("broken.pdf", b"not a pdf").error is not None
