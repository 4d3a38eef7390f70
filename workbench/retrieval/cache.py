"""Saving an index, loading it back, and the cache that finds an index by its corpus's content.

:mod:`workbench.retrieval.store` reads and writes the files (``.npz`` and JSON,
never pickle); this module turns a fitted
:class:`~workbench.retrieval.index.TfidfIndex` into what those files hold and
back, and names each index by a fingerprint of everything that changes it, so
:meth:`~workbench.retrieval.index.TfidfIndex.cached` never reads a stale index
and rebuilds one only when the corpus or the parameters changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sklearn

from workbench.config import VERSION, default_cache_dir
from workbench.errors import IndexFileError
from workbench.model import Corpus, Document
from workbench.retrieval.collapse import DocumentGroups
from workbench.retrieval.store import INDEX_SCHEMA, read_index, write_index
from workbench.retrieval.units import Unit
from workbench.retrieval.weights import fitted_vectorizer

if TYPE_CHECKING:
    from workbench.retrieval.index import TfidfIndex


def corpus_fingerprint(params: dict[str, Any], corpus: Corpus | Iterable[Document]) -> str:
    """The hash naming the index of ``corpus`` built with ``params`` (``get_params()``).

    It covers the index schema, the workbench and scikit-learn versions, the
    parameters, and each document's id, publication date, raw text and
    sentence boundaries: anything that changes a unit, a score or a filter.
    """
    header = {
        "schema": INDEX_SCHEMA,
        "workbench": VERSION,
        "sklearn": sklearn.__version__,
        "params": params,
    }
    digest = hashlib.sha256(json.dumps(header, sort_keys=True).encode())
    for document in corpus:
        published = document.published.isoformat() if document.published else None
        boundaries = [(s.start, s.end, s.is_heading) for s in document.sentences]
        digest.update(json.dumps([document.id, published, boundaries]).encode())
        digest.update(hashlib.sha256(document.raw.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


def save_index(index: TfidfIndex, folder: str | os.PathLike[str]) -> Path:
    """Write the fitted ``index`` to ``folder`` and return the folder: :meth:`TfidfIndex.save`."""
    published = [day.isoformat() if day else None for day in index.published_]
    units = {
        "documents": [
            [doc_id, day, int(group)]
            for doc_id, day, group in zip(index.doc_ids_, published, index.doc_groups_, strict=True)
        ],
        "units": [
            [int(position), list(unit.sentences), unit.start, unit.end, unit.text]
            for position, unit in zip(index.unit_docs_, index.units_, strict=True)
        ],
    }
    vocabulary = sorted(index.vectorizer_.vocabulary_, key=index.vectorizer_.vocabulary_.get)
    manifest = {
        "workbench": VERSION,
        "sklearn": sklearn.__version__,
        "params": index.get_params(),
        "fingerprint": index.fingerprint_,
        "shape": list(index.matrix_.shape),
    }
    return write_index(
        folder,
        manifest=manifest,
        matrix=index.matrix_,
        vocabulary=vocabulary,
        idf=index.vectorizer_.idf_,
        units=units,
    )


def load_index(cls: type[TfidfIndex], folder: str | os.PathLike[str]) -> TfidfIndex:
    """Read an index written by :func:`save_index` (see :meth:`TfidfIndex.load`).

    Raises
    ------
    IndexFileError
        If the folder holds no index, or a file is damaged or inconsistent.
    """
    stored = read_index(folder)
    try:
        params = dict(stored.manifest["params"])
        params["ngram_range"] = tuple(params["ngram_range"])
        index = cls(**params)
        index._validate_params()
        documents = stored.units["documents"]
        doc_ids = tuple(str(doc_id) for doc_id, _, _ in documents)
        published = tuple(date.fromisoformat(day) if day else None for _, day, _ in documents)
        doc_groups = np.array([int(group) for _, _, group in documents], dtype=np.int64)
        if np.any((doc_groups < 0) | (doc_groups >= len(doc_ids))):
            raise ValueError("a near-duplicate group names no document")
        rows = stored.units["units"]
        units = tuple(
            Unit(doc_ids[position], tuple(sentences), int(start), int(end), str(text))
            for position, sentences, start, end, text in rows
        )
        unit_docs = np.array([int(row[0]) for row in rows], dtype=np.int64)
        fingerprint = str(stored.manifest["fingerprint"])
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, OverflowError) as error:
        raise IndexFileError(f"the index in {folder} is damaged: {error!r}") from error
    if len(units) != stored.matrix.shape[0]:
        raise IndexFileError(
            f"the index in {folder} has {len(units)} units but {stored.matrix.shape[0]} rows"
        )
    vocabulary = {term: column for column, term in enumerate(stored.vocabulary)}
    return index._set_state(
        vectorizer=fitted_vectorizer(vocabulary, stored.idf, index.ngram_range, index.sublinear_tf),
        matrix=stored.matrix,
        units=units,
        doc_ids=doc_ids,
        published=published,
        unit_docs=unit_docs,
        doc_groups=DocumentGroups(groups=doc_groups),
        fingerprint=fingerprint,
    )


def cached_index(
    cls: type[TfidfIndex],
    corpus: Corpus | Iterable[Document],
    level: str,
    *,
    cache_dir: str | os.PathLike[str] | None,
    **params: Any,
) -> TfidfIndex:
    """The index of ``corpus`` from the cache, or built and cached: :meth:`TfidfIndex.cached`."""
    documents = list(corpus)
    index = cls(level, **params)
    index._validate_params()
    folder = Path(default_cache_dir() if cache_dir is None else cache_dir) / "index"
    folder /= index.fingerprint(documents)
    if (folder / "index.json").is_file():
        with contextlib.suppress(IndexFileError):
            loaded = cls.load(folder)
            if loaded.fingerprint_ == folder.name and loaded.get_params() == index.get_params():
                return loaded
    index.fit(documents)
    with contextlib.suppress(OSError):
        index.save(folder)
    return index
