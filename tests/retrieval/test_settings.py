"""An index's settings: invalid parameters are refused, and accents and case are folded."""

from __future__ import annotations

import pytest

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex


def test_accents_and_case_are_folded():
    corpus = Corpus((build_document("Delegates met in Zürich for the CAFÉ summit.", "z"),))
    index = TfidfIndex("sentence").fit(corpus)
    assert index.search("zurich cafe")[0].matched_terms == ("zurich", "cafe", "zurich cafe")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"level": "paragraph"},
            "level must be one of document, passage, sentence; got 'paragraph'",
        ),
        ({"passage_size": 0}, "passage_size must be an integer >= 1"),
        ({"passage_size": 2, "passage_stride": 3}, "passage_stride must be an integer from 1 to"),
        ({"ngram_range": (2, 1)}, "ngram_range must be"),
    ],
)
def test_invalid_parameters_are_refused_when_fitting(seeds_corpus, params, message):
    index = TfidfIndex(**params)  # the constructor only stores them
    with pytest.raises(ValueError, match=message):
        index.fit(seeds_corpus)
