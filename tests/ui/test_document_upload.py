"""Uploads without Streamlit: names kept inside the upload folder, a clash never overwrites another file, and a
file the loader cannot read is an error on its own row."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph.ingest import load_paths
from graph.store import open_store
from tests.conftest import short_tmpdir
from ui.views.document_upload import NOT_CONFIRMED, load, preview, safe_name, save_upload
from ui.views.load_failures import read_failed_files

ROOT = Path(__file__).resolve().parents[2]
SEED_80 = ROOT / "data" / "documents" / "000_a85277af82c186c2.txt"


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
    first, _ = save_upload("kh.txt", b"one", tmp_path)
    assert save_upload("kh.txt", b"one", tmp_path) == (first, False)  # the same file again: nothing new
    second, _ = save_upload("kh.txt", b"two", tmp_path)
    assert second != first and first.read_bytes() == b"one" and second.read_bytes() == b"two"


def test_preview_reads_a_seed_and_refuses_what_it_cannot_read() -> None:
    good = preview(SEED_80.name, SEED_80.read_bytes())
    assert good.error is None and good.record is not None and good.record["number"] == "80-KH/ĐUK"
    assert preview("note.odt", b"x").error is not None  # not a supported type
    assert preview("broken.pdf", b"not a pdf").error is not None


def test_a_206_character_vietnamese_name_is_cut_by_bytes_keeping_its_extension(tmp_path: Path) -> None:
    long = ("Kế hoạch thực hiện Nghị quyết số 27 của Ban Chấp hành Trung ương " * 4)[:206] + ".txt"
    assert len(long) == 210 and len(long.encode()) > 255
    path, new = save_upload(long, SEED_80.read_bytes(), tmp_path)
    assert new and path.suffix == ".txt" and len(path.name.encode()) <= 255 - 9
    assert path.name.startswith("Kế hoạch thực hiện") and path.read_bytes() == SEED_80.read_bytes()
    other, _ = save_upload(long, b"another", tmp_path)  # same name, other bytes: kept apart, still short enough
    assert other != path and len(other.name.encode()) <= 255
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(tmp_path.stat().st_mode & 0o777) == "0o700"


def test_unreadable_uploads_are_never_kept_and_a_note_waits_for_confirmation(
    tmp_path: Path, embedded_store: Any
) -> None:
    folder = tmp_path / "uploads"
    note = "Ghi chú họp tổ.\nNhớ mang theo tài liệu.\n".encode()
    files = [("rong.txt", b""), ("nhi-phan.txt", bytes(range(256)) * 8), ("ghi-chu.txt", note)]
    outcomes = {o.path: o for o in load(files, embedded_store, folder)}
    assert outcomes["rong.txt"].error == "tệp rỗng (không có chữ nào)"
    assert outcomes["nhi-phan.txt"].error == "tệp nhị phân, không phải văn bản"
    assert outcomes["ghi-chu.txt"].error == NOT_CONFIRMED
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing kept
    [confirmed] = load([("ghi-chu.txt", note)], embedded_store, folder, confirmed=["ghi-chu.txt"])
    assert confirmed.ok and [p.name for p in folder.iterdir()] == ["ghi-chu.txt"]


def test_make_load_goes_on_past_bad_files_and_the_app_lists_them_in_vietnamese(tmp_path: Path) -> None:
    """What ``make run`` does before starting the app, with an empty, a binary and a non-directive file left in
    the upload folder (by an older version, or by hand): the load step succeeds, the failures are in the store
    for the app, and the project's sample documents (what the tests load) still load whole."""
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "rong.txt").write_bytes(b"")
    (uploads / "nhi-phan.txt").write_bytes(bytes(range(256)) * 8)
    (uploads / "ghi-chu.txt").write_text("Ghi chú họp tổ.\n", encoding="utf-8")
    url = f"embedded:{short_tmpdir('kg-make-')}"
    env = {**os.environ, "KG_STORE": url, "KG_UPLOAD_DIR": str(uploads), "KG_CORRECTIONS_DIR": str(tmp_path / "c")}
    run = subprocess.run(["make", "-o", ".venv/.runtime", "load"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "nhi-phan.txt: ERROR binary file" in run.stderr and "rong.txt: ERROR empty file" in run.stderr
    store = open_store(url)
    try:
        listed = {f.name: f.reason for f in read_failed_files(store)}
        assert listed == {
            "nhi-phan.txt": "tệp nhị phân, không phải văn bản",
            "rong.txt": "tệp rỗng (không có chữ nào)",
        }
        loaded = store.read("MATCH (d:Document {status: 'loaded'}) RETURN d.symbol AS s ORDER BY s")
        assert [r["s"] for r in loaded if r["s"]] == ["60-KH/TU", "80-KH/ĐUK"]
        (uploads / "rong.txt").unlink()
        (uploads / "nhi-phan.txt").unlink()
        results = load_paths([ROOT / "data" / "documents", uploads], store)  # a later load clears them
        assert all(r.ok for r in results) and read_failed_files(store) == []
    finally:
        store.close()
