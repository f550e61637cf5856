"""Names for the generated cascade: the 63 provinces, place names for districts and communes, people.

Self-contained on purpose: the generator is the truth the parser is checked against, so it shares no code with
``loaders/``.

>>> slug("Huyện ủy Tân Phú")
'huyen-uy-tan-phu'
>>> province_word("Hà Nội"), province_word("Bắc Giang")
('thành phố', 'tỉnh')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["CITIES", "PROVINCES", "fold", "person", "place_names", "province_word", "slug"]

# Provinces and centrally governed cities before the 2025 merger.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
    "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Hồ Chí Minh", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"})

_FIRST = (
    "An", "Bình", "Tân", "Phước", "Hòa", "Vĩnh", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Hưng", "Quang",
    "Thuận", "Mỹ", "Phú", "Thanh", "Kim", "Ngọc", "Hồng", "Đức", "Lộc", "Xuân", "Hải", "Sơn", "Cẩm", "Diên",
)  # fmt: skip
_SECOND = (
    "Hiệp", "Lợi", "Thành", "Thịnh", "Hưng", "Khánh", "Phong", "Điền", "Mới", "Sơn", "Lạc", "Nghĩa", "Hậu",
    "Tiến", "Quới", "Trạch", "Lâm", "Dương", "Châu", "Cường", "Hà", "Minh", "Trường", "Vinh", "Tường", "Hội",
)  # fmt: skip
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Công", "Đình", "Thành")
_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Lộc", "Mai", "Nam",
    "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trung", "Tuấn", "Vinh", "Yến",
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case without diacritics (``đ`` → ``d``)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=100_000)
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def province_word(province: str) -> str:
    """``thành phố`` for the five centrally governed cities, else ``tỉnh``."""
    return "thành phố" if province in CITIES else "tỉnh"


_TAKEN = (*tuple(fold(p).replace(" - ", " ") for p in PROVINCES), "huyen", "thi", "thanh", "tinh", "xa")


def place_names() -> list[str]:
    """Every two-syllable place name the generator may use, in a fixed order, none containing a province name
    (the parser finds a document's province in its text)."""
    names = []
    for second in _SECOND:
        for first in _FIRST:
            if first == second:
                continue
            name = f"{first} {second}"
            folded = fold(name)
            if any(re.search(rf"\b{re.escape(p)}\b", folded) for p in _TAKEN):
                continue
            names.append(name)
    return names


def person(index: int) -> str:
    """A deterministic full name."""
    a, b = divmod(index, len(_GIVEN))
    c, d = divmod(a, len(_MIDDLE))
    return f"{_FAMILY[c % len(_FAMILY)]} {_MIDDLE[d]} {_GIVEN[b]}"
