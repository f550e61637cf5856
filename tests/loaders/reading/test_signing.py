"""loaders.reading.signing: a digital signature's caption is not the document's text; its date is kept."""

from __future__ import annotations

import pytest

from loaders.reading.signing import pdf_signing_date, take_caption
from loaders.reading.stream import Origin, StreamLine
from tests.shared import CORPUS2


@pytest.mark.parametrize(
    ("texts", "kept", "signed"),
    [
        (
            [
                "Ký bởi: BỘ TÀI CHÍNH",
                "Cơ quan: 28 Trần Hưng Đạo.",
                "Thời gian ký: 19/06/2026 14:18:57 +07:00",
                "BỘ TÀI CHÍNH",
            ],
            ["BỘ TÀI CHÍNH"],
            "2026-06-19",
        ),
        (["Ký bởi: Bộ Công Thương", "Thời gian ký: 02.04.2026 14:24:26 +07:00"], [], "2026-04-02"),
        (["Cơ quan: Sở Tài chính", "BỘ TÀI CHÍNH"], ["Cơ quan: Sở Tài chính", "BỘ TÀI CHÍNH"], None),
    ],
)
def test_the_caption_is_taken_out_and_its_date_kept(texts: list[str], kept: list[str], signed: str | None) -> None:
    lines, date = take_caption([StreamLine(t, Origin(line=n)) for n, t in enumerate(texts, 1)])
    assert [line.text for line in lines] == kept and date == signed


def test_a_signed_scan_carries_its_signing_date() -> None:
    assert pdf_signing_date(CORPUS2 / "bct_2265-BCT-ATMT_2026_scan-no-text-layer.pdf") == "2026-04-02"
