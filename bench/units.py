"""The organs of the generated country: provinces with their committees, blocs, đảng đoàn, ban cán sự đảng,
districts and communes, sized so that the cascade holds about the number of documents asked for.

>>> country = build_country(1000)
>>> len(country.provinces), country.provinces[0].name
(9, 'An Giang')
>>> country.provinces[0].districts[0].committee.name
'Thành ủy An Hiệp'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bench.names import PROVINCES, place_names, province_word, slug

__all__ = ["Country", "District", "Province", "Unit", "build_country"]

RESOLUTIONS = 3
ISSUE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Unit:
    """An organ the generator writes into the gazetteer; ``code`` is its documents' issuer code (``HU``)."""

    uid: str
    name: str
    kind: str
    level: str
    code: str
    header: tuple[str, ...]  # the organ block of its documents' header, upper body first
    short: str  # how its own documents name it in the preamble (``Ban Thường vụ Huyện ủy``)
    signs: str  # the T/M line of its signature
    place: str  # the place line of its documents


@dataclass(frozen=True, slots=True)
class District:
    committee: Unit
    territory: str  # ``huyện Tân Hiệp``
    communes: tuple[Unit, ...]
    commune_group: str  # the words a district plan uses for its communes


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    scope: str
    word: str  # tỉnh / thành phố
    committee: Unit  # Tỉnh ủy / Thành ủy
    standing: Unit  # its Ban Thường vụ (the issuer of its plans)
    others: tuple[Unit, ...]  # blocs, police, army, đảng đoàn, ban cán sự đảng
    districts: tuple[District, ...]


@dataclass(frozen=True, slots=True)
class Country:
    provinces: tuple[Province, ...]
    districts_per_province: int
    communes_per_district: int


def _sizes(documents: int) -> tuple[int, int, int, int]:
    """Provinces, other units per province, districts per province and communes per district for about
    ``documents`` documents (central ones included), the last level rounded up."""
    provinces = max(1, min(len(PROVINCES), round(math.sqrt(documents) / 3.5)))
    # per issuing province and resolution
    budget = max(3.0, (documents - 2 * RESOLUTIONS) / (RESOLUTIONS * max(1, round(provinces * ISSUE_SHARE))))
    others = max(2, min(13, round(budget / 12)))
    districts = max(1, min(14, round(math.sqrt(budget) * 0.9)))
    rest = budget - 1 - ISSUE_SHARE * others - ISSUE_SHARE * districts
    communes = max(1, math.ceil(rest / (ISSUE_SHARE * ISSUE_SHARE * districts)))
    return provinces, others, districts, min(communes, 40)


def _other_units(p: str, scope: str, word: str, count: int) -> tuple[Unit, ...]:
    at = f"{word} {p}"
    hdr = (f"ĐẢNG BỘ {word.upper()} {p.upper()}",)
    specs = [  # (slug, name, kind, level, code, organ line, preamble short, T/M)
        (
            "dang-uy-khoi-cac-co-quan",
            f"Đảng ủy Khối các cơ quan {at}",
            "bloc_committee",
            "district",
            "ĐUK",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN",
            "Ban Thường vụ Đảng ủy Khối",
            "T/M BAN THƯỜNG VỤ",
        ),
        (
            "dang-uy-cong-an",
            f"Đảng ủy Công an {at}",
            "party_committee",
            "district",
            "ĐU",
            "ĐẢNG ỦY CÔNG AN TỈNH" if word == "tỉnh" else "ĐẢNG ỦY CÔNG AN THÀNH PHỐ",
            "Ban Thường vụ Đảng ủy Công an",
            "T/M BAN THƯỜNG VỤ",
        ),
        (
            "dang-doan-hdnd",
            f"Đảng đoàn Hội đồng nhân dân {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN HỘI ĐỒNG NHÂN DÂN",
            "Đảng đoàn Hội đồng nhân dân",
            "T/M ĐẢNG ĐOÀN",
        ),
        (
            "ban-can-su-dang-ubnd",
            f"Ban cán sự đảng Ủy ban nhân dân {at}",
            "party_affairs_committee",
            "province",
            "BCSĐ",
            "BAN CÁN SỰ ĐẢNG ỦY BAN NHÂN DÂN",
            "Ban cán sự đảng Ủy ban nhân dân",
            "T/M BAN CÁN SỰ ĐẢNG",
        ),
        (
            "dang-uy-khoi-doanh-nghiep",
            f"Đảng ủy Khối Doanh nghiệp {at}",
            "bloc_committee",
            "district",
            "ĐUK",
            "ĐẢNG ỦY KHỐI DOANH NGHIỆP",
            "Ban Thường vụ Đảng ủy Khối",
            "T/M BAN THƯỜNG VỤ",
        ),
        (
            "dang-doan-mttq",
            f"Đảng đoàn Mặt trận Tổ quốc Việt Nam {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN MẶT TRẬN TỔ QUỐC VIỆT NAM",
            "Đảng đoàn Mặt trận Tổ quốc Việt Nam",
            "T/M ĐẢNG ĐOÀN",
        ),
        (
            "dang-uy-quan-su",
            f"Đảng ủy Quân sự {at}",
            "party_committee",
            "district",
            "ĐU",
            "ĐẢNG ỦY QUÂN SỰ TỈNH" if word == "tỉnh" else "ĐẢNG ỦY QUÂN SỰ THÀNH PHỐ",
            "Thường vụ Đảng ủy Quân sự",
            "T/M THƯỜNG VỤ ĐẢNG ỦY",
        ),
        (
            "ban-can-su-dang-tand",
            f"Ban cán sự đảng Tòa án nhân dân {at}",
            "party_affairs_committee",
            "province",
            "BCSĐ",
            "BAN CÁN SỰ ĐẢNG TÒA ÁN NHÂN DÂN",
            "Ban cán sự đảng Tòa án nhân dân",
            "T/M BAN CÁN SỰ ĐẢNG",
        ),
        (
            "dang-doan-hoi-nong-dan",
            f"Đảng đoàn Hội Nông dân {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN HỘI NÔNG DÂN",
            "Đảng đoàn Hội Nông dân",
            "T/M ĐẢNG ĐOÀN",
        ),
        (
            "ban-can-su-dang-vksnd",
            f"Ban cán sự đảng Viện Kiểm sát nhân dân {at}",
            "party_affairs_committee",
            "province",
            "BCSĐ",
            "BAN CÁN SỰ ĐẢNG VIỆN KIỂM SÁT NHÂN DÂN",
            "Ban cán sự đảng Viện Kiểm sát nhân dân",
            "T/M BAN CÁN SỰ ĐẢNG",
        ),
        (
            "dang-doan-lien-doan-lao-dong",
            f"Đảng đoàn Liên đoàn Lao động {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN LIÊN ĐOÀN LAO ĐỘNG",
            "Đảng đoàn Liên đoàn Lao động",
            "T/M ĐẢNG ĐOÀN",
        ),
        (
            "dang-doan-hoi-lien-hiep-phu-nu",
            f"Đảng đoàn Hội Liên hiệp Phụ nữ {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN HỘI LIÊN HIỆP PHỤ NỮ",
            "Đảng đoàn Hội Liên hiệp Phụ nữ",
            "T/M ĐẢNG ĐOÀN",
        ),
        (
            "dang-doan-hoi-cuu-chien-binh",
            f"Đảng đoàn Hội Cựu chiến binh {at}",
            "party_delegation",
            "province",
            "ĐĐ",
            "ĐẢNG ĐOÀN HỘI CỰU CHIẾN BINH",
            "Đảng đoàn Hội Cựu chiến binh",
            "T/M ĐẢNG ĐOÀN",
        ),
    ]
    return tuple(
        Unit(f"{scope}/{s}", name, kind, level, code, (*hdr, line), short, signs, p)
        for s, name, kind, level, code, line, short, signs in specs[:count]
    )


def _district(p: str, scope: str, word: str, index: int, names: list[str], communes: int) -> District:
    place = names[index]
    if word == "thành phố":
        kind, territory = ("Quận ủy", "quận") if index % 3 else ("Huyện ủy", "huyện")
    else:
        kind, territory = {0: ("Thành ủy", "thành phố"), 1: ("Thị ủy", "thị xã")}.get(index, ("Huyện ủy", "huyện"))
    code = {"Quận ủy": "QU", "Thành ủy": "TU", "Thị ủy": "TU"}.get(kind, "HU")
    name = f"{kind} {place}"
    committee = Unit(
        f"{scope}/{slug(name)}",
        name,
        "party_committee",
        "district",
        code,
        (f"ĐẢNG BỘ {word.upper()} {p.upper()}", name.upper()),
        f"Ban Thường vụ {kind}",
        "T/M BAN THƯỜNG VỤ",
        place,
    )
    urban = territory in ("quận", "thành phố", "thị xã")
    commune_word = "phường" if urban else "xã"
    units = []
    for k in range(communes):
        cplace = names[len(names) - 1 - (index * communes + k)]  # from the other end: never a district's name
        cname = f"Đảng ủy {commune_word} {cplace}"
        units.append(
            Unit(
                f"{scope}/{slug(territory)}-{slug(place)}/{slug(cname)}",
                cname,
                "party_committee",
                "grassroots",
                "ĐU",
                (f"ĐẢNG BỘ {territory.upper()} {place.upper()}", cname.upper()),
                "Ban Thường vụ Đảng ủy",
                "T/M BAN THƯỜNG VỤ" if k % 3 else "T/M ĐẢNG ỦY",
                cplace,
            )
        )
    group = "Các đảng ủy phường, xã" if urban else "Các đảng ủy xã, thị trấn"
    return District(committee, f"{territory} {place}", tuple(units), group)


def build_country(documents: int, *, extra_communes: int = 0) -> Country:
    """The organs of a cascade of about ``documents`` documents (deterministic)."""
    count, others, districts, communes = _sizes(documents)
    communes += extra_communes
    names = place_names()
    provinces = []
    for p in PROVINCES[:count]:
        scope, word = slug(p), province_word(p)
        kind = "Thành ủy" if word == "thành phố" else "Tỉnh ủy"
        committee = Unit(
            f"{scope}/tinh-uy",
            f"{kind} {p}",
            "party_committee",
            "province",
            "TU",
            (f"ĐẢNG BỘ {word.upper()} {p.upper()}", kind.upper()),
            f"Ban Thường vụ {kind}",
            "T/M BAN THƯỜNG VỤ",
            p,
        )
        standing = Unit(
            f"{scope}/ban-thuong-vu-tinh-uy",
            f"Ban Thường vụ {kind} {p}",
            "standing_committee",
            "province",
            "TU",
            committee.header,
            committee.short,
            committee.signs,
            p,
        )
        provinces.append(
            Province(
                p,
                scope,
                word,
                committee,
                standing,
                _other_units(p, scope, word, others),
                tuple(_district(p, scope, word, i, names, communes) for i in range(districts)),
            )
        )
    return Country(tuple(provinces), districts, communes)
