"""Writing files so that a failure never leaves half a file behind.

Text is written to a temporary file in the target's folder and moved over the
target with :func:`os.replace`, which is atomic on POSIX and Windows: readers see
the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", durable: bool = True
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path.

    ``durable=False`` skips the ``fsync``: still atomic, but a power cut may lose
    the write. Caches, which can always be rebuilt, use it to stay fast.

    Raises
    ------
    OSError
        If the folder is missing or not writable; the target is left untouched.
    """
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below; kept for os.replace)
        "w",
        encoding=encoding,
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".tmp",
        delete=False,
        newline="",
    )
    try:
        with handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return target
