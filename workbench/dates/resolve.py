"""The names other packages import from here, now defined in the modules of the split.

:func:`~workbench.dates.resolution.resolve_date` and
:class:`~workbench.dates.rules.ResolvedDate` resolve one expression;
:func:`~workbench.dates.find.find_time_expressions` finds expressions in a sentence.
New code imports them from :mod:`workbench.dates`.
"""

from workbench.dates.find import find_time_expressions
from workbench.dates.resolution import resolve_date
from workbench.dates.rules import ResolvedDate

__all__ = ["ResolvedDate", "find_time_expressions", "resolve_date"]
