"""Search results: a DataFrame with the shared columns, and the notebook view."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex


def test_hits_become_a_dataframe_with_the_shared_columns(indexes):
    frame = indexes["sentence"].search("talks in Moscow", k=4).to_frame()
    assert list(frame.columns)[:5] == ["rank", "doc_id", "score", "start", "end"]
    assert {"sentence", "text", "matched_terms"} <= set(frame.columns)
    assert frame["rank"].tolist() == [1, 2, 3, 4]
    assert frame["sentence"].tolist() == [hit.sentences[0] for hit in frame.itertuples()]


def test_the_notebook_view_highlights_matched_terms_and_escapes_html():
    text = "Envoys said <b>talks</b> in Moscow & Kabul would go on."
    index = TfidfIndex("sentence").fit(Corpus((build_document(text, "html"),)))
    page = index.search("talks in Moscow")._repr_html_()
    assert "&lt;b&gt;<mark>talks</mark>&lt;/b&gt;" in page
    assert "<mark>Moscow</mark> &amp; Kabul" in page
    assert "<b>" not in page and "<mark>Envoys</mark>" not in page


def test_the_notebook_view_of_a_long_hit_shows_a_window_round_the_first_match(indexes):
    page = indexes["document"].search("Tajikistan", k=1)._repr_html_()
    assert "<mark>Tajikistan</mark>" in page and "…" in page
    assert len(page) < 2000
