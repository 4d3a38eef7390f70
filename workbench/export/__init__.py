"""The Markdown briefing: summaries, answers and events, every claim cited.

:mod:`~workbench.export.briefing` builds a :class:`Briefing` (the work);
:mod:`~workbench.export.render` turns it into CommonMark with footnotes that
quote each cited sentence; :mod:`~workbench.export.write` writes it
(:func:`write_briefing`), with its timeline image beside it when asked.
"""

from workbench.export.briefing import Briefing, build_briefing
from workbench.export.write import write_briefing

__all__ = ["Briefing", "build_briefing", "write_briefing"]
