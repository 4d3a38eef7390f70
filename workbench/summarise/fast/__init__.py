"""Vectorised summarizers that choose the same sentences as sumy's, much faster.

Each module reproduces one sumy summarizer's scoring (its tokenisation, stop
words, stemming, thresholds, power method and tie-breaking) with sparse
matrices and numpy, so the fast engine and ``engine="sumy"`` agree except where
two sentences' scores tie exactly (then rounding decides, in either engine).
Edmundson and Random have no fast version: both are linear in sumy already.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.summarise.fast import kl, lexrank, lsa, luhn, reduction, sumbasic, textrank
from workbench.summarise.ranking import Ranking
from workbench.summarise.tokens import TokenTable

#: Method name to the fast ranker that reproduces sumy's.
FAST_RANKERS: dict[str, Callable[[TokenTable], Ranking]] = {
    "luhn": luhn.rank,
    "lsa": lsa.rank,
    "lexrank": lexrank.rank,
    "textrank": textrank.rank,
    "reduction": reduction.rank,
    "sumbasic": sumbasic.rank,
    "kl": kl.rank,
}

__all__ = ["FAST_RANKERS"]
