"""Shared fixtures: the seed corpus, plain and annotated, the spaCy pipeline, the answerers
and the events that the tests of a feature and of its evaluation both use.

Everything expensive is session-scoped, so spaCy loads once per test run.
Fixtures are grouped by what they provide; add new ones under a heading of their own.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from qa.made_articles import corpus_of

from workbench import load_corpus
from workbench.events import extract_events
from workbench.events.table import EventTable
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer

# --- The seed corpus -------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds_corpus() -> Corpus:
    """The five seed articles, loaded without annotations."""
    return load_corpus()


@pytest.fixture(scope="session")
def annotated_seeds(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The seeds with spaCy entities, cached in a folder of this test session."""
    return load_corpus(annotate=True, cache_dir=tmp_path_factory.mktemp("entity-cache"))


# --- NLP -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline with only what entity recognition needs (loaded once)."""
    from workbench.nlp.pipeline import load_pipeline

    return load_pipeline("ner")


@pytest.fixture(scope="session")
def full_nlp():
    """The full English pipeline (tagger, parser, lemmatizer, NER), loaded once."""
    from workbench.nlp.pipeline import load_pipeline

    return load_pipeline("full")


# --- Question answering ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_answerer(seeds_corpus, full_nlp) -> QuestionAnswerer:
    return QuestionAnswerer(seeds_corpus, nlp=full_nlp)


@pytest.fixture(scope="module")
def harbour_corpus() -> Corpus:
    """Three short articles with other hosts, places, dates and numbers."""
    texts = {
        "harbour": (
            "Norway hosted a climate summit in Bergen on Friday. "
            "The summit was opened by Prime Minister Erna Solberg. "
            "About 300 delegates from 40 countries attended the meeting."
        ),
        "rail": (
            "The European Commission approved a rail link between Lisbon and Madrid. "
            "Construction of the line will cost 4 billion euros, officials said on Monday."
        ),
        "mine": (
            "Rescuers in Chile freed 12 miners trapped underground near Copiapo. "
            "The operation was led by engineer Andre Sougarret."
        ),
    }
    return corpus_of(texts, published=date(2023, 5, 14))


@pytest.fixture(scope="module")
def harbour_answerer(harbour_corpus, full_nlp) -> QuestionAnswerer:
    return QuestionAnswerer(harbour_corpus, nlp=full_nlp)


# --- Events ----------------------------------------------------------------------------

# The analyst's table for the seeds (../shared/eval/seeds_events.json), copied here because
# ../shared may be absent: any of the hosts, any of the date expressions, the document.
SEED_EVENTS = [
    (["Moscow", "Russia"], ["November 9"], "000_258fbde797f3b430"),
    (["Russia", "Moscow"], ["April 2017"], "000_258fbde797f3b430"),
    (["Moscow", "Russia"], ["April 14", "mid-April"], "001_30f9a38c05a6a4cc"),
    (["Pakistan", "Islamabad"], ["October"], "002_2d519cff5749e0aa"),
    (["Russia", "Moscow"], ["Tuesday"], "003_daaee59f7b39963c"),
    (["Qatar", "Doha"], ["September 12", "September 12 in 2019"], "004_55b560d3e012caba"),
    (["Qatar", "Doha"], ["July 17", "2021-07-17"], "004_55b560d3e012caba"),
]


@pytest.fixture(scope="session")
def seed_events(seeds_corpus, full_nlp) -> EventTable:
    return extract_events(seeds_corpus, nlp=full_nlp)


@pytest.fixture(scope="session")
def expected_file(tmp_path_factory):
    rows = [{"host": h, "what": "", "when": w, "doc": d} for h, w, d in SEED_EVENTS]
    path = tmp_path_factory.mktemp("events") / "expected.json"
    path.write_text(json.dumps({"events": rows}), encoding="utf-8")
    return path
