"""How wide an HTML table lays out in JupyterLab, estimated without a browser.

JupyterLab draws a notebook's HTML tables in 13 px DejaVu Sans (the Linux
default sans-serif), each cell padded by 0.5 em on either side, headers in
bold, under the automatic table layout of CSS: every column is at least as
wide as its widest unbreakable run of text (its *min-content* width), at most
as wide as its longest line (its *max-content* width), and the room the output
area has over the sum of the minimums goes to the columns in proportion to how
much more they could use. This module measures the text with the same font
(matplotlib ships it) through Pillow, so a test can tell whether a table fits
the ~1,100 px output area of a 1280 px JupyterLab window, and how wide each
column comes out.

A line may break at a space, and after a hyphen or an en dash, except inside an
element styled ``white-space:nowrap``; ``<br>`` ends a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

#: The output area of a notebook cell in a 1280 px JupyterLab window, file browser closed.
OUTPUT_WIDTH = 1100

#: JupyterLab's table font size, and the cells' padding on both sides together.
FONT_PX = 13
PADDING_PX = 13

#: Where a line may break outside ``white-space:nowrap``: after a space, a hyphen, an en dash.
_BREAK = re.compile(r"(?<=[\s\-–])")


@cache
def _font(bold: bool, size: int):
    from matplotlib import font_manager
    from PIL import ImageFont

    path = font_manager.findfont(
        font_manager.FontProperties(family="DejaVu Sans", weight=700 if bold else 400)
    )
    return ImageFont.truetype(path, size)


def text_width(text: str, *, bold: bool = False, size: int = FONT_PX) -> float:
    """The width of ``text`` in pixels, in JupyterLab's table font."""
    return _font(bold, size).getlength(text)


@dataclass
class Cell:
    """One cell: its lines, each a list of (text, unbreakable, size) pieces."""

    header: bool
    lines: list[list[tuple[str, bool, int]]]
    min_width_style: float = 0.0

    def widths(self) -> tuple[float, float]:
        """The cell's min-content and max-content widths, padding included."""
        smallest, largest = 0.0, 0.0
        for line in self.lines:
            runs: list[float] = [0.0]
            whole = 0.0
            for text, unbreakable, size in line:
                pieces = [text] if unbreakable else _BREAK.split(text)
                for number, piece in enumerate(pieces):
                    if number and not unbreakable:
                        runs.append(0.0)
                    width = text_width(piece.rstrip(), bold=self.header, size=size)
                    runs[-1] += width
                    whole += text_width(piece, bold=self.header, size=size)
            smallest = max(smallest, *runs)
            largest = max(largest, whole)
        smallest = max(smallest, self.min_width_style - PADDING_PX)
        return smallest + PADDING_PX, max(largest, smallest) + PADDING_PX


class _TableReader(HTMLParser):
    """The cells of the first table of a page, row by row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Cell]] = []
        self._cell: Cell | None = None
        self._stack: list[tuple[str, bool, int]] = []
        self._tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = dict(attrs).get("style") or ""
        if tag == "table":
            self._tables += 1
        if self._tables != 1:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            minimum = re.search(r"min-width:\s*([\d.]+)em", style)
            self._cell = Cell(tag == "th", [[]], float(minimum[1]) * FONT_PX if minimum else 0.0)
            self.rows[-1].append(self._cell)
            self._stack = [(tag, "nowrap" in style, FONT_PX)]
        elif tag == "br" and self._cell is not None:
            self._cell.lines.append([])
        elif self._cell is not None:
            nowrap = "nowrap" in style or self._stack[-1][1]
            size = round(FONT_PX * 0.83) if tag == "small" else self._stack[-1][2]
            self._stack.append((tag, nowrap, size))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._tables += 1
        if self._cell is None:
            return
        if tag in ("td", "th"):
            self._cell = None
        elif self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            _, nowrap, size = self._stack[-1]
            self._cell.lines[-1].append(
                (" ".join(data.split()) if not nowrap else data, nowrap, size)
            )


@dataclass(frozen=True)
class Layout:
    """A table's estimated layout: its columns' widths and the table's width, in pixels."""

    headers: tuple[str, ...]
    widths: tuple[float, ...]

    @property
    def width(self) -> float:
        """The whole table's width."""
        return sum(self.widths)

    def column(self, header: str) -> float:
        """The width of the column headed ``header``."""
        return self.widths[self.headers.index(header)]


def table_layout(page: str, available: float = OUTPUT_WIDTH) -> Layout:
    """How the first ``<table>`` of ``page`` lays out in ``available`` pixels (CSS auto layout)."""
    reader = _TableReader()
    reader.feed(page)
    rows = [row for row in reader.rows if row]
    columns = max(len(row) for row in rows)
    smallest, largest = [0.0] * columns, [0.0] * columns
    for row in rows:
        for number, cell in enumerate(row):
            low, high = cell.widths()
            smallest[number] = max(smallest[number], low)
            largest[number] = max(largest[number], high)
    header_row = next((row for row in rows if all(cell.header for cell in row)), rows[0])
    headers = tuple(
        " ".join(t for line in cell.lines for t, _, _ in line).strip() for cell in header_row
    )
    if sum(largest) <= available:
        widths = largest
    elif sum(smallest) >= available:
        widths = smallest
    else:
        room = available - sum(smallest)
        wanted = [high - low for low, high in zip(smallest, largest, strict=True)]
        widths = [
            low + room * want / sum(wanted) for low, want in zip(smallest, wanted, strict=True)
        ]
    return Layout(headers, tuple(widths))
