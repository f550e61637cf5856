"""loaders.reading.files: encodings, Office files, one clear LoadError for each way a file is not a document."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from loaders.errors import LoadError
from loaders.reading.files import MAX_TEXT_BYTES, decode, looks_vietnamese, read

VIETNAMESE = "KẾ HOẠCH thực hiện Nghị quyết số 27-NQ/TW của Ban Chấp hành Trung ương Đảng"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letters (ê, ơ, ư, đ) with the tone as a combining mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + tone).encode("cp1258")
    return out


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (VIETNAMESE.encode("utf-8"), VIETNAMESE),
        (b"\xef\xbb\xbf" + VIETNAMESE.encode("utf-8"), VIETNAMESE),
        (VIETNAMESE.encode("utf-16"), VIETNAMESE),
        (VIETNAMESE.encode("utf-16-be").join([b"\xfe\xff", b""]), VIETNAMESE),
        (cp1258(VIETNAMESE), VIETNAMESE),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "windows-1258"],
)
def test_decode(data: bytes, expected: str) -> None:
    assert unicodedata.normalize("NFC", decode(data)) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00\x01\x02def", "binary file (NUL bytes), not text"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
        ("Привет мир, это не вьетнамский".encode("koi8-r"), "cannot decode: not UTF-8, UTF-16 or Windows-1258"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3, "binary file (control characters), not text"),
    ],
    ids=["NUL bytes", "undefined bytes", "KOI8-R", "control characters"],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as err:
        decode(data, "x.txt")
    assert err.value.reason == reason


def test_looks_vietnamese() -> None:
    assert looks_vietnamese("Kế hoạch thực hiện")
    assert not looks_vietnamese("plain ascii only")
    assert not looks_vietnamese("Привет мир")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file(tmp_path: Path) -> None:
    source = read(_write(tmp_path, "a.md", VIETNAMESE.encode("utf-8")))
    assert source.text == VIETNAMESE and source.kind == "text" and len(source.sha256) == 64


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file (no text)"),
        ("binary.txt", b"\x00\x01" * 50, "binary file (NUL bytes), not text"),
        (
            "image.gif",
            b"GIF89a",
            "unsupported file type '.gif' (expected .txt, .md, .docx, .pdf, .png, .jpg, .jpeg, .tif, .tiff)",
        ),
        ("broken.docx", b"not a zip file", "cannot read .docx: not a Word document (no .docx package inside)"),
    ],
)
def test_read_refuses(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as err:
        read(_write(tmp_path, name, data))
    assert err.value.reason == reason
    assert str(err.value) == f"{tmp_path / name}: {reason}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        read(tmp_path / "missing.txt")


def test_broken_pdf(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"^.*: cannot read \.pdf: "):
        read(_write(tmp_path, "broken.pdf", b"%PDF-1.4 garbage"))


def test_too_large_fails_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(2 * MAX_TEXT_BYTES)  # 20 MB
    started = time.monotonic()
    with pytest.raises(LoadError) as err:
        read(path)
    assert err.value.reason == "file too large: 20.0 MB (limit 10 MB)"
    assert time.monotonic() - started < 1


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "ĐẢNG BỘ TỈNH BÌNH ĐỊNH"
    left.add_paragraph("Số 80-KH/ĐUK")
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph("KẾ HOẠCH")
    tasks = document.add_table(rows=2, cols=3)
    rows = (["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Tuyên truyền", "Ban Tuyên giáo"])
    for row, cells in zip(tasks.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Nơi nhận:")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    lines = [line for line in read(path).text.split("\n") if line]
    assert lines == [
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH",  # a small two-column layout table: one line per cell paragraph
        "Số 80-KH/ĐUK",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "KẾ HOẠCH",
        "| TT | Nhiệm vụ | Chủ trì |",  # a data table: pipe rows, for the body parser
        "| 1 | Tuyên truyền | Ban Tuyên giáo |",
        "Nơi nhận:",
    ]


def _text_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in its text layer (Helvetica, ASCII), offsets computed."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_text_layer(tmp_path: Path) -> None:
    source = read(_write(tmp_path, "a.pdf", _text_pdf("So 12-KH/TU Ke hoach")))
    assert source.kind == "pdf" and "12-KH/TU" in source.text


def test_a_blank_pdf_page_has_no_text_even_through_ocr(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # no text layer, and nothing on the page for OCR to read
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(LoadError) as err:
        read(path)
    assert err.value.reason == "no text: neither a text layer nor anything OCR can read"
