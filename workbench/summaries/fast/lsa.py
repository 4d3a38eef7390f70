"""LSA that rates exactly as sumy's ``LsaSummarizer``, without the SVD.

sumy (``sumy/summarizers/lsa.py``) builds a ``terms x sentences`` matrix over
the document's stop-word-free stems (headings included), sets every cell of a
non-empty column to ``0.4 + 0.6 * count / max count``, takes the SVD ``U S V``
and rates sentence ``j`` by ``sqrt(sum_i s_i^2 v_ij^2)`` with every dimension
kept (``REDUCTION_RATIO = 1``). That is the length of column ``j`` of ``S V``,
and since ``U`` has orthonormal columns, the length of column ``j`` of the
matrix itself. So the rating is

    sqrt(0.16 * (terms - k) + sum over the sentence's k terms of (0.4 + 0.6 c / max)^2),

which costs one pass over the words instead of an SVD and a Python loop over
every cell. A sentence's count includes any word whose stem is a term, stop
words too, as in sumy. sumy returns nothing when the document has no term; so
does this.
"""

from __future__ import annotations

import numpy as np

from workbench.summaries.ranking import Ranking
from workbench.summaries.tokens import TokenTable, count_matrix

#: sumy's LSA smoothing of the term frequencies, kept so that both engines agree.
SMOOTH = 0.4


def rank(tokens: TokenTable) -> Ranking:
    """Rank sentences by sumy's LSA rating."""
    terms = set(tokens.heading_content_stems).union(*tokens.content_stems)
    if not terms:
        return Ranking.empty(len(tokens))
    return Ranking.from_scores(scores(tokens, terms))


def scores(tokens: TokenTable, terms: set[str]) -> np.ndarray:
    """The LSA rating sumy gives every sentence, given the document's terms."""
    kept = [tuple(stem for stem in stems if stem in terms) for stems in tokens.stems]
    counts, _ = count_matrix(kept)
    row_max = counts.max(axis=1).toarray().ravel()
    nonempty = row_max > 0
    scaled = counts.copy()
    scaled.data = SMOOTH + (1.0 - SMOOTH) * scaled.data / np.repeat(
        np.where(nonempty, row_max, 1.0), np.diff(counts.indptr)
    )
    present = np.diff(counts.indptr)
    squares = np.asarray(scaled.multiply(scaled).sum(axis=1)).ravel()
    total = SMOOTH**2 * (len(terms) - present) + squares
    return np.where(nonempty, np.sqrt(total), 0.0)
