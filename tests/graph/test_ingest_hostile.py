"""Hostile files in a batch: a compression-bomb PDF and a .docx that unzips to too much each cost one line, a
symbolic link leaving the folder is skipped, a folder named like a document is a folder; the rest loads."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject, StreamObject

from graph.ingest import iter_documents, load_paths
from graph.store import GraphStore
from loaders.reading.files import MAX_UNZIPPED_BYTES

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "data" / "documents").glob("*.txt"))[0]


def compression_bomb_pdf(path: Path, megabytes: int = 120) -> None:
    """A one-page PDF whose content stream is ~120 KB of zlib that inflates to ``megabytes`` MB."""
    squeeze = zlib.compressobj(9)
    chunk = b"0 0 m " * (1024 * 1024 // 6)
    data = b"".join(squeeze.compress(chunk) for _ in range(megabytes)) + squeeze.flush()
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = StreamObject()
    stream._data = data
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    assert not isinstance(stream, DecodedStreamObject)
    with path.open("wb") as out:
        writer.write(out)


def docx_bomb(path: Path) -> None:
    """A small .docx whose document part unzips past ``MAX_UNZIPPED_BYTES``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(MAX_UNZIPPED_BYTES // len(block) + 2):
                part.write(block)


def test_a_batch_with_bombs_loads_the_good_file_and_says_one_line_per_bad_one(
    tmp_path: Path, empty_store: GraphStore
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    compression_bomb_pdf(folder / "bomb.pdf")
    docx_bomb(folder / "bomb.docx")
    outside = tmp_path / "secret.txt"
    outside.write_text("Kế hoạch số 99-KH/TU bí mật")
    (folder / "link.txt").symlink_to(outside)
    (folder / "folder.txt").mkdir()
    # a folder named like a document is walked as a folder, never opened as a file
    (folder / "folder.txt" / "inner.md").write_text("Kế hoạch số 7-KH/ĐU ngày 01/02/2024", encoding="utf-8")

    results = {Path(r.path).name: r for r in load_paths([folder], empty_store)}
    assert sorted(results) == ["bomb.docx", "bomb.pdf", "inner.md", "seed.txt"]
    assert results["seed.txt"].ok
    # PDFium inflates the page (≈300 MB at peak) and finds nothing to read: one line
    assert results["bomb.pdf"].error in {"no text: neither a text layer nor anything OCR can read"} or str(
        results["bomb.pdf"].error
    ).startswith("cannot read .pdf")
    assert results["bomb.docx"].error is not None and "unzips to" in results["bomb.docx"].error
    assert all("\n" not in (r.error or "") for r in results.values())
    [row] = empty_store.read("MATCH (d:Document {status: 'loaded'}) RETURN count(d) AS n")
    assert row == {"n": 2}  # the seed and inner.md; nothing of the secret behind the link
    assert empty_store.read("MATCH (d:Document {symbol: '99-KH/TU'}) RETURN d.uid AS uid") == []


def test_a_symbolic_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("x")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    assert [p.name for p in iter_documents([tmp_path])] == ["alias.txt", "real.txt"]
