"""The generated cascade: deterministic, exactly the size asked for, in the seeds' format, with its truth."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from bench.generate import generate
from loaders.organs import load_gazetteer


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("cascade")
    return out, generate(300, out, seed=7)


def test_the_same_arguments_give_the_same_bytes(generated: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = generated
    generate(300, tmp_path, seed=7)
    for path in sorted((out / "documents").iterdir()):
        assert (tmp_path / "documents" / path.name).read_bytes() == path.read_bytes()
    assert (tmp_path / "truth.json").read_bytes() == (out / "truth.json").read_bytes()


@pytest.mark.parametrize("size", [100, 1000])
def test_a_cascade_has_exactly_the_documents_asked_for(size: int, tmp_path: Path) -> None:
    assert len(generate(size, tmp_path)["documents"]) == size
    assert len(list((tmp_path / "documents").iterdir())) == size


def test_four_in_five_units_issue_and_a_quarter_of_those_late(generated: tuple[Path, dict]) -> None:
    _, truth = generated
    statuses = collections.Counter(u["status"] for p in truth["plans"] for u in p["units"])
    issued = statuses["on_time"] + statuses["late"]
    assert 0.7 <= issued / sum(statuses.values()) <= 0.85
    assert 0.2 <= statuses["late"] / issued <= 0.3


def test_communes_share_one_number_and_standing_committees_sign(generated: tuple[Path, dict]) -> None:
    out, truth = generated
    symbols = collections.Counter(d["symbol"] for d in truth["documents"])
    assert symbols["05-KH/ĐU"] > 10
    first = next(d for d in truth["documents"] if d["symbol"] == "05-KH/ĐU" and d["issuer_name"].startswith("Ban"))
    text = (out / "documents" / first["file"]).read_text("utf-8")
    assert "Số 05-KH/ĐU" in text and "T/M BAN THƯỜNG VỤ" in text and "Nơi nhận:" in text


def test_some_child_plans_are_a_strict_subset_of_their_parent_word_for_word(generated: tuple[Path, dict]) -> None:
    out, truth = generated
    files = {d["file"]: d for d in truth["documents"]}

    def paragraphs(name: str) -> set[str]:
        text = (out / "documents" / name).read_text("utf-8")
        body = text.split("NHIỆM VỤ, GIẢI PHÁP", 1)[-1].split("Nơi nhận:", 1)[0]
        return {p.split(". ", 1)[-1] for p in body.split("\n\n") if p[:1].isdigit()}

    subsets = [
        d
        for d in truth["documents"]
        if d["parent"] and files[d["parent"]]["parent"] and paragraphs(d["file"]) < paragraphs(d["parent"])
    ]
    assert subsets


def test_the_gazetteer_written_beside_it_lists_every_ordered_unit(generated: tuple[Path, dict]) -> None:
    out, truth = generated
    gazetteer = load_gazetteer(out / "organs")
    ordered = {u["uid"] for p in truth["plans"] for u in p["units"]}
    assert ordered <= set(gazetteer.organs)


def test_the_truth_names_each_sub_plan_by_file(generated: tuple[Path, dict]) -> None:
    out, truth = generated
    assert json.loads((out / "truth.json").read_text("utf-8")) == truth
    for plan in truth["plans"]:
        for unit in plan["units"]:
            assert (unit["subplan"] is None) == (unit["status"] == "missing")
