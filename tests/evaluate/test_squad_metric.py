"""The official SQuAD v1.1 metric: :mod:`workbench.evaluate.squad_metric`.

The cases are worked by hand from the official ``evaluate-v1.1.py`` (lower case,
ASCII punctuation out, then the articles, then white space; token F1 from the
multiset of shared tokens; the best over the gold answers).
"""

from __future__ import annotations

import pytest

from workbench.evaluate.squad_metric import best_scores, exact_match, normalise_answer, token_f1


def test_normalising_drops_case_punctuation_articles_and_extra_spaces():
    assert normalise_answer("The Eiffel Tower!") == "eiffel tower"
    assert normalise_answer("  an   apple,\ta day ") == "apple day"


def test_articles_go_only_as_whole_words_and_after_punctuation():
    assert normalise_answer("Theatre of the Absurd") == "theatre of absurd"
    assert normalise_answer("a-b") == "ab"  # punctuation out first: "ab" is no article
    assert normalise_answer("U.S.") == "us"


def test_only_ascii_punctuation_is_dropped_as_in_the_official_script():
    assert normalise_answer("\u201cHello\u201d") == "\u201chello\u201d"
    assert not exact_match("\u201cHello\u201d", "hello")


def test_exact_match_compares_normalised_text():
    assert exact_match("The Eiffel Tower!", "eiffel tower")
    assert not exact_match("Eiffel Tower in Paris", "Eiffel Tower")


def test_token_f1_gives_partial_credit_for_overlap():
    # prediction eiffel tower paris, gold eiffel tower: precision 2/3, recall 1.
    assert token_f1("the Eiffel Tower, Paris", "Eiffel Tower") == pytest.approx(0.8)
    # "about 300" against "300": precision 1/2, recall 1.
    assert token_f1("About 300", "300") == pytest.approx(2 / 3)


def test_token_f1_counts_a_repeated_token_once_for_each_match():
    # new york new york against new york: 2 shared tokens, precision 2/4, recall 2/2.
    assert token_f1("New York New York", "New York") == pytest.approx(2 / 3)


def test_no_shared_token_scores_zero_even_when_both_normalise_to_nothing():
    assert token_f1("Paris", "London") == 0.0
    assert token_f1("The", "a") == 0.0
    assert exact_match("The", "a")  # both normalise to "": the official script agrees


def test_scores_are_the_best_over_the_gold_answers():
    assert best_scores("Denver", ["Denver Broncos", "Carolina Panthers"]) == pytest.approx(
        (0.0, 2 / 3)
    )
    assert best_scores("the Broncos", ["Denver Broncos", "Broncos"]) == (1.0, 1.0)


def test_no_answer_scores_zero():
    assert best_scores(None, ["Broncos"]) == (0.0, 0.0)
