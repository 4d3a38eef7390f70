"""Question analysis: the wh-word, the expected answer types, the predicate, role and names."""

from __future__ import annotations

import pytest

from workbench.data import read_lines, word_set
from workbench.errors import QueryError
from workbench.qa.analysis import (
    AMOUNT_LABELS,
    FRAME_NOUNS,
    FRAME_WORDS,
    IMPERATIVE_VERBS,
    NAME_TYPES,
    NUMERIC_LABELS,
    WH_RELATED_TYPES,
    WH_TYPES,
    WH_WORDS,
    analyse_question,
)


@pytest.mark.parametrize(
    ("question", "wh_word", "first_type"),
    [
        ("Who hosted the talks?", "who", "PERSON"),
        ("When did the talks open?", "when", "DATE"),
        ("Where were the talks held?", "where", "GPE"),
        ("How many soldiers were killed?", "how many", "CARDINAL"),
        ("How much did the bridge cost?", "how much", "MONEY"),
        ("Which country hosted the talks?", "which", "GPE"),
        ("Which organisation sent observers?", "which", "ORG"),
        ("In which year did Russia host a conference?", "which", "DATE"),
        ("What city hosted the summit?", "what", "GPE"),
    ],
)
def test_each_wh_word_expects_its_answer_type(full_nlp, question, wh_word, first_type):
    analysis = analyse_question(question, nlp=full_nlp)
    assert analysis.wh_word == wh_word
    assert analysis.answer_types[0] == first_type


def test_a_what_question_without_a_typed_noun_takes_any_phrase(full_nlp):
    analysis = analyse_question("What did the Taliban ask for?", nlp=full_nlp)
    assert analysis.answer_types == ()
    assert analysis.expected == "phrase"
    assert (analysis.role, analysis.preposition, analysis.predicate) == (
        "prepositional",
        "for",
        "ask",
    )


def test_the_analysis_keeps_the_predicate_role_terms_and_names(full_nlp):
    analysis = analyse_question("Who will host international talks on Afghanistan?", nlp=full_nlp)
    assert analysis.predicate == "host"
    assert analysis.role == "subject"
    assert {"host", "international", "talks", "afghanistan"} <= set(analysis.terms)
    assert ("Afghanistan", "GPE") in analysis.entities


def test_a_copular_who_question_is_about_its_noun(full_nlp):
    analysis = analyse_question("Who is the Russian Foreign Minister?", nlp=full_nlp)
    assert (analysis.focus, analysis.role) == ("minister", "complement")
    assert analysis.answer_types[0] == "PERSON"


def test_an_imperative_question_reads_its_relative_clause(full_nlp):
    analysis = analyse_question("Name the city where the talks opened.", nlp=full_nlp)
    assert (analysis.answer_types, analysis.predicate, analysis.role) == (
        ("GPE",),
        "open",
        "adjunct",
    )


def test_number_words_count_as_the_digits_they_name(full_nlp):
    analysis = analyse_question("What happened after a three-month ceasefire?", nlp=full_nlp)
    assert "3" in analysis.terms


@pytest.mark.parametrize("question", ["", "   ", "?!"])
def test_an_empty_question_is_refused(full_nlp, question):
    with pytest.raises(QueryError, match=r"empty|no words"):
        analyse_question(question, nlp=full_nlp)


def test_a_question_that_is_not_text_is_a_type_error(full_nlp):
    with pytest.raises(TypeError, match="must be a string"):
        analyse_question(42, nlp=full_nlp)  # type: ignore[arg-type]


def test_a_name_that_is_the_subject_or_agent_of_the_predicate_keeps_its_role(full_nlp):
    assert analyse_question("When was the summit hosted by Kenya?", nlp=full_nlp).name_roles == (
        ("Kenya", "subject"),
    )
    analysis = analyse_question("When did Uganda invite Kenya?", nlp=full_nlp)
    assert analysis.name_roles == (("Uganda", "subject"), ("Kenya", "object"))


@pytest.mark.parametrize(
    ("question", "first_type"),
    [
        ("What was the trade deficit in January?", "MONEY"),
        ("How many days did the ceasefire last?", "DATE"),
        ("How much time did the talks take?", "TIME"),
        ("How many countries attended?", "CARDINAL"),
    ],
)
def test_the_noun_asked_about_sets_the_type_of_an_amount(full_nlp, question, first_type):
    assert analyse_question(question, nlp=full_nlp).answer_types[0] == first_type


# --- the word lists, read from package data ---------------------------------------------------


def test_the_wh_words_and_their_answer_types_load_in_file_order():
    assert read_lines("qa_wh_words.txt") == WH_WORDS
    assert WH_WORDS == ("who", "whom", "whose", "what", "which", "when", "where", "why", "how")
    assert list(WH_TYPES)[:5] == ["who", "whom", "whose", "when", "where"]
    assert WH_TYPES["who"] == ("PERSON", "ORG", "GPE", "NORP")  # most likely first
    assert WH_TYPES["how much"] == ("MONEY", "QUANTITY", "PERCENT", "CARDINAL")
    assert len(WH_TYPES) == 15 and all(WH_TYPES.values())
    assert WH_RELATED_TYPES == {
        "who": ("FAC", "LOC"),
        "where": ("ORG", "NORP"),
        "how many": ("MONEY", "PERCENT"),
        "how much": (),
    }


def test_the_question_frame_and_label_lists_load():
    assert word_set("qa_frame_nouns.txt") == FRAME_NOUNS and "name" in FRAME_NOUNS
    assert {"name", "list", "tell"} <= IMPERATIVE_VERBS
    assert {"called", "named", "kind", "who", "how"} <= FRAME_WORDS
    assert {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"} == AMOUNT_LABELS
    assert {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"} == NUMERIC_LABELS
    assert {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"} == NAME_TYPES
