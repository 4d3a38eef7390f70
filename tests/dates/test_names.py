"""Month and weekday names: English, from the calendar module, the same everywhere."""

from __future__ import annotations

import calendar
import locale

from workbench.dates import names
from workbench.dates.names import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBERS,
)


def test_the_month_names_are_english_january_first():
    assert MONTH_NAMES == (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )


def test_the_weekday_names_are_english_monday_first_as_date_weekday_counts():
    assert WEEKDAY_NAMES == (
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
    assert {name: number for number, name in enumerate(WEEKDAY_NAMES)} == WEEKDAY_NUMBERS


def test_the_abbreviations_are_calendars_three_letters_and_sept_but_not_may():
    assert list(MONTH_ABBREVIATIONS) == [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ]
    assert MONTH_ABBREVIATIONS["sept"] == MONTH_ABBREVIATIONS["sep"] == 9
    assert "may" not in MONTH_ABBREVIATIONS


def test_every_name_and_abbreviation_gives_its_month_number():
    assert len(MONTH_NUMBERS) == 12 + 12
    assert [MONTH_NUMBERS[name] for name in MONTH_NAMES] == list(range(1, 13))
    assert all(MONTH_NUMBERS[short] == number for short, number in MONTH_ABBREVIATIONS.items())


def test_the_names_are_those_of_the_calendar_module_in_the_c_locale():
    with calendar.different_locale("C"):
        assert tuple(name.lower() for name in calendar.month_name[1:]) == MONTH_NAMES
        assert tuple(name.lower() for name in calendar.day_name) == WEEKDAY_NAMES


def test_the_names_are_read_under_the_c_locale_and_the_locale_is_put_back():
    with calendar.different_locale("C.UTF-8"):  # a time locale other than plain C
        assert names._english(calendar.month_name) == MONTH_NAMES
        assert locale.setlocale(locale.LC_TIME) == "C.UTF-8"
