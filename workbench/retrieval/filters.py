"""Restricting a search to some documents, or to a range of publication dates.

A filter is a boolean mask over an index's units, computed from the documents
they come from: :meth:`~workbench.retrieval.index.TfidfIndex.search` scores every
unit and sets the units left out to 0. The kept units keep the scores of an
unfiltered search (idf weights stay those of the whole corpus), so one index
serves every filter and a filter never changes how two kept units compare.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np

from workbench.errors import QueryError
from workbench.model import as_date as date_bound

#: A date bound as a caller may give it: a date (or datetime), an ISO string, or none.
DateLike = date | str | None


def allowed_units(
    *,
    indexed: tuple[str, ...],
    published: tuple[date | None, ...],
    unit_docs: np.ndarray,
    doc_ids: str | Iterable[str] | None,
    published_from: DateLike,
    published_to: DateLike,
) -> np.ndarray | None:
    """A boolean mask over units, or ``None`` when no filter is given.

    Parameters
    ----------
    indexed : tuple of str
        The index's documents, in corpus order.
    published : tuple of datetime.date or None
        Their publication dates.
    unit_docs : numpy.ndarray of int
        For each unit, the position of its document in ``indexed``.
    doc_ids : str or iterable of str, optional
        Keep only these documents.
    published_from, published_to : datetime.date or "YYYY-MM-DD", optional
        Keep only documents published in this inclusive range; documents with no
        known date are left out whenever a bound is given, since nothing says they
        fall inside it.

    Raises
    ------
    QueryError
        If a document id is unknown, a date cannot be read, or the range is reversed.

    Examples
    --------
    >>> allowed_units(indexed=("a", "b"), published=(date(2020, 1, 1), None),
    ...               unit_docs=np.array([0, 0, 1]), doc_ids=None,
    ...               published_from="2019-12-31", published_to=None).tolist()
    [True, True, False]
    """
    if doc_ids is None and published_from is None and published_to is None:
        return None
    keep = np.ones(len(indexed), dtype=bool)
    if doc_ids is not None:
        wanted = {doc_ids} if isinstance(doc_ids, str) else set(doc_ids)
        unknown = sorted(wanted.difference(indexed))
        if unknown:
            shown = ", ".join(repr(doc_id) for doc_id in unknown[:10])
            raise QueryError(
                f"unknown document ids: {shown}; the index holds {len(indexed)} "
                f"documents, e.g. {indexed[0]!r}"
            )
        keep &= np.array([doc_id in wanted for doc_id in indexed], dtype=bool)
    low = as_date(published_from, "published_from")
    high = as_date(published_to, "published_to")
    if low is not None and high is not None and low > high:
        raise QueryError(f"published_from {low} is after published_to {high}")
    if low is not None or high is not None:
        keep &= np.array(
            [
                day is not None and (low is None or day >= low) and (high is None or day <= high)
                for day in published
            ],
            dtype=bool,
        )
    return keep[unit_docs]


def as_date(value: DateLike, name: str) -> date | None:
    """Read a date bound given as a date, a datetime or an ISO ``YYYY-MM-DD`` string.

    Raises
    ------
    QueryError
        If ``value`` is none of these; ``name`` says which bound it was.

    Examples
    --------
    >>> as_date(" 2021-07-17", "published_from"), as_date(None, "published_to")
    (datetime.date(2021, 7, 17), None)
    """
    try:
        return date_bound(value, name)
    except ValueError as error:
        raise QueryError(str(error)) from None
