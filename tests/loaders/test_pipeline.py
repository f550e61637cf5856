"""loaders.pipeline: each seed and corpus document against the hand-written gold (header fields).

The gold lives in ``../shared/gold`` and the corpus in ``../shared/corpus``; they are read in place, never
copied. Header facts are checked with the body parser and the resolver switched off, so these tests judge this
stage alone; one test runs the whole pipeline on every file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from loaders.errors import LoadError
from loaders.organs import load_gazetteer
from loaders.pipeline import complete_from_context, parse_file, parse_text
from loaders.record import DocumentRecord
from loaders.text import fold
from tests.shared import CORPUS as CORPUS_DIR
from tests.shared import gold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "documents"


def _gold() -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for name, folder in (("seeds", SEEDS), ("corpus", CORPUS_DIR)):
        for doc in gold(name)["documents"]:
            out.append((folder / doc["file"], doc))
    return out


GOLD = _gold()
_CACHE: dict[Path, DocumentRecord] = {}


def record(path: Path) -> DocumentRecord:
    if path not in _CACHE:
        _CACHE[path] = parse_file(path, None, body=False)
    return _CACHE[path]


def same(a: str | None, b: str | None) -> bool:
    return fold(a or "").replace("-", " ") == fold(b or "").replace("-", " ")


def ids(item: tuple[Path, dict[str, Any]]) -> str:
    return item[0].name[:28]


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=[ids(g) for g in GOLD])
def test_identity(path: Path, gold: dict[str, Any]) -> None:
    r = record(path)
    assert r.number == gold["number"]
    if "number_as_printed" in gold:
        assert r.number_as_printed == gold["number_as_printed"]
    assert (r.type, r.type_name) == (gold["type"], gold["type_name"])
    if "upper_body" in gold:
        assert r.upper_body == gold["upper_body"]
    if "party_unit" in gold:
        assert r.party_unit == gold["party_unit"]
    assert same(r.issuer, gold["issuer"])


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=[ids(g) for g in GOLD])
def test_date_place_title(path: Path, gold: dict[str, Any]) -> None:
    r = record(path)
    if path.name.startswith("001_"):  # its date is not printed: it comes from 80-KH/ĐUK (test below)
        assert r.date is None and r.place is None
    else:
        assert r.date == gold["date"]
        assert r.place == gold.get("place")
    if gold.get("title_starts"):
        assert fold(r.title or "").startswith(fold(gold["title_starts"]))


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=[ids(g) for g in GOLD])
def test_signer(path: Path, gold: dict[str, Any]) -> None:
    r = record(path)
    expected = gold.get("signer")
    if expected is None:
        assert r.signer is None
        return
    assert r.signer is not None
    assert (r.signer.name, r.signer.title, r.signer.capacity) == (
        expected["name"], expected.get("title"), expected.get("capacity")
    )  # fmt: skip


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=[ids(g) for g in GOLD])
def test_implements_and_cascade_parent(path: Path, gold: dict[str, Any]) -> None:
    r = record(path)
    mine = {c.number or c.title: c for c in r.implements}
    expected = {c["number"] or c["title"]: c for c in gold.get("implements", [])}
    assert set(mine) == set(expected)
    for key, c in expected.items():
        assert mine[key].date == c.get("date"), key
        if c.get("issuer"):
            assert same(mine[key].issuer, c["issuer"]), key
    assert r.cascade_parent == gold.get("cascade_parent")


WITH_CITES = [(path, gold) for path, gold in GOLD if "cites" in gold]


@pytest.mark.parametrize(("path", "gold"), WITH_CITES, ids=[ids(g) for g in WITH_CITES])
def test_numbered_cites(path: Path, gold: dict[str, Any]) -> None:
    numbered = {c.number for c in record(path).cites if c.number}
    assert numbered == {c["number"] for c in gold["cites"] if c.get("number")}


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=[ids(g) for g in GOLD])
def test_recipients(path: Path, gold: dict[str, Any]) -> None:
    texts = [x.text for x in record(path).recipients]
    if isinstance(gold.get("recipients"), list) and all(isinstance(x, str) for x in gold["recipients"]):
        assert texts == gold["recipients"]
    elif isinstance(gold.get("recipients"), list):
        assert texts == [x["text"] for x in gold["recipients"]]
    if "recipients_count" in gold:
        assert len(texts) == gold["recipients_count"]


def test_received_stamp_is_not_the_document() -> None:
    path, gold = next(g for g in GOLD if g[0].name.startswith("001_"))
    r = record(path)
    assert r.received is not None
    assert (r.received.by, r.received.number, r.received.date) == (
        gold["received"]["by"], gold["received"]["number"], gold["received"]["date"]
    )  # fmt: skip
    assert r.number == "60-KH/TU" and "Sở Nội vụ" not in (r.issuer or "")


def test_lost_date_comes_from_the_document_that_cites_it() -> None:
    path = SEEDS / "001_0da2381aa2498f94.txt"
    completed = complete_from_context(record(path), sorted(SEEDS.iterdir()))
    assert completed.date == "2023-05-24"
    assert completed.date_source == "cited in 80-KH/ĐUK (000_a85277af82c186c2.txt, line 20)"
    assert any("taken from its citation" in w for w in completed.warnings)
    assert complete_from_context(record(path), []) == record(path)


CORPUS = sorted(CORPUS_DIR.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:28])
def test_whole_pipeline_parses_every_file(path: Path) -> None:
    r = parse_file(path, load_gazetteer())
    assert r.source_path == str(path) and len(r.source_sha256) == 64
    assert r.number or r.warnings  # an unnumbered document says so


def test_parse_text_and_errors() -> None:
    r = parse_text("Số 80-KH/ĐUK\n\nKẾ HOẠCH\n\nthực hiện Nghị quyết số 27-NQ/TW\n", None, body=False)
    assert (r.number, r.type, r.cascade_parent, r.source_path) == ("80-KH/ĐUK", "KH", "27-NQ/TW", "<text>")
    assert r.source_line == (1, 3, 5)
    with pytest.raises(LoadError, match="empty file"):
        parse_text("  \n  ", load_gazetteer())


def test_the_body_stage_gets_the_document_date_for_deadlines_without_a_year() -> None:
    text = (
        "Số 1-KH/TU\n\nKẾ HOẠCH\n\nI - TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Tỉnh ủy báo cáo trước ngày 15/8.\n"
    )
    dated = parse_text("Bình Định, ngày 27 tháng 6 năm 2023\n" + text, None)
    assert [t.deadline for t in dated.tasks] == ["2023-08-15"]


def test_the_gazetteer_passed_in_resolves_the_organs() -> None:
    path = SEEDS / "000_a85277af82c186c2.txt"
    assert parse_file(path, None).organs == ()
    assert parse_file(path, load_gazetteer()).organs
