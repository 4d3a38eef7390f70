"""Reading the files a user names (question files, gold sets): bounded, and JSON within limits.

A corpus file passes the loader's checks (:mod:`workbench.corpus.load`); the other
files a command reads need two of them too. :func:`read_bounded_text` reads at
most a stated number of bytes, so ``--questions /dev/zero`` is an error, not all
of memory. :func:`loads_json` is :func:`json.loads` with JSON beyond what Python
reads (a number of 5,000 digits, arrays nested 100,000 deep) raised as one
:class:`JSONLimitError` that says which, instead of a ``ValueError`` about
integer conversion or a ``RecursionError``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

#: The most bytes a question file or an evaluation file may have (hand-set: SQuAD v1.1's
#: dev set, the largest such file, is 4.9 MB).
MAX_DATA_FILE_BYTES = 256 * 1024 * 1024


class JSONLimitError(ValueError):
    """Valid JSON that Python cannot read: a number with too many digits, nesting too deep."""


def loads_json(text: str) -> object:
    """``json.loads(text)``, with JSON past Python's limits raised as :class:`JSONLimitError`.

    Raises
    ------
    json.JSONDecodeError
        If ``text`` is not JSON.
    JSONLimitError
        If it is JSON that Python cannot read (the message says why, in a few words).

    Examples
    --------
    >>> loads_json('{"n": 1}')
    {'n': 1}
    >>> loads_json("[" * 100_000 + "]" * 100_000)
    Traceback (most recent call last):
    ...
    workbench.reading.JSONLimitError: nested too deeply
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise JSONLimitError("nested too deeply") from None
    except ValueError as error:  # int("9" * 5000) refuses: CPython's digit limit
        reason = "a number with too many digits" if "digits" in str(error) else str(error)
        raise JSONLimitError(reason) from None


def read_bounded_text(path: str | os.PathLike[str], limit: int = MAX_DATA_FILE_BYTES) -> str:
    """The text of ``path`` (UTF-8), if it has at most ``limit`` bytes.

    Reads at most ``limit + 1`` bytes whatever the file claims to be, so a device
    or a pipe without end (``/dev/zero``) is refused like a file too large.

    Raises
    ------
    OSError
        If the file cannot be read.
    UnicodeDecodeError
        If it is not UTF-8.
    ValueError
        If it has more than ``limit`` bytes.
    """
    with Path(path).open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit:,} bytes")
    return data.decode("utf-8")
