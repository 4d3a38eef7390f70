"""Building a corpus on Dask: reading, cleaning, splitting and annotation on workers.

:func:`load_on_dask` is what :func:`~workbench.corpus.load.load_corpus` runs
when given ``workers`` (a :class:`distributed.LocalCluster` of that many
processes) or ``scheduler`` (the address of a running Dask scheduler, on a
cluster). The steps are the single-process load's own functions, mapped over
batches:

1. the files found are read in batches on the workers (decoding, one reader a
   format), each file's failures becoming skipped files there as they do locally;
2. the document ids are given on the client, which sees every record, so they
   are the ids the single-process load gives;
3. the records are cleaned and split into sentences in batches on the workers,
   and, with ``annotate``, their entities found there with the same cached
   :func:`workbench.nlp.pipeline.annotate`: each worker loads spaCy once and
   reads and fills the same content-keyed cache, whose folder the workers must
   reach (a shared folder on a cluster).

The result is the single-process load's, document for document. A batch whose
worker dies is run again (Dask's ``retries``); a cache entry is written
atomically or not at all, so a failed run leaves none half-written. Nothing
here is imported unless ``workers`` or ``scheduler`` is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from workbench.cluster import dask_client
from workbench.corpus.records import (
    FoundFile,
    ReadRecord,
    add_read,
    build_one,
    document_jobs,
    kept_documents,
    nothing_readable,
    read_file,
)
from workbench.errors import CorpusError
from workbench.model import Corpus, Document, SkippedFile

if TYPE_CHECKING:
    from distributed import Client

#: Files (then records) a task reads or builds: big enough to amortise a task's cost.
BATCH_SIZE = 32

#: How many times Dask runs a batch again when its worker dies.
RETRIES = 2

_Item = TypeVar("_Item")


def load_on_dask(
    root: Path,
    found: list[FoundFile],
    skipped: list[SkippedFile],
    *,
    annotate: bool,
    cache_dir: str | None,
    max_file_bytes: int,
    workers: int | None,
    scheduler: str | None,
    progress: bool,
    batch_size: int = BATCH_SIZE,
) -> Corpus:
    """Read, build and (with ``annotate``) annotate ``found`` on Dask; see the module notes."""
    with dask_client(workers, scheduler) as client:
        read = _run(client, _read_batch, _batches(found, batch_size), progress, max_file_bytes)
        records: list[ReadRecord] = []
        for item, result in zip(found, read, strict=True):
            add_read(item, result, records, skipped)
        jobs = document_jobs(records, root, skipped)
        cache = cache_dir if annotate else None
        built = _run(client, _build_batch, _batches(jobs, batch_size), progress, cache)
    documents = kept_documents(built, skipped)
    if not documents:
        raise CorpusError(nothing_readable(root, skipped))
    return Corpus(tuple(documents), tuple(skipped), root)


def _batches(items: Sequence[_Item], size: int) -> list[list[_Item]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def _run(client: Client, function, batches: list, progress: bool, *arguments) -> list:
    """``function(batch, *arguments)`` for every batch on the workers; the results in order."""
    futures = client.map(
        function, batches, *([argument] * len(batches) for argument in arguments),
        retries=RETRIES, pure=False,
    )  # fmt: skip
    if progress:
        from distributed import progress as show_progress

        show_progress(futures)
    return [result for batch in client.gather(futures) for result in batch]


def _read_batch(items: list[FoundFile], max_file_bytes: int) -> list:
    """On a worker: each file's encoding and records, or why it was skipped."""
    return [read_file(item, max_file_bytes) for item in items]


def _build_batch(jobs: list[tuple[ReadRecord, str]], cache_dir: str | None) -> list:
    """On a worker: each record as a document, annotated when ``cache_dir`` is given.

    ``cache_dir`` is ``None`` for no annotation, ``""`` to annotate without a
    cache, or the cache folder shared with the client.
    """
    built = [build_one(read, doc_id) for read, doc_id in jobs]
    if cache_dir is None:
        return built
    from workbench.nlp.pipeline import annotate

    documents = [result for result in built if isinstance(result, Document)]
    if not documents:
        return built
    annotated = iter(annotate(Corpus(tuple(documents)), cache_dir=cache_dir, progress=False))
    return [next(annotated) if isinstance(result, Document) else result for result in built]
