"""Queries: the terms and vector an index reads, and the queries it refuses."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.errors import QueryError, WorkbenchError
from workbench.retrieval.units import LEVELS


@pytest.mark.parametrize("level", LEVELS)
def test_query_vectors_are_the_vectorizers_own(indexes, level):
    index = indexes[level]
    for query in ("talks in Moscow", "talks talks Moscow Lavrov", "Zürich CAFÉ peace", "zeppelin"):
        columns, weights = index._query_vector(index.analyzer_(query))
        expected = index.vectorizer_.transform([query]).toarray().ravel()
        mine = np.zeros_like(expected)
        mine[columns] = weights
        assert np.allclose(mine, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("query", ["", "   \n\t"])
def test_an_empty_query_is_refused(indexes, query):
    with pytest.raises(QueryError, match="query is empty"):
        indexes["sentence"].search(query)


def test_a_query_of_only_stop_words_is_refused_with_the_words_named(indexes):
    with pytest.raises(QueryError, match=r"only stop words \(the, of\)"):
        indexes["document"].search("the of")


def test_a_query_of_only_punctuation_is_refused(indexes):
    with pytest.raises(QueryError, match="has no words"):
        indexes["document"].search("?!")


def test_a_query_of_stop_words_and_one_letter_words_is_refused(indexes):
    with pytest.raises(QueryError, match="no searchable word"):
        indexes["document"].search("the x")


def test_a_query_error_is_a_workbench_error_and_a_value_error():
    assert issubclass(QueryError, WorkbenchError) and issubclass(QueryError, ValueError)


def test_a_query_with_no_known_term_gives_an_empty_result(indexes):
    result = indexes["passage"].search("zeppelin quasar")
    assert len(result) == 0 and result.terms == ()
    assert result.to_frame().empty
