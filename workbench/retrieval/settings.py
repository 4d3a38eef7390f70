"""An index's settings: the parameters a caller chooses, checked, and the vectorizer's fixed ones.

:class:`~workbench.retrieval.index.TfidfIndex` documents its parameters. The
vectorizer settings besides those are fixed, for these reasons:

- ``stop_words="english"`` (scikit-learn's 318 function words): otherwise "in"
  and "the" would match every sentence and fill the bigrams. A query made
  only of stop words is refused with :class:`~workbench.errors.QueryError`.
- ``strip_accents="unicode"`` and ``lowercase=True``: "Zürich" finds "Zurich"
  and "MOSCOW" finds "Moscow"; spellings of foreign names vary in the news.
  ``"unicode"`` rather than ``"ascii"``, which would drop non-Latin letters.
- ``token_pattern``: :data:`workbench.text.TOKEN_PATTERN`, runs of two or
  more letters or digits, or a lone digit ("3 months").
- ``min_df=1``, ``max_df=1.0``: a name that occurs once ("Lavrov") is exactly
  what an analyst looks for, and corpora here are small; rare terms are kept,
  and so are common ones (the stop words are already gone).
- ``norm="l2"``, ``smooth_idf=True`` (scikit-learn's defaults): scores are
  cosine similarities in [0, 1], comparable across queries of one index.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from workbench.retrieval.units import LEVELS
from workbench.text import TOKEN_PATTERN


def check_params(
    level: str, passage_size: int, passage_stride: int, ngram_range: tuple[int, int]
) -> None:
    """Refuse invalid parameters of a :class:`~workbench.retrieval.index.TfidfIndex`.

    Raises
    ------
    ValueError
        Naming the parameter, the values it allows and the value given.

    Examples
    --------
    >>> check_params("paragraph", 3, 1, (1, 2))
    Traceback (most recent call last):
    ...
    ValueError: level must be one of document, passage, sentence; got 'paragraph'
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    if not isinstance(passage_size, int) or passage_size < 1:
        raise ValueError(f"passage_size must be an integer >= 1; got {passage_size!r}")
    if not isinstance(passage_stride, int) or not (1 <= passage_stride <= passage_size):
        raise ValueError(
            f"passage_stride must be an integer from 1 to passage_size "
            f"({passage_size}); got {passage_stride!r}"
        )
    low, high = ngram_range
    if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
        raise ValueError(f"ngram_range must be (min, max) with 1 <= min <= max; got {low, high}")


def new_counter(ngram_range: tuple[int, int]) -> CountVectorizer:
    """An unfitted term counter: the vectorizer's analysis and vocabulary settings, no weights.

    An index counts its units with its settings
    (:func:`~workbench.retrieval.counting.count_terms`, which gives what its
    ``fit_transform`` would, faster) and weighs the counts itself
    (:mod:`workbench.retrieval.weights`), so that a single index and the shards
    of a sharded one weigh them the same way.
    """
    return CountVectorizer(**_analysis(ngram_range), dtype=np.float64)


def new_vectorizer(ngram_range: tuple[int, int], sublinear_tf: bool) -> TfidfVectorizer:
    """An unfitted vectorizer with an index's parameters and the fixed settings above."""
    return TfidfVectorizer(**_analysis(ngram_range), sublinear_tf=sublinear_tf, dtype=np.float64)


def _analysis(ngram_range: tuple[int, int]) -> dict[str, Any]:
    """The settings the counter and the vectorizer share: how text becomes terms, which are kept."""
    return {
        "strip_accents": "unicode",
        "lowercase": True,
        "stop_words": "english",
        "token_pattern": TOKEN_PATTERN,
        "ngram_range": tuple(ngram_range),
        "min_df": 1,
        "max_df": 1.0,
    }
