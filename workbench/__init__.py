"""workbench: search, summarise and question a folder of news articles, citing every answer.

The public API, re-exported here so notebooks need one import::

    from workbench import load_corpus
    corpus = load_corpus("seeds/", annotate=True)
"""

from workbench.corpus import load_corpus
from workbench.document import build_document
from workbench.errors import CorpusError, PipelineNotInstalledError, WorkbenchError
from workbench.model import Corpus, Document, Entity, RemovedSpan, Sentence, SkippedFile
from workbench.nlp import annotate, load_pipeline
from workbench.segment import SentenceTokenizer, split_sentences

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "CorpusError",
    "Document",
    "Entity",
    "PipelineNotInstalledError",
    "RemovedSpan",
    "Sentence",
    "SentenceTokenizer",
    "SkippedFile",
    "WorkbenchError",
    "annotate",
    "build_document",
    "load_corpus",
    "load_pipeline",
    "split_sentences",
]
