"""TF-IDF weights, computed one way for a single index and for the shards of a sharded one.

An index counts its units' terms (:func:`~workbench.retrieval.counting.count_terms`
with the settings of :func:`~workbench.retrieval.settings.new_counter`),
takes each term's document frequency (:func:`document_frequencies`), keeps the
terms the counter's ``min_df`` and ``max_df`` allow (:func:`kept_terms`), and
weighs them with :func:`idf_weights` and :func:`tfidf_rows`. These are the steps
and the arithmetic of scikit-learn's ``TfidfVectorizer.fit_transform`` with
smoothed idf and L2-normalised rows, with one difference: every row's entries
are weighed in column order. scikit-learn's own ``fit_transform`` leaves them in
the order the terms were first met in the whole corpus, which a shard cannot
know, and the order of a row's sum of squares can move its norm by one unit in
the last place; in column order a shard's rows are bit for bit the single
index's, so scores, and ties between them, are too.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Integral

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from workbench.retrieval.settings import new_vectorizer


def document_frequencies(counts: scipy.sparse.csr_matrix) -> np.ndarray:
    """How many rows (units) of ``counts`` hold each column's term."""
    return np.bincount(counts.indices, minlength=counts.shape[1])


def kept_terms(frequencies: np.ndarray, n_units: int, counter: CountVectorizer) -> np.ndarray:
    """A mask of the terms ``counter``'s ``min_df`` and ``max_df`` keep, as scikit-learn keeps them.

    A whole number is a count of units, a float a share of ``n_units``.

    Raises
    ------
    ValueError
        If ``max_df`` allows fewer units than ``min_df``, as scikit-learn says.

    Examples
    --------
    >>> counter = CountVectorizer(min_df=2, max_df=0.5)
    >>> kept_terms(np.array([1, 2, 3, 2]), 6, counter).tolist()
    [False, True, True, True]
    """
    low, high = counter.min_df, counter.max_df
    low_count = low if isinstance(low, Integral) else low * n_units
    high_count = high if isinstance(high, Integral) else high * n_units
    if high_count < low_count:
        raise ValueError("max_df corresponds to < documents than min_df")
    return (frequencies >= low_count) & (frequencies <= high_count)


def idf_weights(frequencies: np.ndarray, n_units: int) -> np.ndarray:
    """Smoothed idf, ``ln((1 + n_units) / (1 + df)) + 1``, in scikit-learn's own operations.

    Examples
    --------
    >>> idf_weights(np.array([1, 3]), 3).round(4).tolist()
    [1.6931, 1.0]
    """
    smoothed = frequencies.astype(np.float64) + 1.0
    weights = np.full_like(smoothed, fill_value=n_units + 1, dtype=np.float64)
    weights /= smoothed
    np.log(weights, out=weights)
    weights += 1.0
    return weights


def tfidf_rows(
    counts: scipy.sparse.csr_matrix, idf: np.ndarray, sublinear_tf: bool
) -> scipy.sparse.csr_matrix:
    """The L2-normalised TF-IDF rows of ``counts``, each weighed in column order.

    ``1 + ln(tf)`` when ``sublinear_tf``, times the column's idf, then each row
    divided by its norm; ``counts`` is left as it was.
    """
    rows = scipy.sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    rows.sort_indices()
    if sublinear_tf:
        np.log(rows.data, out=rows.data)
        rows.data += 1.0
    rows.data *= idf[rows.indices]
    return scipy.sparse.csr_matrix(normalize(rows, norm="l2", copy=False))


def fitted_vectorizer(
    vocabulary: Mapping[str, int],
    idf: np.ndarray,
    ngram_range: tuple[int, int],
    sublinear_tf: bool,
) -> TfidfVectorizer:
    """A vectorizer with an index's settings, fitted by setting its vocabulary and idf.

    The documented way to reuse a fitted vocabulary and idf: ``vocabulary_``
    first (the ``idf_`` setter checks its length against it), then ``idf_``.
    Its ``transform`` weighs a text as the index weighed its units.
    """
    vectorizer = new_vectorizer(ngram_range, sublinear_tf)
    vectorizer.vocabulary_ = dict(vocabulary)
    vectorizer.fixed_vocabulary_ = False
    vectorizer.idf_ = idf
    return vectorizer
