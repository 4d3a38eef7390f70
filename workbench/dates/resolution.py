"""Resolving one date expression against its publication date: :func:`resolve_date`.

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

The rules themselves are in :mod:`workbench.dates.rules`;
:func:`workbench.dates.find.find_time_expressions` finds the expressions in a sentence.
"""

from __future__ import annotations

from datetime import date, datetime

from workbench.dates.patterns import compile_pattern
from workbench.dates.rules import RULES, Context, ResolvedDate

#: The allowed values of ``direction``: which way an expression without a year points.
DIRECTIONS = ("past", "future", "auto")

_PAST_CUES = compile_pattern(r"\b(?:last|past|ago|earlier|previous|previously)\b")
_FUTURE_CUES = compile_pattern(r"\b(?:next|coming|upcoming|later)\b")


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
    context = Context(expression, text, *_split_published(published), direction)
    for rule in RULES:
        result = rule(context)
        if result is not None:
            return result
    return ResolvedDate(expression, None, None, "unresolved", "not read as a date expression")


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
