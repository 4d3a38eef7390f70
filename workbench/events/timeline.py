"""Drawing events on a timeline: dated ones on a time axis, undated ones listed beside it.

The figure is a plain :class:`matplotlib.figure.Figure` (no pyplot state), so it
can be shown in a notebook, saved with ``figure.savefig(path)`` or drawn in a
test without a display.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workbench.events.table import Event

#: Longest caption drawn next to a point, in characters (hand-set).
LABEL_CHARS = 70

#: Most dated events drawn, and undated ones listed, in one figure: past a few dozen a
#: figure grows taller than a screen can show (10,000 pixels for 2,000 wire stories).
#: The events table lists every event; the figure says how many it leaves out.
MAX_DRAWN = 40


def plot_timeline(events: Sequence[Event], *, title: str = "Who hosted what, when") -> Figure:
    """Plot dated events as points on a time axis, with undated ones in a list beside it.

    Each point is labelled "host: event" and the expression the article used; an
    event dated only to a month or a year is drawn on its first day with a hollow
    marker. Undated events are listed with their date expression (if any) and
    source document. Each part shows at most :data:`MAX_DRAWN` events (the
    earliest dated ones, the first undated ones) and says how many it leaves out.

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
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    all_dated = sorted((e for e in events if e.date is not None), key=lambda e: (e.date, e.host))
    all_undated = [e for e in events if e.date is None]
    dated, undated = all_dated[:MAX_DRAWN], all_undated[:MAX_DRAWN]
    height = max(3.0, 0.55 * max(len(dated), len(undated)) + 1.5)
    figure = Figure(figsize=(13, height), layout="constrained")
    axis, side = figure.subplots(1, 2, width_ratios=(3, 2))
    figure.suptitle(title)

    if dated:
        for row, event in enumerate(dated):
            exact = event.granularity == "day"
            axis.plot(
                event.date,
                row,
                "o",
                markersize=8,
                markerfacecolor="tab:blue" if exact else "white",
                markeredgecolor="tab:blue",
            )
            axis.annotate(
                f"{_shorten(event.label())}  ({event.when})",
                (mdates.date2num(event.date), row),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        axis.set_ylim(-1, len(dated))
        axis.invert_yaxis()
        axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axis.xaxis.get_major_locator()))
        axis.margins(x=0.6)
    else:  # no empty 0-1 axis: say why, and let the list beside it show the events
        axis.axis("off")
        axis.text(
            0.5,
            0.5,
            "No event is dated: the articles give no year for them,\n"
            "and no date is guessed. They are listed on the right.",
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
    lines = [
        textwrap.fill(
            f"• {_shorten(event.label())} — {event.when or 'no date given'} [{event.doc_id}]",
            width=60,
            subsequent_indent="  ",
        )
        for event in undated
    ] or ["none"]
    side.text(0, 1, "\n".join(lines), va="top", ha="left", fontsize=8, transform=side.transAxes)
    return figure


def _left_out(shown: int, total: int) -> str:
    """A title's note on the events a part of the figure leaves out, if any."""
    if shown == total:
        return ""
    return f": the first {shown} of {total:,}; the events table lists them all"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
