"""The Markdown briefing: summaries, answers and events, every claim cited.

:mod:`~workbench.export.briefing` builds a :class:`Briefing` (the work) and
writes it (:func:`write_briefing`); :mod:`~workbench.export.render` turns it into
CommonMark with footnotes that quote each cited sentence.
"""

from workbench.export.briefing import Briefing, build_briefing, write_briefing

__all__ = ["Briefing", "build_briefing", "write_briefing"]
