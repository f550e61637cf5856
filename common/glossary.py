"""The one glossary: every word a user reads for a code the program uses — statuses, roles, relationships, kinds
and levels of organs, result columns — so each thing has one Vietnamese name on every page, report and message.

Pages, reports and messages look a code up here instead of writing their own words; a test walks the app and
fails on any English word or internal code that reaches the screen. A code not listed is shown as it is (a
typo in a code then shows, instead of being hidden by a guess).

>>> term("IMPLEMENTS"), term("lead"), term("missing"), term("deadline_text")
('thực hiện', 'chủ trì', 'Chưa ban hành (đã quá hạn)', 'Thời hạn (nguyên văn)')
>>> term("chưa có trong từ điển")
'chưa có trong từ điển'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "COLUMNS",
    "DOCUMENT_STATUS",
    "GROUP_STATUS",
    "LABELS",
    "LEVELS",
    "ORGAN_KINDS",
    "PROPERTY_TYPES",
    "RELATIONS",
    "ROLES",
    "SET_BY",
    "SUBPLAN_STATUS",
    "TERMS",
    "cypher_hint",
    "group_status",
    "term",
    "value_term",
    "vi_message",
    "vi_rows",
]

# One name per thing (the words the pages, tables and the guide use).
TERMS: dict[str, str] = {
    "cited": "chỉ được dẫn chiếu",  # never "chỉ dẫn chiếu"
    "deadline": "Thời hạn",  # never "Hạn"
    "ordering_document": "Văn bản giao",  # the document that gave an order; never "Văn bản yêu cầu"
    "subplan": "Kế hoạch của đơn vị cấp dưới",  # never "Kế hoạch phải xây dựng" / "Yêu cầu xây dựng kế hoạch"
    "console": "Truy vấn tự do (chỉ đọc)",  # never "Bảng điều khiển": it reads as "dashboard"
    "schema": "Lược đồ dữ liệu",  # the labels, properties and relationship patterns an analyst queries
    "parameter": "Tham số",
    "history": "Truy vấn đã chạy",
    "save_query": "Lưu thành truy vấn có sẵn",
    "technical_detail": "Chi tiết kỹ thuật",  # the store's own message, folded under the Vietnamese line
    "store_local": "máy này",
    "store_server": "máy chủ",
}

# Audit status of one unit ordered to issue a sub-plan (reports.subplans.SubplanStatus values).
SUBPLAN_STATUS: dict[str, str] = {
    "on_time": "Đúng hạn",
    "late": "Chậm",
    "missing": "Chưa ban hành (đã quá hạn)",
    "not_yet_due": "Chưa đến hạn",
    "issued": "Đã ban hành",
    "not_found": "Chưa thấy (không quy định thời hạn)",
    "units_not_listed": "Chưa kiểm tra được (chưa có danh sách đơn vị)",
    "unconfirmed": "Chưa xác minh",
}

# The four groups a leader reads a cascade by (the cascade picture's groups and the compliance matrix).
GROUP_STATUS: dict[str, str] = {
    "on_time": "đúng hạn",
    "late": "chậm",
    "missing": "chưa ban hành",
    "pending": "chưa đến hạn",
    "unverified": "chưa xác minh",
}
_TO_GROUP = {
    "on_time": "on_time",
    "issued": "on_time",
    "late": "late",
    "missing": "missing",
    "not_found": "missing",
    "not_yet_due": "pending",
    "units_not_listed": "unverified",
    "unconfirmed": "unverified",
    "unresolved": "unverified",
}

DOCUMENT_STATUS: dict[str, str] = {"loaded": "đã nạp", "cited": "chỉ được dẫn chiếu"}

ROLES: dict[str, str] = {"lead": "chủ trì", "coordinate": "phối hợp"}

RELATIONS: dict[str, str] = {
    "IMPLEMENTS": "thực hiện",
    "CITES": "dẫn chiếu",
    "ISSUED_BY": "ban hành bởi",
    "REQUIRES_SUBPLAN": "giao xây dựng kế hoạch",
    "ASSIGNED_TO": "giao nhiệm vụ cho",
    "REPORTS_TO": "báo cáo",
    "SENT_TO": "gửi đến",
    "SIGNED_BY": "ký",
    "RECEIVED_BY": "văn bản đến",
    "HAS_SECTION": "có mục",
    "HAS_TASK": "có nhiệm vụ",
    "DERIVED_FROM": "cụ thể hóa",
    "PART_OF": "thuộc",
    "MEMBER_OF": "thành viên của",
    "SUCCEEDED_BY": "được kế thừa bởi",
}

LEVELS: dict[str, str] = {
    "central": "Trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "grassroots": "cơ sở",
}

ORGAN_KINDS: dict[str, str] = {
    "agency": "cơ quan chuyên môn",
    "bloc_committee": "đảng ủy khối",
    "commission": "ban của cấp ủy",
    "council": "hội đồng nhân dân",
    "court": "tòa án",
    "executive": "ủy ban nhân dân",
    "front": "mặt trận tổ quốc",
    "mass_org": "đoàn thể",
    "media": "cơ quan báo chí",
    "ministry": "bộ, ngành",
    "office": "văn phòng",
    "office_holder": "chức danh",
    "party_affairs_committee": "ban cán sự đảng",
    "party_committee": "cấp ủy",
    "party_delegation": "đảng đoàn",
    "police": "công an",
    "politburo": "Bộ Chính trị",
    "procuracy": "viện kiểm sát",
    "secretariat": "Ban Bí thư",
    "standing_board": "thường trực",
    "standing_committee": "ban thường vụ",
    "state_body": "cơ quan nhà nước",
    "steering_committee": "ban chỉ đạo",
    "collective": "tập thể đơn vị",
    "unresolved": "chưa xác định",
    "organ": "cơ quan",
}

TASK_KINDS: dict[str, str] = {
    "task": "nhiệm vụ",
    "purpose": "mục đích, yêu cầu",
    "organisation": "tổ chức thực hiện",
}

# Result columns of the saved queries and the console (``RETURN … AS name``).
COLUMNS: dict[str, str] = {
    "addressed_to": "Gửi đến",
    "carried": "Số lần được cụ thể hóa",
    "cascade_parent": "Văn bản cấp trên trực tiếp",
    "child": "Văn bản cấp dưới",
    "cited_by": "Được dẫn chiếu bởi",
    "cited_dates": "Ngày theo trích dẫn",
    "date": "Ngày",
    "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (nguyên văn)",
    "depth": "Cấp",
    "document": "Văn bản",
    "found": "Đã tìm thấy",
    "issued_by": "Cơ quan ban hành",
    "issuer": "Cơ quan ban hành",
    "issuer_as_cited": "Cơ quan ban hành (theo trích dẫn)",
    "kind": "Loại",
    "lead": "Chủ trì",
    "mentions": "Số lần được nhắc",
    "name": "Tên",
    "organ": "Cơ quan",
    "overdue": "Quá hạn",
    "own_date": "Ngày ghi trên văn bản",
    "own_date_source": "Nguồn của ngày",
    "paragraph": "Mục",
    "parent": "Văn bản cấp trên",
    "path": "Mục",
    "plan": "Văn bản giao",
    "plan_uid": "Văn bản giao",
    "purpose": "Mục đích",
    "recorded_conflicts": "Mâu thuẫn đã ghi nhận",
    "recurrence": "Định kỳ",
    "relations": "Quan hệ",
    "role": "Vai trò",
    "root_symbol": "Văn bản đầu chuỗi",
    "scope": "Địa bàn",
    "seen_at": "Xuất hiện tại",
    "src": "Nguồn",
    "status": "Tình trạng",
    "sub": "Kế hoạch của đơn vị cấp dưới",
    "subplan": "Kế hoạch của đơn vị cấp dưới",
    "subplan_date": "Ngày ban hành",
    "subplan_uid": "Kế hoạch của đơn vị cấp dưới",
    "subplans_found": "Số kế hoạch tìm thấy",
    "symbol": "Số, ký hiệu",
    "text": "Nội dung",
    "times_cited": "Số lần được dẫn chiếu",
    "title": "Trích yếu",
    "type": "Loại văn bản",
    "uid": "Văn bản",
    "unit": "Đơn vị",
    "unit_kind": "Loại đơn vị",
    "unit_uid": "Đơn vị",
    "via_group": "Giao qua nhóm",
}

# Types of a property in the schema (graph.schema.Property.type) and who sets it (Property.set_by).
PROPERTY_TYPES: dict[str, str] = {
    "text": "chuỗi",
    "integer": "số nguyên",
    "float": "số thực",
    "boolean": "đúng/sai",
    "date": "ngày",
    "list of text": "danh sách chuỗi",
}
SET_BY: dict[str, str] = {
    "loader": "khi đọc văn bản",
    "link pass": "bước liên kết",
    "gazetteer": "danh mục cơ quan",
}

# Node labels of the graph.
LABELS: dict[str, str] = {
    "Document": "Văn bản",
    "Resolution": "Nghị quyết",
    "Plan": "Kế hoạch",
    "Organ": "Cơ quan",
    "OrganGroup": "Nhóm cơ quan",
    "Task": "Nhiệm vụ",
    "Section": "Mục",
    "Person": "Người ký",
}

_VALUES: tuple[Mapping[str, str], ...] = (ROLES, SUBPLAN_STATUS, DOCUMENT_STATUS, RELATIONS, TASK_KINDS, LEVELS)

_ALL: tuple[Mapping[str, str], ...] = (
    RELATIONS,
    ROLES,
    SUBPLAN_STATUS,
    DOCUMENT_STATUS,
    LEVELS,
    ORGAN_KINDS,
    TASK_KINDS,
    COLUMNS,
)


def term(code: str) -> str:
    """The Vietnamese word for a code (a relationship, role, status, kind, level or column); else the code."""
    for table in _ALL:
        if code in table:
            return table[code]
    return code


def value_term(value: str) -> str:
    """A value in a result cell (``lead``, ``missing``, ``IMPLEMENTS``) in Vietnamese; other text unchanged."""
    for table in _VALUES:
        if value in table:
            return table[value]
    return value


def _vi_value(value: Any) -> Any:
    if isinstance(value, str):
        return value_term(value)
    if isinstance(value, list | tuple):
        return [_vi_value(v) for v in value]
    return value  # numbers, dates, nodes and edges (their properties are data, not codes) as they are


def vi_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Result rows as a Vietnamese reader gets them: columns named by :data:`COLUMNS`, codes (``lead``,
    ``on_time``) in words; a column whose Vietnamese name another column already took keeps its code beside it
    (``uid`` and ``document`` are both "Văn bản"), so no column is lost.

    >>> vi_rows([{"organ": "Ban Tuyên giáo", "role": "lead", "document": "60-KH/TU", "uid": "x", "n": 2}])
    [{'Cơ quan': 'Ban Tuyên giáo', 'Vai trò': 'chủ trì', 'Văn bản': '60-KH/TU', 'Văn bản (uid)': 'x', 'n': 2}]
    """
    out = []
    for row in rows:
        named: dict[str, Any] = {}
        for column, value in row.items():
            name = COLUMNS.get(column, column)
            named[f"{name} ({column})" if name in named else name] = _vi_value(value)
        out.append(named)
    return out


def group_status(status: str | None) -> str:
    """The group key (``on_time``, ``late``, ``missing``, ``pending``, ``unverified``) of an audit status;
    a unit the audit has not judged is ``missing`` (it was ordered and nothing was found)."""
    return _TO_GROUP.get(status or "missing", "unverified")


# The loaders' and stores' reasons (written in English for logs and the CLI) as the app says them.
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), words)
    for pattern, words in (
        (r"^empty file", "tệp rỗng (không có chữ nào)"),
        (r"^binary file", "tệp nhị phân, không phải văn bản"),
        (r"^cannot decode", "không đọc được bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258)"),
        (r"^cannot read \.docx", "không đọc được tệp .docx (không phải tài liệu Word hợp lệ)"),
        (r"^cannot read \.pdf", "không đọc được tệp .pdf"),
        (r"^encrypted PDF", "tệp PDF có mật khẩu: không đọc được"),
        (r"^file too large: (?P<a>[\d.]+) MB \(limit (?P<b>\d+) MB\)", "tệp quá lớn: {a} MB (tối đa {b} MB)"),
        (r"^no text layer", "tệp PDF không có lớp chữ (cần nhận dạng chữ OCR trước)"),
        (r"^too much text", "văn bản quá dài"),
        (r"^too many lines: (?P<a>[\d,]+) \(limit (?P<b>[\d,]+)\)", "quá nhiều dòng: {a} (tối đa {b})"),
        (r"^too many tasks: (?P<a>[\d,]+) \(limit (?P<b>[\d,]+)\)", "quá nhiều nhiệm vụ: {a} (tối đa {b})"),
        (r"^too many pages: (?P<a>\d+) \(limit (?P<b>\d+)\)", "quá nhiều trang: {a} (tối đa {b})"),
        (r"^cannot parse", "không phân tích được tệp"),
        (r"^unsupported file type", "định dạng tệp không được hỗ trợ"),
        (r"^no such file", "không tìm thấy tệp"),
        (r"^not a file", "không phải một tệp"),
        (r"^blank number", "văn bản không có số, ký hiệu"),
        (r"^no document .* in the store", "không có văn bản này trong kho"),
    )
)


# What to do about a Cypher query the dialect rewrite or the store refused: the portable form, where one exists,
# from the English message (the dialect's own, or FalkorDB's / Neo4j's); the most specific first.
CYPHER_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), words)
    for pattern, words in (
        (r"unterminated string", "câu lệnh có chuỗi, tên hoặc chú thích chưa đóng (thiếu dấu ', \" hoặc `)"),
        (r"unclosed bracket", "câu lệnh có dấu ngoặc chưa đóng"),
        (
            r"\(a full subquery\)",
            "EXISTS { … } và COUNT { … } chỉ nhận một mẫu với WHERE (không RETURN, WITH): viết "
            "EXISTS { (a)-[:R]->(b) WHERE … } hoặc size([(a)-[:R]->(b) WHERE … | b])",
        ),
        (
            r"several comma-separated patterns",
            "EXISTS { } và COUNT { } chỉ nhận một mẫu: nối các mẫu thành một đường đi, hoặc nối nhiều EXISTS { } "
            "bằng AND",
        ),
        (r"in the WHERE of an OPTIONAL MATCH", "tính EXISTS { } hoặc COUNT { } trong một WITH sau OPTIONAL MATCH"),
        (r"round\(x, n, mode\)", "dùng round(x, n), không có tham số thứ ba"),
        (r"duration\.between", "để tính số ngày giữa hai ngày, dùng duration.inDays(a, b).days"),
        (r"duration\.inDays takes two dates", "duration.inDays cần đúng hai ngày"),
        (r"shortestPath with relationship properties", "lọc thuộc tính của quan hệ trong WHERE, không trong mẫu"),
        (r"name the path", "đặt tên cho đường đi (p = shortestPath(…)) rồi dùng relationships(p)"),
        (r"shortestPath in OPTIONAL MATCH", "dùng shortestPath trong MATCH, không trong OPTIONAL MATCH"),
        (
            r"undirected shortestPath|shortestPaths in WITH or RETURN",
            "viết MATCH p = shortestPath((a)-[*]-(b)): dạng này được chuyển sang cú pháp của FalkorDB",
        ),
        (r"Unknown function 'datetime'", "FalkorDB có localdatetime() và date(), không có datetime()"),
        (
            r"=~|Invalid input '~'",
            "FalkorDB không có biểu thức chính quy: dùng STARTS WITH, ENDS WITH hoặc CONTAINS",
        ),
        (r"apoc\.", "thủ tục APOC chỉ có trên Neo4j"),
        (r"Type mismatch: expected", "ngày là giá trị ngày: so sánh với date('YYYY-MM-DD'), không với chuỗi"),
        (
            r"Missing parameters|Expected parameter|ParameterMissing",
            "điền giá trị cho mọi tham số $tên của câu lệnh",
        ),
        (r"Unknown function", "hàm này không có trên kho dữ liệu đang dùng"),
        (r"not defined", "câu lệnh dùng một biến chưa được đặt trong MATCH hoặc WITH"),
        (r"Invalid input|Syntax ?error|mismatched input|errMsg", "câu lệnh sai cú pháp Cypher"),
    )
)


def cypher_hint(message: str) -> str | None:
    """What to change in a Cypher query, in Vietnamese, for a rewrite's or a store's error message.

    >>> cypher_hint("Unknown function 'duration.between'")
    'để tính số ngày giữa hai ngày, dùng duration.inDays(a, b).days'
    >>> cypher_hint("connection reset") is None
    True
    """
    return next((words for pattern, words in CYPHER_HINTS if pattern.search(message)), None)


def vi_message(reason: str) -> str:
    """A loader's or store's reason in Vietnamese (unchanged when it is not one the glossary knows).

    >>> vi_message("binary file (NUL bytes), not text"), vi_message("file too large: 12.5 MB (limit 10 MB)")
    ('tệp nhị phân, không phải văn bản', 'tệp quá lớn: 12.5 MB (tối đa 10 MB)')
    """
    for pattern, words in MESSAGES:
        if match := pattern.search(reason.strip()):
            return words.format(**match.groupdict())
    return reason
