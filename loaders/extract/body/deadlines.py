"""Deadlines: the date a task is due, or how often it recurs, from the words of a plan.

Two entry points, both pure:

- :func:`parse_deadline` reads a *phrase* that is nothing but a deadline: a task-table cell (``6/2025``,
  ``Quý II/2025``, ``2024 - 2025``, ``Thường xuyên``) or a trailing parenthesis (``Thực hiện từ năm 2023``).
- :func:`find_deadline` finds the deadline of a task *inside* its paragraph: a trailing parenthesis first,
  then a dated cue (``trước ngày 30/7/2023``), then a period cue (``hoàn thành trong Quý III năm 2024``),
  then an open period (``từ năm 2023``), then a recurrence (``định kỳ 6 tháng báo cáo``). Dates of cited
  documents (``Nghị quyết số 27-NQ/TW ngày 09/11/2022``, ``có hiệu lực từ ngày 01/7/2023``) carry no cue and
  are never taken.

A month, quarter or year is due on its last day; ``trước`` a period means the day before it starts
(``trước năm 2030`` → 2029-12-31). Recurring or open phrases give no date, only ``recurrence`` in a
canonical lower-case form (``thường xuyên``, ``hằng năm``, ``định kỳ 6 tháng``, ``từ năm 2023``,
``năm 2023 và các năm tiếp theo``). A day without a year takes ``year_hint`` (the document's year), rolled
to the next year when it would fall before ``not_before``.

>>> parse_deadline("Hoàn thành trong quý II/2023")
Deadline(date=datetime.date(2023, 6, 30), text='Hoàn thành trong quý II/2023', recurrence=None)
>>> find_deadline("… gửi về Ban Thường vụ (qua Ban Tuyên giáo) trước ngày 30/7/2023.").date
datetime.date(2023, 7, 30)
>>> find_deadline("… theo quy định (Thực hiện năm 2023 và các năm tiếp theo).").recurrence
'năm 2023 và các năm tiếp theo'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Deadline", "find_deadline", "parse_deadline"]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A due date and/or a recurrence, with the phrase as printed; false when it holds neither."""

    date: date | None = None
    text: str | None = None
    recurrence: str | None = None

    def __bool__(self) -> bool:
        return self.date is not None or self.recurrence is not None


_I = re.IGNORECASE
_Y = r"(?:19|20)\d{2}"
_Q = r"(?:IV|I{1,3}|[1-4])"
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_QUARTER_NUM = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# A period: a quarter (or several), a month, a range of years, a year. ``bare`` forms (``6/2025``, ``2025``)
# only count where the whole phrase is a deadline (a table cell), never inside running text.
# ``quí`` is an older spelling of ``quý``; ``Quí IV-2025`` joins quarter and year with a dash
_QUARTER = rf"qu[ýí]\s+(?P<qs>{_Q}(?:\s*(?:,|và|-)\s*(?:qu[ýí]\s+)?{_Q})*)\s*(?:/|-|năm)\s*(?P<qy>{_Y})"
_MONTH = rf"tháng\s+(?P<mm>\d{{1,2}})\s*(?:/|năm|-)\s*(?P<my>{_Y})"
_YEAR = rf"năm\s+(?P<yy>{_Y})"
_BARE_MONTH = rf"(?P<bm>\d{{1,2}})\s*[/.-]\s*(?P<by>{_Y})"
_BARE_YEARS = rf"(?:giai đoạn\s+)?(?P<y1>{_Y})\s*[-–—]\s*(?P<y2>{_Y})"
_BARE_YEAR = rf"(?P<y0>{_Y})"
# ``frong``/``(rong``: OCR's readings of ``trong`` (a scan's deadline must not be lost to one letter).
_CUE = r"(?P<cue>trong|[f(]rong|trước|cuối|đến hết|hoàn thành|xong)"
_DONE = r"(?:(?:thực hiện\s+)?(?:cơ bản\s+)?hoàn thành|xong)"

_PERIOD_IN_TEXT = re.compile(rf"(?:{_DONE}\s+)?{_CUE}\s+(?:{_QUARTER}|{_MONTH}|{_YEAR})", _I)
# What every period in running text holds: a cue, then a quarter, month or year. Searched first because it is
# several times cheaper than the whole pattern, which most paragraphs do not match.
_PERIOD_HINT = re.compile(r"(?:rong|trước|cuối|đến hết|hoàn thành|xong)\s+(?:qu[ýí]|tháng|năm)\s", _I)
# Every dated or open phrase has a digit (a day, a year): a paragraph without one has none of them.
_DIGIT = re.compile(r"\d")
_PERIOD_CELL = re.compile(
    rf"(?:{_CUE}\s+)?(?:{_QUARTER}|{_MONTH}|{_YEAR}|{_BARE_YEARS}|{_BARE_MONTH}|{_BARE_YEAR})", _I
)
_CELL_LEAD = re.compile(r"^(?:(?:thực hiện|hoàn thành|nhiệm vụ|dự kiến|cơ bản|thời gian|thời hạn)\s*:?\s+)+", _I)

_TIME = r"(?:\d{1,2}\s*(?:h|giờ)\s*(?:\d{2}\s*(?:phút\s*)?)?,?\s+)?"
_DAY = (
    r"(?:ngày\s+)?(?:(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})(?:\s+năm\s+(?P<ly>" + _Y + r"))?"
    r"|(?P<nd>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<nm>\d{1,2})(?:\s*(?P=sep)\s*(?P<ny>" + _Y + r"))?(?![\d/]))"
)
_DATED = re.compile(
    r"\b(?:trước|chậm nhất(?:\s+(?:là|vào|đến|trước))*|không quá|hạn chót(?:\s+là)?|hạn cuối(?:\s+là)?"
    r"|(?:hoàn thành|xong)(?:\s+(?:vào|đến|trong))?(?=\s+ngày\b))\s+" + _TIME + _DAY,
    _I,
)
_BARE_DAY = re.compile(r"^" + _DAY + r"$", _I)
_LEAD_VERB = re.compile(rf"(?:{_DONE}|\btrình|\bbáo cáo)\b[^,;.()]{{0,60}}$", _I)

_OPEN = re.compile(rf"(?:năm\s+)?({_Y})\s+và\s+(?:các|những)\s+năm\s+tiếp\s+theo", _I)
_OPEN_TAIL = re.compile(r"\s+và\s+(?:các|những)\s+năm\s+tiếp\s+theo", _I)
_FROM = re.compile(rf"\btừ\s+năm\s+({_Y})", _I)
_RECUR = re.compile(
    r"\b(?:thường xuyên|đột xuất"
    r"|định kỳ(?:\s+(?:(?:\d+|sáu|ba)\s+tháng|(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)))?"
    r"|(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm))\b",
    _I,
)
# In running text a frequency word counts at the start of a clause or before one of these verbs; elsewhere it
# describes a noun (``chương trình tuyên truyền thường xuyên``, ``kế hoạch công tác hằng năm``).
_RECUR_VERBS = (
    "theo dõi", "kiểm tra", "đôn đốc", "rà soát", "báo cáo", "cập nhật", "giám sát", "nắm", "tổ chức",
    "thực hiện", "hướng dẫn", "đánh giá", "sơ kết", "tổng kết", "đo lường", "công bố", "tổng hợp",
    "thanh tra", "phối hợp", "tuyên truyền", "tập huấn", "kiện toàn", "gửi", "trao đổi", "họp",
)  # fmt: skip
_NUMBER_WORDS = {"sáu": "6", "ba": "3"}


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clean(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).strip(" .;,:")


# --- periods ------------------------------------------------------------------------------------------


def _quarter_end(m: re.Match[str], before: bool) -> date:
    year = int(m.group("qy"))
    quarters = [_QUARTER_NUM[q.upper()] for q in re.findall(_Q, m.group("qs"), _I)]
    if before:
        first = min(quarters)
        return date(year - 1, 12, 31) if first == 1 else date(year, *_QUARTER_END[first - 1])
    return date(year, *_QUARTER_END[max(quarters)])


def _month_end(month: int, year: int, before: bool) -> date | None:
    if not 1 <= month <= 12:
        return None
    if before:
        return date(year - 1, 12, 31) if month == 1 else _last_day(year, month - 1)
    return _last_day(year, month)


def _period_date(m: re.Match[str]) -> date | None:
    """The due date a period match means; ``trước`` moves it to the end of the previous period."""
    groups = m.groupdict()
    before = (groups.get("cue") or "").lower() == "trước"
    if groups.get("qs"):
        return _quarter_end(m, before)
    if groups.get("mm") or groups.get("bm"):
        month, year = (groups["mm"], groups["my"]) if groups.get("mm") else (groups["bm"], groups["by"])
        return _month_end(int(month), int(year), before)
    if groups.get("y1"):
        return date(max(int(groups["y1"]), int(groups["y2"])), 12, 31)
    year = int(groups.get("yy") or groups["y0"])
    return date(year - 1, 12, 31) if before else date(year, 12, 31)


def _find_period(text: str) -> Deadline:
    if not _PERIOD_HINT.search(text):
        return Deadline()
    for m in _PERIOD_IN_TEXT.finditer(text):
        if _OPEN_TAIL.match(text, m.end()):
            continue  # ``trong năm 2023 và các năm tiếp theo`` is open-ended
        if (m.group("cue") or "").lower() == "đến hết" and not re.match(_DONE, m.group(0), _I):
            continue  # ``thí điểm đến hết năm 2025``, ``Đến hết năm 2030: …``: a period or a target
        if found := _period_date(m):
            return Deadline(found, _clean(m.group(0)), None)
    return Deadline()


# --- days ---------------------------------------------------------------------------------------------


def _day_date(m: re.Match[str], year_hint: int | None, not_before: date | None) -> date | None:
    g = m.groupdict()
    day, month, year = (g["ld"], g["lm"], g["ly"]) if g.get("ld") else (g["nd"], g["nm"], g["ny"])
    if year:
        return _safe_date(int(year), int(month), int(day))
    base = year_hint or (not_before.year if not_before else None)
    if base is None:
        return None
    found = _safe_date(base, int(month), int(day))
    if found and not_before and found < not_before:
        found = _safe_date(base + 1, int(month), int(day))
    return found


def _extend_left(text: str, start: int) -> int:
    """Include the verb that carries the cue: ``trình Chính phủ trước ngày …``, ``hoàn thành trước ngày …``."""
    m = _LEAD_VERB.search(text[:start])
    return m.start() if m else start


# A day without a year in a clause that repeats (``định kỳ trước ngày 01/6 hằng năm``, ``Báo cáo 6 tháng: …
# trước ngày 05/7``) is a day of every period, not one fixed day.
_REPEATS = re.compile(
    r"\b(?:định kỳ|(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)|(?:báo cáo\s+)?(?:6|sáu)\s+tháng(?!\s*(?:/|năm)\s*\d)"
    r"|báo cáo năm|mỗi năm|các năm)\b",
    _I,
)


def _repeat_of(clause: str) -> str:
    """The cadence a repeating clause states, the most specific first (``định kỳ 6 tháng`` over ``định kỳ``)."""
    found = [_canonical_recurrence(r.group(0)) for r in _RECUR.finditer(clause)]
    specific = [f for f in found if f not in ("định kỳ", "đột xuất")]
    if specific:
        return specific[0]
    if re.search(r"\b(?:6|sáu)\s+tháng\b", clause, _I):
        return "định kỳ 6 tháng"
    if re.search(r"\b(?:báo cáo năm|mỗi năm|các năm)\b", clause, _I):
        return "hằng năm"
    return found[0] if found else "định kỳ"


def _clause(text: str, m: re.Match[str]) -> str:
    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    end = text.find(".", m.end())
    return text[start : end if end >= 0 else len(text)]


def _find_dated(text: str, year_hint: int | None, not_before: date | None) -> Deadline:
    if not _DIGIT.search(text):
        return Deadline()
    for m in _DATED.finditer(text):
        g = m.groupdict()
        if not (g.get("ly") or g.get("ny")) and _REPEATS.search(clause := _clause(text, m)):
            return Deadline(None, _clean(clause)[:160], _repeat_of(clause))
        if found := _day_date(m, year_hint, not_before):
            return Deadline(found, _clean(text[_extend_left(text, m.start()) : m.end()]), None)
    return Deadline()


# --- recurrences --------------------------------------------------------------------------------------


def _canonical_recurrence(phrase: str) -> str:
    low = " ".join(phrase.lower().split()).replace("hàng ", "hằng ")
    for word, digit in _NUMBER_WORDS.items():
        low = low.replace(f"định kỳ {word} tháng", f"định kỳ {digit} tháng")
    return low


def _open_phrase(text: str) -> Deadline:
    """``năm 2023 và các năm tiếp theo`` / ``từ năm 2023``: open-ended, no due date."""
    if not _DIGIT.search(text):
        return Deadline()
    if m := _OPEN.search(text):
        return Deadline(None, _clean(m.group(0)), f"năm {m.group(1)} và các năm tiếp theo")
    if m := _FROM.search(text):
        return Deadline(None, _clean(m.group(0)), f"từ năm {m.group(1)}")
    return Deadline()


def _recurrence_counts(text: str, m: re.Match[str]) -> bool:
    # only the characters next to the match are looked at: copying the rest of a long paragraph at every
    # recurrence word made it quadratic
    before = text[max(0, m.start() - 40) : m.start()].rstrip()
    if not before or before[-1] in ",;:.(":
        return True
    return text[m.end() : m.end() + 80].lstrip(" ,").lower().startswith(_RECUR_VERBS)


def _find_recurrence(text: str, *, anywhere: bool) -> Deadline:
    """The last recurrence of ``text``: the reporting cadence closes a duty (``… ; định kỳ báo cáo``)."""
    found = Deadline()
    for m in _RECUR.finditer(text):
        if anywhere or _recurrence_counts(text, m):
            tail = re.match(r"\s+báo cáo\b", text[m.end() : m.end() + 40], _I)
            shown = text[m.start() : m.end() + (tail.end() if tail else 0)]
            found = Deadline(None, _clean(shown), _canonical_recurrence(m.group(0)))
    return found


# --- public -------------------------------------------------------------------------------------------


_NO_YEAR = re.compile(rf"(?:{_CUE}\s+)?(?:tháng\s+\d{{1,2}}|quý\s+{_Q}(?:\s*(?:,|và|-)\s*(?:quý\s+)?{_Q})*)", _I)


def _parse_cell(phrase: str, year_hint: int | None, not_before: date | None) -> Deadline:
    core = _CELL_LEAD.sub("", phrase).strip()
    if year_hint and _NO_YEAR.fullmatch(core):
        core = f"{core}/{year_hint}"  # ``Tháng 12``, ``Quý II`` in a table of the document's year
    if m := _PERIOD_CELL.fullmatch(core):
        found = _period_date(m)
        return Deadline(found, phrase, None) if found else Deadline()
    if m := _BARE_DAY.fullmatch(core):
        found = _day_date(m, year_hint, not_before)
        return Deadline(found, phrase, None) if found else Deadline()
    return Deadline()


def parse_deadline(text: str, *, year_hint: int | None = None, not_before: date | None = None) -> Deadline:
    """Read a phrase that is only a deadline (a table cell, a parenthesis); ``Deadline()`` (false) if none.

    >>> parse_deadline("2024 - 2025").date
    datetime.date(2025, 12, 31)
    >>> parse_deadline("Thường xuyên").recurrence
    'thường xuyên'
    >>> parse_deadline("trước ngày 15.8", year_hint=2023).date
    datetime.date(2023, 8, 15)
    """
    phrase = _clean(text)
    if not phrase:
        return Deadline()
    if opened := _open_phrase(phrase):
        return Deadline(None, phrase, opened.recurrence)
    if cell := _parse_cell(phrase, year_hint, not_before):
        return cell
    dated = _find_dated(phrase, year_hint, not_before) or _find_period(phrase)
    recurrence = _find_recurrence(phrase, anywhere=True)
    if dated or recurrence:
        return Deadline(dated.date, phrase, recurrence.recurrence)
    return Deadline()


_TRAILING_PAREN = re.compile(r"\(([^()]{2,120})\)\s*[.;,:]?\s*(?:\./\.)?\s*$")


def find_deadline(text: str, *, year_hint: int | None = None, not_before: date | None = None) -> Deadline:
    """The deadline of the task a paragraph states; ``Deadline()`` (false) when it states none.

    >>> find_deadline("Bộ Công Thương … báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024.").text
    'báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024'
    """
    if m := _TRAILING_PAREN.search(text.rstrip()):
        inner = parse_deadline(m.group(1), year_hint=year_hint, not_before=not_before)
        if inner:
            return inner
    dated = _find_dated(text, year_hint, not_before)
    if dated and dated.date is None:
        return dated  # a day of every period: recurring, no fixed day
    dated = dated or _find_period(text)
    recurrence = _find_recurrence(text, anywhere=False)
    if dated:
        return Deadline(dated.date, dated.text, recurrence.recurrence)
    return _open_phrase(text) or recurrence
