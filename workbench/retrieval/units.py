"""The units a search index holds: documents, passages or sentences, cited by offsets.

Every unit records its document, the sentences it covers and the raw-text span
from the first to the last of them, so a hit on it can be shown in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from workbench.model import Document

#: The units an index can hold, from largest to smallest.
LEVELS = ("document", "passage", "sentence")


@dataclass(frozen=True, slots=True)
class Unit:
    """One indexed unit: a document, a passage or a sentence.

    Attributes
    ----------
    doc_id : str
        Its document.
    sentences : tuple of int
        The ``Sentence.index`` of every sentence it covers, in order.
    start, end : int
        Raw-text offsets from its first sentence's start to its last sentence's end.
    text : str
        ``document.raw[start:end]``.
    """

    doc_id: str
    sentences: tuple[int, ...]
    start: int
    end: int
    text: str


def build_units(
    documents: Iterable[Document], level: str, passage_size: int = 3, passage_stride: int = 1
) -> Iterator[tuple[Unit, str]]:
    """Yield each unit of ``documents`` at ``level`` with the text to index for it.

    The indexed text is the unit's kept sentences joined by spaces, so boilerplate
    that cleaning removed between them is never searched, although it lies inside
    the raw span ``start:end``. Documents and sentences include headings; passages
    are windows of ``passage_size`` consecutive body sentences, one every
    ``passage_stride`` sentences, with a last window ending at the document's end.
    """
    for document in documents:
        if level == "sentence":
            groups = [(sentence,) for sentence in document.sentences]
        elif level == "passage":
            body = document.body
            groups = [
                body[first:last]
                for first, last in _windows(len(body), passage_size, passage_stride)
            ]
        else:
            groups = [document.sentences] if document.sentences else []
        for group in groups:
            start, end = group[0].start, group[-1].end
            unit = Unit(
                document.id,
                tuple(sentence.index for sentence in group),
                start,
                end,
                document.raw[start:end],
            )
            yield unit, " ".join(sentence.text for sentence in group)


def _windows(count: int, size: int, stride: int) -> list[tuple[int, int]]:
    """``(first, last)`` bounds of windows of ``size`` items over ``count`` items.

    Examples
    --------
    >>> _windows(5, 3, 2), _windows(6, 3, 2), _windows(2, 3, 1)
    ([(0, 3), (2, 5)], [(0, 3), (2, 5), (3, 6)], [(0, 2)])
    """
    if count == 0:
        return []
    if count <= size:
        return [(0, count)]
    firsts = list(range(0, count - size + 1, stride))
    if firsts[-1] + size < count:
        firsts.append(count - size)
    return [(first, first + size) for first in firsts]
