"""What every layer shares and nothing else: the settings (``KG_*`` variables) and the error base.

This package imports nothing from the project; every other package may import it.
"""

from common.errors import DirectiveGraphError
from common.settings import Settings, settings

__all__ = ["DirectiveGraphError", "Settings", "settings"]
