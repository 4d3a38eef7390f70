"""The units an index holds: every hit points at its text in the raw document."""

from __future__ import annotations

import pytest

from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.units import LEVELS


@pytest.mark.parametrize("level", LEVELS)
def test_every_hit_points_at_its_text_in_the_raw_document(seeds_corpus, indexes, level):
    for query in ("talks in Moscow", "ceasefire", "Karzai Taliban delegation"):
        for hit in indexes[level].search(query, k=50):
            document = seeds_corpus[hit.doc_id]
            assert document.raw[hit.start : hit.end] == hit.text
            assert document.sentences[hit.sentences[0]].start == hit.start
            assert document.sentences[hit.sentences[-1]].end == hit.end


def test_a_document_hit_spans_its_kept_sentences_not_the_date_header(seeds_corpus, indexes):
    hit = indexes["document"].search("ceasefire", k=10, doc_ids="004_55b560d3e012caba")[0]
    document = seeds_corpus["004_55b560d3e012caba"]
    assert hit.start == document.sentences[0].start > 0
    assert not hit.text.lstrip().startswith("date")
    assert hit.sentences == tuple(range(len(document.sentences)))


def test_passages_are_windows_of_consecutive_body_sentences(seeds_corpus):
    index = TfidfIndex("passage", passage_size=3, passage_stride=2).fit(seeds_corpus)
    for document in seeds_corpus:
        body = [sentence.index for sentence in document.body]
        windows = [unit.sentences for unit in index.units if unit.doc_id == document.id]
        assert all(len(window) == 3 for window in windows)
        assert windows[0] == tuple(body[:3]) and windows[-1] == tuple(body[-3:])
        covered = {number for window in windows for number in window}
        assert covered == set(body)
