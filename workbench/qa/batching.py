"""The sentences before the retrieved ones, parsed in one spaCy call per stage, not one each.

Reading a retrieved sentence sometimes needs the sentences before it: a pronoun
to resolve, a place the article links to a name
(:class:`~workbench.nlp.coreference.SentenceContext`). Which ones is known only
while reading, and parsing each sentence's few on demand costs spaCy's
per-call overhead (some milliseconds) every time. :func:`in_batches` runs one
stage (reading, or building the feature rows) over every retrieved sentence
with a :class:`BatchedParse`: a sentence whose work needs sentences not yet
parsed is set aside, all the sentences set aside are parsed in one call, and
its work is done again, now from parses in the cache. The same sentences are
parsed as when each was parsed on demand, and the work done again gives what
it gives the first time, as it depends on the parses only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from workbench.model import Sentence

Result = TypeVar("Result")


class ContextNeeded(Exception):
    """Raised by :class:`BatchedParse` for sentences that are not parsed yet."""


class BatchedParse:
    """A ``parse(sentences) -> docs`` that notes the sentences it lacks instead of parsing them.

    Parameters
    ----------
    parse : callable
        ``parse(sentences) -> docs``, with a cache (the answerer's).
    is_parsed : callable
        Whether ``parse`` has a sentence in its cache.
    """

    def __init__(
        self,
        parse: Callable[[list[Sentence]], list[Doc]],
        is_parsed: Callable[[Sentence], bool],
    ) -> None:
        self.parse = parse
        self.is_parsed = is_parsed
        self.wanted: list[Sentence] = []

    def __call__(self, sentences: list[Sentence]) -> list[Doc]:
        """The parses of ``sentences`` when all are parsed; else note them and raise.

        Raises
        ------
        ContextNeeded
            If a sentence is not parsed yet.
        """
        if all(self.is_parsed(sentence) for sentence in sentences):
            return self.parse(sentences)
        self.wanted += sentences
        raise ContextNeeded

    def flush(self) -> None:
        """Parse every sentence noted so far, in one call."""
        wanted, self.wanted = self.wanted, []
        if wanted:
            self.parse(wanted)


def in_batches(count: int, work: Callable[[int], Result], batch: BatchedParse) -> list[Result]:
    """``[work(0), ..., work(count - 1)]``, the sentences before that they need parsed at once.

    ``work`` reads sentences before through ``batch``; each call that raises
    :class:`ContextNeeded` is made again after one :meth:`BatchedParse.flush`.
    """
    results: list[Result | None] = [None] * count
    redo: list[int] = []
    for number in range(count):
        try:
            results[number] = work(number)
        except ContextNeeded:
            redo.append(number)
    if redo:
        batch.flush()
        for number in redo:
            results[number] = work(number)
    return results  # type: ignore[return-value]  # every one filled
