"""Dates: complete dates as metadata writes them, and the expressions news text uses.

:mod:`~workbench.dates.explicit` reads a complete date ("2021-07-17", "July 17,
2021") and never guesses a year; :mod:`~workbench.dates.find` finds time
expressions in a sentence ("on Tuesday", "in mid-April") and
:mod:`~workbench.dates.resolution` resolves each against the publication date,
saying which of the rules in :mod:`~workbench.dates.rules` it used. Month and
weekday names come from :mod:`~workbench.dates.names`, the shared pieces of
regular expression from :mod:`~workbench.dates.patterns`.
"""

from workbench.dates.explicit import find_date, parse_date
from workbench.dates.find import TimeExpression, find_time_expressions
from workbench.dates.resolution import resolve_date
from workbench.dates.rules import ResolvedDate, date_at_granularity

__all__ = [
    "ResolvedDate",
    "TimeExpression",
    "date_at_granularity",
    "find_date",
    "find_time_expressions",
    "parse_date",
    "resolve_date",
]
