"""Where the tests find ``../shared`` (the seeds, the corpora and the hand-written gold): this module only.

The material is read in place, never copied. CI always lays ``shared/`` beside the project, so its absence is an
error that fails the tests which need it, never a silent skip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["CORPUS", "CORPUS2", "GOLD", "SEEDS", "SHARED", "gold"]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
CORPUS2 = SHARED / "corpus2"
GOLD = SHARED / "gold"


def gold(name: str) -> Any:
    """The gold file ``name`` (``seeds``, ``corpus`` or ``corpus2``), parsed."""
    path = GOLD / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the tests need ../shared beside the project")
    return json.loads(path.read_text(encoding="utf-8"))
