"""English month and weekday names, lower-cased, read once from :mod:`calendar`.

Every module that matches a month or weekday by name takes it from here, so the
date finder, the date reader, the sentence splitter and the answer candidates
agree on what a month is.

:data:`calendar.month_name` and its siblings follow the ``LC_TIME`` locale (they
call ``strftime``): Python starts in the C locale, but a program that called
:func:`locale.setlocale` before importing the workbench would get "januar" or
"janvier". News text here is English, so the names are read under the C locale.
The locale is switched (with :class:`calendar.different_locale`, only while
reading) when it is not already C, since that switch is process-wide.
"""

from __future__ import annotations

import calendar
import contextlib
import locale
from collections.abc import Iterable

#: Abbreviations news writes besides calendar's, written by hand: "Sept." (AP style).
EXTRA_ABBREVIATIONS: dict[str, str] = {"sep": "sept"}


def _english(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as the C locale writes them, lower-cased, without calendar's empty entry."""
    in_c_locale = locale.setlocale(locale.LC_TIME) in {"C", "POSIX"}  # a query: changes nothing
    with contextlib.nullcontext() if in_c_locale else calendar.different_locale("C"):
        return tuple(name.lower() for name in names if name)


def _abbreviations(shorts: Iterable[str], fulls: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, (short, full) in enumerate(zip(shorts, fulls, strict=True), start=1):
        if short in EXTRA_ABBREVIATIONS:  # the longer form first, for regular expressions
            found[EXTRA_ABBREVIATIONS[short]] = number
        if short != full:
            found[short] = number
    return found


#: The twelve month names, January first: ``MONTH_NAMES[month - 1]``.
MONTH_NAMES: tuple[str, ...] = _english(calendar.month_name)
#: The seven weekday names, Monday first, as :meth:`datetime.date.weekday` counts.
WEEKDAY_NAMES: tuple[str, ...] = _english(calendar.day_name)
#: Each weekday name and its number, Monday 0, as :meth:`datetime.date.weekday` gives it.
WEEKDAY_NUMBERS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
#: Month abbreviations and their month numbers, January first: calendar's three letters
#: and "sept" (before "sep", so that an alternation built from them prefers it). May has
#: none, its name being no longer than an abbreviation.
MONTH_ABBREVIATIONS: dict[str, int] = _abbreviations(_english(calendar.month_abbr), MONTH_NAMES)
#: Every month name and abbreviation and its month number, each month's full name first.
MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, full in enumerate(MONTH_NAMES, start=1)
    for name in (full, *(short for short, its in MONTH_ABBREVIATIONS.items() if its == number))
}
