"""The Summary result: text, HTML, a frame and a dictionary."""

from __future__ import annotations

from workbench.summaries import Summary, summarise


def test_a_summary_shows_itself_as_text_html_and_a_frame(seeds_corpus):
    summary = summarise(seeds_corpus, sentences=3)
    assert isinstance(summary, Summary)
    assert summary.sentences[0].text in summary.text
    assert summary.sentences[0].doc_id in summary._repr_html_()
    assert repr(summary).startswith("<Summary by textrank-cosine (fast): 3 sentences")
    assert summary.as_dict()["sentences"][0]["doc_id"] == summary.sentences[0].doc_id
