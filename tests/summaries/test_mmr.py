"""Several documents: redundancy control keeps two articles' versions of a sentence apart."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.summaries import summarise


def test_a_multi_document_summary_does_not_pick_near_duplicates_from_different_articles():
    shared = "Russia will host peace talks with the Taliban in Moscow on Friday, officials said."
    near = "Russia will host peace talks with the Taliban in Moscow on Friday, an official said."
    first = build_document(
        f"{shared} The Afghan government has not yet confirmed its participation in the talks. "
        "Envoys from twelve countries are expected to attend the peace talks in Moscow.",
        "first",
    )
    second = build_document(
        f"{near} Pakistan and China said they would send delegations to the talks. "
        f"{shared} The Taliban delegation will travel from its political office in Doha.",
        "second",
    )
    for method in ("textrank-cosine", "textrank", "reduction", "lexrank"):
        summary = summarise([first, second], method=method, sentences=3)
        texts = [s.text for s in summary]
        assert not (shared in texts and near in texts), method
        assert texts.count(shared) <= 1
        for s in summary:
            document = first if s.doc_id == "first" else second
            assert document.raw[s.start : s.end] == s.text
