"""Names in headers and signatures: organ names out of capitals, signer titles, provinces and scopes.

Headers print organ names in capitals (``ĐẢNG ỦY KHỐI CÁC CƠ QUAN``); the record keeps them in the usual
Vietnamese casing (``Đảng ủy Khối các cơ quan``): the organ kind in lower case after its first letter, the
word naming its function capitalised (``Ban Tuyên giáo``, ``Bộ Tài nguyên và Môi trường``), proper nouns
(``Trung ương``, ``Chính phủ``) and place names capitalised.

>>> organ_case("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
'Ủy ban nhân dân tỉnh Phú Thọ'
>>> title_case("PHÓ Bí THƯ")
'Phó Bí thư'
>>> find_province("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH")
'Bình Định'
"""

from __future__ import annotations

import re

from graph.model import fold, slug

__all__ = [
    "CENTRAL",
    "PROVINCES",
    "TITLES",
    "find_province",
    "is_title",
    "modern_tones",
    "organ_case",
    "province_scope",
    "title_case",
]

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

# Proper names wherever they stand (lower case → cased); matched on whole words, longest first.
_PROPER = {
    "trung ương": "Trung ương",
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "nhà nước": "Nhà nước",
    "việt nam": "Việt Nam",
    "tổ quốc": "Tổ quốc",
    "mặt trận": "Mặt trận",
    "thủ tướng": "Thủ tướng",
    "chủ tịch": "Chủ tịch",
    "bộ chính trị": "Bộ Chính trị",
    "ban bí thư": "Ban Bí thư",
    "bí thư": "Bí thư",
    "cộng sản": "Cộng sản",
    "hồ chí minh": "Hồ Chí Minh",
    "ban cán sự đảng": "Ban cán sự đảng",
}
# Organ kinds: the kind stays lower case after its first letter, the next word is capitalised.
_KINDS = (
    "ủy ban", "ban", "bộ", "sở", "cục", "tổng cục", "vụ", "văn phòng", "viện", "tòa án", "hội đồng",
    "đảng ủy", "đảng đoàn", "đảng bộ", "đoàn", "trung tâm", "học viện", "thanh tra", "khối", "hội",
)  # fmt: skip
_WEAK_KINDS = {"hội", "đoàn", "khối", "vụ"}  # also ordinary words: capitalised only where a name is expected
# After these kinds the next words stay lower case (``Ủy ban nhân dân``, ``Đảng ủy Khối các cơ quan``).
_LOWER_AFTER = ("nhân dân", "các", "chi bộ")
# Committees named after their territory (capitalised anywhere) and territorial units (lower case inside a
# name); both are followed by a place name.
_COMMITTEES = ("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy")
_TERRITORIES = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
_STOP = {"và", "của", "về", "tại", "các", "thuộc", "trực", "ở", "trên", "cơ", "quan"}
# Abbreviations kept as printed.
_ABBREVIATIONS = {"UBND", "HĐND", "MTTQ", "UBMTTQ", "TAND", "VKSND", "ĐBQH", "TNCS", "TW", "TƯ", "TP", "TP."}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _match(words: list[str], i: int, phrases: tuple[str, ...] | list[str]) -> int:
    """Length in words of the longest phrase of ``phrases`` starting at word ``i`` (0 when none)."""
    best = 0
    for phrase in phrases:
        parts = phrase.split()
        if words[i : i + len(parts)] == parts and len(parts) > best:
            best = len(parts)
    return best


def _kept_as_printed(word: str) -> bool:
    """Abbreviations (``UBND``, ``KHCN`` — no vowel) and roman numerals (``XIII``) keep their capitals."""
    bare = fold(word)
    return word in _ABBREVIATIONS or (
        len(word) > 1 and (bool(re.fullmatch(r"[IVXLC]+", word)) or not re.search(r"[aeiouy]", bare))
    )


def _place(words: list[str], out: list[str], i: int) -> int:
    """Capitalise a place name after a territorial kind (``tỉnh Bình Định``, ``Tỉnh ủy Bình Định``) ending at
    ``i``; the index after it."""
    while i < len(words) and words[i] not in _STOP and not _match(words, i, _KINDS):
        out[i] = _cap(words[i])
        i += 1
    return i


def organ_case(text: str) -> str:
    """An organ name printed in capitals → the name in ordinary casing (see the module docstring)."""
    printed = _words(modern_tones(text))
    words = [w.lower() for w in printed]
    out = list(words)
    i, capitalise_next, in_name = 0, True, False
    while i < len(words):
        if _kept_as_printed(printed[i]):
            out[i], i, capitalise_next = printed[i], i + 1, False
            continue
        if n := _match(words, i, list(_PROPER)):
            out[i : i + n] = _PROPER[" ".join(words[i : i + n])].split()
            i, capitalise_next, in_name = i + n, False, True
            continue
        committee = _match(words, i, _COMMITTEES)
        if committee or (n := _match(words, i, _TERRITORIES)):
            out[i] = _cap(out[i]) if committee or i == 0 else out[i]
            i, capitalise_next, in_name = _place(words, out, i + (committee or n)), False, False
            continue
        kind = _match(words, i, _KINDS)
        if words[i] == "đảng" and not kind:
            out[i], i, capitalise_next = "Đảng", i + 1, False
            continue
        if (capitalise_next or (kind and words[i] not in _WEAK_KINDS)) and words[i] not in _STOP:
            out[i] = _cap(words[i])
            in_name = in_name or capitalise_next
        step = max(kind, 1)
        if words[i] == "và":
            capitalise_next = in_name
        else:
            capitalise_next = bool(kind) and not _match(words, i + step, _LOWER_AFTER)
            in_name = in_name and not kind
        i += step
    return " ".join([_cap(out[0]), *out[1:]]) if out else ""


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


_OLD_TONE_PAIRS = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE_PAIRS) + r")(?![^\W\d_])", re.IGNORECASE)


def modern_tones(text: str) -> str:
    """Old tone placement at the end of a syllable → the modern one (``khoá`` → ``khóa``, ``uỷ`` → ``ủy``)."""

    def swap(m: re.Match[str]) -> str:
        old = m.group(1)
        new = _OLD_TONE_PAIRS[old.lower()]
        return new.upper() if old.isupper() else (_cap(new) if old[0].isupper() else new)

    return _OLD_TONE_RE.sub(swap, text)


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


CENTRAL = "tw"  # the scope of central Party and State bodies
