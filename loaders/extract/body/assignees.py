"""Who does a task: its lead and coordinating organs, whom it reports to, from the words of a sentence.

Pure functions of a sentence; organ names come from :mod:`loaders.extract.body.organ_phrases`. The subject of a
sentence leads (``Bộ Tài chính chủ trì …``, ``Các cấp ủy cơ sở đảng … tiếp tục …``, ``Đảng đoàn Quốc hội lãnh
đạo …``); ``X chủ trì, phối hợp với Y, Z`` and ``X phối hợp với Y tham mưu …`` make Y and Z coordinators; a
sentence without a subject (``Chủ trì, phối hợp với …``, ``Phối hợp với X …``) is led by the organ of its
assignee heading or lead-in, passed in as ``inherited``. ``báo cáo X``, ``tổng hợp báo cáo X và Y`` and
``gửi về X (qua Y)`` give the organs reported or submitted to, and the office in between.

>>> subject_organs("Ủy ban kiểm tra Đảng ủy Khối tham mưu Ban Thường vụ Đảng ủy Khối sửa đổi …")
('Ủy ban kiểm tra Đảng ủy Khối',)
>>> parse_assignment("Chủ trì, phối hợp với các cơ quan liên quan làm tốt công tác tham mưu …",
...                  Assignment(lead=("Ban Tổ chức Tỉnh ủy",))).lead
('Ban Tổ chức Tỉnh ủy',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.extract.body.organ_phrases import (
    group_names,
    scan_organs,
    split_organs,
    starts_with_verb,
    subject_spans,
    window,
)

__all__ = [
    "Assignment",
    "coordinate_organs",
    "heading_organs",
    "lead_in_organs",
    "mostly_capitals",
    "parse_assignment",
    "report_targets",
    "scan_organs",
    "split_organs",
    "subject_organs",
    "subject_text",
]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Roles in a task: lead and coordinating organs, whom it reports or submits to, and through whom."""

    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    reports_to: tuple[str, ...] = ()
    inherited: bool = False  # the lead comes from a heading or lead-in, not the sentence itself
    via: str | None = None
    submit_to: tuple[str, ...] = ()


def subject_organs(sentence: str) -> tuple[str, ...]:
    """The organs a sentence opens with (its subject)."""
    return group_names(subject_spans(sentence)[0])


def subject_text(sentence: str) -> str | None:
    """The words of a sentence's subject as printed (``Các đảng đoàn, ban cán sự đảng, …``), if any."""
    items, _ = subject_spans(sentence)
    return sentence[items[0].start : items[-1].end] if items else None


_LIST_OF_KIND = re.compile(r"^(?:Các|các)\s+(Bộ|Sở|Ban|Cục|Vụ|Viện|Tổng cục|Ủy ban|Văn phòng)\s*:\s*(.+)$")
# ``NHIỆM VỤ CHỦ YẾU CỦA BỘ …``: a part listing one organ's duties (not ``BÁO CÁO CỦA …``).
_OF_ORGAN = re.compile(
    r"^(?:CÁC\s+)?(?:NHIỆM VỤ|TRÁCH NHIỆM|PHÂN CÔNG)\b.*?\bCỦA\s+"
    r"((?:BAN|BỘ|SỞ|ỦY BAN|UBND|ĐẢNG|TỈNH ỦY|CỤC|VỤ|VIỆN|VĂN PHÒNG|CHÍNH PHỦ)\b.*)$"
)

# ``Nhiệm vụ và quyền hạn của Đoàn kiểm tra``, ``Trách nhiệm của các sở, ngành``: the duties of one organ follow.
_DUTIES_OF = re.compile(
    r"^(?:Các\s+)?(?:nhiệm vụ|trách nhiệm|quyền hạn)(?:\s*(?:,|và)\s*(?:nhiệm vụ|trách nhiệm|quyền hạn))*"
    r"(?:\s+cụ thể)?\s+của\s+",
    re.IGNORECASE,
)


def mostly_capitals(text: str) -> bool:
    """Headers and titles are printed in capitals."""
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters)


@lru_cache(maxsize=1024)
def heading_organs(heading: str) -> tuple[str, ...]:
    """Organs a heading or lead-in assigns the items under it to; ``()`` for a topic heading (kept: an item's
    text is read as a heading when its role is decided and again when it is written).

    ``Đảng đoàn Hội đồng nhân dân tỉnh``; ``Cục Biến đổi khí hậu có trách nhiệm:``; ``Các Bộ: Công Thương,
    Xây dựng:`` (the kind is distributed: ``Bộ Công Thương``, ``Bộ Xây dựng``); ``…, Đảng đoàn Quốc hội xác
    định các nhiệm vụ trọng tâm sau:``; in capitals ``NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG``.
    """
    text = heading.strip()
    if m := _LIST_OF_KIND.match(text):
        names = [n.strip(" :.") for n in re.split(r"[,;]\s*", m.group(2)) if n.strip(" :.")]
        return tuple(f"{m.group(1)} {n}" for n in names)
    if mostly_capitals(text):
        if m := _OF_ORGAN.match(text.upper()):
            name = m.group(1).strip(" .:")
            return (name[:1] + name[1:].lower(),)
        return ()
    if (m := _DUTIES_OF.match(text)) and (found := scan_organs(text, m.end()))[0]:
        tail = text[found[1] :].strip()
        named = found[0][0].text
        if tail in ("", ":", ".") or tail.endswith(":") or tail.lower().startswith(named.lower()):
            # ``Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra``, its title run into a paragraph that opens
            # with the same organ (``… Đoàn kiểm tra thực hiện nhiệm vụ …``)
            return group_names(found[0])
    charged = (m := _CHARGES.match(text) or _FOR.match(text)) and (found := scan_organs(text, m.end()))[0]
    if charged:
        # ``2. Giao Sở Xây dựng``, ``3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại …)``: the item's
        # paragraphs are their duties
        tail = _PARENTHESIS.sub("", text[found[1] :]).strip()
        if tail in ("", ":", "."):
            return group_names(found[0])
        one = found[0][0]
        if len(found[0]) == 1 and one.determiner and one.bare and _qualifies(tail):
            return (_PARENTHESIS.sub("", text[one.start :]).rstrip(" :."),)
    items, end = subject_spans(text)
    tail = text[end:].strip()
    if items and (
        tail in ("", ":", ".") or tail.endswith(":") or re.fullmatch(r"(?:có|chịu) trách nhiệm\s*[:.]?", tail)
    ):
        return group_names(items)
    if (
        items
        and items[0].determiner
        and re.match(r"(?:được|có liên quan|liên quan|thuộc|trực thuộc)\b", tail)
        and not text.rstrip().endswith((".", ";"))
    ):
        return group_names(items)  # ``Các cơ quan, tổ chức, đơn vị được giao quản lý …``: which ones, as a title
    if len(items) == 1 and items[0].determiner and items[0].bare and _qualifies(tail):
        return (text.rstrip(" :."),)  # ``Các sở quản lý nhà nước chuyên ngành về hạ tầng``
    return ()


def _qualifies(tail: str) -> bool:
    """The words after a bare collective (``Các sở …``) in a heading say which ones, not what they do: a short
    title with no sentence punctuation and no verb that hands out a duty."""
    words = tail.rstrip(" :").split()
    return (
        0 < len(words) <= 12
        and not re.search(r"[,;.]", tail.rstrip(" :."))
        and not re.match(r"(?:chủ trì|phối hợp|tham mưu|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai)\b",
                         tail.strip(), re.IGNORECASE)
    )  # fmt: skip


_WITH = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?\s+với\s+", re.IGNORECASE)


def _own_sentences(text: str) -> str:
    """The text up to the first later sentence that has a subject of its own (another organ's duty)."""
    for m in re.finditer(r"[.!?]\s+(?=\S)", text):
        # only the start of the next sentence is read: reading the rest of the paragraph at every sentence
        # was quadratic in the paragraph's length
        if text[m.end()].isupper() and subject_spans(window(text, m.end()))[0]:
            return text[: m.start()]
    return text


def coordinate_organs(text: str) -> tuple[str, ...]:
    """Organs named after ``phối hợp (chặt chẽ) với`` in the sentences of the task's own subject."""
    text = _own_sentences(text)
    found: list[str] = []
    for m in _WITH.finditer(text):
        items, _ = scan_organs(text, m.end(), lenient=True)
        found.extend(n for n in group_names(items) if n not in found)
    return tuple(found)


_REPORT = re.compile(
    r"\b(?P<verb>báo cáo|gửi)\b(?:\s*(?:,|và)\s*tham mưu)?"
    r"(?:\s+(?:kết quả|tình hình|việc)\b[^,;.()]{0,80}?(?=\s(?:với|về|lên|cho|đến)\s))?"
    r"\s*(?:với|về|lên|cho|đến)?\s*",
    re.IGNORECASE,
)
_VIA = re.compile(r"\s*\(\s*qua\s+([^)]+)\)")  # matched at a position, never on a copy of the rest


def report_targets(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """(reports_to, submit_to, via): organs after ``báo cáo``/``gửi (về)``; ``(qua X)`` names the office."""
    reports: list[str] = []
    submit: list[str] = []
    via: str | None = None
    for m in _REPORT.finditer(text):
        items, end = scan_organs(text, m.end())
        names = group_names(items)
        reports.extend(n for n in names if n not in reports)
        if names and m.group("verb").lower() == "gửi":
            submit.extend(n for n in names if n not in submit)
        if names and (v := _VIA.match(text, end)):
            via = v.group(1).strip()
    return tuple(reports), tuple(submit), via


_CHARGES = re.compile(r"\s*(?:kính\s+|trân trọng\s+)?(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+", re.IGNORECASE)


def _charged_organs(text: str, start: int) -> tuple[str, ...]:
    """``Giao Sở Tư pháp chủ trì …``, ``UBND tỉnh đề nghị Ủy ban MTTQ tỉnh phối hợp …``: the organ charged with
    the duty leads it, not the one that assigns it."""
    m = _CHARGES.match(text, start)
    if not m:
        return ()
    items, end = scan_organs(text, m.end())
    return group_names(items) if items and starts_with_verb(window(text, end)) else ()


_FOR = re.compile(r"\s*Đối với\s+", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_CHARGE_ANYWHERE = re.compile(r"\b(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+", re.IGNORECASE)


def lead_in_organs(text: str) -> tuple[str, ...]:
    """The organs a preamble's lead-in charges with the items after it (``Chủ tịch UBND tỉnh yêu cầu các sở,
    ban, ngành, địa phương … triển khai thực hiện các nội dung sau:``); ``()`` when it charges no one.

    >>> lead_in_organs("UBND tỉnh yêu cầu các sở, ban, ngành, địa phương nghiêm túc thực hiện các nội dung sau:")
    ('các sở, ban, ngành, địa phương',)
    """
    if not text.rstrip().endswith(":"):
        return ()
    text = _PARENTHESIS.sub("", text)  # ``các Bộ … (sau đây gọi là Bộ, cơ quan trung ương) và Ủy ban …``
    for m in reversed(list(_CHARGE_ANYWHERE.finditer(text))):
        items, end = scan_organs(text, m.end())
        if items and starts_with_verb(text[end:]):
            return group_names(items)
    return ()


# A duty introduced by whom it falls on, then a colon: ``Đối với đơn vị được kiểm tra: Chuẩn bị …``; a team
# member by name and post, ``Ông. Hoàng Văn Thuân - Trưởng đoàn: Phụ trách chung …``.
_LABELLED = re.compile(
    r"^(?:Đối với\s+(?P<organ>[^:;.]{2,80}?)|(?:Ông|Bà|Đồng chí|Đ/c)\s*[.:]?\s*(?P<person>[^:;]{3,80}?))\s*:\s+"
)
_PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*[-–,]\s*\S.*$")


def labelled_lead(text: str) -> str | None:
    """The organ or person a ``X: …`` label gives the duty to, if the label is only that.

    >>> labelled_lead("Ông. Đỗ Mạnh Cường - Phó Trưởng đoàn: Chủ trì, phụ trách việc kiểm tra …")
    'Đỗ Mạnh Cường - Phó Trưởng đoàn'
    """
    m = _LABELLED.match(text)
    if m is None:
        return None
    if person := m.group("person"):
        return " ".join(person.split()) if _PERSON.match(person.strip()) else None
    organ = m.group("organ").strip()
    items, end = scan_organs(organ, lenient=True)
    return organ if items and end >= len(organ) - 1 else None


_SECOND_ROLE = re.compile(r"\s*(?:phối hợp|tham gia|hỗ trợ|giúp)\b", re.IGNORECASE)


def _clause_subjects(text: str) -> tuple[str, ...]:
    """Organs that open a later ``;`` clause of the first sentence with a duty of their own: ``các sở … tổ chức
    thực hiện …; Ủy ban nhân dân các xã, phường căn cứ …, xây dựng kế hoạch …`` — each leads its share (a clause
    that only supports, ``; Sở Y phối hợp …``, does not lead)."""
    found: list[str] = []
    for clause in re.split(r";\s+", _own_sentences(text))[1:]:
        items, end = scan_organs(clause)
        duty = starts_with_verb(clause[end:]) and not _SECOND_ROLE.match(clause[end:])
        if items and clause[:1].isupper() and duty:
            found.extend(group_names(items))
    return tuple(found)


def parse_assignment(text: str, inherited: Assignment | None = None) -> Assignment:
    """Roles in a task paragraph. Its own subject leads (or the organ it charges: ``Giao X chủ trì``); without
    one (``Chủ trì, phối hợp với X …``, ``Phối hợp với X …``) the organ of its heading or lead-in leads
    (``inherited=True``) and X coordinates."""
    base = inherited or Assignment()
    items, end = subject_spans(text)
    subject = _charged_organs(text, end if items else 0) or group_names(items)
    if not subject and (label := labelled_lead(text)):
        subject = (label,)
    coordinate = tuple(c for c in coordinate_organs(text) if c not in subject)
    reports, submit, via = report_targets(_own_sentences(text))
    if subject:
        subject += tuple(n for n in _clause_subjects(text) if n not in subject and n not in coordinate)
        return Assignment(subject, coordinate, reports, False, via, submit)
    if not base.lead:
        return Assignment((), coordinate, reports, False, via, submit)
    if not coordinate and not re.match(r"(?:chủ trì|phối hợp)\b", text, re.IGNORECASE):
        coordinate = base.coordinate
    return Assignment(base.lead, coordinate, reports, True, via, submit)
