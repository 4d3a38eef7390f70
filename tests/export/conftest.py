"""Fixtures of the export tests: briefings of the seeds and of hostile texts, built once a run."""

from __future__ import annotations

import pytest
from export.briefing_checks import HOSTILE_QUESTIONS, hostile_corpus

from workbench.export import Briefing, build_briefing
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer


@pytest.fixture(scope="session")
def seeds_briefing(seeds_corpus, full_nlp) -> Briefing:
    """The default briefing on the seeds, built once (QA, summaries and events are slow)."""
    return build_briefing(seeds_corpus, answerer=QuestionAnswerer(seeds_corpus, nlp=full_nlp))


@pytest.fixture(scope="session")
def hostile() -> Corpus:
    return hostile_corpus()


@pytest.fixture(scope="session")
def hostile_briefing(hostile, full_nlp) -> Briefing:
    return build_briefing(
        hostile,
        questions=HOSTILE_QUESTIONS,
        title="Briefing # on *talks* <b>x</b>\n# injected |",
        answerer=QuestionAnswerer(hostile, nlp=full_nlp),
        sentences=2,
    )
