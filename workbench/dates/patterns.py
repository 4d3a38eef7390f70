"""The pieces of regular expression that finding and resolving date expressions share.

Each piece is a non-capturing group for one part of a date as news writes it,
matched case-insensitively: :mod:`~workbench.dates.find` builds the patterns that
find expressions in a sentence from them, :mod:`~workbench.dates.resolution` the
patterns that read one expression. Month and weekday names come from
:mod:`workbench.dates.names`; the number and holiday words are package data.
"""

from __future__ import annotations

import re

from workbench.data import read_table
from workbench.dates.names import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

#: Words that count the units of "three days ago", and the number each stands for.
NUMBER_WORDS: dict[str, int] = {
    word: int(number) for word, number in read_table("dates_number_words.tsv")
}
#: Holidays on a fixed calendar day, the same in every year: name -> (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    name: (int(month), int(day)) for name, month, day in read_table("dates_holidays.tsv")
}

_ABBREVIATIONS = r"(?:" + "|".join(MONTH_ABBREVIATIONS) + r")"
#: A month name, or an abbreviation with an optional dot (a full name never takes the dot).
MONTH = r"(?:" + "|".join(MONTH_NAMES) + rf"|{_ABBREVIATIONS}\.?)"
#: A month written so that it cannot be another word: a full name, or an abbreviation with a dot.
UNMISTAKABLE_MONTH = r"(?:" + "|".join(MONTH_NAMES) + rf"|{_ABBREVIATIONS}\.)"
#: A day of the month, 1 to 31, with an optional ordinal ending ("3rd").
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A year from 1800 to 2099.
YEAR = r"(?:1[89]|20)\d\d"
WEEKDAY = r"(?:" + "|".join(WEEKDAY_NAMES) + r")"
#: A count of units: digits or a number word.
COUNT = r"(?:\d+|" + "|".join(NUMBER_WORDS) + r")"
#: Part of a month: "early", "mid", "late", "the end of", "the beginning of", ...
PART_OF_MONTH = r"(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to match regardless of case, as every date pattern is."""
    return re.compile(pattern, re.IGNORECASE)
