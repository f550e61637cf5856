"""Write a generated national cascade, its gazetteer and its truth.

    python -m bench.generate --documents 1000 --out /tmp/kg-bench/1000 [--seed 1]

``OUT/documents/*.txt`` the documents; ``OUT/organs/`` the gazetteer (``KG_ORGANS_DIR=OUT/organs``);
``OUT/truth.json``: every document (file, symbol, date, the organ it counts for, its parent's file) and, for every
plan that orders sub-plans, each ordered unit's expected audit status on ``as_of`` (``on_time``, ``late``,
``missing``) with the sub-plan that gives it. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

from bench.cascade import AS_OF, Cascade, Doc, build_cascade
from bench.gazetteer import write_gazetteer
from bench.texts import render

__all__ = ["generate", "truth"]


def truth(cascade: Cascade) -> dict[str, Any]:
    """What an audit must find: each plan's ordered units with their status on :data:`AS_OF`."""
    children: dict[int, dict[str, Doc]] = {}
    for d in cascade.documents:
        if d.parent is not None:
            children.setdefault(id(d.parent), {})[d.unit.uid] = d
    plans: list[dict[str, Any]] = []
    for d in cascade.documents:
        if not d.ordered or d.deadline is None:
            continue
        found = children.get(id(d), {})
        units = []
        for u in d.ordered:
            sub = found.get(u.uid)
            status = "missing" if sub is None else "on_time" if sub.date <= d.deadline else "late"
            units.append(
                {
                    "uid": u.uid,
                    "name": u.name,
                    "status": status,
                    "subplan": sub.file if sub else None,
                    "subplan_symbol": sub.symbol if sub else None,
                    "subplan_date": sub.date.isoformat() if sub else None,
                }
            )
        plans.append(
            {
                "file": d.file,
                "symbol": d.symbol,
                "date": d.date.isoformat(),
                "issuer": d.unit.uid,
                "issuer_name": d.issuer_name,
                "resolution": f"{d.topic.number}-NQ/TW",
                "deadline": d.deadline.isoformat(),
                "units": units,
            }
        )
    documents = [
        {
            "file": d.file,
            "symbol": d.symbol,
            "date": d.date.isoformat(),
            "unit": d.unit.uid,
            "issuer_name": d.issuer_name,
            "parent": d.parent.file if d.parent else None,
        }
        for d in cascade.documents
    ]
    return {
        "as_of": AS_OF.isoformat(),
        "seed": cascade.seed,
        "documents": documents,
        "plans": plans,
        "provinces": len(cascade.country.provinces),
        "districts_per_province": cascade.country.districts_per_province,
        "communes_per_district": cascade.country.communes_per_district,
    }


def generate(documents: int, out: Path, seed: int = 1) -> dict[str, Any]:
    """Write the cascade of ``documents`` documents under ``out`` (replacing what was there); its truth."""
    cascade = build_cascade(documents, seed)
    folder = out / "documents"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for d in cascade.documents:
        (folder / d.file).write_text(render(d.spec, d.cites), "utf-8")
    write_gazetteer(cascade.country, out / "organs")
    facts = truth(cascade)
    (out / "truth.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1), "utf-8")
    return facts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    facts = generate(args.documents, args.out, args.seed)
    units = sum(len(p["units"]) for p in facts["plans"])
    print(f"{len(facts['documents'])} documents, {len(facts['plans'])} plans ordering {units} units → {args.out}")


if __name__ == "__main__":
    main()
