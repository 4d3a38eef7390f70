"""Candidate answers in a sentence: what the question names, markup and addresses are left out."""

from __future__ import annotations

from workbench.qa.analysis import analyse_question
from workbench.qa.candidates import (
    CALENDAR_WORDS,
    LOCATIVE_PREPOSITIONS,
    NAME_LABELS,
    NUMBER_LABELS,
    extract_candidates,
    is_clean_span,
)


def test_markup_and_web_addresses_are_never_answers(full_nlp):
    analysis = analyse_question("What did the agency say?", nlp=full_nlp)
    doc = full_nlp("See the [start](http://example.com) page or www.example.org/news, it said.")
    texts = [candidate.text for candidate in extract_candidates(doc, 0, analysis)]
    assert not [text for text in texts if "example" in text or not is_clean_span(text)]


def test_an_acronym_of_a_name_in_the_question_is_not_an_answer(full_nlp):
    analysis = analyse_question(
        "Who heads the General Agreement on Tariffs and Trade?", nlp=full_nlp
    )
    doc = full_nlp("Arthur Dunkel heads GATT, officials in Geneva said.")
    texts = [candidate.text for candidate in extract_candidates(doc, 0, analysis)]
    assert "Arthur Dunkel" in texts and "GATT" not in texts


def test_an_acronym_of_a_named_run_without_its_last_word_is_not_an_answer(full_nlp):
    # spaCy splits the union's name into two entities; the run of capitals is one name
    analysis = analyse_question("Who leads the Public and Commercial Services Union?", nlp=full_nlp)
    doc = full_nlp("Mark Serwotka, who leads the PCS, said the strike would go ahead.")
    texts = [candidate.text for candidate in extract_candidates(doc, 0, analysis)]
    assert "Mark Serwotka" in texts and "PCS" not in texts


def test_a_percentage_keeps_its_sign(full_nlp):
    analysis = analyse_question(
        "At what share of incomes should the budget be capped?", nlp=full_nlp
    )
    doc = full_nlp("They want the budget to be capped at 1% of national incomes.")
    texts = [candidate.text for candidate in extract_candidates(doc, 0, analysis)]
    assert "1%" in texts and "1" not in texts


def test_the_word_and_label_lists_of_candidates_load():
    # months, weekdays, their three letters and the words of qa_calendar_point_words.txt
    assert {"march", "mar", "sep", "monday", "yesterday", "midnight"} <= CALENDAR_WORDS
    assert "recent" not in CALENDAR_WORDS and "sept" not in CALENDAR_WORDS
    assert {"in", "at", "near", "throughout"} <= LOCATIVE_PREPOSITIONS
    assert {"PERSON", "GPE", "WORK_OF_ART", "LAW"} <= NAME_LABELS and "DATE" not in NAME_LABELS
    assert {"CARDINAL", "MONEY", "QUANTITY", "NUM"} == NUMBER_LABELS
