"""Word overlap between every pair of sentences, grouped by sentence length.

sumy's TextRank and Reduction weigh the edge between sentences ``i`` and ``j``
as ``overlap(i, j) / (log len(i) + log len(j))``, where ``overlap`` counts the
pairs of equal stems. The denominator is not a product, so the weights do not
factor into a matrix product; but it depends on ``j`` only through ``len(j)``,
which takes few distinct values. Summing ``j`` by length first,

    sum_j overlap(i, j) * f_j / norm(i, j)
        = sum_L  (A_i . sum_{len(j)=L} f_j A_j) / (log len(i) + log L),

costs ``O(nonzeros x lengths)`` instead of ``O(n^2)`` memory and time, with ``A``
the sentence-by-stem count matrix. Sentences with no word have no edge. When
the pairs that share a stem are few, :meth:`LengthGroups.pairwise` forms the
sparse matrix of weights itself, which is quicker to multiply by again and again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse

from workbench.summaries.tokens import count_matrix


@dataclass(frozen=True)
class LengthGroups:
    """Sentences' stem counts, grouped by how many stems each has.

    Attributes
    ----------
    counts : scipy.sparse.csr_matrix
        ``sentences x stems`` counts.
    lengths : numpy.ndarray of int
        Stems per sentence (repeats counted): ``len`` in sumy's formulas.
    group_lengths : numpy.ndarray of int
        The distinct non-zero lengths.
    members : scipy.sparse.csr_matrix
        ``groups x sentences``: 1 where a sentence has the group's length.
    """

    counts: scipy.sparse.csr_matrix
    lengths: np.ndarray
    group_lengths: np.ndarray
    members: scipy.sparse.csr_matrix

    @classmethod
    def from_stems(cls, stems: tuple[tuple[str, ...], ...]) -> LengthGroups:
        """Group sentences given as stem sequences."""
        counts, _ = count_matrix(stems)
        lengths = np.array([len(row) for row in stems], dtype=np.int64)
        group_lengths, group_of = np.unique(lengths, return_inverse=True)
        worded = lengths > 0
        if group_lengths.size and group_lengths[0] == 0:
            group_lengths, group_of = group_lengths[1:], group_of - 1
        members = scipy.sparse.csr_matrix(
            (np.ones(int(worded.sum())), (group_of[worded], np.flatnonzero(worded))),
            shape=(len(group_lengths), len(stems)),
        )
        return cls(counts, lengths, group_lengths, members)

    @cached_property
    def group_of(self) -> np.ndarray:
        """Each sentence's group (-1 for a sentence without words)."""
        position = {int(length): group for group, length in enumerate(self.group_lengths)}
        return np.array([position.get(int(length), -1) for length in self.lengths])

    def overlaps(self, weights: np.ndarray | None = None) -> np.ndarray:
        """``out[i, g] = sum over j in group g of weights[j] * overlap(i, j)``, ``j == i`` included.

        With no weights the entries are exact integers.
        """
        members = self.members
        if weights is not None:
            members = members @ scipy.sparse.diags(weights)
        grouped = (members @ self.counts).tocsr()
        return (self.counts @ grouped.T).toarray()

    @property
    def pair_count_bound(self) -> int:
        """An upper bound on the pairs of sentences sharing a stem: ``sum df^2``."""
        document_frequency = np.bincount(self.counts.indices, minlength=self.counts.shape[1])
        return int((document_frequency.astype(np.int64) ** 2).sum())

    def pairwise(self, both_single: float) -> scipy.sparse.csr_matrix:
        """The sparse ``n x n`` matrix of ``overlap(i, j) / (log len(i) + log len(j))``.

        ``j == i`` is included; ``both_single`` is the norm where both lengths are 1.
        """
        overlap = (self.counts @ self.counts.T).tocsr()
        rows = np.repeat(np.arange(overlap.shape[0]), np.diff(overlap.indptr))
        row_logs = np.log(np.maximum(self.lengths, 1)).astype(np.float64)
        norms = row_logs[rows] + row_logs[overlap.indices]
        single = (self.lengths[rows] == 1) & (self.lengths[overlap.indices] == 1)
        norms[single] = both_single
        overlap.data = overlap.data / norms
        return overlap

    def log_norms(self, both_single: float) -> np.ndarray:
        """``log len(i) + log L`` for every sentence and group length ``L``.

        Where both lengths are 1 the norm is 0 and sumy's methods differ (TextRank
        keeps the overlap, Reduction drops it): ``both_single`` is used there.
        Sentences without words get 1 (they have no overlap to divide).
        """
        with np.errstate(divide="ignore"):
            row_logs = np.where(self.lengths > 0, np.log(np.maximum(self.lengths, 1)), 0.0)
        norms = row_logs[:, None] + np.log(self.group_lengths)[None, :]
        single = (self.lengths == 1)[:, None] & (self.group_lengths == 1)[None, :]
        norms[single] = both_single
        norms[self.lengths == 0, :] = 1.0
        return norms
