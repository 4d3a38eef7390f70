"""Reduction that rates exactly as sumy's ``ReductionSummarizer``, in near-linear time.

sumy (``sumy/summarizers/reduction.py``) rates a sentence by the sum, over every
other sentence, of ``overlap / (log len(i) + log len(j))`` (stop-word-free stems;
the edge is 0 when both sentences have one stem), comparing every pair of words
of every pair of sentences. Here the overlaps come from one sparse product,
summed by sentence length (:mod:`workbench.summaries.fast.overlap`), with each
sentence's overlap with itself taken out before dividing, in exact integers.
"""

from __future__ import annotations

import numpy as np

from workbench.summaries.fast.overlap import LengthGroups
from workbench.summaries.tokens import TokenTable


def scores(tokens: TokenTable) -> np.ndarray:
    """The Reduction rating sumy gives every sentence."""
    if len(tokens) == 0:
        return np.zeros(0)
    groups = LengthGroups.from_stems(tokens.content_stems)
    overlaps = groups.overlaps()
    worded = np.flatnonzero(groups.lengths > 0)
    own = np.asarray(groups.counts.multiply(groups.counts).sum(axis=1)).ravel()
    overlaps[worded, groups.group_of[worded]] -= own[worded]
    return (overlaps / groups.log_norms(both_single=np.inf)).sum(axis=1)
