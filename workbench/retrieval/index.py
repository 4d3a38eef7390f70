"""TF-IDF search over a corpus, at the level of documents, passages or sentences.

:class:`TfidfIndex` follows scikit-learn's conventions: the constructor only
stores parameters, :meth:`TfidfIndex.fit` builds the index, learned state ends
in ``_``, and searching an index that was never fitted raises
:class:`~sklearn.exceptions.NotFittedError`. Every unit indexed (a document, a
window of sentences, or a sentence) cites its document by raw-text offsets, and
so does every hit.

The index's parts live beside it: :mod:`~workbench.retrieval.query` turns a
query into terms and a vector and picks the best units,
:mod:`~workbench.retrieval.filters` restricts a search to some documents or
dates, and :mod:`~workbench.retrieval.cache` saves and loads an index (as a
scipy sparse ``.npz`` and JSON, see :mod:`workbench.retrieval.store`) and
rebuilds a cached one only when the corpus or the parameters changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer

from workbench.errors import CorpusError
from workbench.model import Corpus, Document
from workbench.retrieval.cache import cached_index, corpus_fingerprint, load_index, save_index
from workbench.retrieval.collapse import CollapsingUnits, DocumentGroups
from workbench.retrieval.counting import count_terms
from workbench.retrieval.filters import DateLike, allowed_units
from workbench.retrieval.hits import Duplicate, Hit, SearchResult
from workbench.retrieval.query import (
    analyse_query,
    best_positions,
    check_search,
    known_terms,
    present_terms,
    query_vector,
)
from workbench.retrieval.settings import check_params, new_counter
from workbench.retrieval.units import Unit, index_units
from workbench.retrieval.weights import (
    document_frequencies,
    fitted_vectorizer,
    idf_weights,
    tfidf_rows,
)


class TfidfIndex(CollapsingUnits):
    """A TF-IDF index of a corpus's documents, passages or sentences.

    Parameters
    ----------
    level : {"sentence", "passage", "document"}, default "sentence"
        What a hit is. ``"document"`` indexes each document's kept sentences
        (headings included, boilerplate left out); ``"passage"`` indexes windows
        of consecutive body sentences; ``"sentence"`` every sentence and heading.
    passage_size : int, default 3
        Sentences per passage: enough context to read a hit on its own, short
        enough that the matched terms are near each other.
    passage_stride : int, default 1
        A passage starts every ``passage_stride`` body sentences (at most
        ``passage_size``, so no sentence is skipped). 1 makes passages overlap,
        so a match spanning two sentences is never split between windows.
    ngram_range : tuple of int, default (1, 2)
        Unigrams and bigrams: a phrase match ("peace talks", "foreign ministry")
        outranks the same words scattered. Bigrams are formed after stop words
        are dropped, so "talks in Moscow" also matches "talks moscow".
    sublinear_tf : bool, default True
        Term frequency ``1 + log(tf)``: a word repeated ten times in a long
        article is not ten times as relevant, which keeps documents and passages
        from winning by repetition alone.

    Attributes
    ----------
    vectorizer_ : sklearn.feature_extraction.text.TfidfVectorizer
        The fitted vectorizer, with its vocabulary and idf weights.
    analyzer_ : callable
        ``vectorizer_.build_analyzer()``: text to terms, as indexed.
    matrix_ : scipy.sparse.csr_matrix of shape (n_units, n_terms)
        One L2-normalised row per unit, so a dot product is a cosine similarity.
    term_matrix_ : scipy.sparse.csr_matrix of shape (n_terms, n_units)
        The same, one row per term, for scoring (not saved: rebuilt on loading).
    units_ : tuple of Unit
        The indexed units, in corpus order (rows of ``matrix_``).
    doc_ids_ : tuple of str
        The indexed documents, in corpus order.
    published_ : tuple of datetime.date or None
        Their publication dates, for the date filter.
    unit_docs_ : numpy.ndarray of int
        For each unit, the position of its document in ``doc_ids_``.
    doc_groups_ : numpy.ndarray of int
        For each document, the position of the first document of its
        near-duplicate group (:mod:`workbench.corpus.duplicates`), for collapsing hits.
    fingerprint_ : str
        Hash of the parameters and of every document's id, date, raw text and
        sentence boundaries: the cache key (see :meth:`cached`).

    Notes
    -----
    The vectorizer's other settings are fixed: English stop words left out,
    accents and case folded, :data:`workbench.text.TOKEN_PATTERN` tokens, rare
    terms kept, L2-normalised rows; :mod:`workbench.retrieval.settings` says why.

    Examples
    --------
    >>> from workbench import load_corpus
    >>> index = TfidfIndex(level="document").fit(load_corpus())
    >>> sorted(hit.doc_id[:3] for hit in index.search("talks in Moscow", k=3))
    ['000', '001', '003']
    >>> index.search("talks in Moscow", k=1)[0].matched_terms
    ('talks', 'moscow', 'talks moscow')
    """

    def __init__(
        self,
        level: str = "sentence",
        *,
        passage_size: int = 3,
        passage_stride: int = 1,
        ngram_range: tuple[int, int] = (1, 2),
        sublinear_tf: bool = True,
    ) -> None:
        self.level = level
        self.passage_size = passage_size
        self.passage_stride = passage_stride
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def from_corpus(
        cls, corpus: Corpus | Iterable[Document], level: str = "sentence", **params: Any
    ) -> TfidfIndex:
        """Build an index of ``corpus`` at ``level``: ``TfidfIndex(level, ...).fit(corpus)``."""
        return cls(level, **params).fit(corpus)

    def get_params(self) -> dict[str, Any]:
        """The constructor's parameters, JSON-ready."""
        return {
            "level": self.level,
            "passage_size": self.passage_size,
            "passage_stride": self.passage_stride,
            "ngram_range": list(self.ngram_range),
            "sublinear_tf": self.sublinear_tf,
        }

    def fit(self, corpus: Corpus | Iterable[Document]) -> TfidfIndex:
        """Index every document of ``corpus`` and return the index.

        Raises
        ------
        ValueError
            If a parameter is invalid or two documents share an id.
        CorpusError
            If the documents hold no indexable word.
        """
        self._validate_params()
        documents = list(corpus)
        indexed = index_units(documents, self.level, self.passage_size, self.passage_stride)
        try:
            counted = count_terms(indexed.texts, new_counter(self.ngram_range))
        except ValueError as error:  # "empty vocabulary; perhaps the documents only ..."
            raise CorpusError(f"nothing to index: {error}") from error
        counts = counted.counts
        idf = idf_weights(document_frequencies(counts), counts.shape[0])
        return self._set_state(
            vectorizer=fitted_vectorizer(
                counted.vocabulary, idf, self.ngram_range, self.sublinear_tf
            ),
            matrix=tfidf_rows(counts, idf, self.sublinear_tf),
            units=indexed.units,
            doc_ids=indexed.doc_ids,
            published=indexed.published,
            unit_docs=indexed.unit_docs,
            doc_groups=DocumentGroups(documents),
            fingerprint=documents,
        )

    def _set_state(
        self,
        *,
        vectorizer: TfidfVectorizer,
        matrix: scipy.sparse.csr_matrix,
        units: tuple[Unit, ...],
        doc_ids: tuple[str, ...],
        published: tuple[date | None, ...],
        unit_docs: np.ndarray,
        doc_groups: DocumentGroups,
        fingerprint: str | list[Document],
    ) -> TfidfIndex:
        """Set the learned state, from :meth:`fit` or :meth:`load`.

        ``fingerprint`` is the stored hash, or the documents it is computed from
        when first read (:attr:`fingerprint_`): only the cache needs it, and it
        hashes every document's text, a tenth of a build's time on Reuters.
        """
        self.vectorizer_ = vectorizer
        self.analyzer_ = vectorizer.build_analyzer()
        self.matrix_ = matrix
        # Term-major copy: a query reads only its own terms' rows, instead of every
        # non-zero of matrix_ (the README's Measurements give the search speed).
        self.term_matrix_ = matrix.T.tocsr()
        self.units_ = units
        self.doc_ids_ = doc_ids
        self.published_ = published
        self.unit_docs_ = unit_docs
        self._doc_groups = doc_groups
        self._fingerprint = fingerprint
        return self

    @property
    def fingerprint_(self) -> str:
        """The cache key of the fitted index (see the class docstring), computed when first read."""
        if not isinstance(self._fingerprint, str):
            self._fingerprint = self.fingerprint(self._fingerprint)
        return self._fingerprint

    def fingerprint(self, corpus: Corpus | Iterable[Document]) -> str:
        """The hash naming this index of ``corpus`` in the cache.

        It covers the index schema, the workbench and scikit-learn versions, the
        parameters, and each document's id, publication date, raw text and
        sentence boundaries: anything that changes a unit, a score or a filter
        (see :func:`workbench.retrieval.cache.corpus_fingerprint`).
        """
        return corpus_fingerprint(self.get_params(), corpus)

    def _validate_params(self) -> None:
        check_params(self.level, self.passage_size, self.passage_stride, self.ngram_range)

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
        """Return the ``k`` units most similar to ``query``, best first.

        Parameters
        ----------
        query : str
            Words to look for. Terms that occur nowhere in the corpus are ignored;
            if none occurs, the result is empty.
        k : int, default 10
            The most hits to return. Units sharing no term with the query are never hits.
        level : str, optional
            Must be the index's own level when given (build one index per level).
        doc_ids : str or iterable of str, optional
            Search only these documents.
        published_from, published_to : datetime.date or "YYYY-MM-DD", optional
            Search only documents published in this inclusive range. Documents
            with no known publication date are left out whenever a bound is given.
        collapse : bool, default True
            Fold a unit that repeats a better hit into it (a passage overlapping
            it, a unit of a near-duplicate document: :mod:`workbench.retrieval.collapse`),
            listed in the hit's ``duplicates``, and return ``k`` hits that do not
            repeat each other when the corpus has them. ``False`` ranks every unit
            on its own.

        Returns
        -------
        SearchResult
            Ties in score are ranked in corpus order.

        Raises
        ------
        QueryError
            If the query is empty or has only stop words, a document id is
            unknown, or a date cannot be read.
        ValueError
            If ``k`` is not a positive integer or ``level`` is not the index's.
        """
        self._check_fitted()
        k = check_search(k, level, self.level)
        tokens = self._analyse(query)
        vocabulary = self.vectorizer_.vocabulary_
        terms = known_terms(tokens, vocabulary)
        scores = self._scores(tokens, doc_ids, published_from, published_to)
        if not collapse:
            best = best_positions(scores, k)
            hits = tuple(
                self._hit(int(row), rank, float(scores[row]), terms)
                for rank, row in enumerate(best, start=1)
            )
            return SearchResult(query, self.level, hits, terms)
        kept = self._collapsed(
            lambda count: [(int(row), float(scores[row])) for row in best_positions(scores, count)],
            k,
        )
        hits = tuple(
            self._hit(hit.position, rank, hit.score, terms, tuple(hit.duplicates))
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

        Units left out by a filter score 0. The filters and errors are those of
        :meth:`search`; a query with no known term gives all zeros.
        """
        self._check_fitted()
        return self._scores(self._analyse(query), doc_ids, published_from, published_to)

    def sentence_scores(self, query: str, **filters: Any) -> np.ndarray:
        """:meth:`scores` under the name query-focused summaries use.

        On a sentence-level index the entries are the sentences of the corpus in
        order (``units[i].sentences == (sentence.index,)``).
        """
        return self.scores(query, **filters)

    def _scores(
        self,
        tokens: list[str],
        doc_ids: str | Iterable[str] | None,
        published_from: DateLike,
        published_to: DateLike,
    ) -> np.ndarray:
        columns, weights = self._query_vector(tokens)
        scores = np.asarray(self.term_matrix_[columns].T @ weights, dtype=np.float64)
        allowed = allowed_units(
            indexed=self.doc_ids_,
            published=self.published_,
            unit_docs=self.unit_docs_,
            doc_ids=doc_ids,
            published_from=published_from,
            published_to=published_to,
        )
        return scores if allowed is None else np.where(allowed, scores, 0.0)

    def _query_vector(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The columns and weights of the query's TF-IDF vector (see :func:`query_vector`)."""
        return query_vector(tokens, self.vectorizer_, self.sublinear_tf)

    def _analyse(self, query: str) -> list[str]:
        """The query's terms, or a QueryError saying why it has none (see :func:`analyse_query`)."""
        return analyse_query(query, self.analyzer_, self.vectorizer_)

    def _hit(
        self,
        row: int,
        rank: int,
        score: float,
        terms: tuple[str, ...],
        duplicates: tuple[Duplicate, ...] = (),
    ) -> Hit:
        present = self.matrix_.indices[self.matrix_.indptr[row] : self.matrix_.indptr[row + 1]]
        vocabulary = self.vectorizer_.vocabulary_
        matched = present_terms(terms, vocabulary, present)
        return Hit.of_unit(self.units_[row], rank, score, matched, duplicates)

    def _check_fitted(self) -> None:
        if not hasattr(self, "matrix_"):
            raise NotFittedError(
                "This TfidfIndex is not fitted yet: call index.fit(corpus), or build it with "
                "TfidfIndex.from_corpus(corpus) or TfidfIndex.cached(corpus)"
            )

    # -- saving and loading (workbench.retrieval.cache) --------------------------------------

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the index to ``folder`` (``.npz`` and JSON, no pickle) and return the folder."""
        self._check_fitted()
        return save_index(self, folder)

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> TfidfIndex:
        """Read an index written by :meth:`save`.

        Raises
        ------
        IndexFileError
            If the folder holds no index, or a file is damaged or inconsistent.
        """
        return load_index(cls, folder)

    @classmethod
    def cached(
        cls,
        corpus: Corpus | Iterable[Document],
        level: str = "sentence",
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        **params: Any,
    ) -> TfidfIndex:
        """Load the index of ``corpus`` from the cache, or build and cache it.

        The cache entry is ``<cache_dir>/index/<fingerprint>/``, with ``cache_dir``
        defaulting to :func:`workbench.config.default_cache_dir`. A changed
        document, date or parameter changes the fingerprint, so a stale index is
        never read; a damaged entry is rebuilt, and a cache that cannot be written
        is skipped silently (the index is returned all the same).
        """
        return cached_index(cls, corpus, level, cache_dir=cache_dir, **params)

    def __repr__(self) -> str:
        if not hasattr(self, "matrix_"):
            return f"<TfidfIndex level={self.level!r}, not fitted>"
        return (
            f"<TfidfIndex of {len(self.units_):,} {self.level}s from {len(self.doc_ids_):,} "
            f"documents, {self.matrix_.shape[1]:,} terms>"
        )


def search(
    corpus: Corpus | Iterable[Document],
    query: str,
    k: int = 10,
    *,
    level: str = "sentence",
    doc_ids: str | Iterable[str] | None = None,
    published_from: DateLike = None,
    published_to: DateLike = None,
    collapse: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
) -> SearchResult:
    """Search ``corpus`` at ``level`` with a cached :class:`TfidfIndex`.

    A shortcut for notebooks and the command line:
    ``TfidfIndex.cached(corpus, level, cache_dir=cache_dir).search(query, k, ...)``;
    hits that repeat a better one are folded into it unless ``collapse=False``.
    """
    index = TfidfIndex.cached(corpus, level, cache_dir=cache_dir)
    return index.search(
        query,
        k,
        doc_ids=doc_ids,
        published_from=published_from,
        published_to=published_to,
        collapse=collapse,
    )
