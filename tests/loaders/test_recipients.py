"""loaders.extract.recipients: Nơi nhận items, purposes, brace groups, inline cells, "Như trên"."""

from __future__ import annotations

from loaders.extract.recipients import addressee_names, is_recipients_start, parse_recipients
from loaders.text.line import Line


def block(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_party_list_with_purposes() -> None:
    found = parse_recipients(
        block("Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Các ban ĐUK; Đoàn Khối,", "- Website ĐUK,",
              "- Lưu VP, BTGĐUK.")
    )  # fmt: skip
    assert [(r.text, r.organs, r.purpose, r.line) for r in found] == [
        ("Ban Thường vụ Tỉnh ủy (b/c)", ("Ban Thường vụ Tỉnh ủy",), "báo cáo", 2),
        ("Các ban ĐUK; Đoàn Khối", ("Các ban ĐUK", "Đoàn Khối"), None, 3),
        ("Website ĐUK", ("Website ĐUK",), None, 4),
        ("Lưu VP, BTGĐUK", ("VP", "BTGĐUK"), "lưu", 5),
    ]


def test_brace_group_shares_its_purpose() -> None:
    found = parse_recipients(
        block(
            "- Ban Bí thư Trung ương Đảng, } (báo cáo)", "- Ban Nội chính Trung ương, }", "- Các ban của Tỉnh ủy,"
        )
    )
    assert [(r.text, r.purpose) for r in found] == [
        ("Ban Bí thư Trung ương Đảng", "báo cáo"),
        ("Ban Nội chính Trung ương", "báo cáo"),
        ("Các ban của Tỉnh ủy", None),
    ]


def test_inline_cell_of_a_table_row() -> None:
    found = parse_recipients(
        [Line(29, "Nơi nhận: - Ban Bí thư Trung ương Đảng; - Thủ tướng, các Phó Thủ tướng Chính phủ; "
                  "- Bộ trưởng (để báo cáo); - Lưu: VT, NN (2)NXT.")]
    )  # fmt: skip
    assert [(r.text, r.organs, r.purpose) for r in found] == [
        ("Ban Bí thư Trung ương Đảng", ("Ban Bí thư Trung ương Đảng",), None),
        ("Thủ tướng, các Phó Thủ tướng Chính phủ", ("Thủ tướng", "các Phó Thủ tướng Chính phủ"), None),
        ("Bộ trưởng (để báo cáo)", ("Bộ trưởng",), "báo cáo"),
        ("Lưu: VT, NN (2)NXT", ("VT", "NN"), "lưu"),
    ]


def test_purposes_and_continuations() -> None:
    found = parse_recipients(
        block("* Ban cán sự đảng Chính phủ (để phối hợp),", "* Các sở (để thực hiện);", "* Các huyện (t/h);",
              "- VPCP: BTCN, các PCN, Trợ lý TTg,", "các Vụ, Cục, Công báo;", "- Đoàn Khối (để biết).")
    )  # fmt: skip
    assert [r.purpose for r in found] == ["phối hợp", "thực hiện", "thực hiện", None, "biết"]
    assert found[3].organs == ("VPCP", "BTCN", "các PCN", "Trợ lý TTg", "các Vụ", "Cục", "Công báo")


def test_as_above_means_the_addressees() -> None:
    names = addressee_names(block("Kính gửi:", "- Đồng chí Phạm Minh Chính,", "- Các đồng chí Phó Bí thư."))
    assert names == ["Đồng chí Phạm Minh Chính", "Các đồng chí Phó Bí thư"]
    found = parse_recipients(block("Nơi nhận:", "- Như trên,"), names)
    assert found[0].organs == tuple(names)
    assert addressee_names(block("Kính gửi: Văn phòng Trung ương Đảng")) == ["Văn phòng Trung ương Đảng"]


def test_is_recipients_start() -> None:
    assert is_recipients_start("Nơi nhận:") and is_recipients_start("| Nơi nhận: - A")
    assert is_recipients_start("Nơi nhận") and not is_recipients_start("Nơi nhận hồ sơ là Văn phòng")
