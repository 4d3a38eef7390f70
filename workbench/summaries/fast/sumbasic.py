"""SumBasic that picks exactly as sumy's ``SumBasicSummarizer``, bit for bit, by lazy greedy.

sumy (``sumy/summarizers/sum_basic.py``) gives each stop-word-free stem the
probability ``count / total``, then repeatedly takes the first sentence with the
highest mean probability of its stems (repeats counted; 0 for a sentence with
none) and squares the probability of each of the pick's stems, once per
occurrence. The rating is minus the step. sumy recomputes every sentence's
mean at every step: quadratic.

Probabilities only ever shrink (squaring a number in [0, 1]), so a sentence's
mean never grows, and a mean computed earlier is an upper bound on its mean
now. That makes lazy greedy exact: keep the sentences in a heap by their last
computed mean (then by position, as sumy breaks ties); pop the top, recompute
its mean, and it is the pick if the mean did not change, since nothing else can
be higher; otherwise push it back with the new mean. Only the sentences that
reach the top are recomputed. The means are computed with sumy's additions in
sumy's order (Python's left-to-right ``sum``), so the floating-point values, and
so the ties, are sumy's own.
"""

from __future__ import annotations

import heapq

import numpy as np

from workbench.summaries.ranking import Ranking
from workbench.summaries.tokens import TokenTable


def rank(tokens: TokenTable) -> Ranking:
    """Rank sentences in the order sumy's SumBasic picks them (score: minus the step)."""
    return Ranking.from_pick_order(pick_order(tokens))


def pick_order(tokens: TokenTable) -> np.ndarray:
    """Candidate positions in the order sumy's SumBasic picks them."""
    vocabulary: dict[str, int] = {}
    sentences = [
        [vocabulary.setdefault(stem, len(vocabulary)) for stem in stems]
        for stems in tokens.content_stems
    ]
    counts = [0] * len(vocabulary)
    for words in sentences:
        for word in words:
            counts[word] += 1
    total = sum(counts)
    probability = [count / total for count in counts]

    def mean(words: list[int]) -> float:
        return sum([probability[word] for word in words]) / len(words) if words else 0

    heap = [(-mean(words), position) for position, words in enumerate(sentences)]
    heapq.heapify(heap)
    order: list[int] = []
    while heap:
        negative_bound, position = heapq.heappop(heap)
        words = sentences[position]
        current = mean(words)
        if current != -negative_bound:
            heapq.heappush(heap, (-current, position))
            continue
        order.append(position)
        for word in words:
            probability[word] *= probability[word]
    return np.array(order, dtype=np.int64)
