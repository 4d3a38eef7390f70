"""How long a summary should be: a number of sentences, a share of them, or a word budget."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral

#: The length when none is given.
DEFAULT_SENTENCES = 3


@dataclass(frozen=True)
class Length:
    """Exactly one of ``sentences``, ``ratio`` and ``words``.

    Attributes
    ----------
    sentences : int or None
        Take this many sentences.
    ratio : float or None
        Take this share of the candidates, rounded, at least one.
    words : int or None
        Take the best-ranked sentences that fit in this many words together
        (numbers and punctuation are not words); a sentence that would overflow
        is passed over for the next that fits.
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None

    @classmethod
    def from_arguments(
        cls, sentences: int | None = None, ratio: float | None = None, words: int | None = None
    ) -> Length:
        """Check the arguments and default to :data:`DEFAULT_SENTENCES` sentences.

        Raises
        ------
        ValueError
            If more than one is given, or one is out of range.

        Examples
        --------
        >>> Length.from_arguments(ratio=0.25).limit(10)
        3
        >>> Length.from_arguments(sentences=2, words=50)
        Traceback (most recent call last):
        ...
        ValueError: give only one of sentences, ratio and words; got sentences=2, words=50
        """
        given = {
            name: value
            for name, value in (("sentences", sentences), ("ratio", ratio), ("words", words))
            if value is not None
        }
        if len(given) > 1:
            shown = ", ".join(f"{name}={value!r}" for name, value in given.items())
            raise ValueError(f"give only one of sentences, ratio and words; got {shown}")
        if not given:
            return cls(sentences=DEFAULT_SENTENCES)
        for name in ("sentences", "words"):
            value = given.get(name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, Integral) or value < 1
            ):
                raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
        if ratio is not None and (
            isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0.0 < ratio <= 1.0
        ):
            raise ValueError(f"ratio must be a number in (0, 1]; got {ratio!r}")
        return cls(
            sentences=None if sentences is None else int(sentences),
            ratio=None if ratio is None else float(ratio),
            words=None if words is None else int(words),
        )

    def limit(self, candidates: int) -> int | None:
        """The number of sentences to take from ``candidates``; ``None`` for a word budget."""
        if self.sentences is not None:
            return min(self.sentences, candidates)
        if self.ratio is not None:
            return min(candidates, max(1, math.floor(self.ratio * candidates + 0.5)))
        return None

    def choose(self, order: Sequence[int], word_counts: Sequence[int]) -> list[int]:
        """The first sentences of ``order`` (best first) that make up this length."""
        limit = self.limit(len(order))
        if limit is not None:
            return [int(position) for position in order[:limit]]
        chosen: list[int] = []
        total = 0
        for position in order:
            if total + word_counts[position] <= self.words:
                chosen.append(int(position))
                total += int(word_counts[position])
        return chosen

    def __str__(self) -> str:
        if self.sentences is not None:
            return f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"
        if self.ratio is not None:
            return f"{self.ratio:.0%} of the sentences"
        return f"at most {self.words} words"
