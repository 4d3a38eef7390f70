"""LexRank that ranks exactly as sumy's ``LexRankSummarizer``, on sparse matrices.

sumy (``sumy/summarizers/lex_rank.py``) gives each sentence a vector of
stop-word-free stems weighted by ``tf / max tf`` times ``idf = log(n / (1 + df))``
(every sentence a document), links two sentences when their cosine similarity
is above ``0.1`` (a sentence links to itself), divides each row by its degree,
and runs the power method from the uniform vector, normalising each step, until
the step is at most ``0.1``. sumy compares every pair in Python; here the
similarities come from a sparse product, a block of rows at a time so memory
stays bounded, and only the links are kept.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse

from workbench.summaries.tokens import TokenTable, count_matrix

#: sumy's LexRank settings (its class attributes), kept so that both engines agree.
THRESHOLD = 0.1
EPSILON = 0.1
#: Rows of the similarity matrix computed at once.
BLOCK_ROWS = 2048


def scores(tokens: TokenTable) -> np.ndarray:
    """The LexRank score sumy gives every sentence."""
    count = len(tokens)
    if count == 0:
        return np.zeros(0)
    links = _links(_unit_vectors(tokens.content_stems))
    degrees = np.asarray(links.sum(axis=1)).ravel()
    degrees[degrees == 0] = 1.0
    transposed = links.T.tocsr()
    vector = np.full(count, 1.0 / count)
    step = 1.0
    while step > EPSILON:
        following = transposed @ (vector / degrees)
        with np.errstate(invalid="ignore", divide="ignore"):
            following = following / np.linalg.norm(following)
        step = float(np.linalg.norm(following - vector))
        vector = following
    return vector


def _unit_vectors(stems: tuple[tuple[str, ...], ...]) -> scipy.sparse.csr_matrix:
    """Rows of ``tf / max tf * idf``, scaled to length 1 (all-zero rows stay zero)."""
    counts, _ = count_matrix(stems)
    count = len(stems)
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log(count / (1.0 + document_frequency))
    row_max = counts.max(axis=1).toarray().ravel()
    row_max[row_max == 0] = 1.0
    weighted = scipy.sparse.diags(1.0 / row_max) @ counts @ scipy.sparse.diags(idf)
    weighted = scipy.sparse.csr_matrix(weighted)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return scipy.sparse.csr_matrix(scipy.sparse.diags(inverse) @ weighted)


def _links(vectors: scipy.sparse.csr_matrix) -> scipy.sparse.csr_matrix:
    """1 where two sentences' cosine similarity is above the threshold."""
    count = vectors.shape[0]
    transposed = vectors.T.tocsc()
    blocks = []
    for first in range(0, count, BLOCK_ROWS):
        similarity = (vectors[first : first + BLOCK_ROWS] @ transposed).tocsr()
        similarity.data = (similarity.data > THRESHOLD).astype(np.float64)
        similarity.eliminate_zeros()
        blocks.append(similarity)
    return scipy.sparse.vstack(blocks, format="csr") if blocks else scipy.sparse.csr_matrix((0, 0))
