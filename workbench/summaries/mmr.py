"""Redundancy control for summaries of several articles: maximal marginal relevance.

Articles about one event repeat each other, often sentence for sentence (wire
copy reused by several outlets), and every ranking method scores the copies
alike. So a multi-document summary is chosen greedily: each step takes the
candidate with the best ``LAMBDA * relevance - (1 - LAMBDA) * similarity`` to what
is already chosen (Carbonell and Goldstein, 1998), where relevance is the
method's rank scaled to [0, 1] (scores of different methods are not
comparable; ranks are) and similarity is the cosine of TF-IDF vectors of the
sentences' stems. A candidate at least :data:`NEAR_DUPLICATE` similar to a
chosen sentence is never taken, whatever its rank: it would say the same thing
twice. Each chosen sentence keeps its own article's id and offsets.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse

from workbench.summaries.length import Length
from workbench.summaries.tokens import TokenTable, count_matrix

#: Weight of the method's ranking against novelty (set by hand, not fitted).
LAMBDA = 0.7
#: Cosine similarity from which two sentences count as saying the same thing (set by hand).
NEAR_DUPLICATE = 0.5


def choose(
    order: np.ndarray,
    tokens: TokenTable,
    word_counts: np.ndarray,
    length: Length,
    *,
    weight: float = LAMBDA,
    near_duplicate: float = NEAR_DUPLICATE,
) -> list[int]:
    """Pick sentences from a ranking by maximal marginal relevance.

    Parameters
    ----------
    order : numpy.ndarray of int
        Candidate positions, best first.
    tokens : TokenTable
        The candidates' words, for their similarity.
    word_counts : numpy.ndarray of int
        Words per candidate, for a word budget.
    length : Length
        When to stop.
    weight, near_duplicate : float
        :data:`LAMBDA` and :data:`NEAR_DUPLICATE`.

    Returns
    -------
    list of int
        Candidate positions in the order they were picked.
    """
    ranked = len(order)
    limit = length.limit(ranked)
    if ranked == 0 or limit == 0:
        return []
    vectors = stem_vectors(tokens)[order]
    relevance = 1.0 - np.arange(ranked) / max(ranked - 1, 1)
    similarity = np.zeros(ranked)
    open_ = np.ones(ranked, dtype=bool)
    budget = length.words
    sizes = np.asarray(word_counts)[order]
    picked: list[int] = []
    while open_.any() and (limit is None or len(picked) < limit):
        if budget is not None:
            open_ &= sizes <= budget
        allowed = open_ & (similarity < near_duplicate)
        if not allowed.any():
            break
        value = np.where(allowed, weight * relevance - (1.0 - weight) * similarity, -np.inf)
        best = int(np.argmax(value))
        picked.append(best)
        open_[best] = False
        if budget is not None:
            budget -= int(sizes[best])
        similarity = np.maximum(similarity, (vectors @ vectors[best].T).toarray().ravel())
    return [int(order[position]) for position in picked]


def stem_vectors(tokens: TokenTable) -> scipy.sparse.csr_matrix:
    """Unit-length TF-IDF vectors of each sentence's stop-word-free stems (smooth idf)."""
    counts, _ = count_matrix(tokens.content_stems)
    count = counts.shape[0]
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + count) / (1.0 + document_frequency)) + 1.0
    weighted = scipy.sparse.csr_matrix(counts @ scipy.sparse.diags(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return scipy.sparse.csr_matrix(scipy.sparse.diags(inverse) @ weighted)
