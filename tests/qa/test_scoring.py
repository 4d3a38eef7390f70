"""Ranking candidates: the same answer told apart from another, agreement, margin, confidence."""

from __future__ import annotations

import pytest

from workbench.qa.candidates import Candidate
from workbench.qa.scoring import (
    MAX_MARGIN,
    agreement,
    confidence,
    rank_candidates,
    same_answer,
    sentence_strength,
)


def candidate(text: str, label: str = "PERSON", start: int = 0) -> Candidate:
    words = tuple(text.lower().split())
    return Candidate(text, label, start, start + len(text), " ".join(words), words, 0, (0, 1), "")


def features(**values: float) -> dict[str, float]:
    found = {"coverage": 1.0, "retrieval": 1.0, "fit": 1.0, "slot": 1.0, "closeness": 1.0}
    return {**found, "named": 1.0, **values}


def test_a_name_inside_another_is_the_same_answer_but_other_words_are_not():
    assert same_answer(candidate("Khalilzad"), candidate("Zalmay Khalilzad"))
    assert not same_answer(candidate("Zalmay Khalilzad"), candidate("Zalmay Khan"))
    assert not same_answer(candidate("12", "NUM"), candidate("12 miners", "NP"))
    assert same_answer(candidate("the talks", "NP"), candidate("the talks", "NP"))


def test_confidence_grows_with_score_margin_and_coverage_and_stays_in_zero_one():
    low, high = confidence(-5.0, 0.0, 0.2), confidence(2.0, 3.0, 0.9)
    assert 0.0 < low < high < 1.0
    assert confidence(0.0, 1.0, 0.5) > confidence(0.0, 0.0, 0.5)


def test_an_answer_found_in_other_sentences_is_supported_by_them():
    found = [
        (candidate("Moscow", "GPE"), 0, features()),
        (candidate("Moscow", "GPE"), 1, features()),
        (candidate("Doha", "GPE"), 2, features()),
    ]
    moscow, again, doha = agreement(found, [1.0, 1.0, 1.0])
    assert moscow == again == pytest.approx(1.0 - 2.718281828**-2.0)
    assert doha == 0.0


def test_candidates_are_ranked_by_score_with_the_margin_kept_within_bounds():
    found = [
        (candidate("Doha", "GPE"), 1, features(coverage=0.2, slot=0.0)),
        (candidate("Moscow", "GPE"), 0, features()),
    ]
    ranked = rank_candidates(found, [1.0, 0.5], ["a", "b"], {})
    assert [item.candidate.text for item in ranked] == ["Moscow", "Doha"]
    assert [item.doc_id for item in ranked] == ["a", "b"]
    assert ranked[0].margin == -ranked[1].margin
    assert all(-MAX_MARGIN <= item.margin <= MAX_MARGIN for item in ranked)
    assert all("agreement" in item.features for item in ranked)
    alone = rank_candidates([(candidate("Moscow", "GPE"), 0, features())], [1.0], ["a"], {})
    assert alone[0].margin == MAX_MARGIN


def test_a_sentence_is_as_strong_as_its_coverage_and_relative_retrieval_score():
    assert sentence_strength(1.0, 0.4, 0.4) == 1.0
    assert sentence_strength(0.0, 0.2, 0.4) == 0.25
