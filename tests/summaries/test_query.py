"""Query-focused summaries: only what concerns the question, or a note when nothing does."""

from __future__ import annotations

import pytest

from workbench.errors import QueryError
from workbench.summaries import summarise


def test_a_query_focused_summary_of_talks_in_moscow_picks_sentences_about_moscow(seeds_corpus):
    summary = summarise(seeds_corpus, query="talks in Moscow", sentences=3)
    assert len(summary) == 3
    assert summary.query == "talks in Moscow"
    assert all("Moscow" in s.text for s in summary)
    assert {s.doc_id[:3] for s in summary} <= {"000", "001", "003"}


def test_a_query_that_nothing_concerns_gives_an_empty_summary_with_a_note(seeds_corpus):
    summary = summarise(seeds_corpus, query="banana smoothie recipes")
    assert len(summary) == 0
    assert summary.note == "no sentence concerns the query 'banana smoothie recipes'"
    assert "no sentence concerns" in summary._repr_html_()


def test_a_query_of_stop_words_only_is_refused(seeds_corpus):
    with pytest.raises(QueryError, match="has only stop words"):
        summarise(seeds_corpus, query="the of and")
