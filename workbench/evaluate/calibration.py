"""Whether confidences mean what they say: reliability tables and the expected calibration error.

An answerer's confidence claims how often it is right. A reliability table
splits the judged outputs into equal-width confidence bins (``0-0.1``, ...,
``0.9-1.0``) and sets each bin's mean confidence beside its accuracy; the
expected calibration error (ECE) is the mean gap between the two, weighted by
the share of outputs in each bin:

    ECE = sum over bins of (count / N) * |accuracy - mean confidence|

so 0 is perfectly calibrated and a model that is right half as often as it
claims scores high. What counts as "right" is the caller's rule: each
measurement (:mod:`workbench.evaluate.qa`, :mod:`workbench.evaluate.squad`) says
which it uses. One place bins and sums, so every report reads alike.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

#: Equal-width confidence bins of a reliability table.
BINS = 10

#: A wrong answer at least this confident is "confident wrong": the kind an analyst
#: would trust. Set by hand, as the point where the answerer claims to be right more
#: often than not.
CONFIDENT = 0.5


@dataclass(frozen=True)
class ReliabilityBin:
    """One confidence bin: its bounds, how many outputs fell in it, their confidence and accuracy.

    Attributes
    ----------
    low, high : float
        The bin holds confidences from ``low`` up to, but not including, ``high``
        (the last bin also holds ``high`` itself, 1.0).
    count : int
        Outputs whose confidence falls in the bin.
    right : int
        How many of them are right.
    mean_confidence : float or None
        Their mean confidence; ``None`` for an empty bin.
    """

    low: float
    high: float
    count: int
    right: int
    mean_confidence: float | None

    @property
    def accuracy(self) -> float | None:
        """Share of the bin's outputs that are right; ``None`` for an empty bin."""
        return self.right / self.count if self.count else None

    @property
    def label(self) -> str:
        """The bounds as written in a report: ``"0.4-0.5"``."""
        return f"{self.low:.1f}-{self.high:.1f}"

    @property
    def gap(self) -> float | None:
        """``|accuracy - mean confidence|``; ``None`` for an empty bin."""
        if self.accuracy is None or self.mean_confidence is None:
            return None
        return abs(self.accuracy - self.mean_confidence)

    def as_dict(self) -> dict[str, object]:
        """The bin as a JSON-ready dict."""
        return {
            "bin": self.label,
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "right": self.right,
            "mean_confidence": self.mean_confidence,
            "accuracy": self.accuracy,
        }


@dataclass(frozen=True)
class Reliability:
    """A reliability table and its expected calibration error.

    Attributes
    ----------
    bins : tuple of ReliabilityBin
        Lowest confidences first, empty bins included, so tables line up.
    """

    bins: tuple[ReliabilityBin, ...]

    @property
    def count(self) -> int:
        """Outputs binned."""
        return sum(item.count for item in self.bins)

    @property
    def ece(self) -> float:
        """The expected calibration error: bins' gaps weighted by their share (0 when empty)."""
        total = self.count
        if not total:
            return 0.0
        return sum(item.count / total * item.gap for item in self.bins if item.gap is not None)

    def as_dict(self) -> dict[str, object]:
        """The count, the ECE and every bin."""
        return {
            "count": self.count,
            "ece": self.ece,
            "bins": [item.as_dict() for item in self.bins],
        }

    def table(self, title: str | None = None) -> str:
        """The bins as a plain-text table (an empty bin's cells are blank), then the ECE."""
        from workbench.terminal import format_table

        rows = [
            [
                item.label,
                item.count,
                item.right,
                None if item.mean_confidence is None else f"{item.mean_confidence:.3f}",
                None if item.accuracy is None else f"{item.accuracy:.3f}",
            ]
            for item in self.bins
        ]
        columns = ["confidence", "count", "right", "mean confidence", "accuracy"]
        table = format_table(rows, columns, align_right=set(columns[1:]), title=title)
        return f"{table}\nexpected calibration error (ECE) {self.ece:.3f} over {self.count}"


def reliability(
    confidences: Sequence[float], right: Sequence[bool], *, bins: int = BINS
) -> Reliability:
    """Bin judged outputs by confidence and compare each bin's confidence with its accuracy.

    Parameters
    ----------
    confidences : sequence of float
        Each output's confidence, in [0, 1].
    right : sequence of bool
        Whether each output is right, by the caller's rule.
    bins : int, default 10
        Equal-width bins over [0, 1].

    Returns
    -------
    Reliability
        Every bin, empty ones included, and the expected calibration error.

    Raises
    ------
    ValueError
        If the two sequences differ in length, ``bins`` is below 1, or a
        confidence lies outside [0, 1].

    Examples
    --------
    >>> table = reliability([0.95, 0.85, 0.15, 0.05], [True, False, False, False])
    >>> [(item.label, item.count) for item in table.bins if item.count]
    [('0.0-0.1', 1), ('0.1-0.2', 1), ('0.8-0.9', 1), ('0.9-1.0', 1)]
    >>> round(table.ece, 3)
    0.275
    """
    if len(confidences) != len(right):
        raise ValueError(
            f"one mark per confidence: got {len(confidences)} confidences and {len(right)} marks"
        )
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"bins must be a positive integer; got {bins!r}")
    edges = [number / bins for number in range(1, bins)]
    counts = [0] * bins
    hits = [0] * bins
    sums = [0.0] * bins
    for confidence, ok in zip(confidences, right, strict=True):
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"a confidence must be from 0 to 1; got {confidence!r}")
        slot = bisect_right(edges, confidence)
        counts[slot] += 1
        hits[slot] += bool(ok)
        sums[slot] += confidence
    return Reliability(
        tuple(
            ReliabilityBin(
                number / bins,
                (number + 1) / bins,
                counts[number],
                hits[number],
                sums[number] / counts[number] if counts[number] else None,
            )
            for number in range(bins)
        )
    )


def confident_wrong(
    confidences: Sequence[float],
    right: Sequence[bool],
    answered: Sequence[bool],
    *,
    confident: float = CONFIDENT,
) -> int:
    """How many answers are given, wrong, and at least ``confident`` sure.

    Examples
    --------
    >>> confidences = [0.9, 0.6, 0.3, 0.7]
    >>> confident_wrong(confidences, [True, False, False, False], [True, True, True, False])
    1
    """
    return sum(
        1
        for confidence, ok, given in zip(confidences, right, answered, strict=True)
        if given and not ok and confidence >= confident
    )
