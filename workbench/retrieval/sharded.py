"""A TF-IDF index split into shards on Dask workers, searched by scatter-gather.

:class:`ShardedTfidfIndex` scores exactly as one
:class:`~workbench.retrieval.index.TfidfIndex` of the same corpus and
parameters: the shards share one vocabulary and one IDF, computed from every
unit's terms by a reduction on the workers (each shard counts its document
frequencies, one task adds them up), and each shard weighs its own units with
them as scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer`
would (term counts, ``1 + log`` when sublinear, times the IDF, rows L2-normalised).
A query's vector is made once on the client and sent to every shard; each
returns its ``k`` best units, and the client merges them into the global ``k``
best, ties in corpus order, as the single index ranks them.

The shards stay in the workers' memory (Dask futures) for as long as the index
and its client live. Only the client needs the vocabulary and the units'
offsets; the matrices never leave the workers. Dask is imported by the caller,
who passes a :class:`distributed.Client` (for example
``workbench.corpus.distributed.dask_client``); nothing here imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from workbench.errors import CorpusError
from workbench.model import Corpus, Document
from workbench.retrieval.hits import Hit, SearchResult
from workbench.retrieval.query import analyse_query, best_positions, query_vector
from workbench.retrieval.settings import check_params, new_vectorizer
from workbench.retrieval.units import Unit, build_units

if TYPE_CHECKING:
    from distributed import Client, Future


class ShardedTfidfIndex:
    """A :class:`~workbench.retrieval.index.TfidfIndex` whose units are split over Dask workers.

    Parameters
    ----------
    level, passage_size, passage_stride, ngram_range, sublinear_tf
        As for :class:`~workbench.retrieval.index.TfidfIndex`, whose scores this
        index reproduces.
    shards : int, default 4
        How many parts the units are split into (consecutive runs, in corpus order).

    Attributes
    ----------
    vectorizer_ : sklearn.feature_extraction.text.TfidfVectorizer
        The global vocabulary and IDF, for making query vectors on the client.
    units_ : tuple of Unit
        Every indexed unit, in corpus order.
    shard_starts_ : tuple of int
        The position of each shard's first unit in :attr:`units_`.
    """

    def __init__(
        self,
        level: str = "sentence",
        *,
        shards: int = 4,
        passage_size: int = 3,
        passage_stride: int = 1,
        ngram_range: tuple[int, int] = (1, 2),
        sublinear_tf: bool = True,
    ) -> None:
        self.level = level
        self.shards = shards
        self.passage_size = passage_size
        self.passage_stride = passage_stride
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf

    def fit(self, corpus: Corpus | Iterable[Document], *, client: Client) -> ShardedTfidfIndex:
        """Split the corpus's units into shards on ``client``'s workers and index them.

        Raises
        ------
        ValueError
            If a parameter is invalid.
        CorpusError
            If the documents hold no indexable word.
        """
        check_params(self.level, self.passage_size, self.passage_stride, self.ngram_range)
        if isinstance(self.shards, bool) or not isinstance(self.shards, int) or self.shards < 1:
            raise ValueError(f"shards must be an integer >= 1; got {self.shards!r}")
        pairs = list(build_units(list(corpus), self.level, self.passage_size, self.passage_stride))
        if not pairs:
            raise CorpusError(f"nothing to index: the documents have no {self.level}s")
        size = -(-len(pairs) // self.shards)
        starts = list(range(0, len(pairs), size))
        settings = {"ngram_range": tuple(self.ngram_range), "sublinear_tf": self.sublinear_tf}
        texts = client.scatter([[text for _, text in pairs[s : s + size]] for s in starts])
        counted = client.map(_count, texts, settings=settings, pure=False)
        terms, frequencies = client.submit(_add_frequencies, counted, pure=False).result()
        if not len(terms):
            raise CorpusError("nothing to index: the documents have no words to index")
        idf = np.log((len(pairs) + 1) / (frequencies + 1)) + 1  # smooth_idf, as scikit-learn
        vectorizer = new_vectorizer(self.ngram_range, self.sublinear_tf)
        vectorizer.set_params(vocabulary={str(term): n for n, term in enumerate(terms)})
        vectorizer.idf_ = idf
        shared = client.scatter((terms, idf), broadcast=True)
        self.shards_: list[Future] = client.map(
            _build_shard, counted, starts, shared=shared, settings=settings, pure=False
        )
        self.client_ = client
        self.vectorizer_ = vectorizer
        self.analyzer_ = vectorizer.build_analyzer()
        self.units_: tuple[Unit, ...] = tuple(unit for unit, _ in pairs)
        self.shard_starts_ = tuple(starts)
        return self

    def search(self, query: str, k: int = 10) -> SearchResult:
        """The ``k`` units most similar to ``query``, best first: the single index's hits.

        The filters of :meth:`TfidfIndex.search <workbench.retrieval.index.TfidfIndex.search>`
        (documents, dates) are not offered here; search a corpus narrowed first
        (:meth:`Corpus.filter <workbench.model.Corpus.filter>`).

        Raises
        ------
        QueryError
            If the query is empty or has only stop words.
        ValueError
            If ``k`` is not a positive integer, or the index was never fitted.
        """
        if not hasattr(self, "shards_"):
            raise ValueError("This ShardedTfidfIndex is not fitted yet: call fit(corpus, client=)")
        if isinstance(k, bool) or not isinstance(k, int | np.integer) or k <= 0:
            raise ValueError(f"k must be a positive integer; got {k!r}")
        tokens = analyse_query(query, self.analyzer_, self.vectorizer_)
        vocabulary = self.vectorizer_.vocabulary_
        terms = tuple(term for term in dict.fromkeys(tokens) if term in vocabulary)
        columns, weights = query_vector(tokens, self.vectorizer_, self.sublinear_tf)
        found = self.client_.gather(
            self.client_.map(
                _shard_best, self.shards_, columns=columns, weights=weights, k=int(k), pure=False
            )
        )
        rows = np.concatenate([positions for positions, _, _ in found])
        scores = np.concatenate([values for _, values, _ in found])
        present = [columns_ for _, _, matched in found for columns_ in matched]
        order = np.lexsort((rows, -scores))[:k]
        hits = []
        for rank, at in enumerate(order, start=1):
            unit = self.units_[int(rows[at])]
            matched = tuple(term for term in terms if vocabulary[term] in present[at])
            hits.append(Hit.of_unit(unit, rank, float(scores[at]), matched))
        return SearchResult(query, self.level, tuple(hits), terms)

    def __repr__(self) -> str:
        fitted = f", {len(self.units_)} units" if hasattr(self, "units_") else ""
        return f"ShardedTfidfIndex(level={self.level!r}, shards={self.shards}{fitted})"


def _count(
    texts: Sequence[str], settings: dict[str, Any]
) -> tuple[np.ndarray, scipy.sparse.csr_matrix]:
    """On a worker: the shard's own vocabulary (sorted terms) and term counts."""
    fixed = new_vectorizer(settings["ngram_range"], settings["sublinear_tf"]).get_params()
    names = CountVectorizer().get_params()
    counter = CountVectorizer(**{name: fixed[name] for name in names if name in fixed})
    try:
        counts = counter.fit_transform(texts)
    except ValueError:  # "empty vocabulary": no term in this shard
        return np.array([], dtype=str), scipy.sparse.csr_matrix((len(texts), 0))
    return counter.get_feature_names_out(), scipy.sparse.csr_matrix(counts, dtype=np.float64)


def _add_frequencies(
    shards: Sequence[tuple[np.ndarray, scipy.sparse.csr_matrix]],
) -> tuple[np.ndarray, np.ndarray]:
    """On a worker, the reduction: every term, sorted, and in how many units it occurs."""
    terms = np.concatenate([shard_terms for shard_terms, _ in shards])
    counts = np.concatenate([np.bincount(m.indices, minlength=m.shape[1]) for _, m in shards])
    vocabulary, positions = np.unique(terms, return_inverse=True)
    return vocabulary, np.bincount(positions, weights=counts, minlength=len(vocabulary))


def _build_shard(
    counted: tuple[np.ndarray, scipy.sparse.csr_matrix],
    start: int,
    shared: tuple[np.ndarray, np.ndarray],
    settings: dict[str, Any],
) -> tuple[int, scipy.sparse.csr_matrix]:
    """On a worker: the shard's rows weighed as ``TfidfVectorizer`` weighs them, term-major.

    The shard's own columns are moved to the global vocabulary's; counts become
    ``1 + log(count)`` when sublinear, are multiplied by the global IDF, and each
    row is L2-normalised, as scikit-learn's ``TfidfTransformer`` does.
    """
    local_terms, counts = counted
    terms, idf = shared
    columns = np.searchsorted(terms, local_terms)
    weighted = scipy.sparse.csr_matrix(
        (counts.data.copy(), columns[counts.indices], counts.indptr),
        shape=(counts.shape[0], len(terms)),
    )
    weighted.sort_indices()
    if settings["sublinear_tf"]:
        np.log(weighted.data, weighted.data)
        weighted.data += 1
    weighted.data *= idf[weighted.indices]
    weighted = normalize(weighted, norm="l2", copy=False)
    return start, weighted.T.tocsr()


def _shard_best(
    shard: tuple[int, scipy.sparse.csr_matrix], columns: np.ndarray, weights: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, list[frozenset[int]]]:
    """On a worker: the shard's ``k`` best units (global positions), scores and matched columns."""
    start, term_matrix = shard
    rows = term_matrix[columns]
    scores = np.asarray(rows.T @ weights, dtype=np.float64)
    best = best_positions(scores, k)
    by_unit = rows.T.tocsr()
    matched = [
        frozenset(columns[by_unit.indices[by_unit.indptr[row] : by_unit.indptr[row + 1]]])
        for row in best
    ]
    return best + start, scores[best], matched
