"""The rules that resolve one date expression, each returning a :class:`ResolvedDate`.

Each rule reads the expression (lower-cased, spaces normalised) with its own
pattern and returns a :class:`ResolvedDate`, or ``None`` when the expression is
not of its kind. :func:`workbench.dates.resolution.resolve_date` tries them in the
order of :data:`RULES`; the table in :mod:`workbench.dates.resolution` says what
each one does.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from workbench.dates.explicit import find_date
from workbench.dates.names import MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_NUMBERS
from workbench.dates.patterns import (
    COUNT,
    DAY,
    FIXED_HOLIDAYS,
    MONTH,
    NUMBER_WORDS,
    PART_OF_MONTH,
    UNMISTAKABLE_MONTH,
    WEEKDAY,
    YEAR,
    compile_pattern,
)

#: Granularities a resolved date can have, finest first.
GRANULARITIES = ("day", "week", "month", "year")


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression and the calendar date it stands for.

    Attributes
    ----------
    text : str
        The expression exactly as given.
    date : datetime.date or None
        The first day of the period meant, or ``None`` when it cannot be known
        (no year written and no publication date, or not a date expression).
    granularity : {"day", "week", "month", "year"} or None
        How much of ``date`` the expression fixes; ``None`` for text the resolver
        does not read as a date.
    rule : str
        Which rule applied: ``"explicit"``, ``"month-day"``, ``"relative-day"``,
        ``"weekday"``, ``"ago"``, ``"relative-period"``, ``"month-year"``,
        ``"month"``, ``"year"``, ``"holiday"``, ``"clock-time"`` or ``"unresolved"``.
    why : str
        One sentence saying how the date was reached, or why it was not.
    """

    text: str
    date: date | None
    granularity: str | None
    rule: str
    why: str

    @property
    def iso(self) -> str | None:
        """The date as ``YYYY-MM-DD``, or ``None``."""
        return self.date.isoformat() if self.date else None

    def __str__(self) -> str:
        value = self.iso or "unknown date"
        return f"{self.text!r} -> {value} ({self.granularity or 'no granularity'}; {self.why})"


class Context(NamedTuple):
    """What every rule reads: the expression as given and normalised, and the reference."""

    expression: str
    text: str
    day: date | None
    at: tuple[int, int] | None
    direction: str


Rule = Callable[[Context], "ResolvedDate | None"]


# --- Patterns the rules read (on lower-cased, space-normalised text) ---------------------

_EXPLICIT_IN_YEAR = compile_pattern(
    rf"\b(?:(?P<month>{MONTH})\s+(?P<day>{DAY})|(?P<day2>{DAY})(?:\s+of)?\s+(?P<month2>{MONTH}))"
    rf",?\s+(?:in|of)\s+(?P<year>{YEAR})\b"
)
_MONTH_DAY = compile_pattern(rf"\b(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?![:.]\d)")
_DAY_MONTH = compile_pattern(rf"\b(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?![a-z])")
_RELATIVE_DAY = compile_pattern(
    r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
    r"yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b"
)
_WEEKDAY = compile_pattern(
    rf"\b(?:(?P<modifier>last|next|this|coming|past)\s+)?(?P<weekday>{WEEKDAY})\b"
)
_AGO = compile_pattern(rf"\b(?P<count>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_PERIOD = compile_pattern(
    r"\b(?:(?P<side>earlier|later)\s+)?(?P<which>this|last|next|coming)\s+"
    r"(?P<unit>week|weekend|month|year)\b"
)
_PART_MONTH = compile_pattern(rf"\b(?P<part>{PART_OF_MONTH})[\s-]*(?P<month>{MONTH})(?![a-z])")
_MONTH_YEAR = compile_pattern(rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b")
_MONTH_ALONE = compile_pattern(rf"\b(?P<month>{UNMISTAKABLE_MONTH})(?![a-z])")
_YEAR = compile_pattern(rf"\b(?P<year>{YEAR})\b")
_CLOCK = compile_pattern(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>a\.?m\b\.?|p\.?m\b\.?)"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b"
    r"|\b(?P<word>midnight|noon|midday)\b"
)
_HOLIDAY = compile_pattern(
    r"\b(?P<holiday>" + "|".join(re.escape(name) for name in FIXED_HOLIDAYS) + r")\b"
)


# --- The rules, tried in order ----------------------------------------------------------


def _explicit(context: Context) -> ResolvedDate | None:
    found = find_date(context.text)
    if found is not None:
        return ResolvedDate(
            context.expression, found[0], "day", "explicit", "the date is written in full"
        )
    match = _EXPLICIT_IN_YEAR.search(context.text)
    if match is not None:  # "September 12 in 2019", "12 September in 2019"
        month, day = match["month"] or match["month2"], match["day"] or match["day2"]
        value = _safe_date(int(match["year"]), _month(month), _day(day))
        if value is not None:
            return ResolvedDate(
                context.expression, value, "day", "explicit", "the date is written in full"
            )
    return None


def _month_day(context: Context) -> ResolvedDate | None:
    match = _MONTH_DAY.search(context.text) or _DAY_MONTH.search(context.text)
    if match is None:
        return None
    month, number = _month(match["month"]), _day(match["day"])
    if number > calendar.monthrange(2000, month)[1]:  # 2000: a leap year allows February 29
        return None
    return _in_nearest_year(
        context.expression,
        context.day,
        context.direction,
        lambda year: _day_span(_safe_date(year, month, number)),
        "month-day",
        "day",
        f"{_month_name(month)} {number}",
    )


def _relative_day(context: Context) -> ResolvedDate | None:
    match = _RELATIVE_DAY.search(context.text)
    if match is None:
        return None
    word = " ".join(match["word"].split())
    offset = {
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
    }.get(word, 0)
    if context.day is None:
        return _unknown(
            context.expression, "day", "relative-day", f"{word!r} needs the publication date"
        )
    why = f"{word!r}: {offset:+d} days from the publication date" if offset else f"{word!r}"
    return ResolvedDate(
        context.expression, context.day + timedelta(days=offset), "day", "relative-day", why
    )


def _weekday(context: Context) -> ResolvedDate | None:
    match = _WEEKDAY.search(context.text)
    if match is None:
        return None
    name, modifier = match["weekday"], match["modifier"]
    if context.day is None:
        return _unknown(context.expression, "day", "weekday", f"{name} needs the publication date")
    target = WEEKDAY_NUMBERS[name]
    if modifier == "this":
        value = context.day - timedelta(days=context.day.weekday()) + timedelta(days=target)
        why = f"the {name.title()} of the publication week"
    elif modifier in {"next", "coming"} or (modifier is None and context.direction == "future"):
        strict = modifier is not None
        ahead = (target - context.day.weekday()) % 7 or (7 if strict else 0)
        value = context.day + timedelta(days=ahead)
        why = f"the next {name.title()} {'after' if strict else 'on or after'} publication"
    else:
        strict = modifier is not None
        back = (context.day.weekday() - target) % 7 or (7 if strict else 0)
        value = context.day - timedelta(days=back)
        why = f"the most recent {name.title()} {'before' if strict else 'on or before'} publication"
    return ResolvedDate(context.expression, value, "day", "weekday", why)


def _ago(context: Context) -> ResolvedDate | None:
    match = _AGO.search(context.text)
    if match is None:
        return None
    count = match["count"]
    number = int(count) if count.isdigit() else NUMBER_WORDS[count]
    unit = match["unit"]
    if context.day is None:
        return _unknown(context.expression, unit, "ago", "needs the publication date")
    try:
        if unit in {"day", "week"}:
            value = context.day - timedelta(days=number * (7 if unit == "week" else 1))
            value = value - timedelta(days=value.weekday()) if unit == "week" else value
        elif unit == "month":
            year, month = divmod(context.day.year * 12 + context.day.month - 1 - number, 12)
            value = date(year, month + 1, 1)
        else:
            value = date(context.day.year - number, 1, 1)
    except (ValueError, OverflowError):  # "7000 years ago": before the calendar's year 1
        return _unknown(context.expression, unit, "ago", "it lies before year 1")
    return ResolvedDate(
        context.expression, value, unit, "ago", f"{number} {unit}(s) before publication"
    )


def _period(context: Context) -> ResolvedDate | None:
    match = _PERIOD.search(context.text)
    if match is None:
        return None
    which, unit = match["which"], match["unit"]
    step = {"this": 0, "last": -1, "next": 1, "coming": 1}[which]
    granularity = "week" if unit == "weekend" else unit
    if context.day is None:
        return _unknown(
            context.expression, granularity, "relative-period", "needs the publication date"
        )
    if unit in {"week", "weekend"}:
        monday = context.day - timedelta(days=context.day.weekday()) + timedelta(weeks=step)
        value = monday + timedelta(days=5) if unit == "weekend" else monday
    elif unit == "month":
        year, month = divmod(context.day.year * 12 + context.day.month - 1 + step, 12)
        value = date(year, month + 1, 1)
    else:
        value = date(context.day.year + step, 1, 1)
    why = (
        f"{' '.join(match[0].split())!r}: "
        f"the {unit} {({0: 'of', -1: 'before', 1: 'after'})[step]} publication"
    )
    return ResolvedDate(context.expression, value, granularity, "relative-period", why)


def _month_with_year(context: Context) -> ResolvedDate | None:
    part = _PART_MONTH.search(context.text)
    match = _MONTH_YEAR.search(context.text)
    if match is None:
        return None
    month = _month(match["month"])
    detail = f"{part['part']} " if part else ""
    why = f"{detail}{_month_name(month)} {match['year']}: the first of the month"
    return ResolvedDate(
        context.expression, date(int(match["year"]), month, 1), "month", "month-year", why
    )


def _month_only(context: Context) -> ResolvedDate | None:
    match = _PART_MONTH.search(context.text) or _MONTH_ALONE.search(context.text)
    if match is None:
        return None
    month = _month(match["month"])
    part = match.groupdict().get("part")
    label = f"{part} {_month_name(month)}" if part else _month_name(month)
    return _in_nearest_year(
        context.expression,
        context.day,
        context.direction,
        lambda year: (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])),
        "month",
        "month",
        label,
    )


def _year(context: Context) -> ResolvedDate | None:
    match = _YEAR.search(context.text)
    if match is None:
        return None
    year = int(match["year"])
    return ResolvedDate(context.expression, date(year, 1, 1), "year", "year", f"the year {year}")


def _holiday(context: Context) -> ResolvedDate | None:
    match = _HOLIDAY.search(context.text)
    if match is None:
        return None
    month, number = FIXED_HOLIDAYS[match["holiday"]]
    return _in_nearest_year(
        context.expression,
        context.day,
        context.direction,
        lambda year: _day_span(date(year, month, number)),
        "holiday",
        "day",
        match["holiday"].title(),
    )


def _clock(context: Context) -> ResolvedDate | None:
    match = _CLOCK.search(context.text)
    if match is None:
        return None
    if context.day is None:
        return _unknown(
            context.expression, "day", "clock-time", "a clock time needs the publication date"
        )
    clock = _clock_minutes(match)
    if (
        context.at is not None
        and clock > context.at[0] * 60 + context.at[1]
        and context.direction != "future"
        and "local" not in context.text  # "11:30pm local time": not the publication's clock
    ):
        why = "a clock time later than the publication time: the day before"
        return ResolvedDate(
            context.expression, context.day - timedelta(days=1), "day", "clock-time", why
        )
    return ResolvedDate(
        context.expression,
        context.day,
        "day",
        "clock-time",
        "a bare clock time: the publication day",
    )


RULES: tuple[Rule, ...] = (
    _explicit,
    _month_day,
    _relative_day,
    _weekday,
    _ago,
    _period,
    _month_with_year,
    _month_only,
    _year,
    _holiday,
    _clock,
)


# --- Helpers ----------------------------------------------------------------------------


def _in_nearest_year(
    expression: str,
    published: date | None,
    direction: str,
    span_in: Callable[[int], tuple[date, date] | None],
    rule: str,
    granularity: str,
    label: str,
) -> ResolvedDate:
    """Place a date written without a year in the year nearest the publication date.

    Past expressions take the latest year that starts on or before publication,
    future ones the earliest that ends on or after it; ``"auto"`` the one closest to it.
    """
    if published is None:
        return _unknown(expression, granularity, rule, f"{label}: no year written")
    spans = [
        span
        for year in (published.year - 1, published.year, published.year + 1)
        if (span := span_in(year)) is not None
    ]
    if direction == "past":
        spans = [span for span in spans if span[0] <= published] or spans
        start, _ = max(spans)
        how = "the latest on or before publication"
    elif direction == "future":
        spans = [span for span in spans if span[1] >= published] or spans
        start, _ = min(spans)
        how = "the earliest on or after publication"
    else:
        start, _ = min(spans, key=lambda span: (_distance(span, published), span[0]))
        how = "the year nearest publication"
    return ResolvedDate(expression, start, granularity, rule, f"{label}, {start.year}: {how}")


def _distance(span: tuple[date, date], published: date) -> int:
    start, end = span
    if start <= published <= end:
        return 0
    return min(abs((published - start).days), abs((published - end).days))


def _day_span(value: date | None) -> tuple[date, date] | None:
    return (value, value) if value is not None else None


def _unknown(expression: str, granularity: str, rule: str, why: str) -> ResolvedDate:
    return ResolvedDate(expression, None, granularity, rule, f"{why}; the date stays unknown")


def _month(text: str) -> int:
    return MONTH_NUMBERS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text)[0])  # type: ignore[index]


def _month_name(month: int) -> str:
    return MONTH_NAMES[month - 1].title()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock_minutes(match: re.Match[str]) -> int:
    word = match["word"]
    if word:
        return 0 if word.lower() == "midnight" else 12 * 60
    if match["hour24"] is not None:
        return int(match["hour24"]) * 60 + int(match["minute24"])
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower().startswith("p") else 0)
    return hour * 60 + int(match["minute"] or 0)


def date_at_granularity(day: date | None, granularity: str | None) -> str | None:
    """A date written only as far as it is known: "2017-04-14", "April 2017", "2017".

    Examples
    --------
    >>> from datetime import date
    >>> date_at_granularity(date(2017, 4, 1), "month")
    'April 2017'
    >>> date_at_granularity(date(2018, 11, 9), "day")
    '2018-11-09'
    """
    if day is None:
        return None
    if granularity == "month":
        return day.strftime("%B %Y")
    if granularity == "year":
        return str(day.year)
    if granularity == "week":
        return f"week of {day.isoformat()}"
    return day.isoformat()
