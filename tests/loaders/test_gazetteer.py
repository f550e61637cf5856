"""The organ gazetteer: the shipped data loads and holds what DOMAIN.md states; bad files fail clearly."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from loaders.organs.gazetteer import (
    Context,
    Gazetteer,
    GazetteerError,
    default_path,
    expand_abbreviations,
    expand_group,
    group_members,
    load_gazetteer,
    read_gazetteer,
)

DISTRICTS = "binh-dinh/nhom/huyen-thi-thanh-uy"
ELEVEN = [
    "Thành ủy Quy Nhơn",
    "Thị ủy An Nhơn",
    "Thị ủy Hoài Nhơn",
    "Huyện ủy Tuy Phước",
    "Huyện ủy Phù Cát",
    "Huyện ủy Phù Mỹ",
    "Huyện ủy Tây Sơn",
    "Huyện ủy Hoài Ân",
    "Huyện ủy An Lão",
    "Huyện ủy Vân Canh",
    "Huyện ủy Vĩnh Thạnh",
]


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


# --- the shipped data --------------------------------------------------------------------------------------


def test_loads_once_and_reports_itself(g: Gazetteer) -> None:
    assert load_gazetteer() is g
    assert load_gazetteer(default_path()) is g
    assert len(g.organs) > 150 and "binh-dinh" in g.scopes and "tw" in g.scopes
    assert {Path(f).name for f in g.files} >= {"central.yaml", "binh-dinh-2023.yaml", "rules.yaml"}


def test_the_eleven_district_committees_of_2023(g: Gazetteer) -> None:
    units = expand_group(g, DISTRICTS, date(2023, 5, 24))
    assert [o.name for o in units] == ELEVEN
    assert {o.level for o in units} == {"district"} and {o.parent for o in units} == {"binh-dinh/tinh-uy"}


def test_after_the_2025_reform_no_district_committee_is_left_but_each_has_a_successor(g: Gazetteer) -> None:
    assert expand_group(g, DISTRICTS, date(2025, 8, 1)) == []
    members = group_members(g, DISTRICTS, date(2025, 8, 1))
    assert len(members) == 11 and not any(m.valid for m in members)
    assert {s.uid for m in members for s in m.successors} == {"gia-lai-2025/tinh-uy"}
    assert all(s.relation == "abolished" for m in members for s in m.organ.successors)


def test_party_committees_under_the_tinh_uy_confirmed_and_unconfirmed(g: Gazetteer) -> None:
    group = "binh-dinh/nhom/dang-uy-truc-thuoc"
    confirmed = [o.uid for o in expand_group(g, group, date(2023, 5, 24))]
    assert confirmed == ["binh-dinh/duk-cac-co-quan", "binh-dinh/dang-uy-cong-an"]
    everyone = {o.uid for o in expand_group(g, group, date(2023, 5, 24), include_unconfirmed=True)}
    assert everyone - set(confirmed) == {
        "binh-dinh/duk-doanh-nghiep",
        "binh-dinh/dang-uy-quan-su",
        "binh-dinh/dang-uy-bien-phong",
    }
    assert all(g.organ(u).existence_unconfirmed for u in everyone - set(confirmed))
    # 7 Feb 2025: the Bloc committee gives way to the two new committees
    after = [o.uid for o in expand_group(g, group, date(2025, 3, 1))]
    assert after == ["binh-dinh/dang-uy-cong-an", "binh-dinh/dang-uy-cac-co-quan-dang", "binh-dinh/dang-uy-ubnd"]


def test_included_groups_and_collectives(g: Gazetteer) -> None:
    both = {o.uid for o in expand_group(g, "binh-dinh/nhom/cap-uy-truc-thuoc", date(2023, 5, 24))}
    assert len(both) == 13 and "binh-dinh/huyen-uy-an-lao" in both and "binh-dinh/duk-cac-co-quan" in both
    collective = g.group("binh-dinh/duk-cac-co-quan/co-so")
    assert collective.collective and expand_group(g, collective.uid, date(2023, 6, 27)) == []
    assert expand_group(g, "binh-dinh/ubnd", date(2023, 1, 1))[0].name == "Ủy ban nhân dân tỉnh Bình Định"


def test_provincial_party_delegations_ended_on_7_february_2025(g: Gazetteer) -> None:
    delegations = expand_group(g, "binh-dinh/nhom/dang-doan", date(2023, 5, 24))
    assert [o.uid for o in delegations] == ["binh-dinh/dang-doan-hdnd", "binh-dinh/dang-doan-mttq"]
    bcsd = g.organ("binh-dinh/ban-can-su-dang-ubnd")
    assert bcsd.valid_to == date(2025, 2, 6) and not bcsd.valid_on(date(2025, 2, 7))
    assert [s.uid for s in bcsd.successors] == ["binh-dinh/dang-uy-ubnd"]


@pytest.mark.parametrize(
    ("uid", "on", "expected"),
    [
        ("binh-dinh/ban-tuyen-giao-tinh-uy", date(2025, 3, 1), ["binh-dinh/ban-tuyen-giao-va-dan-van-tinh-uy"]),
        ("binh-dinh/ban-tuyen-giao-tinh-uy", date(2025, 8, 1), ["gia-lai-2025/ban-tuyen-giao-va-dan-van-tinh-uy"]),
        ("binh-dinh/tinh-uy", date(2025, 8, 1), ["gia-lai-2025/tinh-uy"]),
        ("tw/ban-tuyen-giao", date(2025, 3, 1), ["tw/ban-tuyen-giao-va-dan-van"]),
        ("tw/ban-can-su-dang-chinh-phu", date(2025, 5, 25), ["tw/dang-uy-chinh-phu"]),
        ("tw/dang-doan-quoc-hoi", date(2025, 5, 25), ["tw/dang-uy-quoc-hoi"]),
        ("tw/bo-tai-nguyen-moi-truong", date(2025, 3, 1), ["tw/bo-nong-nghiep-moi-truong"]),
    ],
)
def test_successors_followed_to_the_date(g: Gazetteer, uid: str, on: date, expected: list[str]) -> None:
    assert [o.uid for o in g.successors_on(uid, on)] == expected


def test_rename_keeps_the_uid_and_the_name_of_the_day(g: Gazetteer) -> None:
    organ = g.organ("tw/ban-kinh-te")
    assert organ.name_on(date(2024, 12, 22)) == "Ban Kinh tế Trung ương"
    assert organ.name_on(date(2025, 5, 1)) == organ.name == "Ban Chính sách, chiến lược Trung ương"
    found = g.find("Ban Kinh tế Trung ương", Context(scope="tw", on=date(2024, 12, 22)))
    assert found is not None and (found.uid, found.name) == ("tw/ban-kinh-te", "Ban Kinh tế Trung ương")


def test_chain_follows_of_and_parent(g: Gazetteer) -> None:
    assert g.chain("binh-dinh/duk-cac-co-quan/ban-thuong-vu") == (
        "binh-dinh/duk-cac-co-quan/ban-thuong-vu",
        "binh-dinh/duk-cac-co-quan",
        "binh-dinh/tinh-uy",
        "tw/bch",
    )
    assert g.chain("binh-dinh/ban-can-su-dang-ubnd")[:3] == (
        "binh-dinh/ban-can-su-dang-ubnd",
        "binh-dinh/ubnd",
        "binh-dinh/tinh-uy",
    )


def test_name_forms_for_review(g: Gazetteer) -> None:
    forms = g.forms("binh-dinh/duk-cac-co-quan/ban-tuyen-giao")
    assert {"BTGĐUK", "Ban Tuyên giáo Đảng ủy Khối", "Ban Tuyên giáo"} <= set(forms)


def test_abbreviations_expand_word_by_word(g: Gazetteer) -> None:
    assert expand_abbreviations("UBND tỉnh", g.rules) == "Ủy ban nhân dân tỉnh"
    assert expand_abbreviations("HĐND, UBND các tỉnh", g.rules) == "Hội đồng nhân dân, Ủy ban nhân dân các tỉnh"
    assert expand_abbreviations("Bộ KH&CN", g.rules) == "Bộ Khoa học và Công nghệ"
    assert expand_abbreviations("Bộ Kh&cn", g.rules) == "Bộ Khoa học và Công nghệ"
    assert expand_abbreviations("Sở tu pháp", g.rules) == "Sở tu pháp"


def test_every_organ_and_group_has_a_scope_and_kind(g: Gazetteer) -> None:
    for o in g.organs.values():
        assert o.scope in g.scopes and o.kind, o.uid
        assert o.parent is None or o.parent in g.organs, o.uid
    for grp in g.groups.values():
        assert grp.collective or g.members(grp.uid), f"{grp.uid} lists no member and is not a collective"


# --- bad files ---------------------------------------------------------------------------------------------

BASE_ORGAN = """
defaults: {scope: binh-dinh, level: province}
organs:
  - uid: binh-dinh/tinh-uy
    name: Tỉnh ủy Bình Định
    kind: party_committee
"""


def _gazetteer_dir(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    shutil.copy(default_path() / "schema.json", tmp_path / "schema.json")
    shutil.copy(default_path() / "scopes.yaml", tmp_path / "scopes.yaml")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_minimal_directory_loads(tmp_path: Path) -> None:
    g = read_gazetteer(_gazetteer_dir(tmp_path, BASE_ORGAN))
    found = g.find("Tỉnh ủy", Context(scope="binh-dinh"))
    assert found is not None and found.uid == "binh-dinh/tinh-uy"


@pytest.mark.parametrize(
    ("text", "organ", "reason"),
    [
        ("organs:\n  - uid: a\n    name: [unclosed\n", None, "not valid YAML: line"),
        (BASE_ORGAN.replace("party_committee", "party_comittee"), "binh-dinh/tinh-uy", "kind: 'party_comittee'"),
        (BASE_ORGAN.replace("binh-dinh/tinh-uy", "Bình Định/Tỉnh ủy"), "Bình Định/Tỉnh ủy", "uid: 'Bình Định"),
        (BASE_ORGAN.replace("uid: binh-dinh/tinh-uy\n    ", ""), "organs[0]", "'uid' is a required property"),
        (BASE_ORGAN + "    colour: red\n", "binh-dinh/tinh-uy", "'colour' was unexpected"),
        (BASE_ORGAN + "    parent: tw/bch\n", "binh-dinh/tinh-uy", "parent 'tw/bch' is not an organ"),
        (BASE_ORGAN + "    valid_to: '2025-02-30'\n", "binh-dinh/tinh-uy", "'2025-02-30' is not a real date"),
        (BASE_ORGAN + "    valid_to: 30/6/2025\n", "binh-dinh/tinh-uy", "valid_to: '30/6/2025' does not match"),
        (
            BASE_ORGAN + "    valid_from: '2025-07-01'\n    valid_to: '2025-06-30'\n",
            "binh-dinh/tinh-uy",
            "valid_to 2025-06-30 is before valid_from 2025-07-01",
        ),
        (
            BASE_ORGAN
            + "    valid_to: '2025-06-30'\n    successors: [{uid: gia-lai/tinh-uy, relation: merged_into}]\n",
            "binh-dinh/tinh-uy",
            "successor 'gia-lai/tinh-uy' is not an organ",
        ),
        (
            BASE_ORGAN + "    successors: [{uid: binh-dinh/tinh-uy, relation: renamed}]\n",
            "binh-dinh/tinh-uy",
            "cannot succeed itself",
        ),
        (
            BASE_ORGAN + "    groups: [binh-dinh/nhom/x]\n",
            "binh-dinh/tinh-uy",
            "group 'binh-dinh/nhom/x' does not exist",
        ),
        (BASE_ORGAN.replace("binh-dinh, level", "hai-phong, level"), "binh-dinh/tinh-uy", "scope 'hai-phong'"),
        (BASE_ORGAN + BASE_ORGAN.split("organs:\n")[1], "binh-dinh/tinh-uy", "uid already used in broken.yaml"),
        (
            BASE_ORGAN + "  - {uid: binh-dinh/tinh-uy-2, name: TỈNH ỦY  BÌNH ĐỊNH, kind: party_committee}\n",
            "binh-dinh/tinh-uy-2",
            "already used by binh-dinh/tinh-uy",
        ),
        (
            BASE_ORGAN + "    parent: binh-dinh/x\n"
            "  - {uid: binh-dinh/x, name: X, kind: office, parent: binh-dinh/tinh-uy}\n",
            "binh-dinh/tinh-uy",
            "parent chain loops",
        ),
        (
            BASE_ORGAN
            + "groups:\n  - {uid: binh-dinh/c, name: C, collective: true, members: [binh-dinh/tinh-uy]}\n",
            "binh-dinh/c",
            "a collective lists no members",
        ),
        (
            BASE_ORGAN + "    successors: [{uid: binh-dinh/tinh-uy-2, relation: merged_into}]\n"
            "  - {uid: binh-dinh/tinh-uy-2, name: Y, kind: party_committee}\n",
            "binh-dinh/tinh-uy",
            "has successors but no valid_to",
        ),
    ],
)
def test_bad_files_name_the_file_the_organ_and_the_reason(
    tmp_path: Path, text: str, organ: str | None, reason: str
) -> None:
    with pytest.raises(GazetteerError) as caught:
        read_gazetteer(_gazetteer_dir(tmp_path, text))
    error = caught.value
    assert Path(error.path).name == "broken.yaml"
    assert error.organ == organ
    assert reason in error.reason, error.reason
    assert str(error).startswith(f"{error.path}: ")


def test_a_directory_without_schema_or_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="JSON Schema"):
        read_gazetteer(tmp_path)
    with pytest.raises(GazetteerError, match="no such directory"):
        read_gazetteer(tmp_path / "missing")


def test_the_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from loaders.organs.__main__ import main as _main

    assert _main([]) == 0 and "organs" in capsys.readouterr().out
    assert _main([str(_gazetteer_dir(tmp_path, "organs: [{uid: x}]\n"))]) == 1
    assert "broken.yaml: x: 'name' is a required property" in capsys.readouterr().err
