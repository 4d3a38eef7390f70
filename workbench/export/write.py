"""Writing a briefing: the Markdown file and, when asked, its timeline image beside it.

Every file is written atomically (:mod:`workbench.atomic`: a temporary file,
then a rename), so a failed export leaves the previous briefing as it was.
:func:`check_target` refuses a path that writing would refuse, so a caller can
check it before the work of :func:`~workbench.export.briefing.build_briefing`
rather than after.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.atomic import atomic_write_files
from workbench.errors import ExportError

if TYPE_CHECKING:
    from workbench.events import Event
    from workbench.export.briefing import Briefing


def timeline_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`write_briefing` puts the timeline of a briefing written to ``path``.

    Examples
    --------
    >>> timeline_path("reports/briefing.md").as_posix()
    'reports/briefing-timeline.png'
    """
    target = Path(path)
    return target.with_name(f"{target.stem}-timeline.png")


def check_target(path: str | os.PathLike[str], *, force: bool, timeline: bool) -> None:
    """Refuse a briefing path that :func:`write_briefing` would refuse, before any work.

    Raises
    ------
    ExportError
        If ``path`` is a folder or lies below a file, its folder takes no new file,
        or it (or its timeline image, with ``timeline``) exists and ``force`` is
        false, or is anything but a regular file (a device, a FIFO, a symbolic
        link), which even ``force`` never replaces.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name, e.g. {target / 'briefing.md'}")
    blocking = next((up for up in target.parents if up.exists() and not up.is_dir()), None)
    if blocking is not None:
        raise ExportError(
            f"cannot write the briefing to {target}: {blocking} is a file, not a folder"
        )
    for existing in (target, timeline_path(target) if timeline else None):
        if existing is not None:
            _refuse_unreplaceable(existing, force=force)
    _check_writable(target, "the briefing")


def _check_writable(target: Path, what: str) -> None:
    """Refuse a file whose folder (or the nearest one that exists) takes no new file.

    Tried by making a temporary file there, since permission bits do not tell:
    root ignores them, and an immutable folder or ``/proc`` refuses root too.
    """
    folder = next((up for up in target.parents if up.is_dir()), Path.cwd())
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {what} to {target}: {folder}: {reason}") from None


def _refuse_unreplaceable(existing: Path, *, force: bool) -> None:
    """Refuse to replace anything but a writable regular file, and that only with ``force``."""
    if existing.is_symlink() or (existing.exists() and not existing.is_file()):
        kind = "a symbolic link" if existing.is_symlink() else "not a regular file"
        raise ExportError(
            f"{existing} is {kind}; only a regular file is replaced, give another path"
        )
    if not existing.exists():
        return
    if not existing.stat().st_mode & 0o222:
        raise ExportError(f"{existing} is read-only; it is not replaced, give another path")
    if not force:
        raise ExportError(
            f"{existing} already exists; use --force (force=True in Python) to replace it"
        )


def write_briefing(
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    timeline: bool = False,
) -> Path:
    """Write ``briefing`` as Markdown to ``path``, atomically, and return the path.

    Parameters
    ----------
    briefing : Briefing
        What to write.
    path : path-like
        The Markdown file. Missing folders are made.
    force : bool
        Replace an existing file (and timeline image).
    timeline : bool
        Also draw the events on a timeline, save it as ``<stem>-timeline.png``
        beside the file (see :func:`timeline_path`) and show it in the briefing.

    Raises
    ------
    ExportError
        If the file (or the timeline image) exists and ``force`` is false, the path
        is a folder, or the file cannot be written. Both files are written to
        temporary files and moved into place together (the image first, undone if
        the Markdown cannot follow), so a failed export never leaves half a file or
        a pair from two runs, and the previous briefing stays whole. Without
        ``force`` the files are created exclusively: of two exports racing to the
        same new path, the second gets this error.
    """
    check_target(path, force=force, timeline=timeline)
    target = Path(path)
    image = timeline_path(target) if timeline else None
    files = [] if image is None else [(image, _timeline_image(briefing.events, "png"))]
    text = briefing.to_markdown(timeline_link=image.name if image is not None else None)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot make the folder {target.parent}: {reason}") from None
    files.append((target, text.encode("utf-8")))
    try:
        atomic_write_files(files, replace=force)  # all or none; new files created exclusively
    except FileExistsError as error:
        raise ExportError(
            f"{error.filename or target} already exists (another export made it meanwhile); "
            "use force=True (--force on the command line) to replace it"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write the briefing to {target}: {reason}") from None
    return target


#: The image formats a timeline can be saved in, by file suffix.
TIMELINE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def timeline_target(path: str | os.PathLike[str], *, force: bool) -> Path:
    """The file a timeline asked for at ``path`` goes to, checked before any work.

    A path without a suffix gets ``.png`` ("timeline" -> "timeline.png"), which is
    the name reported back.

    Raises
    ------
    ExportError
        If the suffix is not an image format (:data:`TIMELINE_FORMATS`), the path
        is a folder or lies below a file, its folder takes no new file, it is
        anything but a regular file (a device, a FIFO, a symbolic link), or it
        exists and ``force`` is false.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name, e.g. {target / 'timeline.png'}")
    _refuse_unreplaceable(target, force=True)  # a device, FIFO, link or read-only file
    if not target.suffix:
        target = target.with_suffix(".png")
    if target.suffix.lower() not in TIMELINE_FORMATS:
        raise ExportError(
            f"the timeline is an image: give a path ending in "
            f"{', '.join(TIMELINE_FORMATS)}, not {target.suffix}"
        )
    blocking = next((up for up in target.parents if up.exists() and not up.is_dir()), None)
    if blocking is not None:
        raise ExportError(f"cannot write the timeline to {target}: {blocking} is a file")
    _refuse_unreplaceable(target, force=force)
    _check_writable(target, "the timeline")
    return target


def write_timeline(
    events: Iterable[Event], path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Draw ``events`` on a timeline and save it at ``path``, atomically; return where.

    Raises
    ------
    ExportError
        As :func:`timeline_target` says, or if the file cannot be written (nothing
        is left behind: the image is written to a temporary file and moved into
        place, exclusively unless ``force``).
    """
    target = timeline_target(path, force=force)
    data = _timeline_image(events, TIMELINE_FORMATS[target.suffix.lower()])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_files([(target, data)], replace=force)
    except FileExistsError:
        raise ExportError(f"{target} already exists; use --force to replace it") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write the timeline to {target}: {reason}") from None
    return target


#: The metadata each format would otherwise stamp with the software or the time of the run.
_VOLATILE_METADATA = {
    "png": {"Software": None},
    "svg": {"Creator": None, "Date": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}


def _timeline_image(events: Iterable[Event], image_format: str) -> bytes:
    """The events' timeline as image bytes, with no metadata that would change between runs."""
    from workbench.events.timeline import plot_timeline

    figure = plot_timeline(list(events))
    buffer = io.BytesIO()
    metadata = _VOLATILE_METADATA[image_format]
    figure.savefig(buffer, format=image_format, dpi=120, metadata=metadata)
    return buffer.getvalue()
