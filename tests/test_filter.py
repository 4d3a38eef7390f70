"""Narrowing a corpus, and what ask looks at, by date, source and id."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.corpus.document import build_document
from workbench.errors import QueryError
from workbench.model import Corpus


@pytest.fixture(scope="module")
def dated() -> Corpus:
    return Corpus(
        (
            build_document(
                "Kenya hosted talks on trade in Nairobi.",
                "a",
                published=date(2023, 1, 5),
                source="wire",
            ),
            build_document(
                "Ghana hosted talks on cocoa in Accra.",
                "b",
                published=date(2024, 6, 1),
                source="web",
            ),
            build_document("Peru hosted talks on fishing in Lima.", "c"),
        )
    )


def test_filter_keeps_what_meets_every_condition_in_corpus_order(dated):
    assert dated.filter(published_from="2024-01-01").ids == ("b",)
    assert dated.filter(published_to=date(2023, 12, 31)).ids == ("a",)
    assert dated.filter(sources=["wire", "web"]).ids == ("a", "b")
    assert dated.filter(ids="c").ids == ("c",)
    assert dated.filter().ids == dated.ids
    assert dated.filter(published_from="2000-01-01").ids == ("a", "b")  # an undated one goes


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"published_from": "last year"}, "published_from must be a date"),
        ({"published_from": "2024-01-02", "published_to": "2024-01-01"}, "is after"),
        ({"ids": ["zz"]}, "no document 'zz'"),
    ],
)
def test_bad_conditions_are_clear_errors(dated, options, message):
    with pytest.raises(ValueError, match=message):
        dated.filter(**options)


def test_ask_looks_only_within_the_dates(dated, full_nlp):
    from workbench.qa.answerer import QuestionAnswerer

    answerer = QuestionAnswerer(dated, nlp=full_nlp)
    answer = answerer.ask("Who hosted talks?", published_from="2024-01-01")
    assert {item.doc_id for item in answer.evidence} == {"b"}
    with pytest.raises(QueryError, match="no document of the corpus was published"):
        answerer.ask("Who hosted talks?", published_to="2020-01-01")
