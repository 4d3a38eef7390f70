"""Fixtures of the retrieval tests: an index of the seeds at every level, and a dated corpus."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.units import LEVELS


@pytest.fixture(scope="module")
def indexes(seeds_corpus: Corpus) -> dict[str, TfidfIndex]:
    return {level: TfidfIndex(level).fit(seeds_corpus) for level in LEVELS}


@pytest.fixture(scope="module")
def dated_corpus() -> Corpus:
    texts = [
        ("early", "Envoys held talks in Moscow on trade.", date(2019, 3, 1)),
        ("middle", "Talks in Moscow ended without a deal.", date(2020, 6, 15)),
        ("late", "Moscow talks resumed after a pause.", date(2021, 9, 30)),
        ("undated", "Talks in Moscow were mentioned again.", None),
    ]
    return Corpus(tuple(build_document(text, doc_id, published=day) for doc_id, text, day in texts))
