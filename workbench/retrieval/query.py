"""A query as an index reads it: its terms, its TF-IDF vector, and the units it ranks first.

The terms are the fitted vectorizer's own (:func:`analyse_query`), so a query is
folded, tokenised and stop-worded exactly as the indexed text was; a query with
nothing left to search for is refused with a :class:`~workbench.errors.QueryError`
that says why. :func:`query_vector` weighs the terms as the vectorizer would and
:func:`best_positions` picks the best-scoring units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from workbench.errors import QueryError
from workbench.text import words


def analyse_query(
    query: str, analyzer: Callable[[str], list[str]], vectorizer: TfidfVectorizer
) -> list[str]:
    """The query's terms (unigrams, then bigrams), or a QueryError saying why it has none.

    Parameters
    ----------
    query : str
        The words to look for.
    analyzer : callable
        The fitted vectorizer's analyzer (``vectorizer.build_analyzer()``).
    vectorizer : TfidfVectorizer
        The fitted vectorizer, whose stop words explain an empty result.

    Raises
    ------
    TypeError
        If ``query`` is not a string.
    QueryError
        If the query is empty, or has only punctuation, stop words or one-letter words.
    """
    if not isinstance(query, str):
        raise TypeError(f"query must be a string; got {type(query).__name__}")
    if not query.strip():
        raise QueryError("query is empty: give words to search for")
    terms = analyzer(query)
    if terms:
        return terms
    query_words = words(query)
    stop_words = vectorizer.get_stop_words() or frozenset()
    if not query_words:
        raise QueryError(f"query {query!r} has no words, only punctuation or symbols")
    if all(word in stop_words for word in query_words):
        raise QueryError(
            f"query {query!r} has only stop words ({', '.join(query_words)}), "
            "which are not indexed: add a content word"
        )
    raise QueryError(
        f"query {query!r} has no searchable word: stop words and one-letter words are not indexed"
    )


def query_vector(
    tokens: list[str], vectorizer: TfidfVectorizer, sublinear_tf: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The columns and weights of the query's TF-IDF vector.

    The same numbers as ``vectorizer.transform([query])`` (a test checks it),
    computed from the vocabulary and idf weights directly, without the input
    validation and sparse matrix of ``transform``, which a search for one query
    does not need (the README's Measurements give the search speed).
    """
    vocabulary = vectorizer.vocabulary_
    counts = Counter(vocabulary[token] for token in tokens if token in vocabulary)
    columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    frequencies = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    if sublinear_tf:
        frequencies = 1.0 + np.log(frequencies)
    weights = frequencies * vectorizer.idf_[columns]
    norm = np.linalg.norm(weights)
    return columns, (weights / norm if norm else weights)


def known_terms(tokens: Iterable[str], vocabulary: Mapping[str, int]) -> tuple[str, ...]:
    """Each distinct term of the query's ``tokens`` that the index holds, in query order.

    Examples
    --------
    >>> known_terms(["talks", "zebra", "talks", "moscow"], {"moscow": 0, "talks": 1})
    ('talks', 'moscow')
    """
    return tuple(term for term in dict.fromkeys(tokens) if term in vocabulary)


def present_terms(
    terms: tuple[str, ...], vocabulary: Mapping[str, int], columns: np.ndarray | Iterable[int]
) -> tuple[str, ...]:
    """The ``terms`` whose column is among ``columns`` (a unit's non-zero columns), in order.

    Examples
    --------
    >>> present_terms(("talks", "moscow"), {"moscow": 0, "talks": 1}, [0, 5])
    ('moscow',)
    """
    present = set(np.asarray(columns).tolist())
    return tuple(term for term in terms if vocabulary[term] in present)


def check_search(k: object, level: str | None, own_level: str, build: str = "TfidfIndex") -> int:
    """``k`` as an int, if it is a positive integer and ``level`` is none or ``own_level``.

    Raises
    ------
    ValueError
        If ``k`` is not a positive integer, or ``level`` is another level (saying
        which index to build: a ``build`` of that level).
    """
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k <= 0:
        raise ValueError(f"k must be a positive integer; got {k!r}")
    if level is not None and level != own_level:
        raise ValueError(
            f"this index holds {own_level}s; for level {level!r} build "
            f"{build}(level={level!r}).fit(corpus)"
        )
    return int(k)


def best_positions(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` best positive scores, best first, ties in position order.

    Examples
    --------
    >>> best_positions(np.array([0.2, 0.0, 0.5, 0.2, 0.1]), 3).tolist()
    [2, 0, 3]
    """
    candidates = np.flatnonzero(scores > 0)
    values = scores[candidates]
    if len(candidates) > k:  # partition first: sorting every match is the slow part
        kth = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    return candidates[np.lexsort((candidates, -values))][:k]
