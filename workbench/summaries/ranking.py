"""A method's verdict on the candidate sentences: a score each, and the order, best first.

sumy's ``_get_best_sentences`` sorts sentences by rating, best first, with
Python's stable sort, so equal ratings keep document order; the summary is the
first ``count`` of that order. :func:`best_first` reproduces this for the fast
engines, treating scores within a relative ``1e-10`` of each other as equal:
the fast engines add the same terms in another order than sumy, so two
sentences that tie exactly in sumy can differ in the last bits here, and the
tie must still go to the earlier sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from workbench.summaries.tokens import TokenTable

#: Scores closer than this, relative to the largest score, are a tie.
TIE_TOLERANCE = 1e-10


@dataclass(frozen=True)
class Ranking:
    """Scores for candidate sentences and the order a summary takes them in.

    Attributes
    ----------
    scores : numpy.ndarray
        One score per candidate (higher is better), on the method's own scale.
    order : numpy.ndarray of int
        Candidate positions, best first. It may hold fewer than all candidates
        when a method rates none (sumy's LSA on a text with no content word).
    """

    scores: np.ndarray
    order: np.ndarray

    @classmethod
    def from_scores(cls, scores: np.ndarray) -> Ranking:
        """Rank by score, ties (within :data:`TIE_TOLERANCE`) in candidate order."""
        scores = np.nan_to_num(np.asarray(scores, dtype=np.float64), nan=0.0)
        return cls(scores, best_first(scores))

    @classmethod
    def from_pick_order(cls, order: np.ndarray) -> Ranking:
        """Rank candidates picked one at a time (KL, SumBasic): the score is minus the step.

        Examples
        --------
        >>> Ranking.from_pick_order(np.array([2, 0, 1])).scores.tolist()
        [-1.0, -2.0, -0.0]
        """
        scores = np.empty(len(order))
        scores[order] = -np.arange(len(order), dtype=np.float64)
        return cls(scores, np.asarray(order, dtype=np.int64))

    @classmethod
    def empty(cls, count: int) -> Ranking:
        """No candidate ranked."""
        return cls(np.zeros(count), np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.order)


def best_first(scores: np.ndarray, tolerance: float = TIE_TOLERANCE) -> np.ndarray:
    """Positions sorted by descending score; near-equal scores keep their original order.

    Examples
    --------
    >>> best_first(np.array([0.2, 0.5, 0.2 + 1e-17, 0.9])).tolist()
    [3, 1, 0, 2]
    """
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(-scores, kind="stable")
    ranked = scores[order]
    scale = max(float(np.abs(scores).max()), np.finfo(float).tiny)
    steps = (ranked[:-1] - ranked[1:]) > tolerance * scale
    group = np.concatenate([[0], np.cumsum(steps)])
    return order[np.lexsort((order, group))]


def ranked_by(scores: Callable[[TokenTable], np.ndarray]) -> Callable[[TokenTable], Ranking]:
    """A ranker that sorts candidates by ``scores``, best first, ties in candidate order."""

    def rank(tokens: TokenTable) -> Ranking:
        return Ranking.from_scores(scores(tokens))

    rank.__doc__ = f"Rank sentences by {scores.__module__}.{scores.__name__}."
    return rank
