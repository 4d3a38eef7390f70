"""Folding hits that repeat a better hit into it, so the ``k`` hits say ``k`` different things.

Two kinds of unit repeat a better-ranked hit:

* a unit of the same document whose sentences overlap the hit's (passages
  overlap when their stride is shorter than their size, so the best passage's
  neighbours rank just under it);
* a unit of a near-duplicate document (the same wire story twice,
  :mod:`workbench.corpus.duplicates`): it joins the hit, among the better hits
  from its document's group, whose text shares most of its words (at the
  document level, the group's best hit).

:func:`collapse` walks the ranked units, best first, keeps a unit that repeats
no kept hit and folds the others into the hit they repeat, until ``k`` hits are
kept or no unit is left; it asks for more ranked units (twice as many each time)
when the ones it has run out. The single index and the sharded index both rank
units best first with ties in corpus order and both call it, so their collapsed
hits are equal too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.corpus.duplicates import near_duplicate_groups
from workbench.model import Document
from workbench.retrieval.hits import NEAR_DUPLICATE, OVERLAPPING, Duplicate
from workbench.retrieval.units import Unit
from workbench.text import words


class DocumentGroups:
    """Each indexed document's near-duplicate group, found the first time it is asked for.

    Finding near-duplicates compares every document's word 5-grams (6 s over the
    19,043 Reuters bodies), as long as building the index itself; an index that
    is never searched with collapsing, or is saved first, should not pay for it
    at build time. Given ``groups`` (a saved index's), nothing is computed.
    """

    def __init__(
        self, documents: Sequence[Document] = (), groups: np.ndarray | None = None
    ) -> None:
        self._documents: Sequence[Document] | None = None if groups is not None else documents
        self._groups = groups

    def get(self) -> np.ndarray:
        """For each document, the position of the first document of its group."""
        if self._groups is None:
            assert self._documents is not None
            self._groups = np.array(near_duplicate_groups(self._documents), dtype=np.int64)
            self._documents = None
        return self._groups


class CollapsingUnits:
    """What the single and the sharded index share about their units: listing and collapsing.

    Set by an index's ``fit`` (or ``load``): ``units_``, ``unit_docs_`` (each
    unit's document) and ``_doc_groups`` (a :class:`DocumentGroups`); the index
    defines ``_check_fitted``.
    """

    units_: tuple[Unit, ...]
    unit_docs_: np.ndarray
    _doc_groups: DocumentGroups

    def _check_fitted(self) -> None:  # pragma: no cover - each index defines its own
        raise NotImplementedError

    @property
    def units(self) -> tuple[Unit, ...]:
        """The indexed units in corpus order; entries of :meth:`scores`."""
        self._check_fitted()
        return self.units_

    @property
    def doc_groups_(self) -> np.ndarray:
        """For each document, the first document of its near-duplicate group (found once)."""
        self._check_fitted()
        return self._doc_groups.get()

    def _collapsed(
        self, ranked: Callable[[int], Sequence[tuple[int, float]]], k: int
    ) -> list[Kept]:
        """:func:`collapse` over this index's units."""
        return collapse(
            ranked, k, units=self.units_, unit_docs=self.unit_docs_, doc_groups=self.doc_groups_
        )


@dataclass
class Kept:
    """A kept unit (its position among the index's units and its score) and what joined it."""

    position: int
    score: float
    duplicates: list[Duplicate] = field(default_factory=list)


def collapse(
    ranked: Callable[[int], Sequence[tuple[int, float]]],
    k: int,
    *,
    units: Sequence[Unit],
    unit_docs: np.ndarray,
    doc_groups: np.ndarray,
) -> list[Kept]:
    """The ``k`` best units that repeat no better one, each with the units folded into it.

    Parameters
    ----------
    ranked : callable
        ``ranked(n)`` gives the ``n`` best ``(position, score)`` pairs, best first
        (fewer when fewer units score above 0).
    k : int
        How many hits to keep.
    units : sequence of Unit
        The index's units, by position.
    unit_docs : numpy.ndarray of int
        For each unit, the position of its document.
    doc_groups : numpy.ndarray of int
        For each document, the position of the first document of its near-duplicate group.

    Examples
    --------
    Passages 0-2 and 1-3 of one document overlap; a sentence of another does not.

    >>> units = [Unit("a", (0, 1, 2), 0, 30, ""), Unit("a", (1, 2, 3), 10, 40, ""),
    ...          Unit("b", (0,), 0, 9, "")]
    >>> kept = collapse(lambda n: [(1, 0.9), (0, 0.8), (2, 0.5)][:n], 2, units=units,
    ...                 unit_docs=np.array([0, 0, 1]), doc_groups=np.array([0, 1]))
    >>> [(hit.position, [d.citation for d in hit.duplicates]) for hit in kept]
    [(1, ['a[0:30]']), (2, [])]
    """
    kept: list[Kept] = []
    wanted = 2 * k
    seen = 0
    while True:
        candidates = ranked(wanted)
        for position, score in candidates[seen:]:
            _place(kept, position, score, units, unit_docs, doc_groups)
            if len(kept) == k:
                return kept
        if len(candidates) < wanted:  # every unit that scores is placed
            return kept
        seen = len(candidates)
        wanted *= 2


def _place(
    kept: list[Kept],
    position: int,
    score: float,
    units: Sequence[Unit],
    unit_docs: np.ndarray,
    doc_groups: np.ndarray,
) -> None:
    """Fold the unit into the kept hit it repeats, or keep it as a new hit."""
    unit = units[position]
    document = unit_docs[position]
    group = doc_groups[document]
    copies: list[Kept] = []
    for hit in kept:
        other = units[hit.position]
        hit_document = unit_docs[hit.position]
        if hit_document == document:
            if unit.start < other.end and other.start < unit.end:
                hit.duplicates.append(_duplicate(unit, score, OVERLAPPING))
                return
        elif doc_groups[hit_document] == group:
            copies.append(hit)
    if copies:
        best = max(copies, key=lambda hit: _shared_words(unit, units[hit.position]))
        best.duplicates.append(_duplicate(unit, score, NEAR_DUPLICATE))
        return
    kept.append(Kept(position, score))


def _shared_words(unit: Unit, other: Unit) -> int:
    """How many distinct words the two units' texts share (ties go to the better hit)."""
    return len(set(words(unit.text)) & set(words(other.text)))


def _duplicate(unit: Unit, score: float, reason: str) -> Duplicate:
    return Duplicate(unit.doc_id, unit.start, unit.end, unit.sentences, min(score, 1.0), reason)
