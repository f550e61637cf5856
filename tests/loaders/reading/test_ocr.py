"""loaders.reading.ocr and the scans read through it: Tesseract's words → lines with a confidence each.

The scan is made here: the first lines of a seed are drawn with a Vietnamese font into an image (and into an
image-only PDF, what a scanner produces), then read back through OCR and parsed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from loaders.errors import LoadError
from loaders.pipeline import parse_source
from loaders.reading import read
from loaders.reading.ocr import boxes_from_data, ocr_lines
from tests.shared import SEEDS

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _data(words: list[tuple[int, int, int, int, int, str, float]]) -> dict[str, list[object]]:
    """Tesseract's table for words given as (block, line, left, top, width, text, confidence)."""
    keys = ("block_num", "par_num", "line_num", "left", "top", "width", "height", "text", "conf")
    table: dict[str, list[object]] = {k: [] for k in keys}
    for block, line, left, top, width, text, conf in words:
        for key, value in zip(keys, (block, 1, line, left, top, width, 40, text, conf), strict=True):
            table[key].append(value)
    return table


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (  # Tesseract joins two level header cells into one line: the wide gap splits them
            [
                (1, 1, 500, 300, 150, "BỘ", 96.0),
                (1, 1, 670, 300, 330, "CÔNG THƯƠNG", 94.0),
                (1, 1, 1215, 300, 1040, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 95.0),
            ],
            [("BỘ CÔNG THƯƠNG", 95.0), ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 95.0)],
        ),
        (  # empty words and Tesseract's -1 rows (blocks without text) are dropped
            [(1, 1, 420, 900, 200, "Nơi", 91.0), (1, 1, 640, 900, 200, "nhận:", 89.0), (2, 1, 0, 0, 0, " ", -1.0)],
            [("Nơi nhận:", 90.0)],
        ),
    ],
)
def test_tesseract_words_become_runs_with_their_confidence(
    words: list[tuple[int, int, int, int, int, str, float]], expected: list[tuple[str, float]]
) -> None:
    assert [(b.text, b.confidence) for b in boxes_from_data(_data(words))] == expected


def test_ocr_lines_read_header_cells_one_column_at_a_time() -> None:
    boxes = boxes_from_data(_data([
        (1, 1, 540, 290, 470, "BỘ CÔNG THƯƠNG", 95.0), (1, 1, 1215, 290, 1040, "CỘNG HOÀ XÃ HỘI", 95.0),
        (1, 2, 550, 340, 450, "Số: 2265/BCT-ATMT", 60.0), (1, 2, 1320, 340, 800, "Hà Nội, ngày 02 tháng 4", 87.0),
    ]))  # fmt: skip
    lines = ocr_lines(boxes, page=1)
    assert [line.text for line in lines] == [
        "BỘ CÔNG THƯƠNG", "Số: 2265/BCT-ATMT", "", "CỘNG HOÀ XÃ HỘI", "Hà Nội, ngày 02 tháng 4", ""
    ]  # fmt: skip
    assert lines[1].origin.page == 1 and lines[1].origin.confidence == 60.0


def _scan_of_seed(lines: int = 16) -> Image.Image:
    """A 300 dpi A4 'scan' of the first lines of the seed 80-KH/ĐUK, markdown stripped."""
    text = (SEEDS / "000_a85277af82c186c2.txt").read_text(encoding="utf-8")
    rows = [r.replace("*", "").strip() for r in text.splitlines() if r.replace("*", "").strip()][:lines]
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    y = 250
    for row in rows:
        for part in textwrap.wrap(row, 70):
            draw.text((250, y), part, font=font, fill=0)
            y += 70
        y += 30
    return image


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_a_scan_of_a_seed_is_read_through_ocr_with_its_number_and_date(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"scan{suffix}"
    _scan_of_seed().save(path, resolution=300.0)
    source = read(path)
    assert source.ocr and all(line.origin.confidence is not None for line in source.lines if line.text)
    record = parse_source(source, None, body=False)
    assert (record.number, record.date, record.ocr) == ("80-KH/ĐUK", "2023-06-27", True)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: Image.new("L", (1200, 1600), 255), "no text: OCR found none in the image"),
        (lambda: Image.effect_noise((800, 800), 120), "no text: OCR found none in the image"),
    ],
)
def test_an_image_without_text_is_one_clear_error(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "blank.png"
    make().save(path)  # type: ignore[operator]
    with pytest.raises(LoadError) as err:
        read(path)
    assert err.value.reason == reason


def test_a_damaged_image_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(LoadError) as err:
        read(path)
    assert err.value.reason.startswith("cannot read image")
