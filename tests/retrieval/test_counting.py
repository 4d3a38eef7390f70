"""The term counter gives scikit-learn's vocabulary and counts, to the bit."""

from __future__ import annotations

import random
import re
import sys

import numpy as np
import pytest
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer

from workbench.retrieval.counting import count_terms
from workbench.retrieval.settings import new_counter
from workbench.retrieval.units import index_units
from workbench.retrieval.weights import document_frequencies, idf_weights, tfidf_rows
from workbench.text import TOKEN_PATTERN

RANGES = [(1, 1), (1, 2), (2, 2), (1, 3)]

#: Texts of every kind the counter treats apart: accents and case, digits, stop
#: words, repeated n-grams, empty texts, letters and digits outside ASCII.
WRITTEN = [
    "Delegates met in Zürich for the CAFÉ summit; Ångström and naïve façades.",
    "",
    "The and of it is to be or not to be.",
    "Peace talks, peace talks, peace talks: talks on peace talks.",
    "3 months, G 7, 1987 and 2,000.5 barrels; a 4-4 draw; x 9 y.",
    "peace_talks and A_B underscores split words",
    "Москва: переговоры в Москве. ΟΔΟΣ οδός Σοφία. 東京 会談",
    "Straße, Øresund, æther and the ﬁnance ligature; ² squared and ٣ Arabic digit.",
    "Curly “quotes” — em dashes – and ‘apostrophes’ don’t join words.",
    "   ",
    "e\u0301te\u0301 combining marks, \u0301 alone",
    "Talks",
    "the",
]


def assert_counts_equal(texts, counter: CountVectorizer) -> None:
    """``count_terms`` gives ``counter.fit_transform``'s vocabulary and matrix."""
    reference = CountVectorizer(**counter.get_params())
    expected = scipy.sparse.csr_matrix(reference.fit_transform(texts))
    expected.sort_indices()
    counted = count_terms(texts, counter)
    assert counted.vocabulary == reference.vocabulary_
    assert counted.terms == tuple(reference.get_feature_names_out().tolist())
    found = counted.counts
    assert found.has_canonical_format
    assert found.shape == expected.shape
    assert found.dtype == expected.dtype
    for part in ("indptr", "indices", "data"):
        assert getattr(found, part).dtype == getattr(expected, part).dtype, part
        assert np.array_equal(getattr(found, part), getattr(expected, part)), part


@pytest.mark.parametrize("ngram_range", RANGES)
def test_written_texts_are_counted_as_scikit_learn_counts_them(ngram_range):
    assert_counts_equal(WRITTEN, new_counter(ngram_range))


@pytest.mark.parametrize("level", ["sentence", "document"])
@pytest.mark.parametrize("ngram_range", RANGES)
def test_the_seeds_are_counted_as_scikit_learn_counts_them(seeds_corpus, level, ngram_range):
    assert_counts_equal(index_units(seeds_corpus, level).texts, new_counter(ngram_range))


def test_random_texts_are_counted_as_scikit_learn_counts_them():
    alphabet = list("abcdeAB019 .,-_'\n\t") + list("éÉüßøΣσςж٣²ﬁ“—\u0301\u00a0")
    words = ["the", "and", "talks", "peace", "of", "a", "3", "zürich"]
    chooser = random.Random(13)
    texts = []
    for _ in range(300):
        pieces = chooser.choices(alphabet, k=chooser.randrange(0, 40))
        pieces += [f" {word} " for word in chooser.choices(words, k=chooser.randrange(0, 8))]
        chooser.shuffle(pieces)
        texts.append("".join(pieces))
    for ngram_range in RANGES:
        assert_counts_equal(texts, new_counter(ngram_range))


def test_ascii_and_other_texts_alternating_are_counted_in_order():
    texts = ["talks in Moscow", "Zürich talks", "Moscow talks", "Москва talks", "talks"] * 3
    assert_counts_equal(texts, new_counter((1, 2)))


def test_a_text_holding_the_end_mark_is_counted_too():
    assert_counts_equal(["peace\x00talks held", "talks\x00 peace"], new_counter((1, 2)))


def test_min_df_and_max_df_prune_as_scikit_learn_prunes(seeds_corpus):
    texts = index_units(seeds_corpus, "sentence").texts
    for low, high in [(2, 1.0), (1, 0.05), (3, 40), (0.01, 0.5)]:
        assert_counts_equal(texts, new_counter((1, 2)).set_params(min_df=low, max_df=high))


def test_settings_it_does_not_implement_are_counted_by_scikit_learn(seeds_corpus):
    texts = index_units(seeds_corpus, "sentence").texts
    assert_counts_equal(texts, new_counter((1, 2)).set_params(binary=True))
    assert_counts_equal(texts, new_counter((1, 2)).set_params(token_pattern=r"(?u)\b\w+\b"))
    assert_counts_equal(texts, new_counter((1, 2)).set_params(stop_words=None, lowercase=False))
    assert_counts_equal(texts, new_counter((1, 2)).set_params(max_features=50))
    spaced = r"(?u)\w+(?: \w+)?"  # tokens with spaces: n-gram keys would not sort as strings
    assert_counts_equal(texts, new_counter((1, 2)).set_params(token_pattern=spaced))


def test_the_counter_is_left_unfitted(seeds_corpus):
    counter = new_counter((1, 2))
    count_terms(index_units(seeds_corpus, "sentence").texts, counter)
    assert not hasattr(counter, "vocabulary_")


@pytest.mark.parametrize(
    ("texts", "settings", "message"),
    [
        (["the and of", ""], {}, "empty vocabulary; perhaps the documents only contain stop"),
        (["talks", "peace"], {"ngram_range": (2, 2)}, "empty vocabulary"),
        (["talks", "peace"], {"min_df": 2}, "After pruning, no terms remain"),
        (["talks", "peace"], {"min_df": 2, "max_df": 1}, "max_df corresponds to < documents"),
    ],
)
def test_errors_are_scikit_learns(texts, settings, message):
    counter = new_counter((1, 1)).set_params(**settings)
    with pytest.raises(ValueError, match=message):
        CountVectorizer(**counter.get_params()).fit_transform(texts)
    with pytest.raises(ValueError, match=message):
        count_terms(texts, counter)


def test_the_token_pattern_is_runs_of_isalnum_characters():
    """What the counter's one-pass reading of the token pattern relies on, for every character.

    ``[^\\W_]`` is :meth:`str.isalnum`, ``\\d`` is :meth:`str.isdecimal`, and
    no such character is white space, in this Python's ``re``.
    """
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    alnum = {character for character in everything if character.isalnum()}
    assert set(re.findall(r"[^\W_]", everything)) == alnum
    decimal = {character for character in everything if character.isdecimal()}
    assert set(re.findall(r"\d", everything)) == decimal
    assert not any(character.isspace() for character in alnum)
    assert TOKEN_PATTERN == r"(?u)[^\W_]{2,}|(?<![^\W_])\d(?![^\W_])"


def test_the_index_holds_the_rows_scikit_learns_counts_give(indexes, seeds_corpus):
    """The index built on these counts is the one built on scikit-learn's, to the bit."""
    index = indexes["sentence"]
    texts = index_units(seeds_corpus, "sentence").texts
    reference = new_counter((1, 2))
    counts = scipy.sparse.csr_matrix(reference.fit_transform(texts))
    idf = idf_weights(document_frequencies(counts), counts.shape[0])
    rows = tfidf_rows(counts, idf, sublinear_tf=True)
    assert index.vectorizer_.vocabulary_ == reference.vocabulary_
    assert np.array_equal(index.vectorizer_.idf_, idf)
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(index.matrix_, part), getattr(rows, part)), part
