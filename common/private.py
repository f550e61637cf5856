"""Files the project writes for its user (uploads, corrections, removal records) are the owner's alone:
folders 0700, files 0600, whatever the umask. A document may be confidential; the graph's own files are
created the same way by the embedded store.

>>> import tempfile, pathlib
>>> base = pathlib.Path(tempfile.mkdtemp())
>>> path = write_private(base / "a" / "b.txt", "xin chào".encode())
>>> oct(path.stat().st_mode & 0o777), oct(path.parent.stat().st_mode & 0o777)
('0o600', '0o700')
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["private_dir", "write_private"]


def private_dir(path: Path) -> Path:
    """``path`` and any missing parents created 0700; an existing ``path`` is made 0700 too."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (0600; its folder 0700), replacing it atomically: a reader never sees half."""
    private_dir(path.parent)
    partial = path.with_name(
        f".partial-{os.getpid()}-{secrets.token_hex(4)}"
    )  # short: the name may be at its limit
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
