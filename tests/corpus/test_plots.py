"""How long the articles are: a bar a document while they are few, a histogram past that."""

from __future__ import annotations

import matplotlib

from workbench.corpus.document import build_document
from workbench.corpus.plots import MAX_BARS, plot_lengths
from workbench.model import Corpus

matplotlib.use("Agg")


def test_a_few_documents_get_a_bar_each_named_by_id(seeds_corpus):
    ax = plot_lengths(seeds_corpus)
    assert len(ax.patches) == len(seeds_corpus)
    assert [label.get_text() for label in ax.get_yticklabels()] == list(seeds_corpus.ids)


def test_many_documents_get_a_histogram_not_a_smear():
    documents = tuple(
        build_document("Talks went on. " * (1 + number % 50), f"d{number}")
        for number in range(MAX_BARS * 10)
    )
    ax = plot_lengths(Corpus(documents))
    assert len(ax.patches) <= 30 and "documents" in ax.get_ylabel()
    assert sum(patch.get_height() for patch in ax.patches) == len(documents)
