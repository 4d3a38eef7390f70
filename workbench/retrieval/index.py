"""TF-IDF search over a corpus, at the level of documents, passages or sentences.

:class:`TfidfIndex` follows scikit-learn's conventions: the constructor only
stores parameters, :meth:`TfidfIndex.fit` builds the index, learned state ends
in ``_``, and searching an index that was never fitted raises
:class:`~sklearn.exceptions.NotFittedError`. Every unit indexed (a document, a
window of sentences, or a sentence) cites its document by raw-text offsets, and
so does every hit. Indexes are saved as a scipy sparse ``.npz`` and JSON (see
:mod:`workbench.retrieval.store`) and :meth:`TfidfIndex.cached` rebuilds one only
when the corpus or the parameters changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse
import sklearn
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer

from workbench.config import VERSION, default_cache_dir
from workbench.errors import CorpusError, IndexFileError, QueryError
from workbench.model import Corpus, Document
from workbench.retrieval.hits import Hit, SearchResult
from workbench.retrieval.store import INDEX_SCHEMA, read_index, write_index
from workbench.retrieval.units import LEVELS, Unit, build_units
from workbench.text import TOKEN_PATTERN, words

DateLike = date | str | None


class TfidfIndex:
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
    fingerprint_ : str
        Hash of the parameters and of every document's id, date, raw text and
        sentence boundaries: the cache key (see :meth:`cached`).

    Notes
    -----
    The vectorizer settings besides those above are fixed, for these reasons:

    - ``stop_words="english"`` (scikit-learn's 318 function words): otherwise "in"
      and "the" would match every sentence and fill the bigrams. A query made
      only of stop words is refused with :class:`~workbench.errors.QueryError`.
    - ``strip_accents="unicode"`` and ``lowercase=True``: "Zürich" finds "Zurich"
      and "MOSCOW" finds "Moscow"; spellings of foreign names vary in the news.
      ``"unicode"`` rather than ``"ascii"``, which would drop non-Latin letters.
    - ``token_pattern``: :data:`workbench.text.TOKEN_PATTERN`, runs of two or
      more letters or digits, or a lone digit ("3 months").
    - ``min_df=1``: a name that occurs once ("Lavrov") is exactly what an analyst
      looks for, and corpora here are small; rare terms are kept.
    - ``norm="l2"``, ``smooth_idf=True`` (scikit-learn's defaults): scores are
      cosine similarities in [0, 1], comparable across queries of one index.

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
        doc_ids = tuple(document.id for document in documents)
        if len(set(doc_ids)) != len(doc_ids):
            repeated = sorted({doc_id for doc_id in doc_ids if doc_ids.count(doc_id) > 1})
            raise ValueError(f"document ids must be unique; repeated: {', '.join(repeated)}")
        pairs = list(build_units(documents, self.level, self.passage_size, self.passage_stride))
        if not pairs:
            raise CorpusError(f"nothing to index: the documents have no {self.level}s")
        vectorizer = self._new_vectorizer()
        try:
            matrix = vectorizer.fit_transform([text for _, text in pairs])
        except ValueError as error:  # "empty vocabulary; perhaps the documents only ..."
            raise CorpusError(f"nothing to index: {error}") from error
        position = {doc_id: number for number, doc_id in enumerate(doc_ids)}
        units = tuple(unit for unit, _ in pairs)
        return self._set_state(
            vectorizer=vectorizer,
            matrix=scipy.sparse.csr_matrix(matrix),
            units=units,
            doc_ids=doc_ids,
            published=tuple(document.published for document in documents),
            unit_docs=np.array([position[unit.doc_id] for unit in units], dtype=np.int64),
            fingerprint=self.fingerprint(documents),
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
        fingerprint: str,
    ) -> TfidfIndex:
        """Set the learned state, from :meth:`fit` or :meth:`load`."""
        self.vectorizer_ = vectorizer
        self.analyzer_ = vectorizer.build_analyzer()
        self.matrix_ = matrix
        # Term-major copy: a query reads only its own terms' rows, instead of every
        # non-zero of matrix_ (10x faster on 19,000 Reuters articles).
        self.term_matrix_ = matrix.T.tocsr()
        self.units_ = units
        self.doc_ids_ = doc_ids
        self.published_ = published
        self.unit_docs_ = unit_docs
        self.fingerprint_ = fingerprint
        return self

    def fingerprint(self, corpus: Corpus | Iterable[Document]) -> str:
        """The hash naming this index of ``corpus`` in the cache.

        It covers the index schema, the workbench and scikit-learn versions, the
        parameters, and each document's id, publication date, raw text and
        sentence boundaries: anything that changes a unit, a score or a filter.
        """
        header = {
            "schema": INDEX_SCHEMA,
            "workbench": VERSION,
            "sklearn": sklearn.__version__,
            "params": self.get_params(),
        }
        digest = hashlib.sha256(json.dumps(header, sort_keys=True).encode())
        for document in corpus:
            published = document.published.isoformat() if document.published else None
            boundaries = [(s.start, s.end, s.is_heading) for s in document.sentences]
            digest.update(json.dumps([document.id, published, boundaries]).encode())
            digest.update(hashlib.sha256(document.raw.encode("utf-8", "surrogatepass")).digest())
        return digest.hexdigest()

    def _validate_params(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {self.level!r}")
        if not isinstance(self.passage_size, int) or self.passage_size < 1:
            raise ValueError(f"passage_size must be an integer >= 1; got {self.passage_size!r}")
        if not isinstance(self.passage_stride, int) or not (
            1 <= self.passage_stride <= self.passage_size
        ):
            raise ValueError(
                f"passage_stride must be an integer from 1 to passage_size "
                f"({self.passage_size}); got {self.passage_stride!r}"
            )
        low, high = self.ngram_range
        if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
            raise ValueError(
                f"ngram_range must be (min, max) with 1 <= min <= max; got {low, high}"
            )

    def _new_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            strip_accents="unicode",
            lowercase=True,
            stop_words="english",
            token_pattern=TOKEN_PATTERN,
            ngram_range=tuple(self.ngram_range),
            min_df=1,
            sublinear_tf=self.sublinear_tf,
            dtype=np.float64,
        )

    # -- searching ----------------------------------------------------------------------------

    @property
    def units(self) -> tuple[Unit, ...]:
        """The indexed units in corpus order; rows of :attr:`matrix_`, entries of :meth:`scores`."""
        self._check_fitted()
        return self.units_

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        level: str | None = None,
        doc_ids: str | Iterable[str] | None = None,
        published_from: DateLike = None,
        published_to: DateLike = None,
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
        if isinstance(k, bool) or not isinstance(k, int | np.integer) or k <= 0:
            raise ValueError(f"k must be a positive integer; got {k!r}")
        if level is not None and level != self.level:
            raise ValueError(
                f"this index holds {self.level}s; for level {level!r} build "
                f"TfidfIndex(level={level!r}).fit(corpus)"
            )
        tokens = self._analyse(query)
        vocabulary = self.vectorizer_.vocabulary_
        terms = tuple(term for term in dict.fromkeys(tokens) if term in vocabulary)
        scores = self._scores(tokens, doc_ids, published_from, published_to)
        best = _top(scores, int(k))
        hits = tuple(
            self._hit(int(row), rank, float(scores[row]), terms)
            for rank, row in enumerate(best, start=1)
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
        allowed = self._allowed_units(doc_ids, published_from, published_to)
        return scores if allowed is None else np.where(allowed, scores, 0.0)

    def _query_vector(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The columns and weights of the query's TF-IDF vector.

        The same numbers as ``vectorizer_.transform([query])`` (a test checks it),
        without the input validation that takes half the time of a search.
        """
        vocabulary = self.vectorizer_.vocabulary_
        counts = Counter(vocabulary[token] for token in tokens if token in vocabulary)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        frequencies = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            frequencies = 1.0 + np.log(frequencies)
        weights = frequencies * self.vectorizer_.idf_[columns]
        norm = np.linalg.norm(weights)
        return columns, (weights / norm if norm else weights)

    def _analyse(self, query: str) -> list[str]:
        """The query's terms (unigrams, then bigrams), or a QueryError saying why it has none."""
        if not isinstance(query, str):
            raise TypeError(f"query must be a string; got {type(query).__name__}")
        if not query.strip():
            raise QueryError("query is empty: give words to search for")
        terms = self.analyzer_(query)
        if terms:
            return terms
        query_words = words(query)
        stop_words = self.vectorizer_.get_stop_words() or frozenset()
        if not query_words:
            raise QueryError(f"query {query!r} has no words, only punctuation or symbols")
        if all(word in stop_words for word in query_words):
            raise QueryError(
                f"query {query!r} has only stop words ({', '.join(query_words)}), "
                "which are not indexed: add a content word"
            )
        raise QueryError(
            f"query {query!r} has no searchable word: stop words and one-letter words "
            "are not indexed"
        )

    def _allowed_units(
        self, doc_ids: str | Iterable[str] | None, published_from: DateLike, published_to: DateLike
    ) -> np.ndarray | None:
        """A boolean mask over units, or ``None`` when no filter is given."""
        if doc_ids is None and published_from is None and published_to is None:
            return None
        keep = np.ones(len(self.doc_ids_), dtype=bool)
        if doc_ids is not None:
            wanted = {doc_ids} if isinstance(doc_ids, str) else set(doc_ids)
            unknown = sorted(wanted.difference(self.doc_ids_))
            if unknown:
                shown = ", ".join(repr(doc_id) for doc_id in unknown[:10])
                raise QueryError(
                    f"unknown document ids: {shown}; the index holds {len(self.doc_ids_)} "
                    f"documents, e.g. {self.doc_ids_[0]!r}"
                )
            keep &= np.array([doc_id in wanted for doc_id in self.doc_ids_], dtype=bool)
        low = _as_date(published_from, "published_from")
        high = _as_date(published_to, "published_to")
        if low is not None and high is not None and low > high:
            raise QueryError(f"published_from {low} is after published_to {high}")
        if low is not None or high is not None:
            keep &= np.array(
                [
                    published is not None
                    and (low is None or published >= low)
                    and (high is None or published <= high)
                    for published in self.published_
                ],
                dtype=bool,
            )
        return keep[self.unit_docs_]

    def _hit(self, row: int, rank: int, score: float, terms: tuple[str, ...]) -> Hit:
        unit = self.units_[row]
        present = set(self.matrix_.indices[self.matrix_.indptr[row] : self.matrix_.indptr[row + 1]])
        vocabulary = self.vectorizer_.vocabulary_
        matched = tuple(term for term in terms if vocabulary[term] in present)
        return Hit(
            doc_id=unit.doc_id,
            rank=rank,
            score=min(score, 1.0),
            text=unit.text,
            start=unit.start,
            end=unit.end,
            sentences=unit.sentences,
            matched_terms=matched,
        )

    def _check_fitted(self) -> None:
        if not hasattr(self, "matrix_"):
            raise NotFittedError(
                "This TfidfIndex is not fitted yet: call index.fit(corpus), or build it with "
                "TfidfIndex.from_corpus(corpus) or TfidfIndex.cached(corpus)"
            )

    # -- saving and loading -------------------------------------------------------------------

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the index to ``folder`` (``.npz`` and JSON, no pickle) and return the folder."""
        self._check_fitted()
        published = [day.isoformat() if day else None for day in self.published_]
        units = {
            "documents": [list(pair) for pair in zip(self.doc_ids_, published, strict=True)],
            "units": [
                [int(position), list(unit.sentences), unit.start, unit.end, unit.text]
                for position, unit in zip(self.unit_docs_, self.units_, strict=True)
            ],
        }
        vocabulary = sorted(self.vectorizer_.vocabulary_, key=self.vectorizer_.vocabulary_.get)
        manifest = {
            "workbench": VERSION,
            "sklearn": sklearn.__version__,
            "params": self.get_params(),
            "fingerprint": self.fingerprint_,
            "shape": list(self.matrix_.shape),
        }
        return write_index(
            folder,
            manifest=manifest,
            matrix=self.matrix_,
            vocabulary=vocabulary,
            idf=self.vectorizer_.idf_,
            units=units,
        )

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> TfidfIndex:
        """Read an index written by :meth:`save`.

        Raises
        ------
        IndexFileError
            If the folder holds no index, or a file is damaged or inconsistent.
        """
        stored = read_index(folder)
        try:
            params = dict(stored.manifest["params"])
            params["ngram_range"] = tuple(params["ngram_range"])
            index = cls(**params)
            index._validate_params()
            documents = stored.units["documents"]
            doc_ids = tuple(str(doc_id) for doc_id, _ in documents)
            published = tuple(date.fromisoformat(day) if day else None for _, day in documents)
            rows = stored.units["units"]
            units = tuple(
                Unit(doc_ids[position], tuple(sentences), int(start), int(end), str(text))
                for position, sentences, start, end, text in rows
            )
            unit_docs = np.array([int(row[0]) for row in rows], dtype=np.int64)
            fingerprint = str(stored.manifest["fingerprint"])
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise IndexFileError(f"the index in {folder} is damaged: {error!r}") from error
        if len(units) != stored.matrix.shape[0]:
            raise IndexFileError(
                f"the index in {folder} has {len(units)} units but {stored.matrix.shape[0]} rows"
            )
        vectorizer = index._new_vectorizer()
        # The documented way to reuse a fitted vocabulary and idf in a new vectorizer:
        # vocabulary_ first (the idf_ setter checks its length against it), then idf_.
        vectorizer.vocabulary_ = {term: column for column, term in enumerate(stored.vocabulary)}
        vectorizer.fixed_vocabulary_ = False
        vectorizer.idf_ = stored.idf
        return index._set_state(
            vectorizer=vectorizer,
            matrix=stored.matrix,
            units=units,
            doc_ids=doc_ids,
            published=published,
            unit_docs=unit_docs,
            fingerprint=fingerprint,
        )

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
        documents = list(corpus)
        index = cls(level, **params)
        index._validate_params()
        folder = Path(default_cache_dir() if cache_dir is None else cache_dir) / "index"
        folder /= index.fingerprint(documents)
        if (folder / "index.json").is_file():
            with contextlib.suppress(IndexFileError):
                loaded = cls.load(folder)
                if loaded.fingerprint_ == folder.name and loaded.get_params() == index.get_params():
                    return loaded
        index.fit(documents)
        with contextlib.suppress(OSError):
            index.save(folder)
        return index

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
    cache_dir: str | os.PathLike[str] | None = None,
) -> SearchResult:
    """Search ``corpus`` at ``level`` with a cached :class:`TfidfIndex`.

    A shortcut for notebooks and the command line:
    ``TfidfIndex.cached(corpus, level, cache_dir=cache_dir).search(query, k, ...)``.
    """
    index = TfidfIndex.cached(corpus, level, cache_dir=cache_dir)
    return index.search(
        query, k, doc_ids=doc_ids, published_from=published_from, published_to=published_to
    )


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` best positive scores, best first, ties in position order.

    Examples
    --------
    >>> _top(np.array([0.2, 0.0, 0.5, 0.2, 0.1]), 3).tolist()
    [2, 0, 3]
    """
    candidates = np.flatnonzero(scores > 0)
    values = scores[candidates]
    if len(candidates) > k:  # partition first: sorting every match is the slow part
        kth = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    return candidates[np.lexsort((candidates, -values))][:k]


def _as_date(value: DateLike, name: str) -> date | None:
    """Read a date bound given as a date, a datetime or an ISO ``YYYY-MM-DD`` string."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise QueryError(f"{name} must be a date or a 'YYYY-MM-DD' string; got {value!r}")
