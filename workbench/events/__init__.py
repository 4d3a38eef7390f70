"""Events: who hosted what, where and when, as a table and a timeline.

:mod:`~workbench.events.families` reads the event families from data (trigger
words and the reading of each) and holds the cheap test before parsing;
:mod:`~workbench.events.mentions` reads event mentions from parsed sentences, with
the readings of :mod:`~workbench.events.hosting` and :mod:`~workbench.events.visits`
filling roles through :mod:`~workbench.events.roles` (the host by an order of
evidence), :mod:`~workbench.events.clauses` (what one token of a parse says: a
body, an agent, a venue's owner) and :mod:`~workbench.events.phrases` (event
phrase, date, participants);
:mod:`~workbench.events.extract` links the mentions of one event into a row of the
:class:`EventTable` (:mod:`~workbench.events.table`);
:mod:`~workbench.events.timeline` draws the table.
"""

from workbench.events.extract import extract_events
from workbench.events.table import EVIDENCE_WORDS, Event, EventTable
from workbench.events.timeline import plot_timeline

__all__ = ["EVIDENCE_WORDS", "Event", "EventTable", "extract_events", "plot_timeline"]
