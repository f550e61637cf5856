"""Where the tests find ``../shared`` (the seeds, the corpora and the hand-written gold): this module only.

The material is read in place, never copied. CI always lays ``shared/`` beside the project, so its absence is an
error that fails the tests which need it, never a silent skip.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["CORPUS", "CORPUS2", "GOLD", "SEEDS", "SHARED", "gold", "gold_scorer"]

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


def gold_scorer() -> ModuleType:
    """``../shared/tools/score_gold.py`` as a module: the same checks the score is reported with."""
    spec = importlib.util.spec_from_file_location("score_gold", SHARED / "tools" / "score_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
