"""Where a copy broke a line in the middle of a clause: the line ends on a word that cannot end one.

A numbered item or a clause that ends on ``của`` / ``Bộ`` / ``…; tham mưu báo cáo`` is continued by the next
line whatever its case (``Chính phủ`` / ``Tài chính`` / ``Bộ Tài chính …``): shared by the line joiner
(:mod:`loaders.text.normalize`) and the body outline (:mod:`loaders.extract.body.outline`).

>>> ends_unfinished("5. Xây dựng Nghị định của"), ends_unfinished("1. Mục đích, yêu cầu")
(True, False)
>>> ends_unfinished("a) Hằng quý, tổng hợp; tham mưu báo cáo"), ends_unfinished("3. Chế độ thông tin, báo cáo")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["DANGLING_RE", "HEAD_ALONE_RE", "WANTS_OBJECT_RE", "ends_unfinished"]

# Words a heading or a clause cannot end on: the line after them continues it (``5. Xây dựng Nghị định của`` /
# ``Chính phủ``), whatever its case.
DANGLING_RE = re.compile(
    r"\s(?:của|và|với|về|cho|các|những|tại|theo|trong|đối với|thuộc|trực thuộc|gồm|là|do|bởi|từ|đến)$",
    re.IGNORECASE,
)
HEAD_ALONE_RE = re.compile(r"\s(?:Bộ|Sở|Ban|Cục|Vụ|Viện|Ủy ban|Văn phòng)$")  # ``… báo cáo Bộ`` / ``Tài chính …``
# A verb that wants its object; only in a list of clauses (``…; tham mưu báo cáo``), since a heading may end on
# it (``3. Chế độ thông tin, báo cáo``).
WANTS_OBJECT_RE = re.compile(r"\s(?:báo cáo|gửi|trình|giao|đề nghị|tham mưu)$")


def ends_unfinished(text: str) -> bool:
    """Whether ``text`` stops where no clause can end, so the next line continues it."""
    if DANGLING_RE.search(text) or HEAD_ALONE_RE.search(text):
        return True
    return ";" in text and WANTS_OBJECT_RE.search(text) is not None
