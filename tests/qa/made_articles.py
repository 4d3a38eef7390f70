"""Corpora of short articles made in the tests, for the answerers of the conftest files."""

from __future__ import annotations

from datetime import date

from workbench.corpus.document import build_document
from workbench.model import Corpus


def corpus_of(texts: dict[str, str], published: date) -> Corpus:
    """A corpus of short articles made here, ``{doc_id: text}``, all published on one day."""
    return Corpus(
        tuple(build_document(text, doc_id, published=published) for doc_id, text in texts.items())
    )
