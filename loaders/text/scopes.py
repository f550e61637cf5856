"""Scopes: the territory whose bodies issue a document, as a slug (``binh-dinh``), and the one central scope.

>>> find_province("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH")
'Bình Định'
>>> province_scope("Bình Định")
'binh-dinh'
"""

from __future__ import annotations

import re

from loaders.text.folding import fold, slug

__all__ = ["CENTRAL_SCOPE", "PROVINCES", "find_province", "province_scope"]

CENTRAL_SCOPE = "tw"  # the scope of central Party and State bodies (``data/organs/scopes.yaml`` names it too)

# Provinces and centrally governed cities before the 2025 merger, and the one new name after it.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
    "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Hồ Chí Minh", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
)  # fmt: skip
_PROVINCE_BY_FOLD = {fold(p).replace(" - ", " "): p for p in PROVINCES}
_PROVINCE_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in _PROVINCE_BY_FOLD), key=len, reverse=True)) + r")\b"
)
_TERRITORY_CUE = re.compile(r"\b(?:tinh|thanh pho|tp\.?|tinh uy|thanh uy|dang bo tinh)\s+$")


def find_province(text: str, *, cue_required: bool = False) -> str | None:
    """The first province named in ``text`` (any casing, with or without diacritics).

    With ``cue_required`` only a name right after ``tỉnh``, ``thành phố`` or ``Tỉnh ủy`` counts. Only the
    first 2,000 characters are read: a province that names a document's scope comes early.
    """
    folded = fold(text[:2000]).replace(" - ", " ").replace("-", " ")
    for m in _PROVINCE_RE.finditer(folded):
        if cue_required and not _TERRITORY_CUE.search(folded[: m.start()]):
            continue
        return _PROVINCE_BY_FOLD[m.group(0)]
    return None


def province_scope(province: str | None) -> str | None:
    """Scope slug of a province: ``Bình Định`` → ``binh-dinh``."""
    return slug(province) if province else None
