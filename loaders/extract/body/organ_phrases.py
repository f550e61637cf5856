"""Organ names in Vietnamese text, found by the vocabulary of organs rather than by lists of known organs.

A *head* (``Ban``, ``Bộ``, ``Sở``, ``Ủy ban``, ``Đảng đoàn``, ``Ban cán sự đảng``, ``Cục``, ``Vụ``, ``Viện``,
``Văn phòng``, ``Chính phủ``, ``các cấp ủy``, ``các cơ quan`` …) starts a name; the name runs on through its
own words (``Tuyên giáo Tỉnh ủy``) and ends before a verb of duty (``tham mưu``, ``chủ trì``, ``lãnh đạo``,
``tiếp tục``, ``căn cứ`` …) or a preposition that does not carry a name on (``trong phạm vi`` ends it,
``trong Đảng bộ Khối`` does not). Verbs are matched in lower case only, so ``Ban Tổ chức`` and ``Ban Chỉ
đạo`` stay names. Lists split at commas and ``và``; phrases that name one group stay together (``các huyện
ủy, thị ủy, thành ủy``, ``các bộ, ngành, địa phương``, ``Các cấp ủy chi, đảng bộ cơ sở``), and ``các``
carries over a list (``Các đảng đoàn, ban cán sự đảng`` → ``các ban cán sự đảng``). Names are returned as
printed; the scope (whose ``Ban Tuyên giáo``) is added later by the resolver.

>>> group_names(scan_organs("Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy "
...                         "trực thuộc Tỉnh ủy căn cứ Nghị quyết 27")[0])
('Các đảng đoàn', 'các ban cán sự đảng', 'các huyện ủy, thị ủy, thành ủy', 'các đảng ủy trực thuộc Tỉnh ủy')
>>> split_organs("Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN")
('Ban Tuyên giáo Trung ương', 'các bộ, ngành, địa phương', 'VTV', 'VOV', 'TTXVN')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from loaders.text.folding import fold, modern_tones
from loaders.text.organ_words import TERRITORIAL_COMMITTEES, TERRITORIES

__all__ = [
    "WINDOW",
    "OrganSpan",
    "group_names",
    "scan_organs",
    "split_organs",
    "starts_with_verb",
    "subject_spans",
    "window",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(w.strip() for w in block.replace("\n", "|").split("|") if w.strip())


_DETERMINERS = _words("các|những|mọi|toàn thể")
# Heads that are names by themselves (a place may follow: ``Ban cán sự đảng Ủy ban nhân dân tỉnh``).
_COMPLETE = _words("""
ban cán sự đảng|ủy ban nhân dân|hội đồng nhân dân|tòa án nhân dân|viện kiểm sát nhân dân|ủy ban kiểm tra
ban thường vụ|ban chấp hành|ban chỉ đạo|ban bí thư|bộ chính trị|chính phủ|quốc hội|thủ tướng chính phủ
thủ tướng|mặt trận tổ quốc|ủy ban mặt trận tổ quốc|đảng đoàn|đảng ủy|đảng bộ|chi bộ|tổ đảng|cấp ủy|tỉnh ủy
thành ủy|huyện ủy|thị ủy|quận ủy|chính quyền|nhà nước|đảng|tổ chức cơ sở đảng|tổ chức chính trị - xã hội
tổ chức đảng|hội quần chúng|đoàn thể|bộ trưởng|thứ trưởng|thủ trưởng|chủ tịch|giám đốc|tổng bí thư|bí thư
chủ nhiệm|tổ trưởng|trưởng ban|trưởng đoàn|chánh văn phòng|người đứng đầu
đoàn kiểm tra|đoàn thanh tra|đoàn giám sát|đoàn công tác|tổ công tác|tổ kiểm tra|tổ giúp việc|tổ thư ký
""")  # the last line: teams a decision sets up, named by their work (``Đoàn kiểm tra``) and not by a proper name
# Heads that need more after them: a proper name (``Bộ Tài chính``; ``Ban hành`` is a verb, ``Bộ chỉ số`` a
# noun), or another organ (``Lãnh đạo Ban Dân nguyện``, ``Thường trực Hội đồng nhân dân tỉnh``).
_NAMED = _words("""
ban|bộ|sở|cục|tổng cục|chi cục|vụ|viện|văn phòng|trung tâm|học viện|trường|đại học|báo|tạp chí|đài|hội
liên hiệp|liên đoàn|đoàn|tập đoàn|tổng công ty|ngân hàng|kho bạc|thanh tra|kiểm toán|công an|bộ đội
bộ tư lệnh|quân khu|hội đồng|ủy ban|tòa án|viện kiểm sát|tổ|phòng|khối|cơ quan|lãnh đạo|thường trực
thành viên
""")
_OF_ORGAN_HEADS = _words("lãnh đạo|thường trực|thành viên")
_FOLDED_HEADS = frozenset({"vu", "cuc", "vien"})
# Collective kinds: names only after ``các``/``những`` or inside a list (``các bộ, ngành, địa phương``).
_GENERIC = _words("""
cơ quan ngang bộ|cơ quan thuộc chính phủ|cơ quan thông tấn|cơ quan|đơn vị|bộ|ngành|địa phương|sở|ban đảng
ban|cấp|tổ chức|báo chí|doanh nghiệp|cán bộ|đảng viên|đại biểu|chi|đồng chí
""")
_PLURAL_KINDS = (_GENERIC | _COMPLETE) - _words("""
bộ trưởng|thứ trưởng|thủ trưởng|chủ tịch|giám đốc|tổng bí thư|bí thư|chủ nhiệm|tổ trưởng|trưởng ban
trưởng đoàn|chánh văn phòng|người đứng đầu|chính phủ|quốc hội|thủ tướng|thủ tướng chính phủ|bộ chính trị
ban bí thư|nhà nước|đảng|chính quyền
""")
# After a collective kind, words that point back at organs the text has named: ``đơn vị nêu trên``.
_ANAPHORS = _words("nêu trên|nói trên|kể trên|được kiểm tra|được thanh tra|được giám sát|có tên")
_TERRITORY = frozenset(TERRITORIES) | _words("trung ương|cấp huyện|cấp tỉnh|cấp xã")
_TERRITORIAL_COMMITTEES = frozenset(TERRITORIAL_COMMITTEES)
_STATE_GENERIC = _words("bộ|ngành|địa phương|cơ quan|cơ quan ngang bộ|cơ quan thuộc chính phủ|đơn vị|sở|ban|"
                        "báo chí|cơ quan thông tấn|tổ chức|doanh nghiệp|đoàn thể")  # fmt: skip
_PREPOSITIONS = _words("trực thuộc|thuộc|của|ở|trong|tại")
_STOPS = _words("""
tham mưu|chủ trì|phối hợp|lãnh đạo|chỉ đạo|tiếp tục|căn cứ|xây dựng|theo dõi|tập trung|thực hiện|triển khai
nghiên cứu|rà soát|ban hành|hướng dẫn|kiểm tra|đôn đốc|bảo đảm|đảm bảo|chủ động|khẩn trương|giám sát|đẩy mạnh
phát huy|nâng cao|tăng cường|quán triệt|cần|phải|có trách nhiệm|chịu trách nhiệm|được|đưa|là|làm|tích cực
kịp thời|định kỳ|thường xuyên|trên cơ sở|theo|vận động|tuyên truyền|hoàn thiện|sửa đổi|cụ thể hóa|giúp
báo cáo|tổng hợp|xác định|ứng dụng|cân đối|bố trí|đề xuất|thành lập|yêu cầu|gửi|trình|quản lý|cung cấp
nghiêm túc|đã|sẽ|đang|thẩm tra|tham gia|hỗ trợ|xử lý|tiếp nhận|lập|công bố|đánh giá|sơ kết|tổng kết|cho
đề nghị|trân trọng|kính|nắm|dành|thống nhất|phổ biến|thi hành|đầu tư|khuyến khích|hoàn thành|duy trì
phân công|giao|ưu tiên|huy động|tiến hành|thúc đẩy|để|nhằm|đối với|về|với|khi|nếu|thì|mà|bằng|vì|do|như
gồm|bao gồm|có văn bản|kiến nghị|sắp xếp|kiện toàn|củng cố|mở rộng|phát triển|chuẩn bị|điều hành|cử
điều chỉnh|vận hành|bổ sung|góp phần|tạo|thu hút|đổi mới|cải cách|kết nối|chia sẻ|xúc tiến|đào tạo|bồi dưỡng
lựa chọn|quyết định|phê duyệt|ký|chấp hành|thông qua|cũng|đều|luôn|sớm|nghiêm|quyết liệt|đồng thời|tổ chức
thể chế hóa|thể chế|bảo vệ|giữ|xem xét|hướng tới|phấn đấu|nâng|đưa ra|rút kinh nghiệm|chú trọng|quan tâm
thiết lập|điều tra|giải quyết|soạn thảo|biên soạn|khảo sát|thẩm định|tiếp thu|đề ra|áp dụng|sử dụng|khai thác
cải thiện|thực thi|lồng ghép|đăng ký|giải ngân|tăng|giảm|tiếp tục|chỉ|không|còn|cùng|tự|trực tiếp
có nhiệm vụ|có ý kiến|có kế hoạch|thông báo
kết quả|tình hình|việc|nội dung|trước|sau|từ|kể từ|trước ngày|khi được|hằng năm|hàng năm
""")
# Sentences may open with a clause (``Để …, X tham mưu``) or an adverb and a comma (``Định kỳ, X chủ trì``).
_INTRO_CLAUSE = re.compile(r"^(?:Để|Trên cơ sở|Căn cứ|Trong|Thực hiện|Nhằm|Sau khi|Theo|Bên cạnh|Từ)\b")
_INTRO_ADVERB = re.compile(
    r"^(?:Định kỳ|Hằng năm|Hàng năm|Đồng thời|Ngoài ra|Từ nay|Trước mắt|Về lâu dài|Trước hết)\s*,\s*"
)
_ACRONYM = re.compile(r"^[A-ZĐ][A-ZĐ0-9&‚]{1,9}$")
# A word runs to a space or a punctuation mark; a full stop that ends a run before a space (or the end) is a token
# of its own (``Tỉnh ủy.``). Greedy runs, so that the engine does not test the lookahead at every character.
_TOKEN = re.compile(r"[,;:()]|\.(?=\s|$)|[^\s,;:()]+(?=\.(?:\s|$))|[^\s,;:()]+")
_GLUED_COMMA = re.compile(r"(?<=[A-ZĐ&]),(?=[A-ZĐ])")
_SPACE = re.compile(r"\s")
_CHUNK = 48  # characters tokenized at a time: a scan reads a sentence's first words, seldom the whole of it
_MAX_NAME = 22


@dataclass(frozen=True, slots=True)
class OrganSpan:
    """One organ name in a text: the words as printed, where they stand, and what kind of name it is."""

    text: str
    start: int
    end: int
    head: str  # in lower case: ``ban cán sự đảng``, ``bộ``, ``huyện ủy``
    determiner: bool  # opens with ``các``/``những``
    bare: bool  # nothing after the head (``thị ủy``, ``ngành``)


class _Tokens:
    """The words of a text (punctuation apart), compared in modern tone placement (``uỷ`` as ``ủy``).

    Words are read on demand, a chunk at a time (:meth:`has`): most scans stop after a sentence's first words,
    and tokenizing every paragraph whole was the largest cost of parsing. A chunk ends at a space, where no
    token can continue, so the words are the same as those of the whole text read at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        canon = modern_tones(text)
        canon = canon if len(canon) == len(text) else text
        self._canon = _GLUED_COMMA.sub("‚", canon) if "," in canon else canon  # ``KH,CN&MT`` is one word
        self._read = 0  # characters of ``_canon`` tokenized so far
        self.spans: list[tuple[str, int, int]] = []
        self.words: list[str] = []
        self.starts: list[int] = []

    def has(self, i: int) -> bool:
        """Is there a token ``i``? (Reads on until there is, or the text ends.)"""
        while i >= len(self.words) and self._read < len(self._canon):
            self._more()
        return i < len(self.words)

    def count(self) -> int:
        """The number of tokens in the whole text."""
        self.has(len(self._canon))
        return len(self.words)

    def _more(self) -> None:
        canon, start = self._canon, self._read
        space = _SPACE.search(canon, start + _CHUNK) if start + _CHUNK < len(canon) else None
        end = space.start() if space else len(canon)
        for m in _TOKEN.finditer(canon, start, end):
            self.spans.append((m.group(), m.start(), m.end()))
            self.words.append(m.group())
            self.starts.append(m.start())
        self._read = end

    def reach(self, start: int) -> None:
        """Read on until the tokens cover character ``start`` (for a search by position)."""
        while self._read <= start and self._read < len(self._canon):
            self._more()

    def match(self, i: int, vocab: frozenset[str], *, lower_only: bool = False) -> int:
        """Tokens in the longest phrase of ``vocab`` at ``i``: in any case, or as written if ``lower_only``."""
        best = 0
        for n in range(1, 7):
            if not self.has(i + n - 1):
                break
            got = " ".join(self.words[i : i + n])
            if (got if lower_only else got.lower()) in vocab:
                best = n
        return best

    def upper(self, i: int) -> bool:
        return self.has(i) and self.words[i][:1].isupper()

    def acronym(self, i: int) -> bool:
        return self.has(i) and bool(_ACRONYM.match(self.words[i]))

    def start_of(self, i: int) -> int:
        return self.spans[i][1] if self.has(i) else len(self.text)


@lru_cache(maxsize=16)
def _tokens(text: str) -> _Tokens:
    """The tokens of ``text``, kept for the next call: one paragraph is scanned from many places (after each
    ``phối hợp với``, ``báo cáo``, sentence), and tokenizing it again each time made long paragraphs quadratic
    (a 98 KB line took a minute)."""
    return _Tokens(text)


#: Characters after a place that decide what starts there (an organ list, a verb): far more than any subject.
WINDOW = 2000


def window(text: str, start: int = 0, size: int = WINDOW) -> str:
    """``text`` from ``start``, at most ``size`` characters, cut at a space so no word is split.

    >>> window("Sở Y tế chủ trì thực hiện", 0, 12)
    'Sở Y tế chủ'
    """
    end = start + size
    if end >= len(text):
        return text[start:]
    cut = text.rfind(" ", start, end)
    return text[start : cut if cut > start else end]


def _head_at(tok: _Tokens, i: int, *, in_list: bool) -> tuple[int, str, bool] | None:
    """A name's head at token ``i``: (tokens used with the determiner, head in lower case, determiner?)."""
    det = tok.match(i, _DETERMINERS)
    j = i + det
    if tok.acronym(j):
        return det + 1, tok.words[j], bool(det)
    sizes = {vocab: tok.match(j, vocab) for vocab in (_COMPLETE, _NAMED, _GENERIC)}
    n = max(sizes.values())
    if not n:
        # OCR dropped a tone mark from a head (``Vu Kế hoạch - Tài chính``): trust it before a proper name.
        ok = tok.has(j) and fold(tok.words[j]) in _FOLDED_HEADS and tok.upper(j + 1)
        return (det + 1, fold(tok.words[j]), bool(det)) if ok else None
    head = " ".join(tok.words[j : j + n]).lower()
    if sizes[_GENERIC] == n and (back := tok.match(j + n, _ANAPHORS, lower_only=True)):
        return det + n + back, head, bool(det)  # ``đơn vị nêu trên``, ``đơn vị được kiểm tra``: known ones
    if sizes[_GENERIC] == n and (det or in_list):
        return det + n, head, bool(det)
    if sizes[_COMPLETE] == n and head not in _OF_ORGAN_HEADS:
        return det + n, head, bool(det)
    after = j + n
    if head in _OF_ORGAN_HEADS:
        if det or tok.match(after, _COMPLETE | _NAMED) or tok.match(after, _DETERMINERS) or tok.upper(after):
            return det + n, head, bool(det)
        return None
    if sizes[_NAMED] == n and (det or tok.upper(after) or tok.acronym(after) or _territorial(tok, after)):
        return det + n, head, bool(det)
    return None


def _territorial(tok: _Tokens, k: int) -> bool:
    """``Công an tỉnh``, ``Thanh tra tỉnh``: a head and its territory name a local organ by themselves, when
    the territory ends the name or carries it on (``Công an tỉnh Nghệ An``)."""
    n = tok.match(k, _TERRITORY, lower_only=True)
    return n > 0 and not tok.match(k + n, _TERRITORY, lower_only=True)


def _continues(tok: _Tokens, k: int) -> bool:
    """Does the word at ``k`` (after a preposition) carry the name on: a proper word, a place, an organ?"""
    return (
        tok.upper(k)
        or tok.match(k, _TERRITORY, lower_only=True) > 0
        or (tok.match(k, _DETERMINERS) > 0 and _head_at(tok, k, in_list=True) is not None)
    )


def _name_end(tok: _Tokens, i: int) -> int:
    """Token index where a name ends, given the token right after its head."""
    k = i
    while tok.has(k) and k - i < _MAX_NAME:
        w = tok.words[k]
        if w in (";", ":", "(", ")", ".", ","):
            return k
        if w == "và":
            nxt = k + 1
            if _head_at(tok, nxt, in_list=True) or tok.match(nxt, _STOPS, lower_only=True) or not tok.has(nxt):
                return k
            k += 1
            continue
        if n := tok.match(k, _PREPOSITIONS, lower_only=True):
            if not _continues(tok, k + n):
                return k
            k += n
            continue
        if (
            w == "tổ"
            and tok.has(k + 2)
            and tok.words[k + 1 : k + 2] == ["chức"]
            and tok.words[k + 2 : k + 3] in (["đảng"], ["chính"])
        ):
            k += 2
            continue
        if tok.match(k, _STOPS, lower_only=True) and not _compound(tok, k):
            return k
        k += 1
    return k


def _repeats(tok: _Tokens, head_at: int, i: int, end: int) -> int:
    """A name stops where its head is printed again: a title run into its paragraph (``… của Đoàn kiểm tra`` /
    ``Đoàn kiểm tra thực hiện …``) names the organ once."""
    head = [w.lower() for w in tok.words[head_at:i]]
    for k in range(i, end):
        if head and tok.has(k + len(head) - 1) and [w.lower() for w in tok.words[k : k + len(head)]] == head:
            return k
    return end


def _compound(tok: _Tokens, k: int) -> bool:
    """``Đào tạo`` in ``Bộ Giáo dục và Đào tạo``: a verb that is the second syllable of a capitalised word."""
    return k > 0 and tok.words[k] == "tạo" and fold(tok.words[k - 1]) == "dao" and tok.upper(k - 1)


def _name_goes_on(tok: _Tokens, k: int) -> bool:
    """After a comma: a place (``…các tỉnh, thành phố``) or a proper word that opens no new name (``Bộ Văn
    hóa, Thể thao và Du lịch``) continues the name before it."""
    if tok.match(k, _TERRITORY, lower_only=True):
        return True
    return tok.upper(k) and not tok.acronym(k) and _head_at(tok, k, in_list=True) is None


def scan_organs(text: str, start: int = 0, *, lenient: bool = False) -> tuple[list[OrganSpan], int]:
    """The list of organ names that begins at character ``start`` and the character where it ends.

    ``lenient`` accepts a collective kind without ``các`` at the start (table cells, ``phối hợp với …``).
    """
    tok = _tokens(text)
    tok.reach(start)
    i = bisect_left(tok.starts, start)
    items: list[OrganSpan] = []
    while tok.has(i):
        found = _head_at(tok, i, in_list=bool(items) or lenient)
        if found is None:
            break
        used, head, det = found
        end = _repeats(tok, i + used - len(head.split()), i + used, _name_end(tok, i + used))
        while tok.has(end + 1) and tok.words[end] == "," and _name_goes_on(tok, end + 1):
            end = _name_end(tok, end + 2)  # ``… các tỉnh, thành phố …``, ``Bộ Văn hóa, Thể thao và Du lịch``
        items.append(OrganSpan(text[tok.start_of(i) : tok.spans[end - 1][2]], tok.start_of(i),
                               tok.spans[end - 1][2], head, det, bare=end == i + used))  # fmt: skip
        i = end
        if tok.has(i + 1) and tok.words[i] in (",", ";", "và") and _head_at(tok, i + 1, in_list=True):
            i += 1
            continue
        break
    return items, (tok.start_of(i) if items else start)


def _joins(prev_text: str, prev: OrganSpan, item: OrganSpan) -> bool:
    """Does ``item`` belong to the same collective phrase as the one before it?"""
    if prev_text.endswith((" chi", " Chi")):
        return True  # ``cấp ủy chi, đảng bộ cơ sở``: ``chi`` is ``chi bộ`` sharing ``bộ`` with ``đảng bộ``
    if item.determiner:
        return False
    if not prev.bare:
        # ``Thủ trưởng các sở, ban, ngành``: a list of kinds goes on the collective that ends the name before
        kind_last = any(prev_text.lower().endswith(f" {kind}") for kind in _STATE_GENERIC)
        return kind_last and item.head in _STATE_GENERIC and item.text[:1].islower()
    if item.head in _TERRITORIAL_COMMITTEES and prev.head in _TERRITORIAL_COMMITTEES:
        return item.bare
    return item.head in _STATE_GENERIC and prev.head in _STATE_GENERIC


def group_names(items: list[OrganSpan]) -> tuple[str, ...]:
    """Names → the phrases that each mean one organ or one group; ``các`` carries over the list."""
    out: list[tuple[str, OrganSpan]] = []
    plural = bool(items) and items[0].determiner
    for item in items:
        if out and _joins(out[-1][0], out[-1][1], item):
            out[-1] = (f"{out[-1][0]}, {item.text}", out[-1][1])
            continue
        text = item.text
        if plural and not item.determiner and item.head in _PLURAL_KINDS and text[:1].islower():
            text = f"các {text}"
        out.append((text, item))
    return tuple(dict.fromkeys(t.strip(" ,.") for t, _ in out))


def subject_spans(text: str) -> tuple[list[OrganSpan], int]:
    """The subject of the first sentence, after an introductory clause or adverb (``Để …,``, ``Định kỳ,``).

    After an introduction the organs must be followed by a verb, so an enumeration inside the clause is
    not taken for the subject."""
    items, end = _subject_spans(text)
    return list(items), end


@lru_cache(maxsize=256)
def _subject_spans(text: str) -> tuple[tuple[OrganSpan, ...], int]:
    """:func:`subject_spans`, kept: a paragraph's subject is asked for by its heading role, its assignment and
    the sentences around it."""
    items, end = scan_organs(text)
    if items:
        return tuple(items), end
    if m := _INTRO_ADVERB.match(text):
        starts = [m.end()]
    elif _INTRO_CLAUSE.match(text):
        first = re.search(r"\.\s+[A-ZĐ]", text)
        starts = [c.end() for c in re.finditer(r",\s*", text[: min(first.start() if first else len(text), 400)])]
    else:
        return (), 0
    for start in starts:
        items, end = scan_organs(text, start)
        if items and starts_with_verb(window(text, end)):
            return tuple(items), end
    return (), 0


_RUN_TOGETHER = re.compile(r"(?<=[a-zà-ỹđ])\s+(?=(?:Bộ|Ban|Cục|Vụ|Viện|Sở|Tổng cục)\s+[A-ZĐ])")


def _separate(piece: str) -> str:
    """Restore separators a cell lost: ``Xã hội,Thanh tra``; ``… Truyền thông Bộ Khoa học …``."""
    piece = re.sub(r"(?<=[a-zà-ỹđ]),(?=[A-ZĐ])", ", ", piece)

    def cut(m: re.Match[str]) -> str:
        before = piece[: m.start()].split()[-1:]
        return m.group(0) if before and before[0].lower() in ("của", "thuộc", "và") else ", "

    return _RUN_TOGETHER.sub(cut, piece)


def _cell_parts(piece: str) -> list[OrganSpan]:
    """Comma/``và`` parts of a cell; a part that opens no name continues the one before (``Bộ Văn hóa,
    Thể thao và Du lịch``)."""
    parts: list[OrganSpan] = []
    for m in re.finditer(r"[^,]+", piece):
        for sub in re.split(
            r"\s+và\s+(?=(?:các|những)\s|(?:Bộ|Ban|Cục|Vụ|Viện|Sở|Ủy ban|Văn phòng)\s+[A-ZĐ])", m.group(0)
        ):
            text = sub.strip(" .")
            if not text:
                continue
            start = piece.index(text, m.start())
            tok = _tokens(text)
            found = _head_at(tok, 0, in_list=True)
            if found is None and (n := max(tok.match(0, v) for v in (_COMPLETE, _NAMED, _GENERIC))):
                found = (n, " ".join(tok.words[:n]).lower(), False)  # a cell holds names only: ``Tập đoàn``
            if found is None and parts:
                last = parts.pop()
                parts.append(OrganSpan(piece[last.start : start + len(text)], last.start, start + len(text),
                                       last.head, last.determiner, bare=False))  # fmt: skip
                continue
            used, head, det = found or (0, "", False)
            parts.append(OrganSpan(text, start, start + len(text), head, det, bare=used == tok.count()))
    return parts


def split_organs(cell: str) -> tuple[str, ...]:
    """A task-table cell → the organ names in it, in order (``;``, ``,`` and ``và`` separate them)."""
    out: list[str] = []
    for raw in re.split(r"\s*;\s*", cell.strip(" .;")):
        piece = _separate(raw.strip(" ,."))
        if piece:
            out.extend(group_names(_cell_parts(piece)))
    return tuple(dict.fromkeys(n for n in out if n))


def starts_with_verb(text: str) -> bool:
    """Does ``text`` open with a verb of duty (what follows a subject)? Only its first words are read."""
    return _tokens(window(text.lstrip()[:WINDOW], 0, 200)).match(0, _STOPS, lower_only=True) > 0
