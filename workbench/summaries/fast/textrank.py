"""TextRank that ranks exactly as sumy's ``TextRankSummarizer``, without its n x n matrix.

sumy (``sumy/summarizers/text_rank.py``) builds dense edge weights
``overlap(i, j) / (log len(i) + log len(j))`` over stop-word-free stems (``j == i``
included; ``overlap`` alone when both sentences have one stem), divides each row
by its sum plus ``1e-7``, mixes in a uniform jump, ``(1 - 0.85) / n + 0.85 W``,
and runs the power method from the uniform vector until the step is at most
``1e-4``. The same iteration here multiplies by ``W`` through
:class:`~workbench.summaries.fast.overlap.LengthGroups`, so it never forms the
matrix; the stopping rule, damping and start are sumy's.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from workbench.summaries.fast.overlap import LengthGroups
from workbench.summaries.tokens import TokenTable

#: sumy's TextRank settings (its class attributes), kept so that both engines agree.
DAMPING = 0.85
EPSILON = 1e-4
ZERO_DIVISION_PREVENTION = 1e-7


def scores(tokens: TokenTable) -> np.ndarray:
    """The TextRank score sumy gives every sentence (its stationary vector)."""
    count = len(tokens)
    if count == 0:
        return np.zeros(0)
    groups = LengthGroups.from_stems(tokens.content_stems)
    walk = _walk(groups)
    vector = np.full(count, 1.0 / count)
    step = 1.0
    while step > EPSILON:
        walked = walk(vector)
        following = (1.0 - DAMPING) / count * vector.sum() + DAMPING * walked
        step = float(np.linalg.norm(following - vector))
        vector = following
    return vector


def _walk(groups: LengthGroups) -> Callable[[np.ndarray], np.ndarray]:
    """A function computing ``W.T @ p`` for sumy's row-normalised weights ``W``."""
    # forming the weights pays when the pairs sharing a stem are fewer than the work of
    # one grouped product (non-zeros x distinct lengths): short texts, not corpora
    if groups.pair_count_bound <= groups.counts.nnz * len(groups.group_lengths):
        weights = groups.pairwise(both_single=1.0)
        scale = 1.0 / (np.asarray(weights.sum(axis=1)).ravel() + ZERO_DIVISION_PREVENTION)
        # the weights are symmetric, so (diag(scale) @ weights).T @ p = weights @ (scale * p)
        return lambda vector: weights @ (scale * vector)
    inverse_norms = 1.0 / groups.log_norms(both_single=1.0)
    row_sums = (groups.overlaps() * inverse_norms).sum(axis=1)
    scale = 1.0 / (row_sums + ZERO_DIVISION_PREVENTION)
    return lambda vector: (groups.overlaps(vector * scale) * inverse_norms).sum(axis=1)
