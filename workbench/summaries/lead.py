"""The lead baseline: an article's first sentences, the summary every method must beat.

News is written as an inverted pyramid, so the opening sentences are a strong
summary. Over several documents the lead takes every document's first sentence,
then every second one, and so on (in corpus order within each round).
"""

from __future__ import annotations

import numpy as np

from workbench.summaries.ranking import Ranking
from workbench.summaries.source import SummaryInput


def rank(source: SummaryInput) -> Ranking:
    """Rank candidates by their position in their own document (score: minus the position).

    Examples
    --------
    >>> from workbench.corpus.document import build_document
    >>> from workbench.summaries.source import build_input
    >>> doc = build_document("One is first. Two is second. Three is last.", "x")
    >>> rank(build_input([doc])).order.tolist()
    [0, 1, 2]
    """
    positions = np.zeros(len(source), dtype=np.float64)
    seen: dict[str, int] = {}
    for number, sentence in enumerate(source.candidates):
        positions[number] = seen.get(sentence.doc_id, 0)
        seen[sentence.doc_id] = int(positions[number]) + 1
    return Ranking.from_scores(-positions)
