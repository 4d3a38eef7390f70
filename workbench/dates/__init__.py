"""Dates: complete dates as metadata writes them, and the expressions news text uses.

:mod:`~workbench.dates.explicit` reads a complete date ("2021-07-17", "July 17,
2021") and never guesses a year; :mod:`~workbench.dates.resolve` finds time
expressions in a sentence ("on Tuesday", "in mid-April") and resolves them
against the publication date, saying which rule it used.
"""

from workbench.dates.explicit import find_date, parse_date
from workbench.dates.resolve import (
    ResolvedDate,
    TimeExpression,
    find_time_expressions,
    resolve_date,
)

__all__ = [
    "ResolvedDate",
    "TimeExpression",
    "find_date",
    "find_time_expressions",
    "parse_date",
    "resolve_date",
]
