"""What a retrieved sentence means: the names of the question it speaks of, and term weights.

How a sentence is read with the ones before it (pronouns, adjectives, linked places) is
tested in tests/nlp/test_coreference.py.
"""

from __future__ import annotations

from workbench.qa.analysis import analyse_question
from workbench.qa.reading import question_names, term_weights


def test_the_names_a_question_asks_about_come_with_the_positions_of_their_terms(full_nlp):
    analysis = analyse_question("When will Peru host the mining conference?", nlp=full_nlp)
    assert question_names(analysis) == [("Peru", "GPE", [analysis.terms.index("peru")])]
    assert question_names(analyse_question("When did the talks open?", nlp=full_nlp)) == []


def test_a_term_the_corpus_lacks_weighs_most(harbour_answerer, full_nlp):
    analysis = analyse_question("Who hosted the climate summit in Tromso?", nlp=full_nlp)
    weights = term_weights(harbour_answerer.index_, analysis)
    weights = dict(zip(analysis.terms, weights, strict=True))
    assert weights["tromso"] == max(weights.values()) > weights["summit"]
