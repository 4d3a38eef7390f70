"""Fixtures of the question answering tests: answerers over the seeds and articles made here."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer


def corpus_of(texts: dict[str, str], published: date) -> Corpus:
    """A corpus of short articles made here, ``{doc_id: text}``, all published on one day."""
    return Corpus(
        tuple(build_document(text, doc_id, published=published) for doc_id, text in texts.items())
    )


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


@pytest.fixture(scope="module")
def briefing_answerer(full_nlp) -> QuestionAnswerer:
    """Short articles that test how answers are told from their near misses."""
    texts = {
        "summit": (
            "Former Kenyan president Mwai Kibaki opened the trade fair. "
            "Kenyan President William Ruto hosted the summit on trade in Nairobi."
        ),
        "flood": (
            "The flood killed 27 villagers and injured 15 others, officials said. "
            "The relief effort will last three weeks."
        ),
        "accord": (
            "Delegates from 12 countries signed the accord in Lima. "
            "Negotiators met several times in recent months, most recently on 4 June."
        ),
    }
    return QuestionAnswerer(corpus_of(texts, published=date(2023, 6, 20)), nlp=full_nlp)


@pytest.fixture(scope="module")
def reference_answerer(full_nlp) -> QuestionAnswerer:
    """Short articles whose answers hang on a pronoun, a rival host, a written year."""
    texts = {
        "arctic": (
            "Norway pushed for new talks on fishing quotas in the Barents Sea. "
            "In March, it convened the Icelandic trade delegation led by Katrin Jakobsdottir."
        ),
        "andes": (
            "Chile will host the mining conference in mid-June, officials said. "
            "Peru hosted the mining conference in November, its ministry said."
        ),
        "lone": "In May, it hosted the Tanzanian trade delegation led by Amina Mohamed.",
        "fair": "The book fair opened in the Kenyan capital on 12 September in 2018.",
    }
    return QuestionAnswerer(corpus_of(texts, published=date(2023, 5, 14)), nlp=full_nlp)
