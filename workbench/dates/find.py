"""Finding the date expressions of a sentence: :func:`find_time_expressions`.

Regular expressions find what news writes ("on July 17, Thursday", "later this
week", "three days ago"); spaCy's DATE entities, when given, add the forms they
miss. Each expression comes back with its offsets, so it can be cited from the
raw text and handed to :func:`workbench.dates.resolution.resolve_date`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from workbench.dates.patterns import (
    COUNT,
    DAY,
    MONTH,
    PART_OF_MONTH,
    UNMISTAKABLE_MONTH,
    WEEKDAY,
    YEAR,
    compile_pattern,
)
from workbench.dates.resolution import resolve_date

if TYPE_CHECKING:
    from workbench.model import Sentence


class TimeExpression(NamedTuple):
    """A date expression found in a text: offsets into that text, and the words."""

    start: int
    end: int
    text: str


_FINDERS: tuple[re.Pattern[str], ...] = tuple(
    compile_pattern(pattern)
    for pattern in (
        rf"\b{YEAR}-[01]\d-[0-3]\d\b",
        rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+(?:in\s+|of\s+)?{YEAR})?"
        rf"(?:,\s*{WEEKDAY})?(?![\w:])",
        rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}"
        rf"(?:,?\s+(?:in\s+|of\s+)?{YEAR})?(?![\w])",
        rf"\b{PART_OF_MONTH}[\s-]*{MONTH}(?:,?\s+(?:of\s+)?{YEAR})?(?!\w)",
        rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}\b",
        rf"\b(?:last|next|this|coming)\s+{UNMISTAKABLE_MONTH}(?!\w)",
        rf"\b(?:(?:late|early)\s+(?:on\s+)?|the\s+early\s+hours\s+of\s+|"
        rf"(?:last|next|this|coming|past)\s+)?{WEEKDAY}"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|"
        r"tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
        r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|coming)\s+(?:week|weekend|month|year)\b",
        rf"\b{COUNT}\s+(?:day|week|month|year)s?\s+ago\b",
        # clock times: "6.10am", "11:30 p.m.", "00:48" (the resolver gives them a day)
        r"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
        r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b",
    )
)
#: Month names and years count only after a preposition: "in May", "since 2019".
_AFTER_PREPOSITION = compile_pattern(
    rf"\b(?:in|since|until|till|by|during|through|throughout|before|after|from|of)\s+"
    rf"(?P<x>{UNMISTAKABLE_MONTH}|{YEAR})(?!\w)"
)
_MONTH_WORD = compile_pattern(rf"(?<!\w){MONTH}(?!\w)")
_WEEKDAY_WORD = compile_pattern(rf"\b{WEEKDAY}\b")


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
