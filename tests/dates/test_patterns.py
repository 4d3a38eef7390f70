"""The number and holiday words the date patterns read from package data."""

from __future__ import annotations

import re

from workbench.dates.patterns import COUNT, FIXED_HOLIDAYS, MONTH, NUMBER_WORDS


def test_the_number_words_count_one_to_twelve_with_a_and_an_for_one():
    assert NUMBER_WORDS == {
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
    assert re.fullmatch(COUNT, "twelve") and re.fullmatch(COUNT, "14")


def test_the_fixed_holidays_keep_their_days_and_longer_names_first():
    assert FIXED_HOLIDAYS == {
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
        "christmas eve": (12, 24),
        "christmas day": (12, 25),
        "christmas": (12, 25),
        "boxing day": (12, 26),
    }
    names = list(FIXED_HOLIDAYS)
    assert names.index("christmas eve") < names.index("christmas")


def test_a_month_is_a_full_name_or_an_abbreviation_with_an_optional_dot():
    for written in ("september", "Sept.", "sep", "May"):
        assert re.fullmatch(MONTH, written, re.IGNORECASE), written
    assert not re.fullmatch(MONTH, "May.", re.IGNORECASE)
