"""A TF-IDF index held in shards on Dask workers, searched by scatter and gather.

:class:`ShardedTfidfIndex` gives the hits a :class:`~workbench.retrieval.index.TfidfIndex`
with the same parameters gives, for the corpus too large for one process or
the searches worth spreading over a cluster. Building it:

1. the client splits the units (documents, passages or sentences, in corpus
   order) into ``shards`` runs of consecutive units and sends each to a worker;
2. each worker counts its shard's terms (the single index's counter) and its
   document frequencies;
3. the frequencies are summed by a tree of Dask tasks into one global count, on
   which the client keeps the terms the counter's ``min_df`` and ``max_df``
   keep and computes the idf: the vocabulary and idf of the single index;
4. each worker maps its counts to the global vocabulary and weighs them with the
   global idf (:mod:`workbench.retrieval.weights`), so its rows are the single
   index's rows, bit for bit.

A query is analysed and weighed on the client, sent to every shard, and each
shard returns its ``k`` best units (score, position in the corpus, matched
columns); the client merges them into the ``k`` best, ties in corpus order, as
the single index ranks them. Filters are applied to every shard's scores, as in
a single index, so they are supported too.

Dask is imported only when :meth:`ShardedTfidfIndex.fit` runs; the shards live
on the workers until :meth:`ShardedTfidfIndex.close` (or the end of a ``with``
block), which also stops a local cluster the index started.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse
from sklearn.exceptions import NotFittedError

from workbench.cluster import check_workers, dask_client
from workbench.errors import ClusterError, CorpusError
from workbench.model import Corpus, Document
from workbench.retrieval.collapse import CollapsingUnits, DocumentGroups
from workbench.retrieval.counting import count_terms
from workbench.retrieval.filters import DateLike, allowed_units
from workbench.retrieval.hits import Hit, SearchResult
from workbench.retrieval.query import (
    analyse_query,
    check_search,
    known_terms,
    present_terms,
    query_vector,
)
from workbench.retrieval.query import best_positions as best_rows
from workbench.retrieval.settings import check_params, new_counter
from workbench.retrieval.units import index_units
from workbench.retrieval.weights import (
    document_frequencies,
    fitted_vectorizer,
    idf_weights,
    kept_terms,
    tfidf_rows,
)

if TYPE_CHECKING:
    from distributed import Client, Future


class ShardedTfidfIndex(CollapsingUnits):
    """A TF-IDF index split into shards on Dask workers; its hits are a :class:`TfidfIndex`'s.

    Parameters
    ----------
    level : {"sentence", "passage", "document"}, default "sentence"
        What a hit is, as for :class:`~workbench.retrieval.index.TfidfIndex`.
    shards : int, default 4
        How many runs of consecutive units to split the index into (at most one
        a unit). More shards than workers lets a cluster balance them.
    workers : int, optional
        Start a local Dask cluster of this many worker processes for the shards.
    scheduler : str, optional
        Or the address of a running Dask scheduler ("tcp://host:8786").
    passage_size, passage_stride, ngram_range, sublinear_tf
        As for :class:`~workbench.retrieval.index.TfidfIndex`.

    Attributes
    ----------
    vectorizer_ : sklearn.feature_extraction.text.TfidfVectorizer
        The global vocabulary and idf weights, as the single index's vectorizer.
    analyzer_ : callable
        ``vectorizer_.build_analyzer()``: text to terms, as indexed.
    units_ : tuple of Unit
        The indexed units, in corpus order.
    doc_ids_ : tuple of str
        The indexed documents, in corpus order.
    published_ : tuple of datetime.date or None
        Their publication dates, for the date filter.
    unit_docs_ : numpy.ndarray of int
        For each unit, the position of its document in ``doc_ids_``.
    doc_groups_ : numpy.ndarray of int
        For each document, the first document of its near-duplicate group, as
        the single index holds it (computed on the client).
    shard_starts_ : tuple of int
        The position of each shard's first unit in ``units_``.

    Notes
    -----
    It answers :meth:`search` and :meth:`scores` as a single index does, filters
    included. It is not saved or cached (build a :class:`TfidfIndex` for that):
    its shards live on the workers, for as long as the index is open.

    Examples
    --------
    Skipped as a doctest, which must pass without Dask; ``tests/retrieval/test_sharded.py``
    runs the same on a local cluster.

    >>> from workbench import load_corpus
    >>> index = ShardedTfidfIndex("document", shards=2, workers=1)
    >>> with index.fit(load_corpus()):  # doctest: +SKIP
    ...     sorted(hit.doc_id[:3] for hit in index.search("talks in Moscow", k=3))
    ['000', '001', '003']
    """

    def __init__(
        self,
        level: str = "sentence",
        *,
        shards: int = 4,
        workers: int | None = None,
        scheduler: str | None = None,
        passage_size: int = 3,
        passage_stride: int = 1,
        ngram_range: tuple[int, int] = (1, 2),
        sublinear_tf: bool = True,
    ) -> None:
        self.level = level
        self.shards = shards
        self.workers = workers
        self.scheduler = scheduler
        self.passage_size = passage_size
        self.passage_stride = passage_stride
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf
        self._open = ExitStack()

    def get_params(self) -> dict[str, Any]:
        """The constructor's parameters, JSON-ready."""
        return {
            "level": self.level,
            "shards": self.shards,
            "workers": self.workers,
            "scheduler": self.scheduler,
            "passage_size": self.passage_size,
            "passage_stride": self.passage_stride,
            "ngram_range": list(self.ngram_range),
            "sublinear_tf": self.sublinear_tf,
        }

    # -- building -----------------------------------------------------------------------------

    def fit(self, corpus: Corpus | Iterable[Document]) -> ShardedTfidfIndex:
        """Index every document of ``corpus`` in shards on the workers; return the index.

        Raises
        ------
        ValueError
            If a parameter is invalid or two documents share an id.
        ClusterError
            If neither ``workers`` nor ``scheduler`` is given, Dask is not
            installed, or the cluster cannot be started or reached.
        CorpusError
            If the documents hold no indexable word.
        """
        check_params(self.level, self.passage_size, self.passage_stride, self.ngram_range)
        if isinstance(self.shards, bool) or not isinstance(self.shards, int) or self.shards < 1:
            raise ValueError(f"shards must be an integer >= 1; got {self.shards!r}")
        if self.scheduler is None:
            if self.workers is None:
                raise ClusterError(
                    "a sharded index runs on Dask: give workers=N (a local cluster) or "
                    "scheduler='tcp://host:8786'; for one process use TfidfIndex"
                )
            check_workers(self.workers)
        documents = list(corpus)
        indexed = index_units(documents, self.level, self.passage_size, self.passage_stride)
        self.close()
        client = self._open.enter_context(dask_client(self.workers, self.scheduler))
        try:
            self._build(client, indexed.texts)
        except BaseException:
            self.close()
            raise
        self.units_ = indexed.units
        self.doc_ids_ = indexed.doc_ids
        self.published_ = indexed.published
        self.unit_docs_ = indexed.unit_docs
        self._doc_groups = DocumentGroups(documents)
        return self

    def _build(self, client: Client, texts: tuple[str, ...]) -> None:
        """Count, reduce, weigh: the steps of the module notes, on ``client``'s workers."""
        bounds = np.array_split(np.arange(len(texts)), min(self.shards, len(texts)))
        starts = [int(rows[0]) for rows in bounds]
        pieces = client.scatter([list(texts[rows[0] : rows[-1] + 1]) for rows in bounds])
        counted = [
            client.submit(count_shard, piece, self.ngram_range, pure=False) for piece in pieces
        ]
        total = _tree_sum(client, [client.submit(shard_frequencies, c) for c in counted])
        frequencies = total.result().units_with
        counter = new_counter(self.ngram_range)
        terms = np.array(sorted(frequencies), dtype=object)
        counts = np.array([frequencies[term] for term in terms], dtype=np.int64)
        keep = kept_terms(counts, len(texts), counter)
        terms, counts = terms[keep], counts[keep]
        if not len(terms):
            raise CorpusError(
                "nothing to index: empty vocabulary; perhaps the documents only contain stop words"
            )
        vocabulary = {str(term): column for column, term in enumerate(terms)}
        idf = idf_weights(counts, len(texts))
        [weights] = client.scatter([GlobalWeights(vocabulary, idf)], broadcast=True, hash=False)
        shards = [
            client.submit(weigh_shard, c, weights, self.sublinear_tf, pure=False) for c in counted
        ]
        client.gather([client.submit(_shard_rows, shard) for shard in shards])  # built, or raise
        self.vectorizer_ = fitted_vectorizer(vocabulary, idf, self.ngram_range, self.sublinear_tf)
        self.analyzer_ = self.vectorizer_.build_analyzer()
        self.shard_starts_ = tuple(starts)
        self._client = client
        self._shards: list[Future] = shards

    # -- searching ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        level: str | None = None,
        doc_ids: str | Iterable[str] | None = None,
        published_from: DateLike = None,
        published_to: DateLike = None,
        collapse: bool = True,
    ) -> SearchResult:
        """Return the ``k`` units most similar to ``query``, best first, from every shard.

        The parameters, result and errors are those of
        :meth:`TfidfIndex.search <workbench.retrieval.index.TfidfIndex.search>`,
        and so are the hits: the same units, scores and ranks, ties in corpus order,
        and, collapsed, the same duplicates (the shards are asked for more units
        when those folded leave fewer than ``k`` hits).
        """
        self._check_fitted()
        k = check_search(k, level, self.level, build="ShardedTfidfIndex")
        tokens = analyse_query(query, self.analyzer_, self.vectorizer_)
        vocabulary = self.vectorizer_.vocabulary_
        terms = known_terms(tokens, vocabulary)
        allowed = self._allowed(doc_ids, published_from, published_to)
        columns, weights = query_vector(tokens, self.vectorizer_, self.sublinear_tf)
        if not len(columns):
            return SearchResult(query, self.level, (), terms)

        def ranked(count: int) -> list[tuple[int, float, tuple[int, ...]]]:
            found = self._scatter(search_shard, columns, weights, allowed, count)
            return merge_best(found, self.shard_starts_, count)

        if not collapse:
            hits = tuple(
                Hit.of_unit(
                    self.units_[position], rank, score, present_terms(terms, vocabulary, matched)
                )
                for rank, (position, score, matched) in enumerate(ranked(k), start=1)
            )
            return SearchResult(query, self.level, hits, terms)
        matched_at: dict[int, tuple[int, ...]] = {}

        def ranked_pairs(count: int) -> list[tuple[int, float]]:
            best = ranked(count)
            matched_at.update((position, matched) for position, _, matched in best)
            return [(position, score) for position, score, _ in best]

        kept = self._collapsed(ranked_pairs, k)
        hits = tuple(
            Hit.of_unit(
                self.units_[hit.position],
                rank,
                hit.score,
                present_terms(terms, vocabulary, matched_at[hit.position]),
                tuple(hit.duplicates),
            )
            for rank, hit in enumerate(kept, start=1)
        )
        return SearchResult(query, self.level, hits, terms)

    def scores(
        self,
        query: str,
        *,
        doc_ids: str | Iterable[str] | None = None,
        published_from: DateLike = None,
        published_to: DateLike = None,
    ) -> np.ndarray:
        """Cosine similarity of ``query`` to every unit, aligned with :attr:`units`.

        Gathered from every shard; the filters and errors are those of :meth:`search`.
        """
        self._check_fitted()
        tokens = analyse_query(query, self.analyzer_, self.vectorizer_)
        allowed = self._allowed(doc_ids, published_from, published_to)
        columns, weights = query_vector(tokens, self.vectorizer_, self.sublinear_tf)
        if not len(columns):
            return np.zeros(len(self.units_), dtype=np.float64)
        return np.concatenate(self._scatter(shard_scores, columns, weights, allowed))

    def _allowed(
        self,
        doc_ids: str | Iterable[str] | None,
        published_from: DateLike,
        published_to: DateLike,
    ) -> np.ndarray | None:
        return allowed_units(
            indexed=self.doc_ids_,
            published=self.published_,
            unit_docs=self.unit_docs_,
            doc_ids=doc_ids,
            published_from=published_from,
            published_to=published_to,
        )

    def _scatter(
        self,
        function: Callable[..., Any],
        columns: np.ndarray,
        weights: np.ndarray,
        allowed: np.ndarray | None,
        *arguments: object,
    ) -> list[Any]:
        """``function(shard, columns, weights, its part of allowed, *arguments)`` on every shard."""
        ends = [*self.shard_starts_[1:], len(self.units_)]
        count = len(self._shards)
        parts = [
            None if allowed is None else allowed[start:end]
            for start, end in zip(self.shard_starts_, ends, strict=True)
        ]
        futures = self._client.map(
            function,
            self._shards,
            [columns] * count,
            [weights] * count,
            parts,
            *([argument] * count for argument in arguments),
            pure=False,
        )
        return self._client.gather(futures)

    def _check_fitted(self) -> None:
        if not hasattr(self, "_shards"):
            raise NotFittedError(
                "This ShardedTfidfIndex is not fitted yet, or was closed: call index.fit(corpus)"
            )

    # -- closing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the shards and close the client (and a local cluster the index started)."""
        for name in ("_shards", "_client"):
            if hasattr(self, name):
                delattr(self, name)
        self._open.close()

    def __enter__(self) -> ShardedTfidfIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if not hasattr(self, "_shards"):
            return f"<ShardedTfidfIndex level={self.level!r}, not fitted>"
        return (
            f"<ShardedTfidfIndex of {len(self.units_):,} {self.level}s from "
            f"{len(self.doc_ids_):,} documents in {len(self._shards)} shards, "
            f"{len(self.vectorizer_.vocabulary_):,} terms>"
        )


# -- on the workers ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ShardCounts:
    """A shard's term counts, before the global vocabulary is known.

    Attributes
    ----------
    terms : tuple of str
        The shard's own terms, sorted (its columns).
    counts : scipy.sparse.csr_matrix
        One row a unit of the shard.
    """

    terms: tuple[str, ...]
    counts: scipy.sparse.csr_matrix


@dataclass(frozen=True, eq=False)
class TermFrequencies:
    """How many units of a part of the corpus hold each of its terms.

    One object, so that Dask sends it as one pickle: a plain dict of a hundred
    thousand terms it would serialise entry by entry, a hundred times slower.

    Attributes
    ----------
    units_with : dict of str to int
        Term to the number of units holding it.
    """

    units_with: dict[str, int]


@dataclass(frozen=True, eq=False)
class GlobalWeights:
    """The global vocabulary and idf, sent once to every worker (one object, as above).

    Attributes
    ----------
    vocabulary : dict of str to int
        Term to column, the columns in term order.
    idf : numpy.ndarray
        Each column's idf.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray


@dataclass(frozen=True, eq=False)
class Shard:
    """A shard as it is searched: its units' TF-IDF rows, one row a term.

    Attributes
    ----------
    term_matrix : scipy.sparse.csr_matrix of shape (n_terms, n_units)
        The global vocabulary's rows over the shard's units (as a single
        index's ``term_matrix_``).
    """

    term_matrix: scipy.sparse.csr_matrix


@dataclass(frozen=True, eq=False)
class ShardBest:
    """A shard's best units for a query.

    Attributes
    ----------
    rows : numpy.ndarray of int
        Their rows in the shard, best first, ties in row order.
    scores : numpy.ndarray of float
        Their scores.
    matched : tuple of tuple of int
        For each, the query's columns the unit holds.
    """

    rows: np.ndarray
    scores: np.ndarray
    matched: tuple[tuple[int, ...], ...]


def count_shard(texts: list[str], ngram_range: tuple[int, int]) -> ShardCounts:
    """On a worker: the terms of ``texts``, counted as the single index counts them.

    No term is dropped here (``min_df`` and ``max_df`` are for the whole corpus);
    a shard with no indexable word has no columns.
    """
    counter = new_counter(ngram_range).set_params(min_df=1, max_df=1.0)
    try:
        counted = count_terms(texts, counter)
    except ValueError:  # an empty vocabulary: other shards may still have words
        return ShardCounts((), scipy.sparse.csr_matrix((len(texts), 0), dtype=np.float64))
    return ShardCounts(counted.terms, counted.counts)


def shard_frequencies(shard: ShardCounts) -> TermFrequencies:
    """On a worker: how many of the shard's units hold each of its terms."""
    counts = document_frequencies(shard.counts).tolist()
    return TermFrequencies(dict(zip(shard.terms, counts, strict=True)))


def add_frequencies(first: TermFrequencies, second: TermFrequencies) -> TermFrequencies:
    """On a worker: two parts' document frequencies summed (a step of the reduction).

    Examples
    --------
    >>> add_frequencies(TermFrequencies({"moscow": 2, "talks": 1}),
    ...                 TermFrequencies({"talks": 3, "trade": 1})).units_with
    {'moscow': 2, 'talks': 4, 'trade': 1}
    """
    total = dict(first.units_with)
    for term, count in second.units_with.items():
        total[term] = total.get(term, 0) + count
    return TermFrequencies(total)


def weigh_shard(shard: ShardCounts, weights: GlobalWeights, sublinear_tf: bool) -> Shard:
    """On a worker: the shard's counts in the global vocabulary's columns, weighed.

    Terms the global vocabulary left out (by ``min_df`` or ``max_df``) are dropped.
    Both vocabularies are sorted, so a row's columns stay in order.
    """
    vocabulary = weights.vocabulary
    column_of = np.array([vocabulary.get(term, -1) for term in shard.terms], dtype=np.int64)
    counts = shard.counts.tocoo()
    columns = column_of[counts.col] if len(column_of) else counts.col
    kept = columns >= 0
    counts = scipy.sparse.csr_matrix(
        (counts.data[kept], (counts.row[kept], columns[kept])),
        shape=(shard.counts.shape[0], len(weights.idf)),
    )
    rows = tfidf_rows(counts, weights.idf, sublinear_tf)
    return Shard(term_matrix=rows.T.tocsr())


def _shard_rows(shard: Shard) -> int:
    """On a worker: the shard's unit count (a cheap answer to wait for the shard on)."""
    return shard.term_matrix.shape[1]


def shard_scores(
    shard: Shard, columns: np.ndarray, weights: np.ndarray, allowed: np.ndarray | None
) -> np.ndarray:
    """On a worker: the query's score for every unit of the shard, as a single index scores.

    The same product, in the same order, as
    :meth:`TfidfIndex.scores <workbench.retrieval.index.TfidfIndex.scores>`.
    """
    scores = np.asarray(shard.term_matrix[columns].T @ weights, dtype=np.float64)
    return scores if allowed is None else np.where(allowed, scores, 0.0)


def search_shard(
    shard: Shard, columns: np.ndarray, weights: np.ndarray, allowed: np.ndarray | None, k: int
) -> ShardBest:
    """On a worker: the shard's ``k`` best units for the query, with their matched columns."""
    query_rows = shard.term_matrix[columns]
    scores = np.asarray(query_rows.T @ weights, dtype=np.float64)
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    best = best_rows(scores, k)
    held = scipy.sparse.csc_matrix(query_rows)[:, best]
    matched = tuple(
        tuple(int(columns[row]) for row in held.indices[held.indptr[i] : held.indptr[i + 1]])
        for i in range(len(best))
    )
    return ShardBest(best, scores[best], matched)


# -- on the client ----------------------------------------------------------------------------


def merge_best(
    found: list[ShardBest], starts: tuple[int, ...], k: int
) -> list[tuple[int, float, tuple[int, ...]]]:
    """The ``k`` best of every shard's best: ``(position, score, matched columns)``.

    Best first, ties in position order, as
    :func:`~workbench.retrieval.query.best_positions` ranks one index's units:
    each shard's ``k`` best hold every unit of the overall ``k`` best it holds.
    ``starts`` gives the position of each shard's first unit.

    Examples
    --------
    >>> found = [ShardBest(np.array([1, 0]), np.array([0.5, 0.2]), ((3,), (3,))),
    ...          ShardBest(np.array([0]), np.array([0.5]), ((4,),))]
    >>> merge_best(found, (0, 2), 2)
    [(1, 0.5, (3,)), (2, 0.5, (4,))]
    """
    positions = np.concatenate(
        [best.rows.astype(np.int64) + start for best, start in zip(found, starts, strict=True)]
    )
    scores = np.concatenate([best.scores for best in found])
    matched = [columns for best in found for columns in best.matched]
    order = np.lexsort((positions, -scores))[:k]
    return [(int(positions[i]), float(scores[i]), matched[i]) for i in order]


def _tree_sum(client: Client, parts: list[Future]) -> Future:
    """The document frequencies of ``parts`` summed pairwise by Dask tasks: a tree reduction."""
    while len(parts) > 1:
        pairs = [
            client.submit(add_frequencies, parts[i], parts[i + 1])
            for i in range(0, len(parts) - 1, 2)
        ]
        parts = pairs + ([parts[-1]] if len(parts) % 2 else [])
    return parts[0]
