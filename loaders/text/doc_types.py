"""Document types: the code in a symbol, the Vietnamese name, the graph label, and the words that name a type.

>>> DOC_TYPES["KH"].name_vi, DOC_TYPES["KH"].label
('Kế hoạch', 'Plan')
>>> TYPE_WORDS["chương trình hành động"]
'CTr'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DOC_TYPES", "TYPE_WORDS", "DocType"]


@dataclass(frozen=True, slots=True)
class DocType:
    """A document type: the abbreviation in the symbol, its Vietnamese name and its graph label."""

    code: str
    name_vi: str
    label: str


DOC_TYPES: dict[str, DocType] = {
    t.code: t
    for t in (
        DocType("NQ", "Nghị quyết", "Resolution"),
        DocType("KH", "Kế hoạch", "Plan"),
        DocType("CTr", "Chương trình", "Program"),
        DocType("CTHĐ", "Chương trình hành động", "Program"),
        DocType("CT", "Chỉ thị", "Directive"),
        DocType("KL", "Kết luận", "Conclusion"),
        DocType("QĐ", "Quyết định", "Decision"),
        DocType("QĐi", "Quy định", "Regulation"),
        DocType("QC", "Quy chế", "Regulation"),
        DocType("QyĐ", "Quy định", "Regulation"),
        DocType("HD", "Hướng dẫn", "Guidance"),
        DocType("TB", "Thông báo", "Notice"),
        DocType("TT", "Thông tri", "Notice"),
        DocType("BC", "Báo cáo", "Report"),
        DocType("CV", "Công văn", "Letter"),
        DocType("ĐA", "Đề án", "Program"),
        DocType("TTr", "Tờ trình", "Report"),
        DocType("Luật", "Luật", "Law"),
        DocType("NĐ", "Nghị định", "Decree"),
    )
}

# Names of document types as printed before "số" or on the type line (lower case) → type code.
TYPE_WORDS = {
    "chương trình hành động": "CTr",
    "nghị quyết": "NQ",
    "kế hoạch": "KH",
    "chương trình": "CTr",
    "chỉ thị": "CT",
    "kết luận": "KL",
    "quyết định": "QĐ",
    "quy định": "QĐi",
    "quy chế": "QC",
    "hướng dẫn": "HD",
    "thông báo": "TB",
    "thông tri": "TT",
    "báo cáo": "BC",
    "công văn": "CV",
    "văn bản": "CV",
    "đề án": "ĐA",
    "tờ trình": "TTr",
    "nghị định": "NĐ",
    "thông tư": "TT",
    "công điện": "CĐ",
    "bộ luật": "Luật",
    "luật": "Luật",
    "pháp lệnh": "PL",
}
