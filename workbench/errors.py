"""Exceptions the workbench raises on bad input.

Every error a user can cause (a missing folder, an empty question, an unwritable
path) is a :class:`WorkbenchError`, so the command line can print its message and
exit with status 2 instead of showing a traceback.
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class for errors caused by the user's input, not by a bug."""


class CorpusError(WorkbenchError, ValueError):
    """The corpus path is missing, unreadable or holds no readable document."""


class PipelineNotInstalledError(WorkbenchError, RuntimeError):
    """No English spaCy pipeline is installed."""


class QueryError(WorkbenchError, ValueError):
    """A search query (or its filters) that cannot be searched: empty, only stop words, ..."""


class IndexFileError(WorkbenchError):
    """A saved search index is missing, corrupt, or was written by another version."""
