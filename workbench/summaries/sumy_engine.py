"""Running sumy's own summarizers on the workbench's sentences.

The document model is built from the candidates and headings that
:mod:`workbench.summaries.source` gathered (never re-split by sumy, whose
default tokenizer needs NLTK data), with the workbench's
:class:`~workbench.corpus.segment.SentenceTokenizer` for words, sumy's
``Stemmer("english")`` and ``get_stop_words("english")``. sumy returns only the
chosen sentences; the full ranking is read by handing its
``_get_best_sentences`` a callable count (sumy supports one) that records the
sorted ratings and keeps them all.

Edmundson needs three word lists that sumy leaves to the caller: bonus,
stigma and null words, general lists described in
:mod:`workbench.summaries.edmundson_words`.
"""

from __future__ import annotations

import importlib
import random
import warnings
from typing import Any

import numpy as np

from workbench.corpus.segment import SentenceTokenizer
from workbench.summaries import edmundson_words
from workbench.summaries.methods import REGISTRY
from workbench.summaries.ranking import Ranking
from workbench.summaries.source import SummaryInput
from workbench.summaries.tokens import STOP_WORDS

#: sumy's summarizer class for each method name (module and class in ``sumy.summarizers``),
#: read from the registry (:mod:`workbench.summaries.methods`).
SUMY_SUMMARIZERS: dict[str, tuple[str, str]] = {
    method.name: method.sumy for method in REGISTRY if method.sumy is not None
}


def rank(method: str, source: SummaryInput, query: str | None = None) -> Ranking:
    """Rank the candidates of ``source`` with sumy's own ``method``."""
    if not len(source):
        return Ranking.empty(0)
    summarizer = build_summarizer(method, query)
    recorder = _Recorder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LSA warns when words are fewer than sentences
        summarizer(document_model(source), recorder)
    scores = np.zeros(len(source))
    if recorder.infos is None:
        return Ranking.empty(len(source))
    order = np.array([info.order for info in recorder.infos], dtype=np.int64)
    scores[order] = [float(info.rating) for info in recorder.infos]
    return Ranking(scores, order)


def document_model(source: SummaryInput) -> Any:
    """The sumy document model of the candidates, paragraph by paragraph, with headings."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SentenceTokenizer()
    return ObjectDocumentModel(
        [
            Paragraph([SumySentence(s.text, tokenizer, is_heading=s.is_heading) for s in paragraph])
            for paragraph in source.paragraphs
        ]
    )


def build_summarizer(method: str, query: str | None = None) -> Any:
    """The sumy summarizer for ``method``, configured for English (and ``query``, for Edmundson).

    sumy is imported here, not with the module: its stemmers import NLTK,
    which takes seconds to load.
    """
    from sumy.nlp.stemmers import Stemmer

    module_name, class_name = SUMY_SUMMARIZERS[method]
    module = importlib.import_module(f"sumy.summarizers.{module_name}")
    summarizer_class = getattr(module, class_name)
    if method == "random":
        return _seeded(summarizer_class)()
    stemmer = Stemmer("english")
    if method == "edmundson":
        summarizer = summarizer_class(stemmer)
        summarizer.null_words = edmundson_words.NULL_WORDS
        summarizer.bonus_words = edmundson_words.bonus_words(query)
        summarizer.stigma_words = edmundson_words.STIGMA_WORDS
        return summarizer
    summarizer = summarizer_class(stemmer)
    summarizer.stop_words = STOP_WORDS
    return summarizer


class _Recorder:
    """A callable sentence count: records sumy's sorted ratings and keeps every sentence."""

    def __init__(self) -> None:
        self.infos: list[Any] | None = None

    def __call__(self, infos: list[Any]) -> list[Any]:
        self.infos = list(infos)
        return infos


#: Seed of the ``random`` method: the baseline is a fixed draw, so a summary or an
#: export made twice from the same corpus is the same.
RANDOM_SEED = 0


def _seeded(summarizer_class: type) -> type:
    """The RandomSummarizer of sumy, drawing from its own seeded generator, not the global one."""

    class SeededRandomSummarizer(summarizer_class):
        def _get_random_ratings(self, sentences: list) -> dict:
            ratings = list(range(len(sentences)))
            random.Random(RANDOM_SEED).shuffle(ratings)
            return dict(zip(sentences, ratings, strict=True))

    return SeededRandomSummarizer
