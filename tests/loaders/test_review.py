"""Every record says how sure it is: review reasons in Vietnamese and a confidence, carried into the graph."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.build import build_document_graph
from graph.model import Document, Task
from loaders.record import Citation, DocumentRecord, OrganRef, Signer, TaskRecord
from loaders.review import review_record

FULL = DocumentRecord(
    "a.txt", "0", number="1/KH-UBND", date="2026-01-05", issuer="UBND tỉnh", signer=Signer("Nguyễn Văn A"),
    organs=(OrganRef("UBND tỉnh", "x", True),),
)  # fmt: skip

DOCUMENTS = [
    (FULL, ()),
    (DocumentRecord("a.txt", "0"), ("không có số", "không có ngày", "không có người ký",
                                    "cơ quan ban hành chưa xác định")),
    (DocumentRecord("a.txt", "0", number="1/KH-UBND", date="2026-01-05", issuer="UBND tỉnh",
                    signer=Signer("Nguyễn Văn A"), implements=(Citation("5/CT-TTg"),)),
     ("không xác định được văn bản cấp trên",)),
]  # fmt: skip


@pytest.mark.parametrize(("record", "reasons"), DOCUMENTS)
def test_a_document_lists_what_a_reviewer_should_check(record: DocumentRecord, reasons: tuple[str, ...]) -> None:
    found = review_record(record)
    assert found.review == reasons
    assert (found.confidence == 1.0) is (not reasons)


TASKS = [
    (TaskRecord("1", "Tổ chức tuyên truyền", lead=("UBND tỉnh",)), ()),
    (TaskRecord("1", "Tổ chức tuyên truyền"), ("nhiệm vụ không có cơ quan chủ trì",)),
    (TaskRecord("1", "Mục đích", kind="purpose"), ()),
    (
        TaskRecord("1.p1", "Chủ trì …", lead=("UBND tỉnh",), inherited=True),
        ("cơ quan chủ trì suy ra từ tiêu đề mục",),
    ),
    (TaskRecord("1", "…", lead=("Sở X tỉnh Y",)), ("cơ quan chưa xác định: Sở X tỉnh Y",)),
    (TaskRecord("1", "…", lead=("UBND tỉnh",), deadline="2025-12-31"), ("thời hạn trước ngày ban hành",)),
]


@pytest.mark.parametrize(("task", "reasons"), TASKS)
def test_a_task_lists_what_a_reviewer_should_check(task: TaskRecord, reasons: tuple[str, ...]) -> None:
    organs = (*FULL.organs, OrganRef("Sở X tỉnh Y", "u", False, "organ"))
    (found,) = review_record(replace(FULL, tasks=(task,), organs=organs)).tasks
    assert found.review == reasons
    assert (found.confidence == 1.0) is (not reasons)


def test_the_graph_carries_review_and_confidence_as_properties() -> None:
    record = review_record(DocumentRecord("a.txt", "0", tasks=(TaskRecord("1", "Tổ chức tuyên truyền"),)))
    graph = build_document_graph(record)
    (doc,) = [n for n in graph.nodes if isinstance(n, Document)]
    (task,) = [n for n in graph.nodes if isinstance(n, Task)]
    assert doc.review and "không có số" in doc.review and doc.confidence is not None and doc.confidence < 1.0
    assert task.review == ("nhiệm vụ không có cơ quan chủ trì",) and task.confidence == 0.6
