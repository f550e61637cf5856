"""The generated cascade: which units issue which plans, when, copying what of their parent; and its truth.

3 central resolutions → a Politburo plan each → the provinces' plans → their blocs, police, army, đảng đoàn,
ban cán sự đảng and districts → the districts' communes. Of the units a plan orders to issue their own, 80 %
do, a quarter of those after the deadline. Numbers repeat across units as they do in life: every commune's plan
for one resolution is ``05-KH/ĐU`` (``07``, ``12`` for the others), the two blocs of a province share one number.

>>> cascade = build_cascade(100, seed=1)
>>> len(cascade.documents)
100
>>> cascade.documents[0].symbol, cascade.documents[1].symbol
('27-NQ/TW', '11-KH/TW')
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench.names import person, slug
from bench.texts import TOPICS, Order, Spec, Topic, paragraphs, vn_date
from bench.units import RESOLUTIONS, Country, District, Province, Unit, build_country

__all__ = ["AS_OF", "Cascade", "Doc", "build_cascade"]

AS_OF = date(2026, 12, 31)
_COMMUNE_NUMBERS = (5, 7, 12)
_POLITBURO = Unit(
    "tw/bo-chinh-tri",
    "Bộ Chính trị",
    "politburo",
    "central",
    "TW",
    ("BAN CHẤP HÀNH TRUNG ƯƠNG",),
    "Bộ Chính trị",
    "T/M BỘ CHÍNH TRỊ",
    "Hà Nội",
)
_BCH = Unit(
    "tw/bch",
    "Ban Chấp hành Trung ương Đảng",
    "party_committee",
    "central",
    "TW",
    ("BAN CHẤP HÀNH TRUNG ƯƠNG",),
    "Ban Chấp hành Trung ương",
    "T/M BAN CHẤP HÀNH TRUNG ƯƠNG",
    "Hà Nội",
)


@dataclass(slots=True)
class Doc:
    """One generated document; ``unit`` is the organ it counts for (the committee, not its Ban Thường vụ)."""

    file: str
    symbol: str
    date: dt.date
    unit: Unit
    issuer_name: str  # the name the document speaks with (``Ban Thường vụ Huyện ủy Tân Hiệp``)
    topic: Topic
    spec: Spec
    parent: Doc | None = None
    leaf: bool = True
    ordered: list[Unit] = field(default_factory=list)  # units this plan orders to issue their own
    deadline: dt.date | None = None
    cites: str = ""
    where: str = ""


@dataclass(frozen=True, slots=True)
class Cascade:
    country: Country
    documents: list[Doc]
    seed: int


def _choose(rng: random.Random, units: list[Unit]) -> dict[str, str]:
    """Exactly 80 % of ``units`` issue (rounded), a quarter of those late: uid → ``on_time`` / ``late``."""
    issuing = rng.sample(units, round(len(units) * 0.8))
    late = set(u.uid for u in rng.sample(issuing, round(len(issuing) / 4)))
    return {u.uid: ("late" if u.uid in late else "on_time") for u in issuing}


def _when(rng: random.Random, parent: date, deadline: date, status: str) -> date:
    if status == "late":
        return deadline + timedelta(days=rng.randint(3, 40))
    return parent + timedelta(days=rng.randint(3, max(3, (deadline - parent).days)))


def _cite(doc: Doc, full: bool = True) -> str:
    name = doc.issuer_name if full else doc.unit.short if doc.unit.level != "central" else doc.issuer_name
    kind = "Nghị quyết" if "/NQ" in doc.symbol or "-NQ/" in doc.symbol else "Kế hoạch"
    return f"{kind} số {doc.symbol} ngày {vn_date(doc.date, True)} của {name}"


class _Builder:
    def __init__(self, country: Country, seed: int) -> None:
        self.country, self.seed, self.docs = country, seed, []  # type: ignore[var-annotated]
        self.used: dict[str, set[int]] = {}

    def number(self, unit: Unit, rng: random.Random, low: int, high: int, wanted: int | None = None) -> int:
        """A number the unit has not used yet: a Party body numbers each type once per term (CONVENTIONS §1.3),
        so one issuer never prints the same symbol twice, while other units may."""
        used = self.used.setdefault(unit.uid, set())
        number = rng.randint(low, high) if wanted is None else wanted
        while number in used:
            number = rng.randint(low, high)
        used.add(number)
        return number

    def rng(self, *key: object) -> random.Random:
        return random.Random(f"{self.seed}:" + ":".join(map(str, key)))

    def add(self, doc: Doc) -> Doc:
        doc.file = f"{len(self.docs):05d}_{slug(doc.unit.uid)}_{slug(doc.symbol)}.txt"
        self.docs.append(doc)
        return doc

    def spec(
        self,
        unit: Unit,
        issuer_name: str,
        symbol: str,
        when: date,
        parent: Doc | None,
        topic: Topic,
        *,
        where: str,
        rng: random.Random,
        ordered: Order | None = None,
        kind: str = "KẾ HOẠCH",
    ) -> Spec:
        resolution = f"Nghị quyết số {topic.number}-NQ/TW ngày {vn_date(topic.date, True)} của Ban Chấp hành "
        resolution += f"Trung ương Đảng khóa XIII về {topic.about}"
        mode = rng.random()
        own_tasks = paragraphs(topic, rng, rng.randint(2, 4), where)
        own_purposes = [f"Quán triệt sâu sắc, thống nhất nhận thức và hành động về {topic.about} {where}."]
        if parent is None:
            purposes, tasks = own_purposes * 1, paragraphs(topic, rng, 8, where)
            title = f"thực hiện {resolution}" if kind == "KẾ HOẠCH" else f"về {topic.about}"
            preamble = (
                f"Thực hiện {resolution}, Bộ Chính trị ban hành Kế hoạch thực hiện như sau:"
                if kind == "KẾ HOẠCH"
                else f"Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII thống nhất các nội dung về "
                f"{topic.about} như sau:"
            )
        else:
            title = f"thực hiện {resolution}" + (f" {where}" if unit.level == "grassroots" else "")
            full = unit.level == "grassroots" or rng.random() < 0.7
            preamble = (
                f"Thực hiện {_cite(parent, full)} về thực hiện {resolution}, {unit.short} ban hành Kế hoạch "
            )
            preamble += "thực hiện như sau:"
            pt, pp = list(parent.spec.tasks), list(parent.spec.purposes)
            if (
                parent.ordered
                and not ordered
                and unit.level in ("grassroots", "province")
                and mode < 0.08
                and len(pt) > 1
            ):
                # a strict subset of the parent's paragraphs, word for word, nothing of its own
                keep = sorted(rng.sample(range(len(pt)), rng.randint(1, len(pt) - 1)))
                return self._spec(
                    unit,
                    issuer_name,
                    symbol,
                    when,
                    title,
                    preamble,
                    pp,
                    [pt[i] for i in keep],
                    None,
                    rng,
                    leaf_only=True,
                )
            if mode < 0.45:
                purposes, tasks = own_purposes + pp, pt + own_tasks
            else:
                reworded = [_reword(t, parent.where, where) for t in pt]
                purposes, tasks = own_purposes + pp[:1], reworded + own_tasks
        return self._spec(unit, issuer_name, symbol, when, title, preamble, purposes, tasks, ordered, rng)

    def _spec(
        self,
        unit: Unit,
        issuer_name: str,
        symbol: str,
        when: date,
        title: str,
        preamble: str,
        purposes: list[str],
        tasks: list[str],
        order: Order | None,
        rng: random.Random,
        leaf_only: bool = False,
    ) -> Spec:
        own = unit.short.replace("Ban Thường vụ ", "").replace("Thường vụ ", "")
        office = "Văn phòng Trung ương Đảng" if unit.level == "central" else f"Văn phòng {own}"
        follow = (
            None
            if leaf_only
            else (
                f"{office} chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, kiểm tra việc thực "
                f"hiện Kế hoạch này; định kỳ tổng hợp, báo cáo {unit.short}."
            )
        )
        recipients = ("Các đồng chí ủy viên",) if leaf_only else ("Các cơ quan liên quan", "Các đồng chí ủy viên")
        return Spec(
            header=unit.header,
            symbol=symbol,
            place=unit.place,
            date=when,
            type_word="NGHỊ QUYẾT" if "-NQ/" in symbol else "KẾ HOẠCH",
            title=title,
            preamble=preamble,
            purposes=tuple(purposes),
            tasks=tuple(tasks),
            assigned=(),
            order=order,
            follow_up=follow,
            recipients=recipients,
            signs=unit.signs,
            title_of_signer=_signer_title(unit, rng),
            signer=person(rng.randrange(10_000)),
            padded=rng.random() < 0.6,
            noise=rng.random() < 0.2,
            seed=rng.randrange(1 << 30),
        )


def _signer_title(unit: Unit, rng: random.Random) -> str:
    if unit.level == "central":
        return "TỔNG BÍ THƯ" if unit.uid == "tw/bch" else "THƯỜNG TRỰC BAN BÍ THƯ"
    return rng.choice(("BÍ THƯ", "PHÓ BÍ THƯ"))


def _reword(task: str, old: str, where: str) -> str:
    """The parent's paragraph said again for the child's own territory or body."""
    task = task.replace(f" {old};", f" {where};", 1) if old else task
    return task.replace("Tiếp tục nâng cao hiệu quả", "Nâng cao hiệu quả", 1).replace("Chú trọng", "Quan tâm", 1)


def _where(unit: Unit, province: Province | None, district: District | None) -> str:
    if unit.level == "central":
        return "trong cả nước"
    if unit.level == "grassroots" and district and province:
        return f"trên địa bàn {unit.name.split(' ', 2)[2]}, {district.territory}, {province.word} {province.name}"
    if unit.level == "district" and district:
        return f"trên địa bàn {district.territory}"
    if unit.kind == "bloc_committee":
        return "trong Đảng bộ Khối"
    if unit is (province.committee if province else None):
        return f"của {province.word}" if province else ""
    return "của cơ quan, đơn vị"


def _plan(
    b: _Builder,
    unit: Unit,
    name: str,
    symbol: str,
    when: date,
    parent: Doc,
    topic: Topic,
    where: str,
    ordered: list[Unit],
    order_words: str,
    deadline_days: int,
    cites: str,
) -> Doc:
    rng = b.rng(unit.uid, symbol, when)
    order = None
    if ordered:
        submit = f"{unit.short} (qua Ban Tuyên giáo {unit.short.replace('Ban Thường vụ ', '')})"
        order = Order(order_words, submit, when + timedelta(days=deadline_days))
    spec = b.spec(unit, name, symbol, when, parent, topic, where=where, rng=rng, ordered=order)
    doc = Doc(
        "",
        symbol,
        when,
        unit,
        name,
        topic,
        spec,
        parent,
        leaf=not ordered,
        ordered=ordered,
        deadline=order.deadline if order else None,
        cites=cites,
        where=where,
    )
    return b.add(doc)


def _issuer_name(unit: Unit) -> str:
    """The name a unit's plan speaks with: its Ban Thường vụ when it signs ``T/M BAN THƯỜNG VỤ``."""
    if unit.signs == "T/M BAN THƯỜNG VỤ" and unit.kind != "standing_committee":
        return f"Ban Thường vụ {unit.name}"
    return unit.name


def _province(b: _Builder, p: Province, r: int, bct: Doc, status: str) -> None:
    topic, rng = bct.topic, b.rng(p.scope, r)
    when = _when(rng, bct.date, bct.deadline or bct.date, status)
    districts = "các quận ủy, huyện ủy" if p.word == "thành phố" else "các huyện ủy, thị ủy, thành ủy"
    kind = p.committee.name.split(" ")[0] + " ủy"
    words = f"Các đảng đoàn, ban cán sự đảng, {districts} và đảng ủy trực thuộc {kind}"
    units = [*p.others, *(d.committee for d in p.districts)]
    cites = f"Nghị quyết số {topic.number}-NQ/TW, {_cite(bct)}"
    plan = _plan(
        b,
        p.committee,
        p.standing.name,
        f"{b.number(p.committee, rng, 40, 160)}-KH/TU",
        when,
        bct,
        topic,
        _where(p.committee, p, None),
        units,
        words,
        40,
        cites,
    )
    choice = _choose(rng, units)
    bloc_number = rng.randint(30, 120)
    for u in p.others:
        if u.uid in choice:
            number = b.number(u, rng, 5, 60, bloc_number if u.code == "ĐUK" else None)
            d = _when(b.rng(u.uid, r), plan.date, plan.deadline or plan.date, choice[u.uid])
            _plan(
                b, u, _issuer_name(u), f"{number}-KH/{u.code}", d, plan, topic, _where(u, p, None), [], "", 0, ""
            )
    for district in p.districts:
        if district.committee.uid in choice:
            _district(b, p, district, r, plan, choice[district.committee.uid])


def _district(b: _Builder, p: Province, district: District, r: int, parent: Doc, status: str) -> None:
    unit, rng = district.committee, b.rng(district.committee.uid, r)
    when = _when(rng, parent.date, parent.deadline or parent.date, status)
    units = list(district.communes)
    plan = _plan(
        b,
        unit,
        _issuer_name(unit),
        f"{b.number(unit, rng, 20, 150)}-KH/{unit.code}",
        when,
        parent,
        parent.topic,
        _where(unit, p, district),
        units,
        district.commune_group,
        30,
        _cite(parent),
    )
    choice = _choose(rng, units)
    for u in units:
        if u.uid in choice:
            d = _when(b.rng(u.uid, r), plan.date, plan.deadline or plan.date, choice[u.uid])
            symbol = f"{_COMMUNE_NUMBERS[r]:02d}-KH/ĐU"
            _plan(b, u, _issuer_name(u), symbol, d, plan, parent.topic, _where(u, p, district), [], "", 0, "")


def _central(b: _Builder, r: int) -> Doc:
    topic = TOPICS[r]
    rng = b.rng("tw", r)
    spec = b.spec(
        _BCH,
        _BCH.name,
        f"{topic.number}-NQ/TW",
        topic.date,
        None,
        topic,
        where="trong cả nước",
        rng=rng,
        kind="NGHỊ QUYẾT",
    )
    resolution = b.add(
        Doc("", f"{topic.number}-NQ/TW", topic.date, _BCH, _BCH.name, topic, spec, where="trong cả nước")
    )
    when = topic.date + timedelta(days=19)
    order = Order(
        "Các tỉnh ủy, thành ủy", "Bộ Chính trị (qua Ban Tuyên giáo Trung ương)", when + timedelta(days=60)
    )
    symbol = f"{11 + 3 * r}-KH/TW"
    spec = b.spec(
        _POLITBURO, "Bộ Chính trị", symbol, when, None, topic, where="trong cả nước", rng=rng, ordered=order
    )
    units = [p.committee for p in b.country.provinces]
    return b.add(
        Doc(
            "",
            symbol,
            when,
            _POLITBURO,
            "Bộ Chính trị",
            topic,
            spec,
            resolution,
            leaf=False,
            ordered=units,
            deadline=order.deadline,
            cites=f"Nghị quyết số {topic.number}-NQ/TW",
            where="trong cả nước",
        )
    )


def _full(country: Country, seed: int) -> list[Doc]:
    b = _Builder(country, seed)
    for r in range(RESOLUTIONS):
        bct = _central(b, r)
        choice = _choose(b.rng("provinces", r), list(bct.ordered))
        for p in country.provinces:
            if p.committee.uid in choice:
                _province(b, p, r, bct, choice[p.committee.uid])
    return b.docs


def build_cascade(documents: int, seed: int = 1) -> Cascade:
    """A cascade of exactly ``documents`` documents: the country is sized to hold at least as many, and the
    surplus leaf plans (evenly spread) are not issued, which the truth then records as missing."""
    extra = 0
    while True:
        country = build_country(documents, extra_communes=extra)
        docs = _full(country, seed)
        if len(docs) >= documents or extra > 40:
            break
        extra += 1
    surplus = len(docs) - documents
    leaves = [i for i, d in enumerate(docs) if d.leaf and d.parent is not None and d.parent.parent is not None]
    drop = {leaves[int(k * len(leaves) / surplus)] for k in range(surplus)} if surplus else set()
    kept = [d for i, d in enumerate(docs) if i not in drop]
    for i, d in enumerate(kept):  # renumber the files in order
        d.file = f"{i:05d}_" + d.file.split("_", 1)[1]
    return Cascade(country, kept, seed)
