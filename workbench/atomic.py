"""Writing files so that a failure never leaves half a file behind.

Text or bytes are written to a temporary file in the target's folder and moved over the
target with :func:`os.replace`, which is atomic on POSIX and Windows: readers see
the old file or the new one, never a mixture. :func:`atomic_write_files` does the same
for files that belong together (a briefing and its timeline image): all are written
to temporary files first, then moved into place, and if one move fails the ones
already moved are undone, so the pair never mixes two runs. Without ``replace`` a
target is created exclusively (a hard link, which fails if the name exists), so of
two writers racing for the same new file one gets :class:`FileExistsError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
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
    temporary = _temporary(target, data, durable=durable)
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def atomic_write_files(
    files: Sequence[tuple[str | os.PathLike[str], bytes]],
    *,
    replace: bool = True,
    durable: bool = True,
) -> list[Path]:
    """Write several files as one: every one, or (on any failure) none of them.

    Parameters
    ----------
    files : sequence of (path, bytes)
        The files and their contents, moved into place in this order.
    replace : bool
        Replace files that exist; when false, each target is created exclusively
        and an existing one raises :class:`FileExistsError`, leaving every target
        as it was.
    durable : bool
        ``fsync`` each file before it is moved (see :func:`atomic_write_bytes`).

    Raises
    ------
    OSError
        If a folder is missing or not writable, or a target exists and ``replace``
        is false. Temporary files are removed and moved files restored.
    """
    targets = [Path(path) for path, _ in files]
    temporaries: list[str] = []
    done: list[tuple[Path, str | None]] = []  # (target, backup of the file it replaced)
    try:
        for target, (_, data) in zip(targets, files, strict=True):
            temporaries.append(_temporary(target, data, durable=durable))
        for target, temporary in zip(targets, temporaries, strict=True):
            done.append((target, _move(temporary, target, replace=replace)))
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    os.unlink(target)
        raise
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    for _, backup in done:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    return targets


def _temporary(target: Path, data: bytes, *, durable: bool) -> str:
    """``data`` in a new temporary file beside ``target``, with a new file's permissions."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below; kept for the move)
        "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return handle.name


def _move(temporary: str, target: Path, *, replace: bool) -> str | None:
    """Move ``temporary`` to ``target``; return a backup of what it replaced, if anything."""
    if not replace:
        try:
            os.link(temporary, target)  # FileExistsError if the name is taken: exclusive
        except FileExistsError:  # named by the target, not by the temporary file linked
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        except OSError:  # no hard links here: claim the name, then move over the claim
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            os.replace(temporary, target)
        return None
    backup = None
    if target.exists():
        backup = f"{temporary}.previous"
        try:
            os.link(target, backup)
        except OSError:
            shutil.copy2(target, backup)
    try:
        os.replace(temporary, target)
    except BaseException:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        raise
    return backup


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else those the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
