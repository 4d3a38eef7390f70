"""Events: who hosted what, where and when, as a table and a timeline.

:mod:`~workbench.events.hosting` reads hosting mentions from parsed sentences;
:mod:`~workbench.events.extract` merges the mentions of one event into a row of
the :class:`EventTable`; :mod:`~workbench.events.timeline` draws the table.
"""

from workbench.events.extract import Event, EventTable, extract_events
from workbench.events.timeline import plot_timeline

__all__ = ["Event", "EventTable", "extract_events", "plot_timeline"]
