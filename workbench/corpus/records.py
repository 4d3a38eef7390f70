"""Files into records, and records into documents: the steps of a load a worker can run.

:func:`read_file` reads one file into records (or why it is skipped);
:func:`document_jobs` gives every record its id, which needs every record at once
(stems that collide keep their paths); :func:`build_one` cleans and splits one
record into a :class:`~workbench.model.Document` (through :func:`build_record`, which a
DataFrame's rows take too). :func:`~workbench.corpus.load.load_corpus`
runs them in one process, and :mod:`workbench.corpus.distributed` maps
:func:`read_file` and :func:`build_one` over batches on Dask workers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from workbench.config import MAX_CORPUS_BYTES_ENV_VAR
from workbench.corpus.decoding import declared_charset, decode_bytes
from workbench.corpus.document import build_document
from workbench.corpus.readers import READERS, ReadResult, Record
from workbench.errors import ReaderError, UndecodableError
from workbench.model import Document, SkippedFile


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file to read, with the path shown to the user."""

    path: Path
    shown: str


@dataclass(frozen=True, slots=True)
class ReadRecord:
    """A record read from a file, with the file and the encoding that decoded it."""

    item: FoundFile
    record: Record
    encoding: str | None


def _megabytes(size: int) -> str:
    """``52428800`` -> ``"52.4 MB"``; sizes under a megabyte in bytes, so a limit never reads 0."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size:,} bytes"


def read_file(item: FoundFile, max_file_bytes: int) -> tuple[str | None, ReadResult]:
    """Read one file into records and say which encoding decoded it.

    Every failure becomes a :class:`SkippedFile` with its reason, never an exception.
    """
    path = item.path
    try:
        size = path.stat().st_size
        if size == 0:  # empty, or a file whose size the system cannot tell (/proc)
            return None, [SkippedFile(item.shown, "empty file")]
        if size > max_file_bytes:
            reason = f"too large: {_megabytes(size)}, over the {_megabytes(max_file_bytes)} limit"
            return None, [SkippedFile(item.shown, reason)]
        data = path.read_bytes()
        html = path.suffix.lower() in {".html", ".htm"}
        decoded = decode_bytes(data, declared=declared_charset(data) if html else None)
        results = READERS[path.suffix.lower()](path, decoded.text)
    except (UndecodableError, ReaderError) as error:
        return None, [SkippedFile(item.shown, str(error))]
    except OSError as error:
        return None, [SkippedFile(item.shown, f"cannot read: {error.strerror or error}")]
    except RecursionError:
        return None, [SkippedFile(item.shown, "too deeply nested to read")]
    prefix = str(path)
    return decoded.encoding, [
        SkippedFile(item.shown + result.path.removeprefix(prefix), result.reason)
        if isinstance(result, SkippedFile)
        else result
        for result in results
    ]


def within_total(
    found: list[FoundFile], max_file_bytes: int, max_corpus_bytes: int
) -> tuple[list[FoundFile], list[SkippedFile]]:
    """The files to read, in order, while their sizes add up to at most ``max_corpus_bytes``.

    A file that would take the total past the limit is skipped with a reason
    (a smaller one after it may still fit). Files :func:`read_file` will skip
    anyway (empty, over ``max_file_bytes``, or whose size cannot be read) are
    kept for it to report, and do not count.

    Examples
    --------
    >>> within_total([], 10, 100)
    ([], [])
    """
    kept: list[FoundFile] = []
    skipped: list[SkippedFile] = []
    total = 0
    for item in found:
        try:
            size = item.path.stat().st_size
        except OSError:
            size = 0
        if not 0 < size <= max_file_bytes:
            kept.append(item)
        elif total + size > max_corpus_bytes:
            reason = (
                f"past the corpus size limit: {_megabytes(total)} read already, and this "
                f"file's {_megabytes(size)} would pass the {_megabytes(max_corpus_bytes)} limit "
                f"({MAX_CORPUS_BYTES_ENV_VAR} sets another)"
            )
            skipped.append(SkippedFile(item.shown, reason))
        else:
            total += size
            kept.append(item)
    return kept, skipped


def add_read(
    item: FoundFile,
    read: tuple[str | None, ReadResult],
    records: list[ReadRecord],
    skipped: list[SkippedFile],
) -> None:
    """Sort one file's :func:`read_file` result into ``records`` and ``skipped``."""
    encoding, results = read
    for result in results:
        if isinstance(result, SkippedFile):
            skipped.append(result)
        else:
            records.append(ReadRecord(item, result, encoding))


def build_documents(
    records: list[ReadRecord], root: Path, skipped: list[SkippedFile]
) -> list[Document]:
    """Every record as a document, in order; what cannot be one joins ``skipped``."""
    jobs = document_jobs(records, root, skipped)
    return kept_documents([build_one(read, doc_id) for read, doc_id in jobs], skipped)


def document_jobs(
    records: list[ReadRecord], root: Path, skipped: list[SkippedFile]
) -> list[tuple[ReadRecord, str]]:
    """Each record to build, with its id; a record whose id is taken is skipped."""
    jobs = []
    seen: set[str] = set()
    for read, doc_id in zip(records, document_ids(records, root), strict=True):
        if doc_id in seen:
            skipped.append(SkippedFile(read.item.shown, f"duplicate document id {doc_id!r}"))
            continue
        seen.add(doc_id)
        jobs.append((read, doc_id))
    return jobs


def build_one(read: ReadRecord, doc_id: str) -> Document | SkippedFile:
    """One record as a document (cleaned and split), or why it holds no article text."""
    return build_record(
        read.record, doc_id, read.item.shown, path=read.item.path, encoding=read.encoding
    )


def build_record(
    record: Record,
    doc_id: str,
    shown: str,
    *,
    path: Path | None = None,
    encoding: str | None = None,
) -> Document | SkippedFile:
    """``record`` as a document, or why it holds no article text (as ``shown``).

    The one step every record takes, from a file or from a DataFrame's row
    (:mod:`workbench.corpus.dataframe`), so both are cleaned and split alike.
    """
    document = build_document(
        record.text,
        doc_id,
        title=record.title,
        published=record.published,
        source=record.source,
        url=record.url,
        path=path,
        encoding=encoding,
        body_start=record.body_start,
    )
    if not document.sentences:
        return SkippedFile(shown, "no article text after cleaning")
    return document


def kept_documents(
    built: list[Document | SkippedFile], skipped: list[SkippedFile]
) -> list[Document]:
    """The documents built, in order; what holds no text joins ``skipped``."""
    documents = []
    for result in built:
        if isinstance(result, SkippedFile):
            skipped.append(result)
        else:
            documents.append(result)
    return documents


def document_ids(records: list[ReadRecord], root: Path) -> list[str]:
    """Stable ids: the record's own id, else the file stem, else the path when stems collide.

    The path is written without its suffix ("2019/talks"), and with it when that
    still collides ("a.txt" beside "a.md"), so no file is lost as a duplicate.
    """
    stems = [read.record.id or _printable_stem(read.item.path.stem) for read in records]
    counts = Counter(stems)
    paths: list[str | None] = []
    for read, stem in zip(records, stems, strict=True):
        if counts[stem] > 1 and read.record.id is None and root.is_dir():
            paths.append(read.item.path.relative_to(root).with_suffix("").as_posix())
        else:
            paths.append(None)
    path_counts = Counter(path for path in paths if path is not None)
    ids: list[str] = []
    for read, stem, path in zip(records, stems, paths, strict=True):
        if path is None:
            ids.append(stem)
        elif path_counts[path] > 1:
            ids.append(read.item.path.relative_to(root).as_posix())
        else:
            ids.append(path)
    return ids


def _printable_stem(stem: str) -> str:
    """A file stem as an id: bytes that are not UTF-8 written as %XX ("caf%E9")."""
    return "".join(
        f"%{ord(char) - 0xDC00:02X}" if 0xDC80 <= ord(char) <= 0xDCFF else char for char in stem
    )


def nothing_readable(root: Path, skipped: list[SkippedFile]) -> str:
    """The error of a folder with no readable article: the commonest reasons, counted."""
    if not skipped:
        return f"No documents in {root}: the folder is empty."
    reasons = Counter(item.reason for item in skipped)
    listed = "; ".join(f"{count} x {reason}" for reason, count in reasons.most_common(5))
    return f"No readable documents in {root} ({len(skipped)} skipped: {listed})."
