"""Filters: searching only some documents, or a range of publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.errors import QueryError
from workbench.retrieval.index import TfidfIndex


def test_doc_ids_filter_keeps_only_those_documents(indexes):
    wanted = ["002_2d519cff5749e0aa", "004_55b560d3e012caba"]
    result = indexes["sentence"].search("talks", k=50, doc_ids=wanted)
    assert result.hits and set(result.doc_ids) <= set(wanted)
    single = indexes["sentence"].search("talks", k=50, doc_ids="002_2d519cff5749e0aa")
    assert set(single.doc_ids) == {"002_2d519cff5749e0aa"}


def test_unknown_doc_ids_are_named(indexes):
    with pytest.raises(ValueError, match=r"unknown document ids: 'nope'"):
        indexes["document"].search("talks", doc_ids=["nope", "000_258fbde797f3b430"])


def test_date_range_is_inclusive_and_leaves_out_undated_documents(dated_corpus):
    index = TfidfIndex("document").fit(dated_corpus)
    everything = index.search("talks in Moscow")
    assert set(everything.doc_ids) == {"early", "middle", "late", "undated"}
    ranged = index.search(
        "talks in Moscow", published_from="2020-06-15", published_to=date(2021, 9, 30)
    )
    assert set(ranged.doc_ids) == {"middle", "late"}
    assert set(index.search("Moscow", published_to="2020-01-01").doc_ids) == {"early"}


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        ({"published_from": "last year"}, "published_from must be a date or a 'YYYY-MM-DD'"),
        ({"published_from": "2021-01-01", "published_to": "2020-01-01"}, "is after published_to"),
    ],
)
def test_unreadable_or_reversed_dates_are_refused(dated_corpus, bounds, message):
    index = TfidfIndex("document").fit(dated_corpus)
    with pytest.raises(QueryError, match=message):
        index.search("Moscow", **bounds)
