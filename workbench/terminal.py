"""Plain-text tables for the terminal, shared by the command line and the evaluations' reports.

One function lays out every table the workbench prints, so the command line and
the measurement reports align, shorten and blank cells the same way.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Literal, TextIO, TypeVar

Item = TypeVar("Item")


def format_table(
    rows: Sequence[Sequence[object]],
    columns: Sequence[str],
    max_width: dict[str, int] | None = None,
    *,
    align_right: Collection[str] = (),
    min_width: dict[str, int] | None = None,
    gap: str = "  ",
    title: str | None = None,
    width: int | Literal["terminal"] | None = "terminal",
) -> str:
    """Format rows as a plain-text table with aligned columns; long cells are shortened.

    Each column is as wide as its widest cell or its name. Cells are written on
    one line (runs of white space become one space, ``None`` a blank), and a line
    ends at its last non-blank cell.

    Parameters
    ----------
    rows : sequence of sequences
        The cells, one sequence per row, in the order of ``columns``.
    columns : sequence of str
        The column names, written as the header line.
    max_width : dict of str to int, optional
        The most characters a column's cells may take; a longer cell is cut and
        ends in "…", so one long title or sentence does not push the rest of the
        table off the screen.
    align_right : collection of str, default ()
        Columns whose name and cells are right-aligned, so the digits of numbers
        formatted alike line up.
    min_width : dict of str to int, optional
        The least width of a column, for reports whose layout stays the same
        whatever the numbers in them.
    gap : str, default "  "
        What separates two columns.
    title : str, optional
        A line written above the header.
    width : int, "terminal" or None, default "terminal"
        The most characters a line may take: the columns that have a
        ``max_width`` (the text-like ones) are narrowed further, widest first and
        to no less than :data:`LEAST_SHRUNK` characters, until the table fits.
        ``"terminal"`` is the terminal's width when standard output is one, and no
        limit otherwise (a file or a pipe gets whole lines); ``None`` is no limit.

    Returns
    -------
    str
        The lines of the table, without a final newline.

    Examples
    --------
    >>> print(format_table([["lead", "0.5"], ["textrank", "0.75"]], ["method", "R1"],
    ...                    align_right={"R1"}, title="scores"))
    scores
    method      R1
    lead       0.5
    textrank  0.75
    """
    limits = dict(max_width or {})
    least = min_width or {}

    def cut() -> list[list[str]]:
        return [
            [_cell(value, limits.get(name)) for value, name in zip(row, columns, strict=True)]
            for row in rows
        ]

    cells = cut()
    widths = [
        max([least.get(name, 0), len(name), *(len(row[i]) for row in cells)])
        for i, name in enumerate(columns)
    ]
    most = terminal_width() if width == "terminal" else width
    if most is not None:
        narrowed = _fit(widths, columns, limits, most - len(gap) * (len(columns) - 1))
        if narrowed != widths:
            limits.update({name: w for name, w in zip(columns, narrowed, strict=True)
                           if name in limits})  # fmt: skip
            cells, widths = cut(), narrowed
    flush_right = [name in align_right for name in columns]

    def line(texts: Sequence[str]) -> str:
        return gap.join(
            text.rjust(width) if right else text.ljust(width)
            for text, width, right in zip(texts, widths, flush_right, strict=True)
        ).rstrip()

    lines = [] if title is None else [title]
    lines += [line(columns), *(line(row) for row in cells)]
    return "\n".join(lines)


#: The narrowest a column is made to fit a table into the terminal.
LEAST_SHRUNK = 12


def terminal_width() -> int | None:
    """The terminal's width in characters when standard output is a terminal, else ``None``."""
    if not _is_terminal(sys.stdout):
        return None
    return shutil.get_terminal_size(fallback=(100, 24)).columns


def _is_terminal(stream: object) -> bool:
    """Whether ``stream`` (standard output or error, which may be ``None``) is a terminal."""
    isatty = getattr(stream, "isatty", None)
    return callable(isatty) and bool(isatty())


def _fit(widths: list[int], columns: Sequence[str], limits: dict[str, int], room: int) -> list[int]:
    """Narrow the limited columns, widest first, until they fit in ``room``, if they can."""
    widths = list(widths)
    shrinkable = [i for i, name in enumerate(columns) if name in limits]
    while sum(widths) > room and shrinkable:
        widest = max(shrinkable, key=lambda i: widths[i])
        floor = max(LEAST_SHRUNK, len(columns[widest]))
        if widths[widest] <= floor:
            break
        widths[widest] = max(floor, widths[widest] - (sum(widths) - room))
    return widths


def _cell(value: object, limit: int | None) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with control characters shown as escapes, so none reaches a terminal raw.

    A file name, a title or a question may carry ``[2J`` (clear the screen) or
    other escape codes; printed as they are, they would act on the terminal.
    Line breaks and tabs are kept.

    Examples
    --------
    >>> printable("evil[31mred")
    'evil\\x1b[31mred'
    """
    return _CONTROL.sub(lambda match: repr(match[0])[1:-1], text)


class PrintableStream:
    """A text stream that writes through :func:`printable` (the command line's stdout)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters escaped; return its length."""
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def progress_wanted(progress: bool | None) -> bool:
    """Whether a long step shows a progress bar: ``progress``, or by where it runs.

    By default (``None``) a bar shows in a terminal (standard error is one) and
    in a Jupyter notebook (an IPython kernel is running; ``tqdm.auto`` then draws
    a notebook bar), and not when output goes to a file or a pipe.
    """
    if progress is not None:
        return bool(progress)
    return _is_terminal(sys.stderr) or _in_notebook()


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (an IPython kernel app is configured)."""
    shell = sys.modules.get("IPython")
    get_ipython = getattr(shell, "get_ipython", None)
    kernel = get_ipython() if callable(get_ipython) else None
    return kernel is not None and "IPKernelApp" in getattr(kernel, "config", {})


def progress_bar(
    iterable: Iterable[Item],
    *,
    desc: str,
    unit: str,
    total: int | None = None,
    progress: bool | None = None,
    leave: bool = False,
) -> Iterator[Item]:
    """Iterate over ``iterable`` with a progress bar where one is wanted (:func:`progress_wanted`).

    In a terminal this is ``tqdm``'s bar (cleared at the end unless ``leave``). In a
    notebook it is ``tqdm``'s widget, and once the loop ends (or fails) the widget's
    output is replaced by its last state as a line of text, so an executed notebook
    keeps what was done (``Reading: 100%|██████████| 2000/2000 [00:03<00:00, ...]``)
    where it would otherwise keep the bar's first line, at 0%, forever: the widget's
    later states travel to the browser outside the cell's output.
    """
    from tqdm.auto import tqdm

    wanted = progress_wanted(progress)
    if wanted and _in_notebook():
        try:
            from IPython.display import display
            from IPython.lib.pretty import pretty
            from tqdm.notebook import tqdm_notebook
        except ImportError:  # no ipywidgets: tqdm.auto gives a text bar
            tqdm_notebook = None
        if tqdm_notebook is not None and issubclass(tqdm, tqdm_notebook):
            bar = tqdm(iterable, desc=desc, unit=unit, total=total, leave=True, display=False)
            shown = display(bar.container, display_id=True)
            try:
                yield from bar
            finally:
                bar.close()
                if shown is not None:
                    shown.update({"text/plain": pretty(bar.container)}, raw=True)
            return
    yield from tqdm(iterable, desc=desc, unit=unit, total=total, leave=leave, disable=not wanted)
