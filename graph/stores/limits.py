"""What bounds the embedded FalkorDB server: its module arguments and an operating-system limit on the process.

One query may take ``KG_QUERY_MEMORY_MB`` (FalkorDB's ``QUERY_MEM_CAPACITY``: the query fails with a clear
error instead of the server growing until the kernel kills it), only a few queries wait in line
(``MAX_QUEUED_QUERIES``), ``LOAD CSV`` may only read an empty folder of the store (``IMPORT_FOLDER``), and the
whole process may take ``KG_SERVER_MEMORY_MB`` of address space (``RLIMIT_AS``): past it an allocation fails
inside the server rather than the machine running out of memory.

>>> module_arguments(Path("/tmp/kg"), query_memory_mb=1024)
['QUERY_MEM_CAPACITY', '1073741824', 'MAX_QUEUED_QUERIES', '32', 'IMPORT_FOLDER', '/tmp/kg/import/']
"""

from __future__ import annotations

import contextlib
import resource
import sys
from pathlib import Path

__all__ = ["MAX_QUEUED_QUERIES", "limit_address_space", "module_arguments"]

MAX_QUEUED_QUERIES = 32
_MB = 1024 * 1024


def module_arguments(data_dir: Path, *, query_memory_mb: int) -> list[str]:
    """The arguments after ``--loadmodule falkordb.so`` (``query_memory_mb`` 0: no per-query limit)."""
    args = ["QUERY_MEM_CAPACITY", str(query_memory_mb * _MB)] if query_memory_mb else []
    args += ["MAX_QUEUED_QUERIES", str(MAX_QUEUED_QUERIES)]
    return [*args, "IMPORT_FOLDER", f"{data_dir / 'import'}/"]


def limit_address_space(pid: int, megabytes: int) -> bool:
    """Cap the address space of process ``pid`` (Linux ``prlimit``); False where the system cannot.

    Set from outside after the start rather than in ``preexec_fn``, which is unsafe in a process with threads
    (the app's): the server's first allocations are small, and the limit holds for every later one.
    """
    if not megabytes or not sys.platform.startswith("linux"):
        return False
    limit = megabytes * _MB
    with contextlib.suppress(OSError, ValueError):
        resource.prlimit(pid, resource.RLIMIT_AS, (limit, limit))
        return True
    return False
