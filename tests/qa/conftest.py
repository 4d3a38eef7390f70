"""Fixtures of the question answering tests: answerers over articles made here.

The answerers over the seeds and over the harbour articles are shared with the tests of
the QA evaluation, so they are in ``tests/conftest.py``.
"""

from __future__ import annotations

from datetime import date

import pytest
from qa.made_articles import corpus_of

from workbench.qa.answerer import QuestionAnswerer


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
