"""Events: who hosted what, where and when, as a table and a timeline.

:mod:`~workbench.events.families` holds the words that report hosting and the
cheap test before parsing; :mod:`~workbench.events.hosting` reads hosting
mentions from parsed sentences, with the event phrase, date and participants read
by :mod:`~workbench.events.phrases`; :mod:`~workbench.events.extract` merges the
mentions of one event into a row of the :class:`EventTable`
(:mod:`~workbench.events.table`); :mod:`~workbench.events.timeline` draws the table.
"""

from workbench.events.extract import extract_events
from workbench.events.table import Event, EventTable
from workbench.events.timeline import plot_timeline

__all__ = ["Event", "EventTable", "extract_events", "plot_timeline"]
