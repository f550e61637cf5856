"""``python -m ui [streamlit options]``: the app (``streamlit run app.py``), with the modules its pages use
imported before the first visitor comes.

Streamlit runs ``app.py`` and a page's script only when someone opens it, so the first visitor of a fresh app would
wait for pandas, networkx, altair, pyvis and the project's own modules to be imported (0.7 to 1 s of the 3.5 s that
the first **Tổng quan** took at 10,000 documents on two cores). Imported here, in the process that then serves the
app, they are in ``sys.modules`` when the scripts ask for them, as a web server's workers preload their code.
Once the server runs, the reads of the first pages are computed in the background (:mod:`ui.warm`), as after
every load. ``make run`` starts the app this way; ``streamlit run app.py`` still works, only its first page is
slower.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import threading
import time
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


def warm_when_serving() -> threading.Thread:
    """Once Streamlit's runtime has started, compute the first pages' reads in the background (:mod:`ui.warm`)."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    started = {RuntimeState.NO_SESSIONS_CONNECTED, RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED}

    def wait_then_warm() -> None:
        while not (Runtime.exists() and Runtime.instance().state in started):
            time.sleep(0.05)
        from ui.warm import warm

        warm()

    thread = threading.Thread(target=wait_then_warm, name="kg-warm-at-start", daemon=True)
    thread.start()
    return thread


def main(argv: list[str]) -> int:
    from streamlit.web import cli

    preload()
    warm_when_serving()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return int(cli.main() or 0)  # click's standalone mode exits itself; 0 if it returns


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
