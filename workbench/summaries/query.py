"""Query-focused summaries: keep what concerns the question, then rank within it.

The question is matched against every sentence with the workbench's search
index (:class:`workbench.retrieval.index.TfidfIndex` at the sentence level: TF-IDF
cosine over unigrams and bigrams, stop words dropped). The candidates become
the sentences that share a term with the query and score at least
:data:`RELATIVE_CUTOFF` of the best match, :data:`MAX_RETRIEVED` at most (more
when the summary asks for more), so a method ranks only what concerns the
question. Its ranking is then blended with the relevance:
``(1 - QUERY_WEIGHT) * rank + QUERY_WEIGHT * relevance``, both scaled to [0, 1],
so that among sentences the method rates alike, the one closer to the question
wins.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from workbench.model import Document
from workbench.summaries.ranking import Ranking, best_first
from workbench.summaries.source import SummaryInput

#: A retrieved sentence scores at least this share of the best match (set by hand).
RELATIVE_CUTOFF = 0.2
#: At most this many sentences are retrieved (or three times the summary's length).
MAX_RETRIEVED = 50
#: Weight of relevance against the method's rank when choosing (set by hand).
QUERY_WEIGHT = 0.5


def relevance(documents: Sequence[Document], source: SummaryInput, query: str) -> np.ndarray:
    """Cosine similarity between ``query`` and each candidate of ``source``.

    Raises
    ------
    workbench.errors.QueryError
        If the query is empty or has only stop words.
    """
    from workbench.retrieval.index import TfidfIndex

    index = TfidfIndex(level="sentence").fit(documents)
    scores = index.sentence_scores(query)
    row = {(unit.doc_id, unit.sentences[0]): number for number, unit in enumerate(index.units)}
    return np.array([scores[row[(s.doc_id, s.index)]] for s in source.candidates], dtype=np.float64)


def retrieved(scores: np.ndarray, wanted: int | None = None) -> np.ndarray:
    """Positions of the candidates that concern the query, in candidate order.

    Examples
    --------
    >>> retrieved(np.array([0.0, 0.5, 0.05, 0.3])).tolist()
    [1, 3]
    """
    if scores.size == 0 or scores.max() <= 0:
        return np.zeros(0, dtype=np.int64)
    cap = max(MAX_RETRIEVED, 3 * wanted) if wanted else MAX_RETRIEVED
    kept = np.flatnonzero((scores > 0) & (scores >= RELATIVE_CUTOFF * scores.max()))
    best = kept[best_first(scores[kept])][:cap]
    return np.sort(best)


def blend(ranking: Ranking, scores: np.ndarray, weight: float = QUERY_WEIGHT) -> Ranking:
    """Re-rank by ``(1 - weight) * scaled rank + weight * scaled relevance``.

    Examples
    --------
    >>> method = Ranking(np.array([3.0, 2.0, 1.0]), np.array([0, 1, 2]))
    >>> blend(method, np.array([0.1, 0.2, 0.9])).order.tolist()
    [0, 2, 1]
    """
    ranked = len(ranking.order)
    if ranked == 0:
        return ranking
    rank_value = np.zeros(len(scores))
    rank_value[ranking.order] = 1.0 - np.arange(ranked) / max(ranked - 1, 1)
    top = scores.max()
    closeness = scores / top if top > 0 else np.zeros_like(scores)
    blended = (1.0 - weight) * rank_value + weight * closeness
    order = best_first(blended)
    return Ranking(blended, order[np.isin(order, ranking.order)])
