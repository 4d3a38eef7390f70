"""Vectorised summarizers that choose the same sentences as sumy's, much faster.

Each module reproduces one sumy summarizer's scoring (its tokenisation, stop
words, stemming, thresholds, power method and tie-breaking) with sparse
matrices and numpy, so the fast engine and ``engine="sumy"`` agree except where
two sentences' scores tie exactly (then rounding decides, in either engine).
Edmundson and Random have no fast version: both are linear in sumy already.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from workbench.summaries.fast import kl, lexrank, lsa, luhn, reduction, sumbasic, textrank
from workbench.summaries.ranking import Ranking
from workbench.summaries.tokens import TokenTable


def ranked_by(scores: Callable[[TokenTable], np.ndarray]) -> Callable[[TokenTable], Ranking]:
    """A ranker that sorts candidates by ``scores``, best first, ties in candidate order."""

    def rank(tokens: TokenTable) -> Ranking:
        return Ranking.from_scores(scores(tokens))

    rank.__doc__ = f"Rank sentences by {scores.__module__}.{scores.__name__}."
    return rank


#: Method name to the fast ranker that reproduces sumy's.
FAST_RANKERS: dict[str, Callable[[TokenTable], Ranking]] = {
    "luhn": ranked_by(luhn.scores),
    "lsa": lsa.rank,
    "lexrank": ranked_by(lexrank.scores),
    "textrank": ranked_by(textrank.scores),
    "reduction": ranked_by(reduction.scores),
    "sumbasic": sumbasic.rank,
    "kl": kl.rank,
}

__all__ = ["FAST_RANKERS", "ranked_by"]
