"""The role a candidate plays for the predicate: titles, appositions, counts."""

from __future__ import annotations

from workbench.qa.analysis import analyse_question
from workbench.qa.candidates import extract_candidates
from workbench.qa.matching import anchor_tokens, matched_terms
from workbench.qa.roles import PAST_TITLE_WORDS, slot_match


def slots(question, sentence, nlp):
    """Each candidate of ``sentence`` with whether it fills the question's role."""
    analysis = analyse_question(question, nlp=nlp)
    doc = nlp(sentence)
    anchors, _ = anchor_tokens(doc, analysis, matched_terms(doc, analysis))
    return {
        candidate.text: slot_match(doc, candidate, anchors, analysis)
        for candidate in extract_candidates(doc, 0, analysis)
    }


def test_a_former_holder_of_the_title_is_not_who_holds_it(full_nlp):
    sentence = "Former Afghan president Hamid Karzai met Afghan President Ashraf Ghani in Kabul."
    current = slots("Who is the Afghan President?", sentence, full_nlp)
    assert (current["Hamid Karzai"], current["Ashraf Ghani"]) == (0.0, 1.0)
    former = slots("Who was the former Afghan president?", sentence, full_nlp)
    assert (former["Hamid Karzai"], former["Ashraf Ghani"]) == (1.0, 0.0)


def test_a_name_apposed_to_the_title_asked_about_fills_it(full_nlp):
    sentence = "Russian President Vladimir Putin's special envoy Zamir Kabulov said on Monday."
    assert slots("Who is Vladimir Putin's special envoy?", sentence, full_nlp)["Zamir Kabulov"]


def test_a_count_of_the_asked_for_noun_beats_a_number_that_only_hangs_on_the_verb(full_nlp):
    sentence = "The conference will see participation from 12 countries and five republics."
    found = slots("How many countries will take part in the conference?", sentence, full_nlp)
    assert found["12"] > found.get("five", 0.0)


def test_the_past_title_words_load():
    assert {"former", "ex", "late", "previous", "erstwhile"} == PAST_TITLE_WORDS
