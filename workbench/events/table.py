"""The event table: one row per hosting event, each citing the sentence that reports it.

:class:`Event` is one row (who hosted what, where and when, and the source
sentence by document id, index and raw-text offsets); :class:`EventTable` holds
the rows of a corpus and shows them as a DataFrame (:meth:`EventTable.to_frame`),
as an HTML table in a notebook, or as a timeline (:meth:`EventTable.timeline`,
drawn by :mod:`workbench.events.timeline`). The rows are made by
:func:`workbench.events.extract.extract_events`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.columns import EVENT_COLUMNS, HOST_COLUMNS
from workbench.dates import date_at_granularity
from workbench.display import one_line, one_line_list
from workbench.frames import CARD_ROWS, MISSING, more_rows, typed_frame

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


#: How the host of a row is known, in words, by its ``evidence`` (shown in tables).
EVIDENCE_WORDS = {
    "explicit": "named as host",
    "invitation": "the inviter",
    "owner": "its organiser",
    "venue": "the venue",
    "body": "the body meeting",
    "previous-venue": "the venue, as before",
}


@dataclass(frozen=True)
class Event:
    """One hosting event and the sentence that reports it.

    Attributes
    ----------
    host : str
        Who hosted, as the article names it ("Moscow", "Pakistan").
    event : str or None
        What was hosted ("international talks on Afghanistan").
    place : str or None
        Where, when the article says (or the host itself, when it is a place).
    when : str or None
        The date expression as the article writes it ("November 9", "on Tuesday").
    date : datetime.date or None
        The first day ``when`` stands for, when it can be resolved; never a guessed year.
    granularity : str or None
        How much of ``date`` to trust: "day", "week", "month" or "year".
    participants : tuple of str
        Named participants ("Taliban", "Mullah Abdul Ghani Baradar").
    doc_id, sentence, start, end, text :
        The source: document id, sentence index, raw-text offsets, sentence text.
    verb : str
        The lemma of the word that reports the hosting ("host", "hold", "open").
    confidence : float
        How direct the reading is, from 0 to 1 (a resolved pronoun, a place taken
        as host, or a date not attached to the verb lower it).
    also_in : tuple of int
        Other sentences of the document that mention the same event.
    family : str
        The event family: "hosting", "meeting" or "visit".
    evidence : str
        What the host rests on, most trusted first: "explicit" (said to host),
        "invitation" (the inviter, whose guests they were), "owner" ("the cartel's
        meeting"), "venue" (where it happened, or the country visited),
        "body" (the named body whose meeting it is: "the G7 meeting", when no venue
        is given), "previous-venue" (the document's previous venue: "they met again").
    """

    host: str
    event: str | None
    place: str | None
    when: str | None
    date: date | None
    granularity: str | None
    participants: tuple[str, ...]
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    verb: str
    confidence: float
    also_in: tuple[int, ...] = ()
    family: str = "hosting"
    evidence: str = "explicit"
    also_reported: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The event as plain JSON-ready values (date as ISO text, participants as a list)."""
        return {
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "host": self.host,
            "event": self.event,
            "place": self.place,
            "when": self.when,
            "date": self.date.isoformat() if self.date else None,
            "granularity": self.granularity,
            "participants": list(self.participants),
            "verb": self.verb,
            "confidence": round(self.confidence, 3),
            "family": self.family,
            "evidence": self.evidence,
            "also_reported": list(self.also_reported),
            "also_in": list(self.also_in),
            "text": self.text,
        }

    def date_shown(self) -> str | None:
        """The date at its granularity: "2017-04-14", "April 2017", "2017", week of ...."""
        return date_at_granularity(self.date, self.granularity)

    def label(self) -> str:
        """``"host: event"``, the caption used on the timeline."""
        return f"{self.host}: {self.event or self.verb}"


@dataclass(frozen=True)
class EventTable:
    """The hosting events of a corpus, in corpus and sentence order.

    Attributes
    ----------
    events : tuple of Event
        The events.
    skipped : tuple of (str, str)
        ``(doc_id, reason)`` for each document not read (one too long to parse).
    """

    events: tuple[Event, ...]
    skipped: tuple[tuple[str, str], ...] = ()

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __getitem__(self, index: int) -> Event:
        return self.events[index]

    def to_frame(self) -> pd.DataFrame:
        """One row per event (:mod:`workbench.frames` types).

        ``date`` is a ``datetime64`` (``NaT`` when the year cannot be known), on the
        first day of its month or year when ``granularity`` says the article names
        no finer date; ``participants``, ``also_in`` and ``also_reported`` are lists.
        """
        return typed_frame([event.as_dict() for event in self.events], EVENT_COLUMNS)

    def by_host(self) -> pd.DataFrame:
        """One row a host, by name: its events, the documents that report them, and when.

        ``when`` lists the date expressions the articles give for the host's
        events, each once, in table order; an event given no date adds nothing
        to it, so the list never holds a missing value (``groupby(...).agg(when=
        ("when", "unique"))`` on :meth:`to_frame` would show it as ``nan``), and
        is empty when no event of the host is dated.

        Examples
        --------
        >>> row = dict(event="talks", place=None, date=None, granularity=None, participants=(),
        ...            sentence=0, start=0, end=5, text="Talks", verb="host", confidence=0.9)
        >>> table = EventTable((Event("Oslo", when="May 3", doc_id="a", **row),
        ...                     Event("Oslo", when=None, doc_id="b", **row)))
        >>> table.by_host().to_dict("records")
        [{'host': 'Oslo', 'events': 2, 'documents': 2, 'when': ['May 3']}]
        """
        hosts: dict[str, list[Event]] = {}
        for event in self.events:
            hosts.setdefault(event.host, []).append(event)
        rows = [
            {
                "host": host,
                "events": len(events),
                "documents": len({event.doc_id for event in events}),
                "when": list(dict.fromkeys(event.when for event in events if event.when)),
            }
            for host, events in sorted(hosts.items())
        ]
        return typed_frame(rows, HOST_COLUMNS)

    def timeline(self, *, title: str = "Who hosted what, when") -> Figure:
        """A matplotlib figure: dated events on a time axis, undated ones listed beside it."""
        from workbench.events.timeline import plot_timeline

        return plot_timeline(self.events, title=title)

    def __repr__(self) -> str:
        dated = sum(event.date is not None for event in self.events)
        unread = f", {len(self.skipped)} documents not read" if self.skipped else ""
        return f"<EventTable of {len(self)} events, {dated} dated{unread}>"

    def _repr_html_(self) -> str:
        """The events as a table citing each source: document, offsets, and the sentence.

        Made to fit a notebook's width: the document id and the offsets (*source*),
        a date, and the other documents that report the event stay on one line
        each; every other cell wraps between words. Each row shows under its host
        how the host is known, under *when* the date it stands for, and under its
        sentence (the evidence, in which the host and the date expression are
        marked) the other documents that report it.
        """
        header = "".join(f"<th>{name}</th>" for name in HTML_COLUMNS)
        rows = "".join(_html_row(event) for event in self.events[:CARD_ROWS])
        table = f"<table>{_header_row(header)}{rows}</table>"
        more = more_rows(min(len(self.events), CARD_ROWS), len(self.events), "its .to_frame()")
        unread = "".join(
            f"<p>Not read for events: {html.escape(doc_id)} ({html.escape(reason)})</p>"
            for doc_id, reason in self.skipped
        )
        return f"<div><p>{html.escape(repr(self))}</p>{table}{more}{unread}</div>"


#: The columns of the events card (:meth:`EventTable._repr_html_`), in order.
HTML_COLUMNS = ("source", "kind", "host", "event", "place", "when", "participants", "evidence")

#: The evidence column's least width: a sentence reads a few words a line, never one.
EVIDENCE_MIN_WIDTH = "16em"


def _header_row(header: str) -> str:
    """The header row, the evidence heading given its least width."""
    evidence = f'<th style="min-width:{EVIDENCE_MIN_WIDTH}">evidence</th>'
    return "<tr>" + header.replace("<th>evidence</th>", evidence) + "</tr>"


def _under(main: str, below: str | None) -> str:
    """``main`` (HTML) with ``below`` (HTML) in small type on the next line, if any."""
    return f"{main}<br><small>{below}</small>" if below else main


def _html_row(event: Event) -> str:
    """One event as a row of the events card."""
    source = _under(one_line(html.escape(event.doc_id)), one_line(f"{event.start}–{event.end}"))
    host_is = html.escape(EVIDENCE_WORDS.get(event.evidence, event.evidence))
    shown_date = event.date_shown()
    when = _under(
        html.escape(event.when or (MISSING if shown_date is None else "")),
        one_line(html.escape(shown_date)) if shown_date and shown_date != event.when else None,
    )
    also = one_line_list(event.also_reported)
    cells = (
        source,
        html.escape(event.family),
        _under(html.escape(event.host), host_is),
        html.escape(event.event or MISSING),
        html.escape(event.place or MISSING),
        when.removeprefix("<br>"),
        html.escape("; ".join(event.participants) or MISSING),
    )
    evidence = _under(_marked_sentence(event), f"also reported in {also}" if also else None)
    return (
        "<tr>"
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + f'<td style="text-align:left">{evidence}</td></tr>'
    )


def _marked_sentence(event: Event) -> str:
    """The event's sentence as HTML, with the first occurrence of its host and its date marked."""
    spans = []
    for phrase in (event.host, event.when):
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", event.text) if phrase else None
        position = found.start() if found else -1  # "Qatar" is not marked inside "Qatari"
        if position >= 0 and all(
            position >= end or position + len(phrase) <= start for start, end in spans
        ):
            spans.append((position, position + len(phrase)))
    parts, position = [], 0
    for start, end in sorted(spans):
        parts += [
            html.escape(event.text[position:start]),
            f"<mark>{html.escape(event.text[start:end])}</mark>",
        ]
        position = end
    parts.append(html.escape(event.text[position:]))
    return "".join(parts)
