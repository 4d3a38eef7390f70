"""Every exception the workbench defines, in one place.

Every error a user can cause (a missing folder, an empty question, an unwritable
path) is a :class:`WorkbenchError`, so the command line can print its message and
exit with status 2 instead of showing a traceback. Two are not: a file that
cannot be decoded (:class:`UndecodableError`) or parsed (:class:`ReaderError`)
never stops a load; the loader catches them and lists the file as skipped, with
the message as its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class WorkbenchError(Exception):
    """Base class for errors caused by the user's input, not by a bug."""


class CorpusError(WorkbenchError, ValueError):
    """The corpus path is missing, unreadable or holds no readable document.

    Also a DataFrame that cannot be a corpus (:meth:`workbench.model.Corpus.from_frame`):
    no text column, a text that is not a string, repeated ids, an unreadable date.
    """


class ClusterError(WorkbenchError, ValueError):
    """Dask is not installed, a worker count is not a whole number, or no scheduler answers."""


class PipelineNotInstalledError(WorkbenchError, RuntimeError):
    """No English spaCy pipeline is installed."""


class QueryError(WorkbenchError, ValueError):
    """A search query (or its filters) that cannot be searched: empty, only stop words, ..."""


class InputTooLargeError(WorkbenchError, ValueError):
    """A summary input past the number of sentences its method is stated to rank."""


class IndexFileError(WorkbenchError):
    """A saved search index is missing, corrupt, or was written by another version."""


class ModelFileError(WorkbenchError):
    """A fitted model file of the package is missing, corrupt, or lacks a part."""


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the workbench reads."""


class ReaderError(ValueError):
    """The file has the right suffix but not the structure its format needs."""


class QuestionFileError(WorkbenchError, ValueError):
    """A question file that is missing, unreadable, or has a malformed line."""


class ExportError(WorkbenchError):
    """A briefing that cannot be written: the file exists, or the path is not writable."""


class NotebookError(WorkbenchError):
    """A notebook that cannot be read, or has no parameters cell to inject into."""


class NotebookExecutionError(WorkbenchError):
    """A cell of a notebook failed, timed out, or the kernel died.

    Attributes
    ----------
    notebook : pathlib.Path
        The notebook that failed.
    cell : int or None
        Position of the failing cell in the executed copy, from 1.
    out_path : pathlib.Path
        Where the executed copy, error included, was written.
    """

    def __init__(self, message: str, *, notebook: Path, cell: int | None, out_path: Path) -> None:
        super().__init__(message)
        self.notebook = notebook
        self.cell = cell
        self.out_path = out_path
