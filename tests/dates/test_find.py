"""Finding date expressions in sentences."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.dates.find import find_time_expressions, time_expressions_in


def test_time_expressions_are_found_longest_first_and_capitalised():
    text = "Moscow will host talks on July 17, Thursday, and may meet again later this week."
    assert [e.text for e in find_time_expressions(text)] == ["July 17, Thursday", "later this week"]


def test_a_year_written_after_the_day_belongs_to_the_expression():
    text = "Talks opened on 12 September in 2019 and resumed on March 3, 2020."
    found = [e.text for e in find_time_expressions(text)]
    assert found == ["12 September in 2019", "March 3, 2020"]


def test_a_month_or_year_alone_counts_only_after_a_preposition():
    found = find_time_expressions("The 2001 invasion ended in 2021; talks began in May.")
    assert [e.text for e in found] == ["2021", "May"]


def test_tagger_dates_are_added_only_when_they_read_as_dates():
    text = "The two-day talks began on the 3rd of the month, on Sunday."
    spans = [(4, 11), (44, 53)]  # "two-day" (a duration) and "on Sunday"
    assert [e.text for e in find_time_expressions(text, spans)] == ["Sunday"]
    assert find_time_expressions("Talks were held Thanksgiving week.", [(16, 33)]) == []
    assert find_time_expressions("The 2001 invasion.", [(4, 8)]) == []


def test_time_expressions_in_a_sentence_cite_the_raw_text():
    document = build_document("Kabul - Envoys met on Tuesday. Talks resume next week.", "d")
    expressions = [e for sentence in document.body for e in time_expressions_in(sentence)]
    assert [e.text for e in expressions] == ["Tuesday", "next week"]
    assert all(document.raw[e.start : e.end] == e.text for e in expressions)


def test_clock_times_are_found_for_the_resolver_to_date():
    from workbench.dates import find_time_expressions

    found = [e.text for e in find_time_expressions("It hit at about 6.10am and again at 23:05.")]
    assert found == ["6.10am", "23:05"]
    assert find_time_expressions("The score was 2:1 at half time.") == []
