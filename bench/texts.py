"""Documents of the generated cascade, written in the seeds' format: header block, number, place and date,
title, preamble citing the parent, numbered sections with tasks (lead/coordinate organs, deadlines), the
sub-plan order, Nơi nhận and the signature; OCR-like noise on a share of them.

>>> vn_date(date(2023, 5, 4), True), vn_date(date(2023, 5, 4), False)
('04/05/2023', '4/5/2023')
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["TOPICS", "Order", "Spec", "Topic", "paragraphs", "render", "vn_date"]


@dataclass(frozen=True, slots=True)
class Topic:
    number: int
    date: date
    about: str
    subjects: tuple[str, ...]


TOPICS = (
    Topic(27, date(2022, 11, 9), "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam "
          "trong giai đoạn mới", (
        "tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, đảng viên và Nhân dân",
        "cải cách hành chính, trọng tâm là cải cách thủ tục hành chính",
        "kiểm soát quyền lực trong công tác xây dựng và thi hành pháp luật",
        "cải cách tư pháp, bảo đảm tố tụng tư pháp dân chủ, công bằng, nghiêm minh",
        "phòng, chống tham nhũng, tiêu cực trong các cơ quan, đơn vị",
        "thực hiện dân chủ ở cơ sở theo phương châm dân biết, dân bàn, dân làm, dân kiểm tra",
        "xây dựng đội ngũ cán bộ, công chức có đủ phẩm chất, năng lực",
        "chuyển đổi số và xây dựng chính quyền điện tử",
        "phân cấp, phân quyền, khắc phục tình trạng chồng chéo chức năng, nhiệm vụ",
        "giám sát, phản biện xã hội của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        "tiếp công dân, giải quyết khiếu nại, tố cáo",
        "bảo đảm và bảo vệ quyền con người, quyền công dân",
    )),
    Topic(28, date(2022, 11, 17), "tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị "
          "trong giai đoạn mới", (
        "đổi mới việc ban hành và tổ chức thực hiện nghị quyết của cấp ủy",
        "nâng cao chất lượng sinh hoạt chi bộ và sinh hoạt cấp ủy",
        "thực hiện nghiêm nguyên tắc tập trung dân chủ trong tổ chức đảng",
        "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
        "phát huy vai trò nêu gương của cán bộ, đảng viên, nhất là người đứng đầu",
        "công tác cán bộ, quy hoạch, đào tạo, bồi dưỡng cán bộ",
        "sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
        "mối quan hệ mật thiết giữa Đảng với Nhân dân",
        "công tác dân vận của các cơ quan trong hệ thống chính trị",
        "công tác thông tin, tuyên truyền và định hướng dư luận xã hội",
        "ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng",
        "công tác bảo vệ chính trị nội bộ",
    )),
    Topic(29, date(2022, 11, 17), "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, "
          "tầm nhìn đến năm 2045", (
        "phát triển công nghiệp chế biến, chế tạo gắn với đổi mới công nghệ",
        "phát triển kết cấu hạ tầng giao thông, năng lượng, đô thị đồng bộ",
        "đào tạo nguồn nhân lực chất lượng cao đáp ứng yêu cầu công nghiệp hóa",
        "ứng dụng khoa học, công nghệ và đổi mới sáng tạo trong sản xuất",
        "phát triển nông nghiệp hiện đại gắn với xây dựng nông thôn mới",
        "cải thiện môi trường đầu tư, kinh doanh và hỗ trợ doanh nghiệp",
        "chuyển đổi số trong doanh nghiệp và nền kinh tế",
        "phát triển kinh tế xanh, kinh tế tuần hoàn, bảo vệ môi trường",
        "huy động và sử dụng hiệu quả các nguồn lực cho đầu tư phát triển",
        "liên kết vùng và phát triển các cụm công nghiệp",
        "bảo đảm an sinh xã hội trong quá trình công nghiệp hóa",
        "quản lý đất đai, tài nguyên phục vụ phát triển công nghiệp",
    )),
)  # fmt: skip

_VERBS = ("Đẩy mạnh", "Tăng cường", "Tiếp tục nâng cao hiệu quả", "Tập trung lãnh đạo, chỉ đạo", "Chú trọng",
          "Đổi mới, nâng cao chất lượng", "Quan tâm chỉ đạo")  # fmt: skip
_QUALIFIERS = (
    "gắn với chức năng, nhiệm vụ và điều kiện thực tế của cơ quan, đơn vị",
    "bảo đảm thiết thực, hiệu quả, tránh hình thức",
    "đề cao trách nhiệm của người đứng đầu cấp ủy, chính quyền",
    "kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc phát sinh",
    "huy động sự vào cuộc của cả hệ thống chính trị và Nhân dân",
    "định kỳ sơ kết, đánh giá kết quả để có giải pháp phù hợp",
    "để tạo chuyển biến rõ nét trong nhận thức và hành động",
)
_DEADLINES = ("(Thực hiện thường xuyên)", "(Thực hiện từ năm {y})", "(Hoàn thành trong quý {q}/{y})",
              "(Thực hiện hằng năm)")  # fmt: skip


def vn_date(d: date, padded: bool) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if padded else f"{d.day}/{d.month}/{d.year}"


def paragraphs(topic: Topic, rng: random.Random, count: int, where: str) -> list[str]:
    """``count`` task paragraphs on ``topic`` for a unit described by ``where`` (``của tỉnh``)."""
    subjects = rng.sample(topic.subjects, min(count, len(topic.subjects)))
    out = []
    for s in subjects:
        a, b = rng.sample(_QUALIFIERS, 2)
        out.append(f"{rng.choice(_VERBS)} {s} {where}; {a}, {b}.")
    return out


@dataclass(frozen=True, slots=True)
class Order:
    """The sub-plan order of a plan: who, where to send, by when."""

    units: str
    submit_to: str
    deadline: date


@dataclass(frozen=True, slots=True)
class Spec:
    """Everything one document says; :func:`render` writes it."""

    header: tuple[str, ...]
    symbol: str
    place: str
    date: date
    type_word: str
    title: str
    preamble: str
    purposes: tuple[str, ...]
    tasks: tuple[str, ...]
    assigned: tuple[tuple[str, tuple[str, ...]], ...]  # (organ heading, its bullets)
    order: Order | None
    follow_up: str | None
    recipients: tuple[str, ...]
    signs: str
    title_of_signer: str
    signer: str
    padded: bool = True
    noise: bool = False
    seed: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def _order_text(order: Order, cites: str, padded: bool) -> str:
    return (
        f"{order.units} căn cứ {cites} và Kế hoạch này xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế, "
        f"gửi về {order.submit_to} trước ngày {vn_date(order.deadline, padded)}."
    )


def render(spec: Spec, cites: str = "") -> str:
    """The document's text (``cites``: the documents the order sentence names besides this plan)."""
    rng = random.Random(spec.seed)
    d = spec.date
    out = [*spec.header, "*", "", f"Số {spec.symbol}", "", "ĐẢNG CỘNG SẢN VIỆT NAM", ""]
    out += [f"{spec.place}, ngày {d.day:02d} tháng {d.month} năm {d.year}", "", spec.type_word, "", spec.title, ""]
    out += [spec.preamble, ""]
    sections: list[tuple[str, list[str]]] = []
    if spec.purposes:
        sections.append(("MỤC ĐÍCH, YÊU CẦU", [f"{i}. {p}" for i, p in enumerate(spec.purposes, 1)]))
    if spec.tasks:
        sections.append(("NHIỆM VỤ, GIẢI PHÁP", [f"{i}. {t}" for i, t in enumerate(spec.tasks, 1)]))
    if spec.assigned:
        body = []
        for i, (organ, bullets) in enumerate(spec.assigned, 1):
            body.append(f"{i}. {organ}")
            body += [f"- {b}" for b in bullets]
        sections.append(("NHIỆM VỤ CỤ THỂ", body))
    closing = []
    if spec.order:
        closing.append(_order_text(spec.order, cites, spec.padded))
    if spec.follow_up:
        closing.append(spec.follow_up)
    if closing:
        sections.append(("TỔ CHỨC THỰC HIỆN", [f"{i}. {c}" for i, c in enumerate(closing, 1)]))
    numerals = ("I", "II", "III", "IV", "V")
    for k, (heading, body) in enumerate(sections):
        line = f"{numerals[k]} - {heading}"
        if spec.noise:
            line = rng.choice((line, f"{numerals[k]}- {heading}", f"### {line}", f"**{line}**"))
        out += [line, ""]
        for paragraph in body:
            noisy = spec.noise and not paragraph.startswith(("1. Các", "2. Các")) and "trước ngày" not in paragraph
            out += [*(_ocr(paragraph, rng) if noisy else [paragraph]), ""]
    out += ["Nơi nhận:", *(f"- {r}," for r in spec.recipients), "- Lưu VP.", ""]
    title = spec.title_of_signer
    if spec.noise and rng.random() < 0.5:
        title = title.replace("BÍ THƯ", "Bí THƯ")
    out += [spec.signs, title, "", "", spec.signer, ""]
    return "\n".join(out)


_OCR_WORDS = (("để ", "đề "), ("chồng chéo", "chông chéo"), ("tố tụng", "tổ tụng"))


def _ocr(paragraph: str, rng: random.Random) -> list[str]:
    """Scanning damage the seeds show: a misread word, and a page break cutting the paragraph in two."""
    for right, wrong in _OCR_WORDS:
        if right in paragraph and rng.random() < 0.5:
            paragraph = paragraph.replace(right, wrong, 1)
    if len(paragraph) > 160 and rng.random() < 0.3:
        cut = paragraph.find(" ", len(paragraph) // 2)
        if cut > 0 and re.match(r" [a-zà-ỹđ]", paragraph[cut:]):
            return [paragraph[:cut], "", paragraph[cut + 1 :]]
    return [paragraph]
