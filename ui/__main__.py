"""``python -m ui [streamlit options]``: the app (``streamlit run app.py``), with the modules its pages use
imported before the first visitor comes.

Streamlit runs ``app.py`` and a page's script only when someone opens it, so the first visitor of a fresh app would
wait for pandas, networkx, altair, pyvis and the project's own modules to be imported (0.7 to 1 s of the 3.5 s that
the first **Tổng quan** took at 10,000 documents on two cores). Imported here, in the process that then serves the
app, they are in ``sys.modules`` when the scripts ask for them, as a web server's workers preload their code.
``make run`` starts the app this way; ``streamlit run app.py`` still works, only its first page is slower.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def preload() -> list[str]:
    """Import every view and component module (and through them what they import); the page scripts are not
    imported, they are run by Streamlit. Returns the names imported."""
    import ui.components
    import ui.views

    names = []
    for package in (ui.views, ui.components):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
            names.append(module.name)
    return names


def main(argv: list[str]) -> int:
    from streamlit.web import cli

    preload()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return int(cli.main() or 0)  # click's standalone mode exits itself; 0 if it returns


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
