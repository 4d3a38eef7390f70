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

from workbench.columns import EVENT_COLUMNS
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
        if self.date is None:
            return None
        if self.granularity == "month":
            return self.date.strftime("%B %Y")
        if self.granularity == "year":
            return str(self.date.year)
        if self.granularity == "week":
            return f"week of {self.date.isoformat()}"
        return self.date.isoformat()

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

        In the sentence, the host and the date expression are marked where it names them.
        """
        names = (
            "doc_id",
            "span",
            "kind",
            "host",
            "host is",
            "event",
            "place",
            "when",
            "date",
            "participants",
            "also reported in",
        )
        header = "".join(f"<th>{name}</th>" for name in (*names, "evidence"))
        rows = []
        for e in self.events[:CARD_ROWS]:
            cells = (
                e.doc_id,
                f"{e.start}–{e.end}",
                e.family,
                e.host,
                EVIDENCE_WORDS.get(e.evidence, e.evidence),
                e.event or MISSING,
                e.place or MISSING,
                e.when or MISSING,
                e.date_shown() or MISSING,
                "; ".join(e.participants) or MISSING,
                ", ".join(e.also_reported) or MISSING,
            )
            rows.append(
                "<tr>"
                + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
                + f'<td style="text-align:left">{_marked_sentence(e)}</td></tr>'
            )
        table = f"<table><tr>{header}</tr>{''.join(rows)}</table>"
        more = more_rows(len(rows), len(self.events), "table.to_frame()")
        unread = "".join(
            f"<p>Not read for events: {html.escape(doc_id)} ({html.escape(reason)})</p>"
            for doc_id, reason in self.skipped
        )
        return f"<div><p>{html.escape(repr(self))}</p>{table}{more}{unread}</div>"


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
