"""TF-IDF weights: scikit-learn's vocabulary, idf and rows, every row weighed in column order."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer

from workbench.retrieval.settings import new_counter, new_vectorizer
from workbench.retrieval.units import index_units
from workbench.retrieval.weights import document_frequencies, idf_weights, kept_terms


@pytest.fixture(scope="module")
def texts(seeds_corpus) -> tuple[str, ...]:
    return index_units(seeds_corpus, "sentence").texts


def test_the_vocabulary_and_idf_are_scikit_learns_to_the_bit(indexes, texts):
    reference = new_vectorizer((1, 2), True).fit(texts)
    fitted = indexes["sentence"].vectorizer_
    assert fitted.vocabulary_ == reference.vocabulary_
    assert np.array_equal(fitted.idf_, reference.idf_)


def test_the_rows_are_scikit_learns_weighed_in_column_order(indexes, texts):
    index = indexes["sentence"]
    reference = scipy.sparse.csr_matrix(new_vectorizer((1, 2), True).fit_transform(texts))
    reference.sort_indices()
    assert np.array_equal(index.matrix_.indices, reference.indices)
    assert np.allclose(index.matrix_.data, reference.data, rtol=0, atol=1e-15)
    # A vectorizer with the index's vocabulary weighs each row in column order too.
    again = scipy.sparse.csr_matrix(index.vectorizer_.transform(texts))
    assert np.array_equal(index.matrix_.data, again.data)


def test_min_df_and_max_df_keep_the_terms_scikit_learn_keeps(texts):
    for low, high in [(2, 1.0), (1, 0.05), (3, 40), (0.01, 0.5)]:
        limited = CountVectorizer(stop_words="english", min_df=low, max_df=high).fit(texts)
        counts = scipy.sparse.csr_matrix(CountVectorizer(stop_words="english").fit_transform(texts))
        everything = CountVectorizer(stop_words="english").fit(texts).get_feature_names_out()
        keep = kept_terms(document_frequencies(counts), len(texts), limited)
        assert everything[keep].tolist() == limited.get_feature_names_out().tolist()


def test_a_max_df_below_min_df_is_refused_as_scikit_learn_refuses_it():
    with pytest.raises(ValueError, match="max_df corresponds to < documents than min_df"):
        kept_terms(np.array([1, 2]), 10, CountVectorizer(min_df=5, max_df=2))


def test_idf_weights_are_the_smoothed_idf(texts):
    counts = scipy.sparse.csr_matrix(new_counter((1, 1)).fit_transform(texts))
    reference = new_vectorizer((1, 1), False).fit(texts).idf_
    assert np.array_equal(idf_weights(document_frequencies(counts), len(texts)), reference)
