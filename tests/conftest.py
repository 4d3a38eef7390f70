"""Shared fixtures: the seed corpus, plain and annotated, and the spaCy pipeline.

Everything expensive is session-scoped, so spaCy loads once per test run.
Fixtures are grouped by what they provide; add new ones under a heading of their own.
"""

from __future__ import annotations

import pytest

from workbench import load_corpus
from workbench.model import Corpus

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
