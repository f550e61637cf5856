"""loaders.text.organ_words: one vocabulary of organ names, read the same way by every stage that needs it."""

from __future__ import annotations

import pytest

from loaders.extract.body.organ_phrases import scan_organs
from loaders.extract.header import _PARTY_ORGAN, _TERRITORIAL_UNIT, _TERRITORY_LINE
from loaders.organs import load_gazetteer
from loaders.text.casing import organ_case
from loaders.text.folding import fold
from loaders.text.organ_words import ORGAN_ABBREVIATIONS, TERRITORIAL_COMMITTEES, TERRITORIES


@pytest.mark.parametrize("committee", TERRITORIAL_COMMITTEES)
def test_a_committee_named_after_its_territory_is_read_alike_by_casing_header_and_body(committee: str) -> None:
    printed = f"{committee.upper()} BÌNH ĐỊNH"
    cased = organ_case(printed)
    assert cased == f"{committee[:1].upper()}{committee[1:]} Bình Định"
    assert _TERRITORIAL_UNIT.match(cased)
    assert _PARTY_ORGAN.search(fold(cased))
    assert [s.head for s in scan_organs(f"{cased} chủ trì thực hiện")[0]] == [committee]


@pytest.mark.parametrize("territory", TERRITORIES)
def test_a_territory_heads_a_place_in_casing_and_in_header_lines(territory: str) -> None:
    assert organ_case(f"SỞ NỘI VỤ {territory.upper()} AN NHƠN") == f"Sở Nội vụ {territory} An Nhơn"
    assert _TERRITORY_LINE.match(f"{territory.upper()} AN NHƠN")


@pytest.mark.parametrize("abbreviation", sorted(ORGAN_ABBREVIATIONS))
def test_every_abbreviation_kept_as_printed_is_expanded_by_the_gazetteer_rules(abbreviation: str) -> None:
    assert organ_case(f"{abbreviation} TỈNH BÌNH ĐỊNH").startswith(abbreviation)
    assert abbreviation in load_gazetteer().rules.abbreviations
