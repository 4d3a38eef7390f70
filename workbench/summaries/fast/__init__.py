"""Vectorised summarizers that choose the same sentences as sumy's, much faster.

Each module reproduces one sumy summarizer's scoring (its tokenisation, stop
words, stemming, thresholds, power method and tie-breaking) with sparse
matrices and numpy, so the fast engine and ``engine="sumy"`` agree except where
two sentences' scores tie exactly (then rounding decides, in either engine).
Edmundson and Random have no fast version: both are linear in sumy already.

Which module ranks which method is recorded once, in the registry
(:mod:`workbench.summaries.methods`); ``FAST_RANKERS`` is still importable
from here, read from the registry.
"""

from __future__ import annotations

from typing import Any

from workbench.summaries.ranking import ranked_by

__all__ = ["FAST_RANKERS", "ranked_by"]


def __getattr__(name: str) -> Any:
    """``FAST_RANKERS``, read from the registry on first use.

    The registry imports the modules of this package, so this package cannot
    import the registry when it is itself imported.
    """
    if name == "FAST_RANKERS":
        from workbench.summaries.methods import FAST_RANKERS

        return FAST_RANKERS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
