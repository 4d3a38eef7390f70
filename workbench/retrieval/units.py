"""The units a search index holds: documents, passages or sentences, cited by offsets.

Every unit records its document, the sentences it covers and the raw-text span
from the first to the last of them, so a hit on it can be shown in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from workbench.errors import CorpusError
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


@dataclass(frozen=True, eq=False)
class IndexedUnits:
    """What an index holds of its documents: their units and the texts it counts.

    Attributes
    ----------
    doc_ids : tuple of str
        The documents, in corpus order.
    published : tuple of datetime.date or None
        Their publication dates, for the date filter.
    units : tuple of Unit
        Every unit, in corpus order.
    texts : tuple of str
        The text indexed for each unit (see :func:`build_units`).
    unit_docs : numpy.ndarray of int
        For each unit, the position of its document in ``doc_ids``.
    """

    doc_ids: tuple[str, ...]
    published: tuple[date | None, ...]
    units: tuple[Unit, ...]
    texts: tuple[str, ...]
    unit_docs: np.ndarray


def index_units(
    documents: Iterable[Document], level: str, passage_size: int = 3, passage_stride: int = 1
) -> IndexedUnits:
    """The units of ``documents`` at ``level``, with their texts and documents.

    Raises
    ------
    ValueError
        If two documents share an id.
    CorpusError
        If the documents have no unit at ``level``.
    """
    documents = list(documents)
    doc_ids = tuple(document.id for document in documents)
    if len(set(doc_ids)) != len(doc_ids):
        repeated = sorted({doc_id for doc_id in doc_ids if doc_ids.count(doc_id) > 1})
        raise ValueError(f"document ids must be unique; repeated: {', '.join(repeated)}")
    pairs = list(build_units(documents, level, passage_size, passage_stride))
    if not pairs:
        raise CorpusError(f"nothing to index: the documents have no {level}s")
    position = {doc_id: number for number, doc_id in enumerate(doc_ids)}
    units = tuple(unit for unit, _ in pairs)
    return IndexedUnits(
        doc_ids=doc_ids,
        published=tuple(document.published for document in documents),
        units=units,
        texts=tuple(text for _, text in pairs),
        unit_docs=np.array([position[unit.doc_id] for unit in units], dtype=np.int64),
    )


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
