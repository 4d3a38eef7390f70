"""Reading complete calendar dates written in the ways news metadata writes them.

This module turns an explicit date ("2021-07-17", "July 17, 2021", "17 July 2021",
"26-FEB-1987 15:01:01.79") into a :class:`datetime.date`. It never guesses a year:
text that does not name one gives ``None``.
"""

from __future__ import annotations

import re
from datetime import date

from workbench.dates.names import MONTH_NUMBERS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

#: Complete dates, most specific first. Each names year, month and day groups.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # ISO dates may run straight into a time: "2020-02-29T10:00:00Z".
        rf"\b{_YEAR}-(?P<month>[01]?\d)-{_DAY}(?:\b|(?=T\d))",
        rf"\b{_YEAR}/(?P<month>[01]?\d)/{_DAY}\b",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        rf"\b{_DAY}(?:\s+of)?[\s-]+{_MONTH}[\s,-]+{_YEAR}\b",
    )
)


def parse_date(text: str) -> date | None:
    """Return the first complete calendar date written in ``text``, or ``None``.

    Parameters
    ----------
    text : str
        A metadata value or header line, e.g. ``"2021-07-17T10:00:00Z"``.

    Returns
    -------
    datetime.date or None
        ``None`` when no pattern matches or the match is not a real date.

    Examples
    --------
    >>> parse_date("Published: July 17, 2021, 10:04 IST")
    datetime.date(2021, 7, 17)
    >>> parse_date("26-FEB-1987 15:01:01.79")
    datetime.date(1987, 2, 26)
    >>> parse_date("on Thursday") is None
    True
    """
    match = find_date(text)
    return match[0] if match else None


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """Return the earliest complete date in ``text`` and the match that wrote it."""
    found: list[tuple[int, date, re.Match[str]]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _to_date(match)
            if value is not None:
                found.append((match.start(), value, match))
                break
    if not found:
        return None
    _, value, match = min(found, key=lambda item: item[0])
    return value, match


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = (
        int(month_text) if month_text.isdigit() else MONTH_NUMBERS[month_text.lower().rstrip(".")]
    )
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
