"""workbench: search, summarise and question a folder of news articles, citing every answer.

The public API, re-exported here so notebooks need one import::

    from workbench import load_corpus, search, summarise, ask, extract_events
    corpus = load_corpus("seeds/")

Every name loads on first use (the corpus model, scikit-learn retrieval,
summaries, question answering, events), so ``import workbench`` takes a few
milliseconds and the command line can guard its own imports
(:mod:`workbench.__main__`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from workbench.config import VERSION

if TYPE_CHECKING:
    from workbench.corpus.document import build_document
    from workbench.corpus.load import load_corpus
    from workbench.corpus.plots import plot_lengths
    from workbench.corpus.segment import SentenceTokenizer, split_sentences
    from workbench.dates import ResolvedDate, resolve_date
    from workbench.errors import (
        CorpusError,
        PipelineNotInstalledError,
        QueryError,
        WorkbenchError,
    )
    from workbench.events import Event, EventTable, extract_events
    from workbench.export import Briefing, build_briefing, write_briefing
    from workbench.model import Corpus, Document, Entity, RemovedSpan, Sentence, SkippedFile
    from workbench.nlp.pipeline import annotate, load_pipeline
    from workbench.notebook import answer_follow_ups, follow_up_questions, question_box
    from workbench.qa import (
        Answer,
        Evidence,
        Question,
        QuestionAnswerer,
        answers_frame,
        ask,
        load_questions,
    )
    from workbench.retrieval import Hit, SearchResult, ShardedTfidfIndex, TfidfIndex, search
    from workbench.summaries import Summary, SummarySentence, summarise

__version__ = VERSION

#: Names loaded on first use, and the subpackage each comes from.
_LAZY = {
    "build_document": "workbench.corpus.document",
    "load_corpus": "workbench.corpus.load",
    "plot_lengths": "workbench.corpus.plots",
    "SentenceTokenizer": "workbench.corpus.segment",
    "split_sentences": "workbench.corpus.segment",
    "CorpusError": "workbench.errors",
    "PipelineNotInstalledError": "workbench.errors",
    "QueryError": "workbench.errors",
    "WorkbenchError": "workbench.errors",
    "Corpus": "workbench.model",
    "Document": "workbench.model",
    "Entity": "workbench.model",
    "RemovedSpan": "workbench.model",
    "Sentence": "workbench.model",
    "SkippedFile": "workbench.model",
    "annotate": "workbench.nlp.pipeline",
    "load_pipeline": "workbench.nlp.pipeline",
    "Answer": "workbench.qa",
    "answers_frame": "workbench.qa",
    "Evidence": "workbench.qa",
    "Question": "workbench.qa",
    "QuestionAnswerer": "workbench.qa",
    "ask": "workbench.qa",
    "load_questions": "workbench.qa",
    "Event": "workbench.events",
    "EventTable": "workbench.events",
    "extract_events": "workbench.events",
    "Briefing": "workbench.export",
    "build_briefing": "workbench.export",
    "write_briefing": "workbench.export",
    "Hit": "workbench.retrieval",
    "SearchResult": "workbench.retrieval",
    "ShardedTfidfIndex": "workbench.retrieval",
    "TfidfIndex": "workbench.retrieval",
    "search": "workbench.retrieval",
    "Summary": "workbench.summaries",
    "SummarySentence": "workbench.summaries",
    "summarise": "workbench.summaries",
    "ResolvedDate": "workbench.dates",
    "resolve_date": "workbench.dates",
    "answer_follow_ups": "workbench.notebook",
    "follow_up_questions": "workbench.notebook",
    "question_box": "workbench.notebook",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, loaded or not, so a notebook completes them before first use."""
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Answer",
    "Briefing",
    "Corpus",
    "CorpusError",
    "Document",
    "Entity",
    "Event",
    "EventTable",
    "Evidence",
    "Hit",
    "PipelineNotInstalledError",
    "QueryError",
    "Question",
    "QuestionAnswerer",
    "RemovedSpan",
    "ResolvedDate",
    "SearchResult",
    "Sentence",
    "SentenceTokenizer",
    "ShardedTfidfIndex",
    "SkippedFile",
    "Summary",
    "SummarySentence",
    "TfidfIndex",
    "WorkbenchError",
    "annotate",
    "answer_follow_ups",
    "answers_frame",
    "ask",
    "build_briefing",
    "build_document",
    "extract_events",
    "follow_up_questions",
    "load_corpus",
    "load_pipeline",
    "load_questions",
    "plot_lengths",
    "question_box",
    "resolve_date",
    "search",
    "split_sentences",
    "summarise",
    "write_briefing",
]
