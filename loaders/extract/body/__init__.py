"""The numbered body → sections, tasks and sub-plan orders.

``parser`` walks the ``outline`` (built from ``numbering``) and the task ``tables``; each task gets its organs
from ``assignees`` (organ names found by ``organ_phrases``), its deadline from ``deadlines``, and sub-plan
orders from ``subplans``; labelled lines (``Cơ quan chủ trì: …``, ``Thời hạn: …``) are read by ``task_fields``.
"""

from __future__ import annotations

from loaders.extract.body.parser import Body, parse_body

__all__ = ["Body", "parse_body"]
