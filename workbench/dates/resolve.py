"""Time expressions in news text: finding them, and resolving them to calendar dates.

News rarely writes complete dates. It writes "on Saturday", "earlier this week",
"in October", "November 9", and leaves the reader to know when the article
appeared. :func:`resolve_date` does what that reader does: it resolves an
expression against the document's publication date, and says which rule it used.

Rules, in the order they are tried (the first that applies wins):

========================  =================================================  ===========
expression                resolved to                                        granularity
========================  =================================================  ===========
"2021-07-17",             that date (:func:`workbench.dates.explicit.find_date`,      day
"July 17, 2021",          plus "September 12 in 2019", "12 September in
                          2019")
"November 9", "9 Nov."    that day in the year that puts it nearest the      day
                          publication date (or before it for ``"past"``,
                          after it for ``"future"``)
"today", "yesterday",     the publication date plus or minus days            day
"tomorrow", "tonight"
"Saturday", "on Tuesday"  the most recent such day on or before the          day
                          publication date; the next one on or after it for
                          ``"future"``; "last"/"next" force the direction
"three days ago"          the publication date minus that many units         day/week/...
"this week", "last week", the Monday of that week (the Saturday of a         week
"earlier this week"       weekend)
"next month", "last year" the first day of that month or year                month/year
"April 2017", "mid-April" the first day of the month; without a year, the    month
"in October"              year nearest the publication date as above
"2019", "in 2019"         1 January of that year                             year
"Christmas"               that fixed day, year chosen as for "November 9"    day
"at around 6am"           a bare clock time: the publication day (the day    day
                          before when the time is later than a known
                          publication time)
========================  =================================================  ===========

Month and year granularity always give the *first* day of the period, with the
granularity saying how much of the date to trust ("mid-April" is April 1 with
granularity ``"month"``; the ``why`` text keeps the "mid").

When the year cannot be known (no year written and no publication date), the
date is ``None``: a year is never invented. The text, the expression's own
granularity and the rule are still returned, so the table keeps what the article
says.

:func:`find_time_expressions` finds such expressions in a sentence, with regular
expressions (and, when given, spaCy's DATE entities for forms they miss).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from workbench.dates.explicit import MONTHS, find_date

if TYPE_CHECKING:
    from workbench.model import Sentence

#: The allowed values of ``direction``: which way an expression without a year points.
DIRECTIONS = ("past", "future", "auto")
#: Granularities a resolved date can have, finest first.
GRANULARITIES = ("day", "week", "month", "year")

WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

#: Holidays on a fixed calendar day, the same in every year.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
}

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_FULL_MONTHS = [calendar.month_name[number].lower() for number in range(1, 13)]
_ABBREVIATIONS = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
#: A month name, or an abbreviation with an optional dot (a full name never takes the dot).
_M = r"(?:" + "|".join(_FULL_MONTHS) + rf"|{_ABBREVIATIONS}\.?)"
#: A month written so that it cannot be another word: a full name, or an abbreviation with a dot.
_M_FULL = r"(?:" + "|".join(_FULL_MONTHS) + rf"|{_ABBREVIATIONS}\.)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]|20)\d\d"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?:\d+|" + "|".join(_NUMBER_WORDS) + r")"
_PART = r"(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- Patterns the resolver reads (on lower-cased, space-normalised text) -----------------

_EXPLICIT_IN_YEAR = _compile(
    rf"\b(?:(?P<month>{_M})\s+(?P<day>{_D})|(?P<day2>{_D})(?:\s+of)?\s+(?P<month2>{_M}))"
    rf",?\s+(?:in|of)\s+(?P<year>{_Y})\b"
)
_MONTH_DAY = _compile(rf"\b(?P<month>{_M})\s+(?P<day>{_D})\b(?![:.]\d)")
_DAY_MONTH = _compile(rf"\b(?P<day>{_D})(?:\s+of)?\s+(?P<month>{_M})(?![a-z])")
_RELATIVE_DAY = _compile(
    r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
    r"yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b"
)
_WEEKDAY = _compile(rf"\b(?:(?P<modifier>last|next|this|coming|past)\s+)?(?P<weekday>{_WD})\b")
_AGO = _compile(rf"\b(?P<count>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_PERIOD = _compile(
    r"\b(?:(?P<side>earlier|later)\s+)?(?P<which>this|last|next|coming)\s+"
    r"(?P<unit>week|weekend|month|year)\b"
)
_PART_MONTH = _compile(rf"\b(?P<part>{_PART})[\s-]*(?P<month>{_M})(?![a-z])")
_MONTH_YEAR = _compile(rf"\b(?P<month>{_M}),?\s+(?:of\s+)?(?P<year>{_Y})\b")
_MONTH_ALONE = _compile(rf"\b(?P<month>{_M_FULL})(?![a-z])")
_YEAR = _compile(rf"\b(?P<year>{_Y})\b")
_CLOCK = _compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>a\.?m\b\.?|p\.?m\b\.?)"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b"
    r"|\b(?P<word>midnight|noon|midday)\b"
)
_HOLIDAY = _compile(
    r"\b(?P<holiday>" + "|".join(re.escape(name) for name in FIXED_HOLIDAYS) + r")\b"
)
_PAST_CUES = _compile(r"\b(?:last|past|ago|earlier|previous|previously)\b")
_FUTURE_CUES = _compile(r"\b(?:next|coming|upcoming|later)\b")


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


def resolve_date(
    expression: str, published: date | None = None, *, direction: str = "auto"
) -> ResolvedDate:
    """Resolve a date expression against the date its article was published.

    Parameters
    ----------
    expression : str
        A time expression as an article writes it ("on Saturday", "in mid-April").
    published : datetime.date or datetime.datetime, optional
        The publication date. A :class:`~datetime.datetime` with a time other than
        midnight also lets a bare clock time later than it mean the day before.
    direction : {"auto", "past", "future"}
        The tense of the clause, when known: ``"past"`` for "hosted ... on
        Saturday", ``"future"`` for "will host ... on Saturday". Words in the
        expression ("last", "next", "ago") override it. ``"auto"`` takes weekdays
        as the most recent one (news reports look back) and partial dates in the
        year nearest the publication date.

    Returns
    -------
    ResolvedDate

    Raises
    ------
    ValueError
        If ``direction`` is not one of ``"auto"``, ``"past"``, ``"future"``.

    Examples
    --------
    >>> resolve_date("on Saturday", date(2016, 11, 9)).iso
    '2016-11-05'
    >>> resolve_date("on Saturday", date(2016, 11, 9), direction="future").iso
    '2016-11-12'
    >>> resolve_date("in mid-April", date(2019, 3, 28)).granularity
    'month'
    >>> resolve_date("November 9", None).date is None
    True
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    text = " ".join(expression.replace("’", "'").split()).lower()
    direction = _direction_from_words(text, direction)
    context = _Context(expression, text, *_split_published(published), direction)
    for rule in _RULES:
        result = rule(context)
        if result is not None:
            return result
    return ResolvedDate(expression, None, None, "unresolved", "not read as a date expression")


# --- The rules, tried in order ----------------------------------------------------------


class _Context(NamedTuple):
    """What every rule reads: the expression as given and normalised, and the reference."""

    expression: str
    text: str
    day: date | None
    at: tuple[int, int] | None
    direction: str


_Rule = Callable[[_Context], "ResolvedDate | None"]


def _explicit(context: _Context) -> ResolvedDate | None:
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


def _month_day(context: _Context) -> ResolvedDate | None:
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
        f"{calendar.month_name[month]} {number}",
    )


def _relative_day(context: _Context) -> ResolvedDate | None:
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


def _weekday(context: _Context) -> ResolvedDate | None:
    match = _WEEKDAY.search(context.text)
    if match is None:
        return None
    name, modifier = match["weekday"], match["modifier"]
    if context.day is None:
        return _unknown(context.expression, "day", "weekday", f"{name} needs the publication date")
    target = WEEKDAYS[name]
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


def _ago(context: _Context) -> ResolvedDate | None:
    match = _AGO.search(context.text)
    if match is None:
        return None
    count = match["count"]
    number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    unit = match["unit"]
    if context.day is None:
        return _unknown(context.expression, unit, "ago", "needs the publication date")
    if unit in {"day", "week"}:
        value = context.day - timedelta(days=number * (7 if unit == "week" else 1))
        value = value - timedelta(days=value.weekday()) if unit == "week" else value
    elif unit == "month":
        year, month = divmod(context.day.year * 12 + context.day.month - 1 - number, 12)
        value = date(year, month + 1, 1)
    else:
        value = date(context.day.year - number, 1, 1)
    return ResolvedDate(
        context.expression, value, unit, "ago", f"{number} {unit}(s) before publication"
    )


def _period(context: _Context) -> ResolvedDate | None:
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


def _month_with_year(context: _Context) -> ResolvedDate | None:
    part = _PART_MONTH.search(context.text)
    match = _MONTH_YEAR.search(context.text)
    if match is None:
        return None
    month = _month(match["month"])
    detail = f"{part['part']} " if part else ""
    why = f"{detail}{calendar.month_name[month]} {match['year']}: the first of the month"
    return ResolvedDate(
        context.expression, date(int(match["year"]), month, 1), "month", "month-year", why
    )


def _month_only(context: _Context) -> ResolvedDate | None:
    match = _PART_MONTH.search(context.text) or _MONTH_ALONE.search(context.text)
    if match is None:
        return None
    month = _month(match["month"])
    part = match.groupdict().get("part")
    label = f"{part} {calendar.month_name[month]}" if part else calendar.month_name[month]
    return _in_nearest_year(
        context.expression,
        context.day,
        context.direction,
        lambda year: (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])),
        "month",
        "month",
        label,
    )


def _year(context: _Context) -> ResolvedDate | None:
    match = _YEAR.search(context.text)
    if match is None:
        return None
    year = int(match["year"])
    return ResolvedDate(context.expression, date(year, 1, 1), "year", "year", f"the year {year}")


def _holiday(context: _Context) -> ResolvedDate | None:
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


def _clock(context: _Context) -> ResolvedDate | None:
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


_RULES: tuple[_Rule, ...] = (
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


def _direction_from_words(text: str, direction: str) -> str:
    """Words in the expression ("last", "next") override the tense hint."""
    past, future = bool(_PAST_CUES.search(text)), bool(_FUTURE_CUES.search(text))
    if past and not future:
        return "past"
    if future and not past:
        return "future"
    return direction


def _split_published(published: date | None) -> tuple[date | None, tuple[int, int] | None]:
    """The publication day, and its (hour, minute) when a real time of day is known."""
    if published is None:
        return None, None
    if isinstance(published, datetime):
        at = (published.hour, published.minute)
        return published.date(), (at if at != (0, 0) else None)
    return published, None


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
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text)[0])  # type: ignore[index]


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


# --- Finding expressions in text --------------------------------------------------------


class TimeExpression(NamedTuple):
    """A date expression found in a text: offsets into that text, and the words."""

    start: int
    end: int
    text: str


_FINDERS: tuple[re.Pattern[str], ...] = tuple(
    _compile(pattern)
    for pattern in (
        rf"\b{_Y}-[01]\d-[0-3]\d\b",
        rf"\b(?:{_WD},?\s+)?{_M}\s+{_D}(?:,?\s+(?:in\s+|of\s+)?{_Y})?(?:,\s*{_WD})?(?![\w:])",
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_D}(?:\s+of)?\s+{_M}(?:,?\s+(?:in\s+|of\s+)?{_Y})?(?![\w])",
        rf"\b{_PART}[\s-]*{_M}(?:,?\s+(?:of\s+)?{_Y})?(?!\w)",
        rf"\b{_M},?\s+(?:of\s+)?{_Y}\b",
        rf"\b(?:last|next|this|coming)\s+{_M_FULL}(?!\w)",
        rf"\b(?:(?:late|early)\s+(?:on\s+)?|the\s+early\s+hours\s+of\s+|"
        rf"(?:last|next|this|coming|past)\s+)?{_WD}(?:\s+(?:morning|afternoon|evening|night))?\b",
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|"
        r"tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
        r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|coming)\s+(?:week|weekend|month|year)\b",
        rf"\b{_NUM}\s+(?:day|week|month|year)s?\s+ago\b",
    )
)
#: Month names and years count only after a preposition: "in May", "since 2019".
_AFTER_PREPOSITION = _compile(
    rf"\b(?:in|since|until|till|by|during|through|throughout|before|after|from|of)\s+"
    rf"(?P<x>{_M_FULL}|{_Y})(?!\w)"
)
_MONTH_WORD = _compile(rf"(?<!\w){_M}(?!\w)")
_WEEKDAY_WORD = _compile(rf"\b{_WD}\b")


def find_time_expressions(
    text: str, entities: Iterable[tuple[int, int]] = ()
) -> list[TimeExpression]:
    """Find the date expressions in a sentence, longest first where they overlap.

    Month and weekday names count only when capitalised ("May", not "may"), and a
    month alone or a year alone only after a preposition ("in May", "since 2019"),
    so that "the 2001 invasion" and "may" are not dates.

    Parameters
    ----------
    text : str
        A sentence or short passage.
    entities : iterable of (start, end), optional
        Spans of ``text`` that a tagger labelled DATE (spaCy). Those that name a
        month or that :func:`resolve_date` reads as a day, week or month are
        added, so tagger-only forms are not lost while durations ("two-day",
        "for months") and bare years ("the 2001 invasion") are left out. Where
        spans overlap, the longest is kept.

    Returns
    -------
    list of TimeExpression
        ``(start, end, text)`` with ``text[start:end]`` the expression, in order.

    Examples
    --------
    >>> [e.text for e in find_time_expressions("Talks open in Doha on July 17, Thursday.")]
    ['July 17, Thursday']
    >>> text = "The talks are later this week, it said on Thursday."
    >>> [e.text for e in find_time_expressions(text)]
    ['later this week', 'Thursday']
    >>> find_time_expressions("They may meet soon.")
    []
    """
    spans: list[tuple[int, int]] = []
    for pattern in _FINDERS:
        spans += [match.span() for match in pattern.finditer(text) if _capitalised(match[0])]
    for match in _AFTER_PREPOSITION.finditer(text):
        if _capitalised(match["x"]):
            spans.append(match.span("x"))
    for start, end in entities:
        words = text[start:end]
        readable = resolve_date(words).granularity in {"day", "week", "month"}
        if (readable or _MONTH_WORD.search(words)) and _capitalised(words):
            spans.append((start, end))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        if all(end <= other_start or start >= other_end for other_start, other_end in kept):
            kept.append((start, end))
    return [TimeExpression(start, end, text[start:end]) for start, end in sorted(kept)]


def time_expressions_in(sentence: Sentence) -> list[TimeExpression]:
    """The date expressions of a corpus sentence, with offsets into its document's raw text.

    The sentence's DATE entities (filled by :func:`workbench.nlp.pipeline.annotate`) are used
    when present.
    """
    entities = [
        (entity.start - sentence.start, entity.end - sentence.start)
        for entity in sentence.entities
        if entity.label == "DATE"
    ]
    return [
        TimeExpression(sentence.start + start, sentence.start + end, words)
        for start, end, words in find_time_expressions(sentence.text, entities)
    ]


def _capitalised(words: str) -> bool:
    """Month and weekday names inside ``words`` are written with a capital letter."""
    names = [m[0] for m in _MONTH_WORD.finditer(words)] + [
        m[0] for m in _WEEKDAY_WORD.finditer(words)
    ]
    return all(name[0].isupper() for name in names)
