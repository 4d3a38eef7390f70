"""Resolving date expressions against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.dates.resolution import resolve_date

THURSDAY = date(2019, 11, 14)


@pytest.mark.parametrize(
    ("expression", "expected", "granularity"),
    [
        ("November 9", "2019-11-09", "day"),
        ("on September 12 in 2019", "2019-09-12", "day"),
        ("April 2017", "2017-04-01", "month"),
        ("in October", "2019-10-01", "month"),
        ("on Saturday", "2019-11-09", "day"),
        ("Thursday", "2019-11-14", "day"),
        ("on Tuesday", "2019-11-12", "day"),
        ("earlier this week", "2019-11-11", "week"),
        ("later this week", "2019-11-11", "week"),
        ("last week", "2019-11-04", "week"),
        ("yesterday", "2019-11-13", "day"),
        ("today", "2019-11-14", "day"),
        ("tomorrow", "2019-11-15", "day"),
        ("next month", "2019-12-01", "month"),
        ("this year", "2019-01-01", "year"),
        ("2021-07-17", "2021-07-17", "day"),
        ("July 17, Thursday", "2019-07-17", "day"),
        ("last Thursday", "2019-11-07", "day"),
        ("next Thursday", "2019-11-21", "day"),
        ("three days ago", "2019-11-11", "day"),
        ("3 March", "2020-03-03", "day"),
        ("in 2016", "2016-01-01", "year"),
        ("at around 6am", "2019-11-14", "day"),
    ],
)
def test_expressions_resolve_against_a_thursday_publication(expression, expected, granularity):
    resolved = resolve_date(expression, THURSDAY)
    assert (resolved.iso, resolved.granularity) == (expected, granularity)
    assert resolved.text == expression


def test_a_month_is_its_first_day_with_month_granularity_and_keeps_the_mid_in_why():
    resolved = resolve_date("in mid-April", date(2019, 4, 2))
    assert (resolved.iso, resolved.granularity, resolved.rule) == ("2019-04-01", "month", "month")
    assert "mid" in resolved.why


@pytest.mark.parametrize(
    "expression",
    [
        "November 9",
        "on Saturday",
        "in October",
        "mid-April",
        "yesterday",
        "later this week",
        "Nov. 2",
    ],
)
def test_without_a_publication_date_no_year_is_ever_invented(expression):
    resolved = resolve_date(expression, None)
    assert resolved.date is None
    assert resolved.text == expression
    assert "unknown" in resolved.why


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("April 2017", "2017-04-01"),
        ("2021-07-17", "2021-07-17"),
        ("September 12 in 2019", "2019-09-12"),
        ("12 September in 2019", "2019-09-12"),
        ("the 3rd of May of 2020", "2020-05-03"),
    ],
)
def test_a_written_year_needs_no_publication_date(expression, expected):
    assert resolve_date(expression, None).iso == expected


def test_the_tense_chooses_between_last_and_next_saturday():
    published = date(2016, 11, 9)  # a Wednesday
    assert resolve_date("on Saturday", published, direction="past").iso == "2016-11-05"
    assert resolve_date("on Saturday", published, direction="future").iso == "2016-11-12"
    assert resolve_date("last Saturday", published, direction="future").iso == "2016-11-05"


def test_a_date_without_a_year_takes_the_year_nearest_publication_or_the_tense():
    published = date(2019, 12, 28)
    assert resolve_date("January 3", published).iso == "2020-01-03"
    assert resolve_date("January 3", published, direction="past").iso == "2019-01-03"
    assert resolve_date("in December", date(2020, 1, 6)).iso == "2019-12-01"


def test_a_clock_time_later_than_a_known_publication_time_is_the_day_before():
    assert resolve_date("shortly before 7 pm", datetime(2016, 11, 10, 4, 35)).iso == "2016-11-09"
    assert resolve_date("at 6am", datetime(2016, 11, 10, 8, 21)).iso == "2016-11-10"
    assert resolve_date("at 11pm", datetime(2016, 11, 10)).iso == "2016-11-10"  # time unknown


def test_text_that_is_not_a_date_is_unresolved():
    resolved = resolve_date("two days before the election", date(2016, 11, 6))
    assert (resolved.date, resolved.granularity, resolved.rule) == (None, None, "unresolved")


def test_an_unknown_direction_is_refused_with_the_allowed_values():
    with pytest.raises(ValueError, match="direction must be one of past, future, auto"):
        resolve_date("Monday", THURSDAY, direction="later")


# Annotated "when" phrases of the Giveme5W1H gold standard (fhamborg/Giveme5W1H, Apache-2.0):
# (phrase, publication time, the date annotators gave it).
GIVEME5W1H_CASES = [
    ("Wednesday", "2016-11-09 08:46:26", "2016-11-09"),
    ("Nov. 10", "2016-11-10 00:00:00", "2016-11-10"),
    ("late Thursday", "2016-11-11 08:42:13", "2016-11-10"),
    ("November 8, 2016", "2016-11-08 14:44:34", "2016-11-08"),
    ("6.10am on Wednesday", "2016-11-09 22:58:21", "2016-11-09"),
    ("the early hours of Wednesday", "2016-11-09 03:35:23", "2016-11-09"),
    ("this afternoon", "2016-11-10 15:43:00", "2016-11-10"),
    ("Sunday, Nov. 13, 2016", "2016-11-13 21:09:21", "2016-11-13"),
    ("almost midnight on Wednesday", "2016-11-03 05:10:42", "2016-11-02"),
    ("shortly before 7 pm", "2016-11-10 04:35:07", "2016-11-09"),
]


@pytest.mark.parametrize(("phrase", "published", "expected"), GIVEME5W1H_CASES)
def test_giveme5w1h_when_phrases_resolve_to_the_annotated_date(phrase, published, expected):
    assert resolve_date(phrase, datetime.fromisoformat(published)).iso == expected


def test_a_giveme5w1h_phrase_without_publication_date_stays_undated():
    # Annotators wrote 2016-11-02 for "Nov. 2", but the article gives no year.
    assert resolve_date("Nov. 2", None).date is None


def test_a_local_clock_time_is_not_compared_with_the_publication_time():
    from datetime import datetime

    from workbench.dates import resolve_date

    published = datetime(2016, 11, 10, 19, 44)
    assert resolve_date("around 11:30pm", published).iso == "2016-11-09"  # later: the day before
    assert resolve_date("around 11:30pm local time", published).iso == "2016-11-10"
