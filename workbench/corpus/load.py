"""Loading a folder of articles into a :class:`~workbench.model.Corpus`.

:func:`load_corpus` walks a folder (recursively, following symbolic links but
never round a loop), reads every supported file with the reader for its suffix,
and builds one document per article. A file that cannot be read (empty, binary,
undecodable, too large, past the corpus's total size limit, malformed) is skipped
and listed with its reason; the rest of the corpus loads. Only a missing path or a
folder with no readable article is an error.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

from workbench.config import (
    DEFAULT_CORPUS,
    MAX_CORPUS_BYTES,
    MAX_CORPUS_BYTES_ENV_VAR,
    MAX_FILE_BYTES,
    MAX_FILE_BYTES_ENV_VAR,
    default_cache_dir,
    size_limit,
)
from workbench.corpus.readers import READERS
from workbench.corpus.records import (
    FoundFile,
    ReadRecord,
    add_read,
    build_documents,
    nothing_readable,
    read_file,
    within_total,
)
from workbench.errors import CorpusError
from workbench.model import Corpus, SkippedFile
from workbench.terminal import progress_bar, progress_wanted

#: Folders that hold tooling, not articles: skipped without being listed.
_IGNORED_FOLDERS = frozenset({"__pycache__", "node_modules"})


def load_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    annotate: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    max_file_bytes: int | None = None,
    max_corpus_bytes: int | None = None,
    follow_links: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Corpus:
    """Read every article under ``path`` into a corpus.

    Parameters
    ----------
    path : str or path-like, optional
        A folder (read recursively) or a single file. Defaults to the project's
        ``seeds/``.
    annotate : bool, default False
        Also find named entities with spaCy (cached on disk, see
        :func:`workbench.nlp.pipeline.annotate`).
    cache_dir : path-like, optional
        Where annotations are cached; see :func:`workbench.config.default_cache_dir`.
    progress : bool, optional
        Show a progress bar. By default only when standard error is a terminal.
    max_file_bytes : int, optional
        Files larger than this (bytes) are skipped with a reason instead of being
        read. By default ``$WORKBENCH_MAX_FILE_BYTES``, else
        :data:`~workbench.config.MAX_FILE_BYTES` (64 MiB).
    max_corpus_bytes : int, optional
        The files read add up to at most this many bytes; each file that would
        take the total past it is skipped with a reason (in path order, so the
        same folder always loads the same files). By default
        ``$WORKBENCH_MAX_CORPUS_BYTES``, else :data:`~workbench.config.MAX_CORPUS_BYTES`
        (512 MiB).
    follow_links : bool, default False
        Follow symbolic links to files and folders outside ``path``; by default
        they are skipped with a reason, so a corpus never reads ``/etc/passwd``.
    workers : int, optional
        Read, clean, split and annotate on a local Dask cluster of this many
        worker processes (:mod:`workbench.corpus.distributed`); the corpus is the
        one a single process builds.
    scheduler : str, optional
        The address of a running Dask scheduler ("tcp://host:8786") to do the
        same on its cluster; its workers must reach ``path`` and ``cache_dir``.

    Returns
    -------
    Corpus
        The documents in path order, and the skipped files with their reasons.

    Raises
    ------
    CorpusError
        If ``path`` does not exist or nothing under it could be read, or a
        limit's environment variable is not a whole number of bytes.
    ClusterError
        If ``workers`` or ``scheduler`` is given and Dask is not installed, the
        worker count is not a positive whole number, or the scheduler cannot be reached.

    Examples
    --------
    >>> corpus = load_corpus()  # the seeds
    >>> len(corpus), corpus["004_55b560d3e012caba"].published
    (5, datetime.date(2021, 7, 17))
    """
    root = Path(DEFAULT_CORPUS if path is None else path).expanduser()
    try:
        exists = root.exists()
    except OSError as error:  # a name longer than the system allows, say
        shown = str(root) if len(str(root)) <= 80 else f"{str(root)[:77]}..."
        raise CorpusError(f"cannot open the corpus {shown}: {error.strerror or error}") from None
    if not exists:
        kind = "file or folder" if root.suffix else "folder"
        raise CorpusError(f"Corpus {kind} not found: {root}")
    if max_file_bytes is None:
        max_file_bytes = size_limit(MAX_FILE_BYTES_ENV_VAR, MAX_FILE_BYTES)
    if max_corpus_bytes is None:
        max_corpus_bytes = size_limit(MAX_CORPUS_BYTES_ENV_VAR, MAX_CORPUS_BYTES)
    found, skipped = _discover(root, follow_links=follow_links)
    found, past_total = within_total(found, max_file_bytes, max_corpus_bytes)
    skipped += past_total
    if workers is not None or scheduler is not None:
        from workbench.corpus.distributed import load_on_dask

        return load_on_dask(
            root,
            found,
            skipped,
            annotate=annotate,
            cache_dir=str(default_cache_dir() if cache_dir is None else cache_dir),
            max_file_bytes=max_file_bytes,
            workers=workers,
            scheduler=scheduler,
            progress=progress_wanted(progress),
        )
    records: list[ReadRecord] = []
    bar = progress_bar(found, desc="Reading", unit="file", progress=progress)
    for item in bar:  # in a terminal the bar clears itself once every file is read
        add_read(item, read_file(item, max_file_bytes), records, skipped)
    documents = build_documents(records, root, skipped)
    if not documents:
        raise CorpusError(nothing_readable(root, skipped))
    corpus = Corpus(tuple(documents), tuple(skipped), root)
    if annotate:
        from workbench.nlp.pipeline import annotate as annotate_corpus

        corpus = annotate_corpus(corpus, cache_dir=cache_dir, progress=progress)
    return corpus


def _discover(root: Path, *, follow_links: bool) -> tuple[list[FoundFile], list[SkippedFile]]:
    """List readable files under ``root`` and the entries skipped on the way."""
    if root.is_file():
        return [FoundFile(root, root.name)], []
    found: list[FoundFile] = []
    skipped: list[SkippedFile] = []
    for entry, reason in _walk(root, follow_links=follow_links):
        shown = entry.relative_to(root).as_posix()
        if reason is not None:
            skipped.append(SkippedFile(shown, reason))
        elif entry.suffix.lower() not in READERS:
            skipped.append(SkippedFile(shown, f"unsupported file type '{entry.suffix}'"))
        else:
            found.append(FoundFile(entry, shown))
    return found, skipped


def _walk(root: Path, *, follow_links: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Yield ``(path, None)`` for files to read and ``(path, reason)`` for entries skipped.

    Entries come in natural name order (:func:`natural_order`: "wire-2" before
    "wire-10"), depth first, walked with a stack (a thousand nested folders are no
    problem). A symbolic link whose target lies outside ``root`` is
    not followed unless ``follow_links`` (a corpus folder must not pull in
    ``/etc/passwd``); a link back to a folder on the current path is reported as a
    loop instead of followed. Any per-path OS error skips that path with its reason.
    """
    inside = root.resolve()
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = []
    opened = _open_folder(root, frozenset())
    if isinstance(opened, str):
        yield root, opened
        return
    stack.append(opened)
    while stack:
        entries, visiting = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        reason = _entry_reason(entry, path, inside, follow_links)
        if reason is not None:
            if reason != _IGNORED:
                yield path, reason
            continue
        if not entry.is_dir():  # examined (and cached by the entry) in _entry_reason
            yield path, None
            continue
        opened = _open_folder(path, visiting)
        if isinstance(opened, str):
            yield path, opened
        else:
            stack.append(opened)


def natural_order(name: str) -> tuple[tuple[int, str | int], ...]:
    """A sort key that orders numbers in names by value, as a file manager does.

    Examples
    --------
    >>> sorted(["reuters-10", "reuters-2", "reuters-1", "reuters-100"], key=natural_order)
    ['reuters-1', 'reuters-2', 'reuters-10', 'reuters-100']
    >>> sorted(["b.txt", "a10.txt", "a9.txt", "a09.txt", "a", "10"], key=natural_order)
    ['10', 'a', 'a09.txt', 'a9.txt', 'a10.txt', 'b.txt']
    """
    parts = _DIGITS.split(name)  # text, digits, text, ...: numbers at the odd places
    keyed = tuple((0, int(part)) if index % 2 else (1, part) for index, part in enumerate(parts))
    return (*keyed, (-1, name))  # a name that stops first sorts first; "09" before "9"


_DIGITS = re.compile(r"(\d+)")

#: The reason given for entries left out silently (version-control and cache folders).
_IGNORED = "ignored"


def _open_folder(
    folder: Path, visiting: frozenset[tuple[int, int]]
) -> tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]] | str:
    """The folder's entries in natural name order, and the folders now on the path; or why not."""
    try:
        stat = folder.stat()
        key = (stat.st_dev, stat.st_ino)
        if key in visiting:
            return "symbolic link loop (points back to a folder it is in)"
        entries = sorted(os.scandir(folder), key=lambda entry: natural_order(entry.name))
    except OSError as error:
        return f"cannot open folder: {error.strerror or error}"
    return iter(entries), visiting | {key}


def _entry_reason(
    entry: os.DirEntry[str], path: Path, inside: Path, follow_links: bool
) -> str | None:
    """Why ``entry`` is not walked or read (``_IGNORED`` to leave it out silently), or ``None``."""
    try:
        is_dir, is_file, is_link = entry.is_dir(), entry.is_file(), entry.is_symlink()
        if is_link:
            path.stat()  # a broken link or a link loop raises here
    except OSError as error:
        return _unreadable_entry_reason(entry, error)
    if entry.name.startswith("."):
        return f"hidden {'folder' if is_dir else 'file'}"
    if is_dir and entry.name in _IGNORED_FOLDERS:
        return _IGNORED
    if is_link and not follow_links:
        try:
            target = path.resolve()
        except (OSError, RuntimeError) as error:
            return f"cannot read: {error}"
        if not target.is_relative_to(inside):
            return "symbolic link to outside the corpus folder (not followed)"
    if not (is_dir or is_file):
        return "not a regular file"
    return None


def _unreadable_entry_reason(entry: os.DirEntry[str], error: OSError) -> str:
    """Why an entry that could not be examined is skipped: a bad link, or the OS error."""
    if entry.is_symlink():
        if isinstance(error, FileNotFoundError):
            return "broken symbolic link (its target does not exist)"
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the links lead back to themselves)"
    return f"cannot read: {error.strerror or error}"
