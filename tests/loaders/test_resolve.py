"""Organ resolution: (name, document context) → canonical name and uid, for every organ name of the gold files.

The tables hold one case per line, however long, so a reviewer can read them as a table.
"""

# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from loaders.organs.gazetteer import Context, Gazetteer, load_gazetteer
from loaders.organs.resolve import GENERIC, document_context, group_expander, resolve_name, resolve_record
from loaders.record import Citation, DocumentRecord, Received, Recipient, SubplanRequirement, TaskRecord
from tests.shared import gold

GEN = "generic"  # expected uid column: a generic phrase, kept as text
UNK = None  # expected uid column: unknown to the gazetteer, kept as text (completed with the province)

# The header fields a loader hands over, as printed, for each document of the gold files.
HEADERS: dict[str, dict[str, Any]] = {
    "80-KH/ĐUK": dict(
        scope="binh-dinh",
        date="2023-06-27",
        upper_body="Đảng bộ tỉnh Bình Định",
        party_unit="Đảng ủy Khối các cơ quan",
        issuer="Ban Thường vụ Đảng ủy Khối",
    ),
    "60-KH/TU": dict(scope="binh-dinh", date="2023-05-24", issuer="Ban Thường vụ Tỉnh ủy"),
    "57-NQ/TW": dict(scope="tw", date="2024-12-22", upper_body="Ban Chấp hành Trung ương", issuer="Bộ Chính trị"),
    "3260-KH/ĐĐQH15": dict(
        scope="tw", date="2025-01-10", upper_body="Ban Chấp hành Trung ương", issuer="Đảng đoàn Quốc hội"
    ),
    "03/NQ-CP": dict(scope="tw", date="2025-01-09", issuer="Chính phủ"),
    "402-CV/VPĐU": dict(scope="tw", date="2025-05-25", upper_body="Đảng ủy Chính phủ", issuer="Văn phòng"),
    "69-KL/TW": dict(scope="tw", date="2024-01-11", issuer="Bộ Chính trị"),
    "20-NQ/TW": dict(scope="tw", date="2012-11-01", issuer="Ban Chấp hành Trung ương Đảng khóa XI"),
    "13/CT-TTg": dict(scope="tw", date="2024-05-02", issuer="Thủ tướng Chính phủ"),
    "09/KH-BTNMT": dict(scope="tw", date="2024-08-06", issuer="Bộ Tài nguyên và Môi trường"),
    "CTr Lâm Đồng": dict(scope="lam-dong", date="2023-03-10", issuer="Tỉnh ủy"),
    "1902/KH-UBND": dict(scope="phu-tho", date="2023-05-25", issuer="Ủy ban nhân dân tỉnh Phú Thọ"),
    "22/KH-UBND": dict(scope="son-la", date="2024-01-21", issuer="Ủy ban nhân dân tỉnh Sơn La"),
}
FILES = {
    "000_a85277af82c186c2.txt": "80-KH/ĐUK",
    "001_0da2381aa2498f94.txt": "60-KH/TU",
    "tw_57-NQ-TW_2024_khcn-dmst-cds.txt": "57-NQ/TW",
    "ddqh_3260-KH-DDQH15_2025_thuc-hien-57.txt": "3260-KH/ĐĐQH15",
    "cp_03-NQ-CP_2025_ctrhd-thuc-hien-57.txt": "03/NQ-CP",
    "vpdu-cp_402-CV-VPDU_2025_bao-cao-thuc-hien-57.txt": "402-CV/VPĐU",
    "bct_69-KL-TW_2024_tiep-tuc-thuc-hien-20.txt": "69-KL/TW",
    "tw_20-NQ-TW_2012_khcn.txt": "20-NQ/TW",
    "ttg_13-CT-TTg_2024_tin-chi-carbon.txt": "13/CT-TTg",
    "btnmt_09-KH-BTNMT_2024_trien-khai-13-CT-TTg.txt": "09/KH-BTNMT",
    "tu-lamdong_ctrhd-thuc-hien-27-NQ-TW_2023_baolamdong_partial.txt": "CTr Lâm Đồng",
    "ubnd-phutho_1902-KH-UBND_2023_trien-khai-77-NQ-CP-27-NQ-TW_partial.txt": "1902/KH-UBND",
    "ubnd-sonla_22-KH-UBND_2024_pbgdpl_partial.txt": "22/KH-UBND",
}

BD = "Bình Định"
DUK = "Đảng ủy Khối các cơ quan tỉnh Bình Định"
# (document, name as written, canonical name, uid) — uid GEN: generic phrase; UNK: unknown, kept as text.
TABLE: list[tuple[str, str, str, str | None]] = [
    # 80-KH/ĐUK: the Bloc committee's own bodies answer to their short names; "Tỉnh ủy" is Bình Định's
    ("80-KH/ĐUK", "Ban Tuyên giáo Đảng ủy Khối", f"Ban Tuyên giáo {DUK}", "binh-dinh/duk-cac-co-quan/ban-tuyen-giao"),
    ("80-KH/ĐUK", "Ban Tuyên giáo", f"Ban Tuyên giáo {DUK}", "binh-dinh/duk-cac-co-quan/ban-tuyen-giao"),
    ("80-KH/ĐUK", "BTGĐUK", f"Ban Tuyên giáo {DUK}", "binh-dinh/duk-cac-co-quan/ban-tuyen-giao"),
    ("80-KH/ĐUK", "VP", f"Văn phòng {DUK}", "binh-dinh/duk-cac-co-quan/van-phong"),
    ("80-KH/ĐUK", "Ủy ban kiểm tra Đảng ủy Khối", f"Ủy ban Kiểm tra {DUK}", "binh-dinh/duk-cac-co-quan/uy-ban-kiem-tra"),
    ("80-KH/ĐUK", "Ban Thường vụ Đảng ủy Khối", f"Ban Thường vụ {DUK}", "binh-dinh/duk-cac-co-quan/ban-thuong-vu"),
    ("80-KH/ĐUK", "Ban Thường vụ", f"Ban Thường vụ {DUK}", "binh-dinh/duk-cac-co-quan/ban-thuong-vu"),
    ("80-KH/ĐUK", "các Ban của Đảng ủy Khối", f"Các ban của {DUK}", "binh-dinh/duk-cac-co-quan/cac-ban"),
    ("80-KH/ĐUK", "Các ban ĐUK", f"Các ban của {DUK}", "binh-dinh/duk-cac-co-quan/cac-ban"),
    ("80-KH/ĐUK", "Đoàn Khối", "Đoàn Khối các cơ quan tỉnh Bình Định", "binh-dinh/duk-cac-co-quan/doan-khoi"),
    ("80-KH/ĐUK", "Các cấp ủy chi, đảng bộ cơ sở", f"Chi bộ, đảng bộ cơ sở trực thuộc {DUK}", "binh-dinh/duk-cac-co-quan/co-so"),
    ("80-KH/ĐUK", "Chi, đảng bộ cơ sở", f"Chi bộ, đảng bộ cơ sở trực thuộc {DUK}", "binh-dinh/duk-cac-co-quan/co-so"),
    ("80-KH/ĐUK", "Các cấp ủy cơ sở đảng trong Đảng bộ Khối", f"Cấp ủy cơ sở đảng trực thuộc {DUK}", "binh-dinh/duk-cac-co-quan/cap-uy-co-so"),
    ("80-KH/ĐUK", "Ban Thường vụ Tỉnh ủy", f"Ban Thường vụ Tỉnh ủy {BD}", "binh-dinh/ban-thuong-vu-tinh-uy"),
    ("80-KH/ĐUK", "Ban Tuyên giáo Tỉnh ủy", f"Ban Tuyên giáo Tỉnh ủy {BD}", "binh-dinh/ban-tuyen-giao-tinh-uy"),
    ("80-KH/ĐUK", "Đảng ủy Khối các cơ quan", DUK, "binh-dinh/duk-cac-co-quan"),
    ("80-KH/ĐUK", "Website ĐUK", "Website ĐUK", GEN),
    ("80-KH/ĐUK", "Ban Chấp hành Trung ương Đảng khóa XIII", "Ban Chấp hành Trung ương Đảng khóa XIII", "tw/bch"),
    # 60-KH/TU: "tỉnh" is Bình Định; "Ban Tuyên giáo" is the province's
    ("60-KH/TU", "Đảng đoàn Hội đồng nhân dân tỉnh", f"Đảng đoàn Hội đồng nhân dân tỉnh {BD}", "binh-dinh/dang-doan-hdnd"),
    ("60-KH/TU", "Ban cán sự đảng Ủy ban nhân dân tỉnh", f"Ban cán sự đảng Ủy ban nhân dân tỉnh {BD}", "binh-dinh/ban-can-su-dang-ubnd"),
    ("60-KH/TU", "Ban cán sự đảng UBND tỉnh", f"Ban cán sự đảng Ủy ban nhân dân tỉnh {BD}", "binh-dinh/ban-can-su-dang-ubnd"),
    ("60-KH/TU", "Đảng ủy Công an tỉnh", f"Đảng ủy Công an tỉnh {BD}", "binh-dinh/dang-uy-cong-an"),
    ("60-KH/TU", "Ban cán sự đảng Viện Kiểm sát nhân dân tỉnh", f"Ban cán sự đảng Viện Kiểm sát nhân dân tỉnh {BD}", "binh-dinh/ban-can-su-dang-vksnd"),
    ("60-KH/TU", "Ban cán sự đảng Tòa án nhân dân tỉnh", f"Ban cán sự đảng Tòa án nhân dân tỉnh {BD}", "binh-dinh/ban-can-su-dang-tand"),
    ("60-KH/TU", "Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh", f"Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh {BD}", "binh-dinh/dang-doan-mttq"),
    ("60-KH/TU", "Ban Tổ chức Tỉnh ủy", f"Ban Tổ chức Tỉnh ủy {BD}", "binh-dinh/ban-to-chuc-tinh-uy"),
    ("60-KH/TU", "Ủy ban Kiểm tra Tỉnh ủy", f"Ủy ban Kiểm tra Tỉnh ủy {BD}", "binh-dinh/uy-ban-kiem-tra-tinh-uy"),
    ("60-KH/TU", "Ban Tuyên giáo Tỉnh ủy", f"Ban Tuyên giáo Tỉnh ủy {BD}", "binh-dinh/ban-tuyen-giao-tinh-uy"),
    ("60-KH/TU", "Ban Tuyên giáo", f"Ban Tuyên giáo Tỉnh ủy {BD}", "binh-dinh/ban-tuyen-giao-tinh-uy"),
    ("60-KH/TU", "Ban Dân vận Tỉnh ủy", f"Ban Dân vận Tỉnh ủy {BD}", "binh-dinh/ban-dan-van-tinh-uy"),
    ("60-KH/TU", "Ban Nội chính Tỉnh ủy", f"Ban Nội chính Tỉnh ủy {BD}", "binh-dinh/ban-noi-chinh-tinh-uy"),
    ("60-KH/TU", "Văn phòng Tỉnh ủy", f"Văn phòng Tỉnh ủy {BD}", "binh-dinh/van-phong-tinh-uy"),
    ("60-KH/TU", "Ban Thường vụ Tỉnh ủy", f"Ban Thường vụ Tỉnh ủy {BD}", "binh-dinh/ban-thuong-vu-tinh-uy"),
    ("60-KH/TU", "Thường trực Tỉnh ủy", f"Thường trực Tỉnh ủy {BD}", "binh-dinh/thuong-truc-tinh-uy"),
    ("60-KH/TU", "các cơ quan liên quan", "các cơ quan liên quan", GEN),
    ("60-KH/TU", "Ban Bí thư Trung ương Đảng", "Ban Bí thư", "tw/ban-bi-thu"),
    ("60-KH/TU", "Ban Nội chính Trung ương", "Ban Nội chính Trung ương", "tw/ban-noi-chinh"),
    ("60-KH/TU", "Bộ Chính trị", "Bộ Chính trị", "tw/bo-chinh-tri"),
    ("60-KH/TU", "Ban Chấp hành Trung ương Đảng (khóa XIII)", "Ban Chấp hành Trung ương Đảng khóa XIII", "tw/bch"),
    ("60-KH/TU", "SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", f"Sở Nội vụ tỉnh {BD}", "binh-dinh/so-noi-vu"),
    ("60-KH/TU", "Sở Nội vụ", f"Sở Nội vụ tỉnh {BD}", "binh-dinh/so-noi-vu"),
    ("60-KH/TU", "Sở Tư pháp", f"Sở Tư pháp tỉnh {BD}", UNK),
    ("60-KH/TU", "các huyện ủy, thị ủy, thành ủy", f"Các huyện ủy, thị ủy, thành ủy tỉnh {BD}", "binh-dinh/nhom/huyen-thi-thanh-uy"),
    ("60-KH/TU", "Các đảng ủy trực thuộc Tỉnh ủy", f"Các đảng ủy trực thuộc Tỉnh ủy {BD}", "binh-dinh/nhom/dang-uy-truc-thuoc"),
    ("60-KH/TU", "đảng ủy trực thuộc Tỉnh ủy", f"Các đảng ủy trực thuộc Tỉnh ủy {BD}", "binh-dinh/nhom/dang-uy-truc-thuoc"),
    ("60-KH/TU", "Các đảng đoàn", f"Các đảng đoàn tỉnh {BD}", "binh-dinh/nhom/dang-doan"),
    ("60-KH/TU", "ban cán sự đảng", f"Các ban cán sự đảng tỉnh {BD}", "binh-dinh/nhom/ban-can-su-dang"),
    ("60-KH/TU", "Các ban của Tỉnh ủy", f"Các ban của Tỉnh ủy {BD}", "binh-dinh/nhom/ban-tinh-uy"),
    ("60-KH/TU", "Các đồng chí Tỉnh ủy viên", "Các đồng chí Tỉnh ủy viên", GEN),
    ("60-KH/TU", "Các sở, ban, ngành, hội - đoàn thể tỉnh", "Các sở, ban, ngành, hội - đoàn thể tỉnh", GEN),
    ("60-KH/TU", "CPVP", "CPVP", UNK),
    ("60-KH/TU", "Huyện ủy Phù Cát", "Huyện ủy Phù Cát", "binh-dinh/huyen-uy-phu-cat"),
    ("60-KH/TU", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam", UNK),  # not the central committee
    ("60-KH/TU", "ban", "ban", UNK),  # "Các ban" without its "các" is a common word, not the group
    # 57-NQ/TW
    ("57-NQ/TW", "Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên", "Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên", GEN),
    ("57-NQ/TW", "Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi"),
    ("57-NQ/TW", "Ban cán sự đảng Chính phủ", "Ban cán sự đảng Chính phủ", "tw/ban-can-su-dang-chinh-phu"),
    ("57-NQ/TW", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "tw/ban-tuyen-giao"),
    ("57-NQ/TW", "Văn phòng Trung ương Đảng", "Văn phòng Trung ương Đảng", "tw/van-phong"),
    ("57-NQ/TW", "Ban Kinh tế Trung ương", "Ban Kinh tế Trung ương", "tw/ban-kinh-te"),
    ("57-NQ/TW", "Ban Chỉ đạo Trung ương", "Ban Chỉ đạo Trung ương", UNK),
    ("57-NQ/TW", "Bộ Chính trị", "Bộ Chính trị", "tw/bo-chinh-tri"),
    ("57-NQ/TW", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "tw/mttq"),
    ("57-NQ/TW", "các tổ chức chính trị - xã hội", "Các tổ chức chính trị - xã hội ở Trung ương", "tw/nhom/to-chuc-ct-xh"),
    ("57-NQ/TW", "các cơ quan liên quan", "các cơ quan liên quan", GEN),
    ("57-NQ/TW", "Huyện ủy An Lão", "Huyện ủy An Lão", UNK),  # two provinces have one: the text must say which
    # 3260-KH/ĐĐQH15
    ("3260-KH/ĐĐQH15", "Tổ đảng ở Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội", "Tổ đảng ở Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội", UNK),
    ("3260-KH/ĐĐQH15", "Lãnh đạo các cơ quan thuộc UBTVQH", "Lãnh đạo các cơ quan thuộc UBTVQH", GEN),
    ("3260-KH/ĐĐQH15", "Các Đoàn đại biểu Quốc hội", "Các Đoàn đại biểu Quốc hội", "tw/nhom/doan-dbqh"),
    ("3260-KH/ĐĐQH15", "các Đoàn đại biểu Quốc hội", "Các Đoàn đại biểu Quốc hội", "tw/nhom/doan-dbqh"),
    ("3260-KH/ĐĐQH15", "Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "Đảng đoàn", "Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "Đảng ủy cơ quan Văn phòng Quốc hội", "Đảng ủy cơ quan Văn phòng Quốc hội", "tw/dang-uy-co-quan-van-phong-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "Tổ đảng ở Thường trực Ủy ban KH,CN&MT", "Tổ đảng ở Thường trực Ủy ban KH,CN&MT", UNK),
    ("3260-KH/ĐĐQH15", "UBTVQH", "Ủy ban Thường vụ Quốc hội", "tw/uy-ban-thuong-vu-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "các đại biểu Quốc hội", "các đại biểu Quốc hội", GEN),
    ("3260-KH/ĐĐQH15", "Thường trực Ủy ban KH,CN&MT của Quốc hội", "Thường trực Ủy ban KH,CN&MT của Quốc hội", UNK),
    ("3260-KH/ĐĐQH15", "Ủy ban KH,CN&MT", "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội", "tw/uy-ban-khcnmt"),
    ("3260-KH/ĐĐQH15", "Hội đồng Dân tộc", "Hội đồng Dân tộc", "tw/hoi-dong-dan-toc"),
    ("3260-KH/ĐĐQH15", "các Ủy ban của Quốc hội", "Các Ủy ban của Quốc hội", "tw/nhom/uy-ban-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "Văn phòng Quốc hội", "Văn phòng Quốc hội", "tw/van-phong-quoc-hoi"),
    ("3260-KH/ĐĐQH15", "các cơ quan thuộc UBTVQH", "các cơ quan thuộc UBTVQH", GEN),
    ("3260-KH/ĐĐQH15", "Văn phòng Đảng đoàn Quốc hội", "Văn phòng Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi/van-phong"),
    ("3260-KH/ĐĐQH15", "VPĐĐQH", "Văn phòng Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi/van-phong"),
    # 03/NQ-CP
    ("03/NQ-CP", "Bộ Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông", "tw/bo-thong-tin-truyen-thong"),
    ("03/NQ-CP", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "tw/ban-tuyen-giao"),
    ("03/NQ-CP", "các bộ, ngành, địa phương", "các bộ, ngành, địa phương", GEN),
    ("03/NQ-CP", "Các bộ, ngành, địa phương", "Các bộ, ngành, địa phương", GEN),
    ("03/NQ-CP", "các bộ, ngành và địa phương", "các bộ, ngành và địa phương", GEN),
    ("03/NQ-CP", "VTV", "Đài Truyền hình Việt Nam", "tw/vtv"),
    ("03/NQ-CP", "VOV", "Đài Tiếng nói Việt Nam", "tw/vov"),
    ("03/NQ-CP", "TTXVN", "Thông tấn xã Việt Nam", "tw/ttxvn"),
    ("03/NQ-CP", "Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", "tw/bo-khoa-hoc-cong-nghe"),
    ("03/NQ-CP", "Bộ Công an", "Bộ Công an", "tw/bo-cong-an"),
    ("03/NQ-CP", "Bộ Nội vụ", "Bộ Nội vụ", "tw/bo-noi-vu"),
    ("03/NQ-CP", "Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", "tw/bo-ke-hoach-dau-tu"),
    ("03/NQ-CP", "Bộ Tài chính", "Bộ Tài chính", "tw/bo-tai-chinh"),
    ("03/NQ-CP", "Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội", "tw/bo-lao-dong-tbxh"),
    ("03/NQ-CP", "Thanh tra Chính phủ", "Thanh tra Chính phủ", "tw/thanh-tra-chinh-phu"),
    ("03/NQ-CP", "Bộ Quốc phòng", "Bộ Quốc phòng", "tw/bo-quoc-phong"),
    ("03/NQ-CP", "Bộ Tài nguyên và Môi trường", "Bộ Tài nguyên và Môi trường", "tw/bo-tai-nguyen-moi-truong"),
    ("03/NQ-CP", "Bộ Giao thông vận tải", "Bộ Giao thông vận tải", "tw/bo-giao-thong-van-tai"),
    ("03/NQ-CP", "Ngân hàng nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam", "tw/ngan-hang-nha-nuoc"),
    ("03/NQ-CP", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Phát triển nông thôn", "tw/bo-nong-nghiep-ptnt"),
    ("03/NQ-CP", "Bộ Y tế", "Bộ Y tế", "tw/bo-y-te"),
    ("03/NQ-CP", "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "tw/nhom/bo-nganh"),
    ("03/NQ-CP", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "tw/nhom/ubnd-cac-tinh"),
    # 402-CV/VPĐU
    ("402-CV/VPĐU", "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Chính phủ (Kính gửi)", "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Chính phủ (Kính gửi)", GEN),
    ("402-CV/VPĐU", "Văn phòng Trung ương Đảng", "Văn phòng Trung ương Đảng", "tw/van-phong"),
    ("402-CV/VPĐU", "Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", "tw/bo-khoa-hoc-cong-nghe"),
    ("402-CV/VPĐU", "Bộ KH&CN", "Bộ Khoa học và Công nghệ", "tw/bo-khoa-hoc-cong-nghe"),
    ("402-CV/VPĐU", "Văn phòng Đảng ủy Chính phủ", "Văn phòng Đảng ủy Chính phủ", "tw/dang-uy-chinh-phu/van-phong"),
    ("402-CV/VPĐU", "VPĐUCP", "Văn phòng Đảng ủy Chính phủ", "tw/dang-uy-chinh-phu/van-phong"),
    ("402-CV/VPĐU", "Ban Thường vụ Đảng ủy Chính phủ", "Ban Thường vụ Đảng ủy Chính phủ", "tw/dang-uy-chinh-phu/ban-thuong-vu"),
    # 69-KL/TW
    ("69-KL/TW", "Các tỉnh uỷ, thành uỷ", "Các tỉnh ủy, thành ủy trực thuộc Trung ương", "tw/nhom/tinh-uy-thanh-uy"),
    ("69-KL/TW", "ban đảng", "Các ban đảng Trung ương", "tw/nhom/ban-dang"),
    ("69-KL/TW", "ban cán sự đảng", "Các ban cán sự đảng trực thuộc Trung ương", "tw/nhom/ban-can-su-dang"),
    ("69-KL/TW", "đảng đoàn", "Các đảng đoàn trực thuộc Trung ương", "tw/nhom/dang-doan"),
    ("69-KL/TW", "đảng uỷ trực thuộc Trung ương", "Các đảng ủy trực thuộc Trung ương", "tw/nhom/dang-uy-truc-thuoc"),
    ("69-KL/TW", "Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi"),
    ("69-KL/TW", "Ban cán sự đảng Chính phủ", "Ban cán sự đảng Chính phủ", "tw/ban-can-su-dang-chinh-phu"),
    ("69-KL/TW", "Đảng đoàn Mặt trận Tổ quốc Việt Nam", "Đảng đoàn Mặt trận Tổ quốc Việt Nam", "tw/dang-doan-mttq"),
    ("69-KL/TW", "các tổ chức chính trị - xã hội", "Các tổ chức chính trị - xã hội ở Trung ương", "tw/nhom/to-chuc-ct-xh"),
    ("69-KL/TW", "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "tw/trung-uong-doan/ban-bi-thu"),
    ("69-KL/TW", "hội quần chúng", "hội quần chúng", GEN),
    ("69-KL/TW", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "tw/ban-tuyen-giao"),
    ("69-KL/TW", "các cơ quan liên quan", "các cơ quan liên quan", GEN),
    ("69-KL/TW", "Ban Bí thư", "Ban Bí thư", "tw/ban-bi-thu"),
    ("69-KL/TW", "Ban Chấp hành Trung ương Đảng khóa XI", "Ban Chấp hành Trung ương Đảng khóa XI", "tw/bch"),
    # 20-NQ/TW
    ("20-NQ/TW", "Các cấp uỷ đảng", "Các cấp uỷ đảng", GEN),
    ("20-NQ/TW", "Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội", "tw/dang-doan-quoc-hoi"),
    ("20-NQ/TW", "Ban cán sự đảng Chính phủ", "Ban cán sự đảng Chính phủ", "tw/ban-can-su-dang-chinh-phu"),
    ("20-NQ/TW", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "tw/ban-tuyen-giao"),
    # 13/CT-TTg
    ("13/CT-TTg", "Bộ Công Thương", "Bộ Công Thương", "tw/bo-cong-thuong"),
    ("13/CT-TTg", "Bộ Giao thông vận tải", "Bộ Giao thông vận tải", "tw/bo-giao-thong-van-tai"),
    ("13/CT-TTg", "Bộ Xây dựng", "Bộ Xây dựng", "tw/bo-xay-dung"),
    ("13/CT-TTg", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Phát triển nông thôn", "tw/bo-nong-nghiep-ptnt"),
    ("13/CT-TTg", "Bộ Tài nguyên và Môi trường", "Bộ Tài nguyên và Môi trường", "tw/bo-tai-nguyen-moi-truong"),
    ("13/CT-TTg", "Bộ Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông", "tw/bo-thong-tin-truyen-thong"),
    ("13/CT-TTg", "các cơ quan thông tấn, báo chí", "các cơ quan thông tấn, báo chí", GEN),
    ("13/CT-TTg", "các Bộ, cơ quan liên quan", "các Bộ, cơ quan liên quan", GEN),
    ("13/CT-TTg", "các bộ, cơ quan liên quan", "các bộ, cơ quan liên quan", GEN),
    ("13/CT-TTg", "các cơ quan liên quan", "các cơ quan liên quan", GEN),
    ("13/CT-TTg", "các địa phương có rừng", "các địa phương có rừng", GEN),
    ("13/CT-TTg", "Bộ Tài chính", "Bộ Tài chính", "tw/bo-tai-chinh"),
    ("13/CT-TTg", "Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "tw/nhom/ubnd-cac-tinh"),
    ("13/CT-TTg", "các Bộ, ngành liên quan", "các Bộ, ngành liên quan", GEN),
    ("13/CT-TTg", "Văn phòng Chính phủ", "Văn phòng Chính phủ", "tw/van-phong-chinh-phu"),
    # 09/KH-BTNMT: the ministry's own units answer to their short names inside its documents
    ("09/KH-BTNMT", "Bộ Tài nguyên và Môi trường", "Bộ Tài nguyên và Môi trường", "tw/bo-tai-nguyen-moi-truong"),
    ("09/KH-BTNMT", "các Bộ, cơ quan liên quan", "các Bộ, cơ quan liên quan", GEN),
    ("09/KH-BTNMT", "Cục Biến đổi khí hậu", "Cục Biến đổi khí hậu Bộ Tài nguyên và Môi trường", "tw/btnmt/cuc-bien-doi-khi-hau"),
    ("09/KH-BTNMT", "Cục Kiểm soát ô nhiễm môi trường", "Cục Kiểm soát ô nhiễm môi trường Bộ Tài nguyên và Môi trường", "tw/btnmt/cuc-kiem-soat-o-nhiem"),
    ("09/KH-BTNMT", "Vụ Môi trường", "Vụ Môi trường Bộ Tài nguyên và Môi trường", "tw/btnmt/vu-moi-truong"),
    ("09/KH-BTNMT", "Cục Viễn thám quốc gia", "Cục Viễn thám quốc gia Bộ Tài nguyên và Môi trường", "tw/btnmt/cuc-vien-tham"),
    ("09/KH-BTNMT", "Cục Bảo tồn thiên nhiên và Đa dạng sinh học", "Cục Bảo tồn thiên nhiên và Đa dạng sinh học Bộ Tài nguyên và Môi trường", "tw/btnmt/cuc-bao-ton-thien-nhien"),
    ("09/KH-BTNMT", "cơ quan chuyên môn thuộc Bộ Nông nghiệp và Phát triển nông thôn", "cơ quan chuyên môn thuộc Bộ Nông nghiệp và Phát triển nông thôn", GEN),
    ("09/KH-BTNMT", "các địa phương có rừng", "các địa phương có rừng", GEN),
    ("09/KH-BTNMT", "Vụ Kế hoạch - Tài chính", "Vụ Kế hoạch - Tài chính Bộ Tài nguyên và Môi trường", "tw/btnmt/vu-ke-hoach-tai-chinh"),
    ("09/KH-BTNMT", "Vu Kế hoạch - Tài chính", "Vụ Kế hoạch - Tài chính Bộ Tài nguyên và Môi trường", "tw/btnmt/vu-ke-hoach-tai-chinh"),
    ("09/KH-BTNMT", "Vụ Pháp chế", "Vụ Pháp chế Bộ Tài nguyên và Môi trường", "tw/btnmt/vu-phap-che"),
    ("09/KH-BTNMT", "các đơn vị có liên quan thuộc Bộ TN&MT", "các đơn vị có liên quan thuộc Bộ TN&MT", GEN),
    ("09/KH-BTNMT", "Bộ trưởng Bộ Tài nguyên và Môi trường", "Bộ trưởng Bộ Tài nguyên và Môi trường", UNK),
    ("09/KH-BTNMT", "Viện Chiến lược, Chính sách TN&MT", "Viện Chiến lược, Chính sách tài nguyên và môi trường", "tw/btnmt/vien-chien-luoc"),
    # the other provinces' top bodies
    ("CTr Lâm Đồng", "Tỉnh ủy", "Tỉnh ủy Lâm Đồng", "lam-dong/tinh-uy"),
    ("1902/KH-UBND", "UBND tỉnh Phú Thọ", "Ủy ban nhân dân tỉnh Phú Thọ", "phu-tho/ubnd"),
    ("1902/KH-UBND", "Tỉnh ủy Phú Thọ", "Tỉnh ủy Phú Thọ", "phu-tho/tinh-uy"),
    ("1902/KH-UBND", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy Phú Thọ", UNK),
    ("22/KH-UBND", "Ủy ban nhân dân (UBND) tỉnh", "Ủy ban nhân dân tỉnh Sơn La", "son-la/ubnd"),
]  # fmt: skip


# Lists of names inside one name: each known or generic part is resolved on its own.
LISTS: list[tuple[str, str, list[str]]] = [
    ("80-KH/ĐUK", "Ban Thường vụ Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy và Ban Thường vụ Tỉnh ủy",
     [f"Ban Thường vụ Tỉnh ủy {BD}", f"Ban Tuyên giáo Tỉnh ủy {BD}", f"Ban Thường vụ Tỉnh ủy {BD}"]),
    ("60-KH/TU", "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy",
     [f"Các đảng đoàn tỉnh {BD}", f"Các ban cán sự đảng tỉnh {BD}", f"Các huyện ủy, thị ủy, thành ủy tỉnh {BD}",
      f"Các đảng ủy trực thuộc Tỉnh ủy {BD}"]),
    ("60-KH/TU", "Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy và các cơ quan liên quan",
     [f"Ủy ban Kiểm tra Tỉnh ủy {BD}", f"Ban Nội chính Tỉnh ủy {BD}", "các cơ quan liên quan"]),
    ("20-NQ/TW", "các ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương",
     ["Các ban đảng Trung ương", "Các ban cán sự đảng trực thuộc Trung ương", "Các đảng đoàn trực thuộc Trung ương",
      "Các đảng ủy trực thuộc Trung ương"]),
    ("3260-KH/ĐĐQH15", "VPTW, VPCP, VPQH", ["Văn phòng Trung ương Đảng", "Văn phòng Chính phủ", "Văn phòng Quốc hội"]),
    ("03/NQ-CP", "Văn phòng Trung ương và các Ban của Đảng", ["Văn phòng Trung ương Đảng", "Các ban đảng Trung ương"]),
    ("03/NQ-CP", "Thủ tướng, các Phó Thủ tướng Chính phủ", ["Thủ tướng Chính phủ", "các Phó Thủ tướng Chính phủ"]),
    # a part the gazetteer does not know keeps the whole as written
    ("57-NQ/TW", "Ban Tuyên giáo Trung ương, Hội Nhà báo Việt Nam", ["Ban Tuyên giáo Trung ương, Hội Nhà báo Việt Nam"]),
    ("09/KH-BTNMT", "Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu",
     ["Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu"]),
]  # fmt: skip


@pytest.mark.parametrize(("doc", "text", "names"), LISTS, ids=[f"{d}|{t[:30]}" for d, t, _ in LISTS])
def test_list_of_names(g: Gazetteer, contexts: dict[str, Context], doc: str, text: str, names: list[str]) -> None:
    assert [r.name for r in resolve_name(text, contexts[doc], g)] == names
    assert len(resolve_name(text, contexts[doc], g, as_list=False)) == 1  # single-valued fields are never split


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def contexts(g: Gazetteer) -> dict[str, Context]:
    return {doc: document_context(DocumentRecord("x", "0", **fields), g) for doc, fields in HEADERS.items()}


@pytest.mark.parametrize(("doc", "text", "name", "uid"), TABLE, ids=[f"{d}|{t}" for d, t, _, _ in TABLE])
def test_name_in_context(
    g: Gazetteer, contexts: dict[str, Context], doc: str, text: str, name: str, uid: str | None
) -> None:
    (found,) = resolve_name(text, contexts[doc], g)
    assert found.name == name
    if uid == GEN:
        assert (found.resolved, found.kind) == (False, GENERIC)
    elif uid is UNK:
        assert not found.resolved and found.uid.startswith("unresolved:") and found.kind != GENERIC
    else:
        assert (found.resolved, found.uid) == (True, uid)


def _gold_names(obj: Any, keys: set[str]) -> list[str]:
    """Every string under one of ``keys`` anywhere in a gold document (a list's strings too)."""
    if isinstance(obj, dict):
        out = []
        for k, v in obj.items():
            if k in keys:
                out += (
                    [v]
                    if isinstance(v, str)
                    else [x for x in v if isinstance(x, str)]
                    if isinstance(v, list)
                    else []
                )
            else:
                out += _gold_names(v, keys)
        return out
    return [n for v in obj for n in _gold_names(v, keys)] if isinstance(obj, list) else []


SEED_KEYS = {"lead", "coordinate", "reports_to", "organ", "filed_by", "from_units", "submit_to", "via", "issuer",
             "party_unit", "by", "recipients_report_to"}  # fmt: skip
CORPUS_KEYS = {"lead", "coordinate", "reports_to"}


def _gold_pairs() -> list[tuple[str, str]]:
    pairs = set()
    for gold_file, keys in (("seeds.json", SEED_KEYS), ("corpus.json", CORPUS_KEYS)):
        for d in gold(gold_file.removesuffix(".json"))["documents"]:
            pairs |= {(FILES[d["file"]], n) for n in _gold_names(d, keys) if "(of " not in n}
    return sorted(pairs)


def test_every_gold_organ_name_resolves_as_the_gold_says(g: Gazetteer, contexts: dict[str, Context]) -> None:
    """Gold names are canonical already (seeds) or as printed (corpus): each resolves to what the table says."""
    table = {(doc, text): [name] for doc, text, name, _ in TABLE} | {(doc, t): n for doc, t, n in LISTS}
    for doc, gold_name in _gold_pairs():
        found = resolve_name(gold_name, contexts[doc], g)
        if (doc, gold_name) in table:
            assert [r.name for r in found] == table[doc, gold_name], (doc, gold_name)
        elif found and found[0].resolved:  # a canonical name reads as itself
            assert [r.name for r in found] == [gold_name] or g.find(gold_name, contexts[doc]), (doc, gold_name)
        else:
            pytest.fail(f"{doc}: gold name {gold_name!r} is neither in TABLE nor resolved")


# --- whole records ---------------------------------------------------------------------------------------------


def _record_80() -> DocumentRecord:
    """80-KH/ĐUK as the extractors hand it over: names as printed."""
    return DocumentRecord(
        "data/documents/000_a85277af82c186c2.txt",
        "0" * 64,
        number="80-KH/ĐUK",
        **HEADERS["80-KH/ĐUK"],
        implements=(Citation("60-KH/TU", "KH", "2023-05-24", "Ban Thường vụ Tỉnh ủy"),),
        tasks=(
            TaskRecord("II.1.p1", "…", lead=("Các cấp ủy cơ sở đảng trong Đảng bộ Khối",)),
            TaskRecord(
                "III.1",
                "…",
                lead=("Ban Tuyên giáo Đảng ủy Khối",),
                coordinate=("các Ban của Đảng ủy Khối",),
                reports_to=("Ban Thường vụ Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy và Ban Thường vụ Tỉnh ủy",),
            ),
            TaskRecord("III.2", "…", lead=("Các cấp ủy chi, đảng bộ cơ sở",), deadline="2023-07-30"),
        ),
        subplan_requirements=(
            SubplanRequirement(
                "III.2",
                units=("Các cấp ủy chi, đảng bộ cơ sở",),
                deadline="2023-07-30",
                submit_to="Ban Thường vụ Đảng ủy Khối",
                via="Ban Tuyên giáo Đảng ủy Khối",
            ),
        ),
        recipients=(
            Recipient("Ban Thường vụ Tỉnh ủy (b/c)", ("Ban Thường vụ Tỉnh ủy",), "báo cáo"),
            Recipient("Các ban ĐUK; Đoàn Khối", ("Các ban ĐUK", "Đoàn Khối")),
            Recipient("Website ĐUK", ("Website ĐUK",)),
            Recipient("Lưu VP, BTGĐUK", ("VP", "BTGĐUK"), "lưu"),
        ),
    )


def test_record_80_resolves_as_the_gold_says(g: Gazetteer) -> None:
    record = _record_80()
    out = resolve_record(record, g)
    assert out.party_unit == DUK and out.issuer == f"Ban Thường vụ {DUK}"
    assert out.implements[0].issuer == f"Ban Thường vụ Tỉnh ủy {BD}"
    t = {x.path: x for x in out.tasks}
    assert t["II.1.p1"].lead == (f"Cấp ủy cơ sở đảng trực thuộc {DUK}",)
    assert t["III.1"].lead == (f"Ban Tuyên giáo {DUK}",) and t["III.1"].coordinate == (f"Các ban của {DUK}",)
    assert t["III.1"].reports_to == (f"Ban Thường vụ Tỉnh ủy {BD}", f"Ban Tuyên giáo Tỉnh ủy {BD}")
    sub = out.subplan_requirements[0]
    assert sub.units == (f"Chi bộ, đảng bộ cơ sở trực thuộc {DUK}",)
    assert (sub.submit_to, sub.via) == (f"Ban Thường vụ {DUK}", f"Ban Tuyên giáo {DUK}")
    assert [r.organs for r in out.recipients] == [
        (f"Ban Thường vụ Tỉnh ủy {BD}",),
        (f"Các ban của {DUK}", f"Đoàn Khối các cơ quan tỉnh {BD}"),
        ("Website ĐUK",),
        (f"Văn phòng {DUK}", f"Ban Tuyên giáo {DUK}"),
    ]
    refs = {r.name: r for r in out.organs}
    assert refs[f"Chi bộ, đảng bộ cơ sở trực thuộc {DUK}"].kind == "group"
    assert refs[f"Ban Tuyên giáo {DUK}"].uid == "binh-dinh/duk-cac-co-quan/ban-tuyen-giao"
    assert refs["Website ĐUK"].kind == GENERIC and not refs["Website ĐUK"].resolved
    names_used = {n for x in out.tasks for n in (*x.lead, *x.coordinate, *x.reports_to)}
    assert names_used | {out.issuer, out.party_unit, sub.via, sub.submit_to} <= set(refs)
    assert record == _record_80()  # the input is untouched
    assert resolve_record(out, g) == out  # canonical names read as themselves


def test_names_cut_at_commas_are_joined_again(g: Gazetteer) -> None:
    """A recipients splitter cuts at every comma; runs of pieces that read as one name are joined back."""
    lists = (
        ("Các huyện ủy", "thị ủy", "thành ủy"),
        ("Các sở", "ban", "ngành", "hội - đoàn thể tỉnh"),
        ("các cơ quan liên quan", "Ban Tổ chức Tỉnh ủy"),
        ("Các cấp ủy", "các tổ chức đảng", "Mặt trận Tổ quốc Việt Nam"),
    )
    record = DocumentRecord(
        "x", "0", **HEADERS["60-KH/TU"], recipients=tuple(Recipient(", ".join(o), o) for o in lists)
    )
    assert [r.organs for r in resolve_record(record, g).recipients] == [
        (f"Các huyện ủy, thị ủy, thành ủy tỉnh {BD}",),
        ("Các sở, ban, ngành, hội - đoàn thể tỉnh",),
        ("các cơ quan liên quan", f"Ban Tổ chức Tỉnh ủy {BD}"),
        ("Các cấp ủy", "các tổ chức đảng", "Mặt trận Tổ quốc Việt Nam"),
    ]
    chi = replace(_record_80(), recipients=(Recipient("Chi, đảng bộ cơ sở", ("Chi", "đảng bộ cơ sở")),))
    assert resolve_record(chi, g).recipients[0].organs == (f"Chi bộ, đảng bộ cơ sở trực thuộc {DUK}",)


def test_received_stamp_and_completion_in_60(g: Gazetteer) -> None:
    record = DocumentRecord(
        "x",
        "0",
        **HEADERS["60-KH/TU"],
        received=Received("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", "6825", "2023-06-09"),
        tasks=(TaskRecord("III.8.p2", "…", lead=("Ủy ban Kiểm tra Tỉnh ủy",), coordinate=("Sở Tư pháp",)),),
    )
    out = resolve_record(record, g)
    assert out.received is not None and out.received.by == f"Sở Nội vụ tỉnh {BD}"
    assert out.tasks[0].coordinate == (f"Sở Tư pháp tỉnh {BD}",)
    ref = next(r for r in out.organs if r.name == f"Sở Tư pháp tỉnh {BD}")
    assert (ref.resolved, ref.uid, ref.scope) == (
        False,
        "unresolved:binh-dinh:so-tu-phap-tinh-binh-dinh",
        "binh-dinh",
    )


@pytest.mark.parametrize(
    "header",
    [
        dict(scope="binh-dinh", issuer="Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định"),
        dict(party_unit="Đảng ủy Khối các cơ quan tỉnh Bình Định", issuer="Ban Thường vụ"),
        dict(scope="binh-dinh", upper_body="ĐẢNG BỘ TỈNH BÌNH ĐỊNH", party_unit="ĐẢNG ỦY KHỐI CÁC CƠ QUAN"),
    ],
)
def test_context_from_any_usable_header(g: Gazetteer, header: dict[str, Any]) -> None:
    ctx = document_context(DocumentRecord("x", "0", **header), g)
    assert ctx.scope == "binh-dinh" and "binh-dinh/duk-cac-co-quan" in ctx.chain
    assert resolve_name("Ban Tuyên giáo", ctx, g)[0].uid == "binh-dinh/duk-cac-co-quan/ban-tuyen-giao"


def test_validity_at_the_document_date(g: Gazetteer) -> None:
    def ctx(day: str) -> Context:
        return document_context(DocumentRecord("x", "0", scope="binh-dinh", date=day), g)

    (early,) = resolve_name("Ban Tuyên giáo Tỉnh ủy", ctx("2023-05-24"), g)
    assert early.uid == "binh-dinh/ban-tuyen-giao-tinh-uy" and early.warning is None
    (late,) = resolve_name("Ban Tuyên giáo Tỉnh ủy", ctx("2025-04-01"), g)  # merged on 7 Feb 2025
    assert late.uid == early.uid and "did not exist on 2025-04-01" in (late.warning or "")
    (merged,) = resolve_name("Ban Tuyên giáo và Dân vận Tỉnh ủy", ctx("2025-04-01"), g)
    assert merged.uid == "binh-dinh/ban-tuyen-giao-va-dan-van-tinh-uy" and merged.warning is None
    (gone,) = resolve_name("các huyện ủy, thị ủy, thành ủy", ctx("2025-08-01"), g)
    assert "no member" in (gone.warning or "")


def test_fuzzy_reads_ocr_damage_but_never_a_different_organ(g: Gazetteer, contexts: dict[str, Context]) -> None:
    (ocr,) = resolve_name("Ban Tuyen giao Tinh uv", contexts["60-KH/TU"], g)
    assert (
        ocr.uid == "binh-dinh/ban-tuyen-giao-tinh-uy" and ocr.method == "fuzzy" and "fuzzy" in (ocr.warning or "")
    )
    for text in (
        "Ban Tuyên giáo Huyện ủy",
        "Ban Chấp hành Trung ương Đảng khóa XIIII",
        "Hội Nông dân tỉnh Bình Dương",
    ):
        assert not resolve_name(text, contexts["60-KH/TU"], g)[0].resolved, text


def test_ambiguous_names_stay_unresolved(tmp_path: Path) -> None:
    from loaders.organs.gazetteer import default_path, read_gazetteer

    for name in ("schema.json", "scopes.yaml", "rules.yaml"):
        (tmp_path / name).write_bytes((default_path() / name).read_bytes())
    (tmp_path / "two.yaml").write_text(
        "defaults: {scope: binh-dinh}\norgans:\n"
        "  - {uid: binh-dinh/a, name: Ban A tỉnh Bình Định, kind: commission, aliases: [Ban Chung]}\n"
        "  - {uid: binh-dinh/b, name: Ban B tỉnh Bình Định, kind: commission, aliases: [Ban Chung]}\n",
        encoding="utf-8",
    )
    small = read_gazetteer(tmp_path)
    (found,) = resolve_name("Ban Chung", Context(scope="binh-dinh"), small)
    assert not found.resolved and found.method == "ambiguous" and "Ban A" in (found.warning or "")


def test_group_expander_for_the_graph_builder(g: Gazetteer) -> None:
    expand = group_expander(g)
    units = expand("binh-dinh/nhom/huyen-thi-thanh-uy", "2023-05-24")
    assert len(units) == 11 and all(u.resolved and u.kind == "party_committee" for u in units)
    assert expand("binh-dinh/nhom/huyen-thi-thanh-uy", "2025-08-01") == []
    assert expand("binh-dinh/duk-cac-co-quan/co-so", "2023-06-27") == []  # a collective: one row in the audit
    assert expand("no/such-group", None) == []


KIND_CHANGES = [
    ("so khoa hoc va cong nghe", "bo khoa hoc va cong nghe", False),
    ("ban tuyen giao trung uong", "bo tuyen giao trung uong", False),
    ("huyen uy dinh hoa", "tinh uy dinh hoa", False),
    ("dang uy quoc hoi", "dang doan quoc hoi", False),
    ("ban tuyen giao tinh uv", "ban tuyen giao tinh uy", True),  # OCR damage, same kind
]


@pytest.mark.parametrize(("text", "known", "accepted"), KIND_CHANGES)
def test_a_fuzzy_reading_never_changes_an_organs_kind_or_level(text: str, known: str, accepted: bool) -> None:
    from loaders.organs.index import _fuzzy_ok

    assert _fuzzy_ok(text, known) is accepted


def test_a_provinces_department_is_never_read_as_the_ministry(g: Gazetteer) -> None:
    ctx = Context(scope="binh-dinh")
    (found,) = resolve_name("Sở Khoa học và Công nghệ", ctx, g)
    assert found.name.startswith("Sở ") and "Bộ" not in found.name
