"""Writing files so that a failure never leaves half a file behind.

Text or bytes are written to a temporary file in the target's folder and moved over the
target with :func:`os.replace`, which is atomic on POSIX and Windows: readers see
the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", durable: bool = True
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path.

    The text is written as is (no newline translation). ``durable=False`` skips
    the ``fsync``: still atomic, but a power cut may lose the write. Caches, which
    can always be rebuilt, use it to stay fast.

    Raises
    ------
    OSError
        If the folder is missing or not writable; the target is left untouched.
    UnicodeEncodeError
        If ``text`` cannot be encoded; nothing is written.
    """
    return atomic_write_bytes(path, text.encode(encoding), durable=durable)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    The file gets the permissions a new file would (or keeps those of the file it
    replaces), not the owner-only ones of a temporary file.

    Raises
    ------
    OSError
        If the folder is missing or not writable; the target is left untouched.
    """
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below; kept for os.replace)
        "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(target))
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return target


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else those the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
