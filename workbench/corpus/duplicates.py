"""Near-duplicate documents: the same story twice, under another headline or lightly edited.

A wire story is republished by many outlets, trimmed, retitled, a sentence
changed; a news site updates a story and both versions are kept. Such copies
crowd a search's first hits with one story. Two documents are near-duplicates
when most of the shorter one's word 5-grams ("shingles", after case and accent
folding) also occur in the other: the *containment* of the shorter in the longer,
``|A ∩ B| / min(|A|, |B|)``, is at least :data:`NEAR_DUPLICATE_CONTAINMENT`. Only
body sentences count (a new headline changes nothing) and only the kept text
(boilerplate cleaning left out is not compared).

Containment rather than resemblance (``|A ∩ B| / |A ∪ B|``): a copy trimmed to
its first paragraphs shares nearly all its shingles with the full story but few
of the full story's, so its resemblance is low (0.26 for a 165-shingle
republication of a 581-shingle wire story) where its containment is 0.94.

Near-duplicates are grouped transitively (a copy of a copy is in the group), and
search collapses a group's hits into the best of them
(:mod:`workbench.retrieval.collapse`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.columns import DUPLICATE_COLUMNS
from workbench.frames import typed_frame
from workbench.model import Document
from workbench.text import words

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: Words a shingle: long enough that two articles on one event rarely share one by
#: chance ("said in a statement on" aside), short enough that an edit spoils few.
SHINGLE_WORDS = 5

#: Two documents are near-duplicates when at least this share of the shorter one's
#: shingles occur in the other. Chosen by reading the pairs near it, of documents
#: cleaned and split as the workbench loads them. On the 2,225 BBC articles it
#: separates: the 170 pairs at or above it are copies and lightly edited updates
#: (the lowest, 0.726, one story with some sentences reworded), the two pairs just
#: under it (0.677, 0.675) are follow-up stories sharing a background block. On the
#: Giveme5W1H news cluster (383 articles, 69 events, 1,289 same-event pairs) the 30
#: same-event pairs at or above it are republished wire stories and press releases
#: (from 0.747) and one rewrite that keeps 77% of its predecessor word for word
#: (0.766); different articles on one event stay under it (at most 0.631, most under
#: 0.3), and so do rewrites of one source with a new lead and edited sentences
#: (0.695, 0.629), which are not the same story twice.
NEAR_DUPLICATE_CONTAINMENT = 0.71

#: Shingles held by more documents than this are not compared: in a large corpus they
#: are furniture or set phrases, not a shared story, and comparing them would cost
#: the square of their count.
COMMON_SHINGLE_DOCUMENTS = 100


def shingles(text: str) -> frozenset[str]:
    """The word 5-grams of ``text``, folded as the index folds words; all of it if shorter.

    Examples
    --------
    >>> sorted(shingles("Envoys met in Doha on Monday."))
    ['envoys met in doha on', 'met in doha on monday']
    >>> shingles("Talks ended.")
    frozenset({'talks ended'})
    """
    found = words(text)
    if len(found) <= SHINGLE_WORDS:
        return frozenset({" ".join(found)}) if found else frozenset()
    return frozenset(
        " ".join(found[start : start + SHINGLE_WORDS])
        for start in range(len(found) - SHINGLE_WORDS + 1)
    )


def document_shingles(document: Document) -> frozenset[str]:
    """The shingles of a document's body sentences (its headings when it has no body)."""
    kept = document.body or document.sentences
    return shingles(" ".join(sentence.text for sentence in kept))


def containment(first: Document, second: Document) -> float:
    """The share of the shorter document's shingles that the other holds, in [0, 1]."""
    one, other = document_shingles(first), document_shingles(second)
    if not one or not other:
        return 0.0
    return len(one & other) / min(len(one), len(other))


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two near-duplicate documents.

    Attributes
    ----------
    doc_id : str
        The later document, in corpus order.
    duplicate_of : str
        The earlier one.
    containment : float
        The share of the shorter one's shingles the other holds.
    shared : int
        How many shingles they share.
    """

    doc_id: str
    duplicate_of: str
    containment: float
    shared: int


@dataclass(frozen=True)
class NearDuplicates:
    """The near-duplicate documents of a corpus, by pair and by group.

    Attributes
    ----------
    pairs : tuple of DuplicatePair
        Every pair past the threshold, in corpus order of the later document.
    groups : tuple of tuple of str
        Documents linked by pairs (transitively), each group in corpus order;
        documents with no duplicate are in no group.
    threshold : float
        The containment the pairs reach.
    """

    pairs: tuple[DuplicatePair, ...]
    groups: tuple[tuple[str, ...], ...]
    threshold: float = NEAR_DUPLICATE_CONTAINMENT

    def group_of(self, doc_id: str) -> tuple[str, ...]:
        """The group holding ``doc_id``, or ``(doc_id,)`` when it has no duplicate."""
        for group in self.groups:
            if doc_id in group:
                return group
        return (doc_id,)

    @property
    def redundant(self) -> tuple[str, ...]:
        """Every document but the first of its group: the ones to leave out to keep one each."""
        return tuple(doc_id for group in self.groups for doc_id in group[1:])

    def to_frame(self) -> pd.DataFrame:
        """One row a pair: doc_id, duplicate_of, containment, shared."""
        rows = [
            {
                "doc_id": pair.doc_id,
                "duplicate_of": pair.duplicate_of,
                "containment": pair.containment,
                "shared": pair.shared,
            }
            for pair in self.pairs
        ]
        return typed_frame(rows, DUPLICATE_COLUMNS)

    def __len__(self) -> int:
        return len(self.groups)

    def __repr__(self) -> str:
        return (
            f"<NearDuplicates: {len(self.groups)} groups of {sum(map(len, self.groups))} "
            f"documents, containment >= {self.threshold}>"
        )


def find_near_duplicates(
    documents: Iterable[Document], *, threshold: float = NEAR_DUPLICATE_CONTAINMENT
) -> NearDuplicates:
    r"""The pairs and groups of near-duplicate documents among ``documents``.

    Parameters
    ----------
    documents : Corpus or iterable of Document
        The documents to compare, each with every other.
    threshold : float, default :data:`NEAR_DUPLICATE_CONTAINMENT`
        The containment a pair must reach, in (0, 1].

    Raises
    ------
    ValueError
        If ``threshold`` is not in (0, 1].

    Examples
    --------
    >>> from workbench.corpus.document import build_document
    >>> story = "Envoys met in Doha on Monday to discuss a ceasefire. They will meet again."
    >>> copy = "Doha talks\n\n" + story
    >>> other = "Envoys met in Doha on Monday. Fighting went on in the north."
    >>> found = find_near_duplicates(
    ...     [build_document(story, "a"), build_document(other, "b"), build_document(copy, "c")]
    ... )
    >>> found.groups, found.redundant
    ((('a', 'c'),), ('c',))
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise ValueError(f"threshold must be a number in (0, 1]; got {threshold!r}")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1]; got {threshold!r}")
    documents = list(documents)
    ids = [document.id for document in documents]
    linked = sorted(
        (later, earlier, share, shared)
        for earlier, later, share, shared in _containments(documents)
        if share >= threshold
    )
    found = [
        DuplicatePair(ids[later], ids[earlier], share, shared)
        for later, earlier, share, shared in linked
    ]
    group_of = duplicate_groups(len(documents), [(earlier, later) for later, earlier, *_ in linked])
    members: dict[int, list[str]] = {}
    for position, first in enumerate(group_of):
        members.setdefault(first, []).append(ids[position])
    groups = tuple(tuple(group) for group in members.values() if len(group) > 1)
    return NearDuplicates(tuple(found), groups, float(threshold))


def near_duplicate_groups(
    documents: Iterable[Document], *, threshold: float = NEAR_DUPLICATE_CONTAINMENT
) -> list[int]:
    """For each document, the position of the first document of its near-duplicate group.

    What a search index keeps to collapse a group's hits (:mod:`workbench.retrieval.collapse`);
    a document with no near-duplicate is its own group.
    """
    documents = list(documents)
    pairs = [
        (earlier, later)
        for earlier, later, share, _ in _containments(documents)
        if share >= threshold
    ]
    return duplicate_groups(len(documents), pairs)


def duplicate_groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """For each of ``count`` documents, the position of the first document of its group.

    ``pairs`` link positions; a document in no pair is its own group.

    Examples
    --------
    >>> duplicate_groups(5, [(1, 3), (3, 4)])
    [0, 1, 2, 1, 1]
    """
    parent = list(range(count))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    for one, other in pairs:
        first, second = root(one), root(other)
        if first != second:
            parent[max(first, second)] = min(first, second)
    return [root(position) for position in range(count)]


#: Odd 64-bit multipliers combining a shingle's word hashes (any fixed odd numbers do).
_SHINGLE_WEIGHTS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
)


def _shingle_hashes(document: Document) -> np.ndarray:
    """The distinct 64-bit hashes of :func:`document_shingles`, computed with numpy.

    The shingles of a corpus, as strings, are most of the comparison's time; a
    hash of each word, weighed by its place in the 5-gram and summed, is the same
    set (a collision among 2**64 values is not worth a thought) at a fraction of it.
    """
    import numpy as np

    kept = document.body or document.sentences
    found = words(" ".join(sentence.text for sentence in kept))
    if len(found) < SHINGLE_WORDS:  # one shingle of fewer words, which no 5-gram equals
        return np.array([hash(" ".join(found))] if found else [], dtype=np.int64).view(np.uint64)
    word_hashes = np.fromiter(map(hash, found), dtype=np.int64, count=len(found)).view(np.uint64)
    count = len(found) - SHINGLE_WORDS + 1
    total = np.zeros(count, dtype=np.uint64)
    for place, weight in enumerate(_SHINGLE_WEIGHTS):
        total += word_hashes[place : place + count] * np.uint64(weight)
    return np.unique(total)


def _containments(documents: list[Document]) -> list[tuple[int, int, float, int]]:
    """``(earlier, later, containment, shared)`` for every pair sharing a compared shingle.

    A sparse document-by-shingle matrix times its transpose counts the shared
    shingles of every pair at once, touching only pairs that share one.
    """
    import numpy as np
    import scipy.sparse

    sets = [_shingle_hashes(document) for document in documents]
    if not any(len(found) for found in sets):
        return []
    rows = np.repeat(np.arange(len(sets)), [len(found) for found in sets])
    _, columns = np.unique(np.concatenate(sets), return_inverse=True)
    matrix = scipy.sparse.csc_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, columns.ravel())),
        shape=(len(sets), int(columns.max()) + 1),
    )
    held_by = np.diff(matrix.indptr)
    compared = np.flatnonzero((held_by >= 2) & (held_by <= COMMON_SHINGLE_DOCUMENTS))
    if not len(compared):
        return []
    kept = scipy.sparse.csr_matrix(matrix[:, compared])
    shared = scipy.sparse.triu(kept @ kept.T, k=1).tocoo()
    sizes = np.array([len(found) for found in sets], dtype=np.float64)
    shares = shared.data / np.minimum(sizes[shared.row], sizes[shared.col])
    return [
        (int(earlier), int(later), float(share), int(count))
        for earlier, later, share, count in zip(
            shared.row, shared.col, shares, shared.data, strict=True
        )
    ]
