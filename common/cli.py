"""One error habit for every command-line entry point (``python -m loaders|graph|queries|reports``).

A user's mistake (any :class:`~common.errors.DirectiveGraphError`) prints one line, ``error: …``, and exits 1,
never a traceback; a closed pipe (``… | head``) ends quietly; Ctrl-C exits 130.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence

from common.errors import DirectiveGraphError

__all__ = ["run_cli"]


def run_cli(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Run ``main(argv)`` and turn what escapes it into an exit status."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends the process quietly, as `cat` does
    try:
        return main(argv)
    except DirectiveGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output closed early where SIGPIPE cannot be restored (e.g. Windows): leave without a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
