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

from workbench.corpus import load_corpus
from workbench.document import build_document
from workbench.errors import CorpusError, PipelineNotInstalledError, QueryError, WorkbenchError
from workbench.model import Corpus, Document, Entity, RemovedSpan, Sentence, SkippedFile
from workbench.nlp import annotate, load_pipeline
from workbench.segment import SentenceTokenizer, split_sentences

if TYPE_CHECKING:
    from workbench.answer import Answer, Evidence
    from workbench.events import Event, EventTable, extract_events
    from workbench.export import Briefing, build_briefing, write_briefing
    from workbench.hits import Hit, SearchResult
    from workbench.qa import QuestionAnswerer, ask
    from workbench.questions import Question, load_questions
    from workbench.retrieval import TfidfIndex, search
    from workbench.summarise import Summary, SummarySentence, summarise
    from workbench.temporal import ResolvedDate, resolve_date

__version__ = "0.1.0"

#: Names loaded on first use, and the module each comes from.
_LAZY = {
    "Answer": "workbench.answer",
    "Evidence": "workbench.answer",
    "Event": "workbench.events",
    "EventTable": "workbench.events",
    "extract_events": "workbench.events",
    "Briefing": "workbench.export",
    "build_briefing": "workbench.export",
    "write_briefing": "workbench.export",
    "Hit": "workbench.hits",
    "SearchResult": "workbench.hits",
    "QuestionAnswerer": "workbench.qa",
    "ask": "workbench.qa",
    "Question": "workbench.questions",
    "load_questions": "workbench.questions",
    "TfidfIndex": "workbench.retrieval",
    "search": "workbench.retrieval",
    "Summary": "workbench.summarise",
    "SummarySentence": "workbench.summarise",
    "summarise": "workbench.summarise",
    "ResolvedDate": "workbench.temporal",
    "resolve_date": "workbench.temporal",
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
