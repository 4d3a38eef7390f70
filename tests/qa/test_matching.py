"""Where the question is in a sentence: its terms by text or lemma, its predicate, closeness."""

from __future__ import annotations

from workbench.qa.analysis import analyse_question
from workbench.qa.candidates import extract_candidates
from workbench.qa.matching import anchor_tokens, closeness, dependency_distance, matched_terms


def test_a_question_term_matches_its_lemma_in_the_sentence(full_nlp):
    analysis = analyse_question("Who hosted the climate summit?", nlp=full_nlp)
    doc = full_nlp("Norway is hosting climate summits this year.")
    matches = matched_terms(doc, analysis)
    found = {doc[i].text for tokens in matches.values() for i in tokens}
    assert {"hosting", "climate", "summits"} <= found


def test_the_predicate_is_anchored_on_its_own_lemma_or_on_the_verb_governing_the_terms(full_nlp):
    analysis = analyse_question("Where were the talks held?", nlp=full_nlp)
    held = full_nlp("The talks were held in Doha.")
    anchors, exact = anchor_tokens(held, analysis, matched_terms(held, analysis))
    assert exact and [held[i].lemma_ for i in anchors] == ["hold"]
    under_way = full_nlp("The talks continued in Doha.")
    anchors, exact = anchor_tokens(under_way, analysis, matched_terms(under_way, analysis))
    assert not exact and [under_way[i].text for i in anchors] == ["continued"]


def test_closeness_is_highest_next_to_the_predicate(full_nlp):
    analysis = analyse_question("Who hosted the summit?", nlp=full_nlp)
    doc = full_nlp("Norway hosted the summit, and Sweden sent observers to Bergen.")
    matches = matched_terms(doc, analysis)
    anchors, _ = anchor_tokens(doc, analysis, matches)
    weights = [1.0] * len(analysis.terms)
    near = {
        candidate.text: closeness(doc, candidate, anchors, matches, weights)
        for candidate in extract_candidates(doc, 0, analysis)
    }
    assert near["Norway"] > near["Sweden"] > 0.0
    assert all(0.0 <= value <= 1.0 for value in near.values())
    assert dependency_distance(doc[0], doc[0]) == 0
    assert dependency_distance(doc[0], doc[1]) == 1
