"""``python -m loaders.organs [DIR]``: check a gazetteer directory and say what it holds (exit 1 when invalid)."""

from __future__ import annotations

import sys

from loaders.organs.gazetteer import GazetteerError, read_gazetteer

__all__ = ["main"]


def main(argv: list[str]) -> int:
    """Check the gazetteer in ``argv[0]`` (default ``data/organs``); one line of counts, or ``error: …``."""
    try:
        g = read_gazetteer(argv[0] if argv else None)
    except GazetteerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    unconfirmed = [e.uid for e in [*g.organs.values(), *g.groups.values()] if e.unconfirmed]
    print(f"{g!r} in {len(g.files)} files; {len(unconfirmed)} entries with unconfirmed facts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
