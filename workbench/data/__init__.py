"""Word lists, label sets and fitted weights: package data, read once.

Each list is a UTF-8 text file in this folder, one item a line. It opens with a
header of ``#`` comment lines saying what the list is for and where it came
from; blank lines and comment lines are skipped, and a ``#`` after an item
starts a comment too. A table (``.tsv``) has tab-separated fields on each line.
Fitted weights are JSON files that record how they were fitted (the command, the
data, the date) beside the numbers.

Reading goes through :mod:`importlib.resources`, so the files are found in an
installed wheel as well as in a clone, and every reader is cached: a list is
parsed once per process.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files


@cache
def _text(name: str) -> str:
    resource = files(__name__).joinpath(name)
    if not resource.is_file():
        raise FileNotFoundError(f"no data file named {name!r} in workbench/data")
    return resource.read_text(encoding="utf-8")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The items of the list ``name``, in file order, without comments and blank lines.

    Examples
    --------
    >>> read_lines("README.txt")  # a header of comments only: no items
    ()
    """
    items = []
    for line in _text(name).splitlines():
        item = line.split("#", 1)[0].strip()
        if item:
            items.append(item)
    return tuple(items)


@cache
def word_set(name: str) -> frozenset[str]:
    """The items of the list ``name`` as a set, for membership tests."""
    return frozenset(read_lines(name))


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the tab-separated table ``name``, each a tuple of stripped fields."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in read_lines(name))


def read_json(name: str) -> dict:
    """The JSON object stored as ``name`` (fitted weights with their provenance).

    The file is read once; each call parses it afresh, so a caller may change the
    dictionary it gets without changing anyone else's.
    """
    return json.loads(_text(name))
