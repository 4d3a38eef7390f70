"""Picking a seed article by the start of its id, for the summaries tests."""

from __future__ import annotations

from workbench.model import Corpus


def seed(corpus: Corpus, prefix: str):
    return next(document for document in corpus if document.id.startswith(prefix))
