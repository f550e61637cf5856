"""A corpus document with a confidentiality or urgency mark stamped under its number, written as a copy into a
temporary folder (the corpus itself is never changed): the fixture of the marks and clearance tests."""

from __future__ import annotations

from pathlib import Path

from tests.shared import CORPUS2

__all__ = ["MARKED_SOURCE", "MARKED_TITLE", "marked_copy"]

# A Lào Cai decision unrelated to the seeds, so its title appears nowhere else in a test graph.
MARKED_SOURCE = CORPUS2 / "sct-laocai_1050-QD-SCT_2026_kiem-tra-vlncn.txt"
MARKED_TITLE = "vật liệu nổ công nghiệp"  # words of its title found in no seed


def marked_copy(folder: Path, *marks: str, source: Path = MARKED_SOURCE) -> Path:
    """``source`` with ``marks`` each on a line of its own under the line holding ``Số``, as a stamp sits."""
    lines = source.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Số"))
    stamped = lines[: at + 1] + [f"   {mark}" for mark in marks] + lines[at + 1 :]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / source.name
    path.write_text("\n".join(stamped) + "\n", encoding="utf-8")
    return path
