"""Drawing events on a timeline: dated ones on a time axis, undated ones listed under it.

The figure is a plain :class:`matplotlib.figure.Figure` (no pyplot state), so it
can be shown in a notebook, saved with ``figure.savefig(path)`` or drawn in a
test without a display.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from workbench.events.table import Event

#: Longest "host: event" caption drawn next to a point, and longest date expression after
#: it, in characters (hand-set): a caption then takes at most half the panel's width, so it
#: fits inside the frame on the side of its point that has the room.
LABEL_CHARS = 60
WHEN_CHARS = 30

#: Most dated events drawn, and undated ones listed, in one figure: past a few dozen a
#: figure grows taller than a screen can show (10,000 pixels for 2,000 wire stories).
#: The events table lists every event; the figure says how many it leaves out.
MAX_DRAWN = 40

#: The figure's width, and the height of its parts, in inches (hand-set, for 8 pt type):
#: a dated event's row; the dated panel's frame, title and dates; a line of the undated
#: list; the list's title; the figure's title.
WIDTH = 13.0
ROW_INCHES = 0.3
PANEL_INCHES = 0.95
LINE_INCHES = 0.15
LIST_TITLE_INCHES = 0.4
TITLE_INCHES = 0.45

#: The undated list's columns, and the characters a line of each holds: one column for a
#: few events, two for more (a long single column would leave half the width empty).
ONE_COLUMN_AT_MOST = 6
COLUMN_CHARS = {1: 150, 2: 85}


def plot_timeline(events: Sequence[Event], *, title: str = "Who hosted what, when") -> Figure:
    """Plot dated events as points on a time axis, with the undated ones listed under it.

    Each point is labelled "host: event" and the expression the article used,
    on the side of the point that keeps the label inside the panel; an event
    dated only to a month or a year is drawn on its first day with a hollow
    marker. Undated events are listed with their date expression (if any) and
    source document, in two columns when there are more than a few. Each part
    shows at most :data:`MAX_DRAWN` events (the earliest dated ones, the first
    undated ones) and says how many it leaves out. The figure is as tall as
    what it holds: a row a dated event, a line a line of the list.

    Parameters
    ----------
    events : sequence of Event
        Rows of an :class:`~workbench.events.table.EventTable`.
    title : str
        The figure title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.figure import Figure

    all_dated = sorted((e for e in events if e.date is not None), key=lambda e: (e.date, e.host))
    all_undated = [e for e in events if e.date is None]
    dated, undated = all_dated[:MAX_DRAWN], all_undated[:MAX_DRAWN]
    columns = undated_columns(undated)
    panel = ROW_INCHES * max(len(dated), 1) + (PANEL_INCHES if dated else 0.2)
    listed = LINE_INCHES * max(max(len(lines) for lines in columns), 1) + 0.1
    height = TITLE_INCHES + panel + LIST_TITLE_INCHES + listed
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    axis, side = figure.subplots(2, 1, height_ratios=(panel, listed))
    figure.suptitle(title)

    if dated:
        _draw_dated(axis, dated)
    else:  # no empty 0-1 axis: say why, and let the list under it show the events
        axis.axis("off")
        axis.text(
            0.5,
            0.5,
            "No event is dated: the articles give no year for them, and no date is guessed. "
            "They are listed below.",
            ha="center",
            va="center",
            transform=axis.transAxes,
        )
    axis.set_yticks([])
    axis.set_title(
        "Dated (hollow: month or year only)" + _left_out(len(dated), len(all_dated)), fontsize=10
    )

    side.axis("off")
    side.set_title("Undated" + _left_out(len(undated), len(all_undated)), fontsize=10)
    for number, lines in enumerate(columns):
        side.text(
            number / len(columns),
            1,
            "\n".join(lines) or "none",
            va="top",
            ha="left",
            fontsize=8,
            transform=side.transAxes,
        )
    return figure


def _draw_dated(axis: Axes, dated: Sequence[Event]) -> None:
    """The dated events as points a row each, labelled on the side that has the room."""
    import matplotlib.dates as mdates

    days = [mdates.date2num(event.date) for event in dated]
    first, last = min(days), max(days)
    pad = max((last - first) * 0.05, 180.0)  # a lone date gets a year around it
    low, high = first - pad, last + pad
    for row, (event, day) in enumerate(zip(dated, days, strict=True)):
        exact = event.granularity == "day"
        axis.plot(
            day,
            row,
            "o",
            markersize=8,
            markerfacecolor="tab:blue" if exact else "white",
            markeredgecolor="tab:blue",
        )
        right = (day - low) <= (high - low) / 2  # the label goes where the panel has room
        axis.annotate(
            f"{_shorten(event.label(), LABEL_CHARS)}  ({_shorten(event.when or '', WHEN_CHARS)})",
            (day, row),
            xytext=(8 if right else -8, 0),
            textcoords="offset points",
            ha="left" if right else "right",
            va="center",
            fontsize=8,
        )
    axis.set_xlim(low, high)
    axis.set_ylim(len(dated) - 0.4, -0.6)  # the first event on top
    locator = mdates.AutoDateLocator()
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def undated_columns(undated: Sequence[Event]) -> list[list[str]]:
    """The undated list's lines, in one column for a few events or two for more.

    Each event is a bullet wrapped to its column's width; the columns hold
    about as many lines each, an event never split between them.
    """
    count = 1 if len(undated) <= ONE_COLUMN_AT_MOST else 2
    items = [
        textwrap.wrap(
            f"• {_shorten(event.label(), LABEL_CHARS)} — {event.when or 'no date given'} "
            f"[{event.doc_id}]",
            width=COLUMN_CHARS[count],
            subsequent_indent="  ",
        )
        for event in undated
    ]
    if count == 1:
        return [[line for item in items for line in item]]
    total = sum(len(item) for item in items)
    first: list[str] = []
    taken = 0
    while taken < len(items) and len(first) + len(items[taken]) / 2 <= total / 2:
        first += items[taken]
        taken += 1
    return [first, [line for item in items[taken:] for line in item]]


def _left_out(shown: int, total: int) -> str:
    """A title's note on the events a part of the figure leaves out, if any."""
    if shown == total:
        return ""
    return f": the first {shown} of {total:,}; the events table lists them all"


def _shorten(text: str, chars: int) -> str:
    """``text`` on one line, cut to ``chars`` characters with "…" where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"
