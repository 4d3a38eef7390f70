"""workbench: search, summarise and question a folder of news articles, citing every answer.

The public API, re-exported here so notebooks need one import::

    from workbench import load_corpus, search, summarise, ask, extract_events
    corpus = load_corpus("seeds/")

The corpus model is imported at once; the heavier parts (scikit-learn retrieval,
summaries, question answering, events) load on first use, so ``workbench corpus``
and ``import workbench`` stay quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from workbench.config import VERSION
from workbench.corpus.document import build_document
from workbench.corpus.load import load_corpus
from workbench.corpus.segment import SentenceTokenizer, split_sentences
from workbench.errors import CorpusError, PipelineNotInstalledError, QueryError, WorkbenchError
from workbench.model import Corpus, Document, Entity, RemovedSpan, Sentence, SkippedFile
from workbench.nlp.pipeline import annotate, load_pipeline

if TYPE_CHECKING:
    from workbench.dates.resolve import ResolvedDate, resolve_date
    from workbench.events.extract import Event, EventTable, extract_events
    from workbench.export.briefing import Briefing, build_briefing, write_briefing
    from workbench.qa.answer import Answer, Evidence
    from workbench.qa.answerer import QuestionAnswerer, ask
    from workbench.qa.question_file import Question, load_questions
    from workbench.retrieval.hits import Hit, SearchResult
    from workbench.retrieval.index import TfidfIndex, search
    from workbench.summaries import Summary, SummarySentence, summarise

__version__ = VERSION

#: Names loaded on first use, and the module each comes from.
_LAZY = {
    "Answer": "workbench.qa.answer",
    "Evidence": "workbench.qa.answer",
    "Event": "workbench.events.extract",
    "EventTable": "workbench.events.extract",
    "extract_events": "workbench.events.extract",
    "Briefing": "workbench.export.briefing",
    "build_briefing": "workbench.export.briefing",
    "write_briefing": "workbench.export.briefing",
    "Hit": "workbench.retrieval.hits",
    "SearchResult": "workbench.retrieval.hits",
    "QuestionAnswerer": "workbench.qa.answerer",
    "ask": "workbench.qa.answerer",
    "Question": "workbench.qa.question_file",
    "load_questions": "workbench.qa.question_file",
    "TfidfIndex": "workbench.retrieval.index",
    "search": "workbench.retrieval.index",
    "Summary": "workbench.summaries",
    "SummarySentence": "workbench.summaries",
    "summarise": "workbench.summaries",
    "ResolvedDate": "workbench.dates.resolve",
    "resolve_date": "workbench.dates.resolve",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")


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
    "SkippedFile",
    "Summary",
    "SummarySentence",
    "TfidfIndex",
    "WorkbenchError",
    "annotate",
    "ask",
    "build_briefing",
    "build_document",
    "extract_events",
    "load_corpus",
    "load_pipeline",
    "load_questions",
    "resolve_date",
    "search",
    "split_sentences",
    "summarise",
    "write_briefing",
]
