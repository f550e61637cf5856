"""Stage 5, organs: organ names as printed → identities in the gazetteer (``data/organs/*.yaml``).

``gazetteer`` loads and queries the data (``files`` reads and validates the YAML, ``entries`` holds its typed
entries, ``index`` the name index); ``resolve`` reads a record's names in context; ``issuers`` says whether two
printed names can be the same issuer; ``uids`` makes the uid of an organ the gazetteer does not know.
``python -m loaders.organs [DIR]`` checks a gazetteer folder.

The gazetteer is loaded once by whoever runs the pipeline (:func:`load_gazetteer`) and passed in.
"""

from __future__ import annotations

from loaders.organs.entries import Context, GazetteerError, GroupEntry, OrganEntry
from loaders.organs.gazetteer import Gazetteer, expand_group, load_gazetteer, read_gazetteer
from loaders.organs.issuers import same_issuer
from loaders.organs.resolve import ResolvedName, group_expander, resolve_name, resolve_record
from loaders.organs.uids import unresolved_organ_uid

__all__ = [
    "Context",
    "Gazetteer",
    "GazetteerError",
    "GroupEntry",
    "OrganEntry",
    "ResolvedName",
    "expand_group",
    "group_expander",
    "load_gazetteer",
    "read_gazetteer",
    "resolve_name",
    "resolve_record",
    "same_issuer",
    "unresolved_organ_uid",
]
