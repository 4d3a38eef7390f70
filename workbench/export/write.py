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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.atomic import atomic_write_bytes, atomic_write_text
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
        If ``path`` is a folder or lies below a file, or it (or its timeline image,
        with ``timeline``) exists and ``force`` is false, or is anything but a
        regular file (a device, a FIFO, a symbolic link), which even ``force``
        never replaces.
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
        if existing is None:
            continue
        if existing.is_symlink() or (existing.exists() and not existing.is_file()):
            kind = "a symbolic link" if existing.is_symlink() else "not a regular file"
            raise ExportError(
                f"{existing} is {kind}; the briefing only replaces a regular file, "
                "so give another path"
            )
        if existing.exists() and not force:
            raise ExportError(
                f"{existing} already exists; use force=True (--force on the command line) "
                "to replace it"
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
        is a folder, or the file cannot be written. Each file is written to a
        temporary file and moved into place, so a failed export never leaves half
        a file, and the previous briefing stays whole.
    """
    check_target(path, force=force, timeline=timeline)
    target = Path(path)
    image = timeline_path(target) if timeline else None
    picture = _timeline_png(briefing.events) if image is not None else None
    text = briefing.to_markdown(timeline_link=image.name if image is not None else None)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot make the folder {target.parent}: {reason}") from None
    try:
        if image is not None and picture is not None:
            atomic_write_bytes(image, picture)
        atomic_write_text(target, text)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write the briefing to {target}: {reason}") from None
    return target


def _timeline_png(events: Iterable[Event]) -> bytes:
    """The events' timeline as PNG bytes, with no metadata that would change between runs."""
    from workbench.events.timeline import plot_timeline

    figure = plot_timeline(list(events))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return buffer.getvalue()
