"""What the commands share: the exit status of a usage error, common options, argument types.

Every command that reads articles takes ``--corpus DIR`` and every command that
prints a table takes ``--json``, with the same help everywhere, so the options
read the same in each ``--help``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import DEFAULT_CORPUS
from workbench.errors import WorkbenchError
from workbench.terminal import printable

if TYPE_CHECKING:
    from workbench.events import EventTable
    from workbench.model import Corpus

#: The exit status of an error the user can fix: a bad option, a missing folder, an empty question.
EXIT_USAGE = 2

#: What a sub-command's ``set_defaults(command=...)`` holds: it runs the parsed arguments.
Command = Callable[[argparse.Namespace], int]

#: The type of the ``commands`` and ``evaluations`` sub-parser groups.
SubParsers = argparse._SubParsersAction


def corpus_folder(value: str) -> Path:
    """A ``--corpus`` value: a path, never the empty string (which would mean here)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give the folder of articles")
    return Path(value)


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--corpus DIR``, the folder of articles (default: the project's seeds)."""
    parser.add_argument(
        "--corpus",
        type=corpus_folder,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help="folder of articles (default: the project's seeds/)",
    )


def iso_date(text: str) -> date:
    """An argparse type: a date written ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a date written YYYY-MM-DD, not {text!r}"
        ) from None


def add_date_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--from DATE`` and ``--to DATE``: only documents published within them."""
    parser.add_argument(
        "--from", dest="published_from", type=iso_date, metavar="DATE",
        help="only documents published on or after YYYY-MM-DD",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="published_to", type=iso_date, metavar="DATE",
        help="only documents published on or before YYYY-MM-DD",
    )  # fmt: skip


def date_bounds(arguments: argparse.Namespace) -> tuple[date | None, date | None]:
    """``--from`` and ``--to``; ``--from`` after ``--to`` is a clear error."""
    low, high = arguments.published_from, arguments.published_to
    if low is not None and high is not None and low > high:
        raise WorkbenchError(f"--from {low} is after --to {high}")
    return low, high


def within_dates(corpus: Corpus, arguments: argparse.Namespace) -> Corpus:
    """``corpus`` narrowed to ``--from`` and ``--to``; an empty result is a clear error."""
    low, high = date_bounds(arguments)
    if low is None and high is None:
        return corpus
    within = corpus.filter(published_from=low, published_to=high)
    if not len(within):
        dated = sum(document.published is not None for document in corpus)
        raise WorkbenchError(
            f"no document was published within --from {low or '...'} --to {high or '...'} "
            f"({dated} of {len(corpus)} documents have a publication date)"
        )
    return within


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--json``, to print JSON instead of a table."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def whole_number(text: str) -> int:
    """An argparse type: an integer of at least 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number (0 or more), not {text!r}")
    return value


def json_default(value: object) -> object:
    """``json.dumps``'s ``default``: dates as ISO strings, paths as strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def report_unread(table: EventTable) -> None:
    """Say on standard error which documents the events pass did not read, and why."""
    for doc_id, reason in table.skipped:
        print(f"workbench: not read for events: {printable(doc_id)}: {reason}", file=sys.stderr)
