"""The vocabulary of organ names: one home for the words every stage uses to recognise, case and read organs.

Organ kinds (``ban``, ``bộ``, ``sở`` …), the committees named after a territory (``tỉnh ủy``, ``huyện ủy`` …),
the territorial units (``tỉnh``, ``xã`` …), proper names inside organ names (``Trung ương``, ``Bộ Chính trị``),
the organ abbreviations kept as printed (``UBND``) and the issuer codes of symbols that name a kind of committee
(``TU`` → ``Tỉnh ủy``). ``casing``, ``extract.header`` and ``extract.body.organ_phrases`` build their patterns from
these; the resolver's expansions of the abbreviations are data the user edits (``data/organs/rules.yaml``), and a
test checks that it expands every abbreviation listed here.

>>> "huyện ủy" in TERRITORIAL_COMMITTEES, ISSUER_CODE_KINDS["TU"]
(True, 'Tỉnh ủy')
"""

from __future__ import annotations

__all__ = [
    "ISSUER_CODE_KINDS",
    "ORGAN_ABBREVIATIONS",
    "ORGAN_KINDS",
    "PROPER_NAMES",
    "TERRITORIAL_COMMITTEES",
    "TERRITORIES",
]

# Proper names wherever they stand (lower case → cased); matched on whole words, longest first.
PROPER_NAMES = {
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
ORGAN_KINDS = (
    "ủy ban", "ban", "bộ", "sở", "cục", "tổng cục", "vụ", "văn phòng", "viện", "tòa án", "hội đồng",
    "đảng ủy", "đảng đoàn", "đảng bộ", "đoàn", "trung tâm", "học viện", "thanh tra", "khối", "hội",
)  # fmt: skip
# Party committees named after their territory (``Tỉnh ủy Bình Định``, ``các huyện ủy``).
TERRITORIAL_COMMITTEES = ("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy")
# Territorial units, followed by a place name (``tỉnh Bình Định``, ``thị xã An Nhơn``).
TERRITORIES = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
# Abbreviations of organs (or of words inside organ names) that are printed, and kept, in capitals.
ORGAN_ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ", "UBMTTQ", "TAND", "VKSND", "ĐBQH", "TNCS", "TW", "TƯ"})
# Issuer codes of a symbol (``60-KH/TU``) → the kind of committee they name.
ISSUER_CODE_KINDS = {
    "TU": "Tỉnh ủy",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ĐU": "Đảng ủy",
    "UBND": "Ủy ban nhân dân",
}
