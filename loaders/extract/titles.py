"""Signers' titles: printed in capitals, kept in their usual casing.

>>> title_case("PHÓ Bí THƯ")
'Phó Bí thư'
>>> is_title("PHÓ BÍ THƯ THƯỜNG TRỰC")
True
"""

from __future__ import annotations

from loaders.text.casing import organ_case
from loaders.text.folding import fold

__all__ = ["TITLES", "is_title", "title_case"]


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


# Signer titles: capitals → cased. ``PHÓ`` and ``TỔNG`` prefixes are handled by ``title_case``.
TITLES = {
    "bi thu": "Bí thư",
    "thu tuong": "Thủ tướng",
    "bo truong": "Bộ trưởng",
    "thu truong": "Thứ trưởng",
    "chu tich": "Chủ tịch",
    "chanh van phong": "Chánh Văn phòng",
    "truong ban": "Trưởng ban",
    "chu nhiem": "Chủ nhiệm",
    "giam doc": "Giám đốc",
    "cuc truong": "Cục trưởng",
    "vu truong": "Vụ trưởng",
    "vien truong": "Viện trưởng",
    "chanh an": "Chánh án",
    "chanh thanh tra": "Chánh Thanh tra",
    "tong cuc truong": "Tổng cục trưởng",
    "hieu truong": "Hiệu trưởng",
    "tong bi thu": "Tổng Bí thư",
    "uy vien": "Ủy viên",
    "thuong truc": "Thường trực",
}


def _title_head(key: str) -> tuple[str, str] | None:
    """(known title, rest) when the folded ``key`` starts with a known title: ``pho bi thu thuong truc``."""
    for prefix in ("", "pho ", "quyen "):
        if not key.startswith(prefix):
            continue
        for title in sorted(TITLES, key=len, reverse=True):
            head = prefix + title
            if key == head or key.startswith(head + " "):
                return head, key[len(head) :].strip()
    return None


def is_title(text: str) -> bool:
    """Whether ``text`` is a signer's title: a known one, possibly qualified (``PHÓ BÍ THƯ THƯỜNG TRỰC``)."""
    found = _title_head(fold(text).strip(" .,:"))
    return found is not None and len(found[1].split()) <= 3


def title_case(text: str) -> str:
    """A signer's title in capitals → its usual casing; unknown titles get a capital first letter only."""
    found = _title_head(fold(text).strip(" .,:"))
    if found is None:
        return _cap(" ".join(_words(text)).lower())
    head, rest = found
    words = _words(text)
    cased = []
    for prefix, value in (("pho ", "Phó"), ("quyen ", "Quyền")):
        if head.startswith(prefix):
            cased.append(value)
            head = head[len(prefix) :]
    cased.append(TITLES[head])
    if rest:
        cased.append(_cap(organ_case(" ".join(words[-len(rest.split()) :]))))
    return " ".join(cased)
