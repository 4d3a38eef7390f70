"""What a summary is chosen from: the candidate sentences of one or more documents.

Candidates are body sentences (headings are never chosen) in corpus order. A
sentence whose exact text already appeared among the candidates is left out:
sumy keys its ratings by sentence text, so two copies would share one rating
and its step-wise methods (KL, SumBasic) would give the earlier copy the later
copy's place; and a summary never needs the same sentence twice. The
paragraphs keep the documents' layout for sumy's document model, each heading
joined to the paragraph it introduces (Edmundson's title and location methods
read them).

A sentence that cannot stand alone in a summary is not a candidate
(:func:`stands_alone`): the tail of a quotation that opened in an earlier
sentence when it is short (``We can produce more," he said.``, under
:data:`MIN_QUOTE_TAIL_WORDS` words), a continuation that starts in lower case,
or fewer than :data:`MIN_WORDS` words. When no sentence of the input
stands alone, every sentence is a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

import numpy as np

from workbench.model import Document, Sentence
from workbench.summaries.tokens import TokenTable, to_words
from workbench.text import count_words

#: Fewest words a candidate sentence has (hand-set: "Talks resumed on Monday." has four).
MIN_WORDS = 4

#: Fewest words the tail of a quotation needs to be a candidate: a long one reads as a
#: statement, a short one (``We can produce more," he said.``) as a fragment. Hand-set.
MIN_QUOTE_TAIL_WORDS = 10

#: A closing double quote: curly, or straight right after the end of a quoted clause.
_CLOSING_QUOTE = re.compile(r"”|(?<=[,.!?])\"")
_ANY_QUOTE = re.compile(r"[\"“”]")


def stands_alone(text: str) -> bool:
    """Whether a sentence reads on its own in a summary, out of its article.

    Examples
    --------
    >>> stands_alone('"We can produce more," he said.')
    True
    >>> stands_alone('We can produce more," he said.')
    False
    >>> stands_alone("and the talks went on."), stands_alone("He agreed.")
    (False, False)
    """
    if count_words(text) < MIN_WORDS:
        return False
    first = next((char for char in text if char.isalnum()), "")
    if first.islower():
        return False
    quote = _ANY_QUOTE.search(text)
    if quote is None or _CLOSING_QUOTE.match(text, quote.start()) is None:
        return True
    return count_words(text) >= MIN_QUOTE_TAIL_WORDS


@dataclass(frozen=True)
class SummaryInput:
    """The candidates of a summary and the paragraphs they sit in.

    Attributes
    ----------
    candidates : tuple of Sentence
        Body sentences in corpus order, each text once.
    paragraphs : tuple of tuple of Sentence
        Each paragraph's headings, then its candidates: the input to sumy's model.
    """

    candidates: tuple[Sentence, ...]
    paragraphs: tuple[tuple[Sentence, ...], ...]

    @property
    def headings(self) -> tuple[Sentence, ...]:
        """The headings kept with the paragraphs, in order."""
        return tuple(s for paragraph in self.paragraphs for s in paragraph if s.is_heading)

    @cached_property
    def tokens(self) -> TokenTable:
        """The candidates' and headings' words, tokenised once for every method."""
        return TokenTable(
            [to_words(s.text) for s in self.candidates],
            [to_words(s.text) for s in self.headings],
        )

    @cached_property
    def word_counts(self) -> np.ndarray:
        """Words per candidate (letters only), for word budgets."""
        return np.array([count_words(s.text) for s in self.candidates], dtype=np.int64)

    @property
    def document_count(self) -> int:
        """How many documents the candidates come from."""
        return len({s.doc_id for s in self.candidates})

    def __len__(self) -> int:
        return len(self.candidates)

    def subset(self, keep: Callable[[Sentence], bool]) -> SummaryInput:
        """Only the candidates ``keep`` accepts, headings moved onto what remains."""
        return _assemble(self.paragraphs, keep)


def build_input(documents: Iterable[Document]) -> SummaryInput:
    """Gather the candidates and paragraphs of ``documents`` in order."""
    paragraphs: list[tuple[Sentence, ...]] = []
    for document in documents:
        for _, group in groupby(document.sentences, key=lambda s: s.paragraph):
            paragraphs.append(tuple(group))
    standing = _assemble(paragraphs, lambda sentence: stands_alone(sentence.text))
    return standing if len(standing) else _assemble(paragraphs, lambda sentence: True)


def _assemble(
    paragraphs: Iterable[tuple[Sentence, ...]], keep: Callable[[Sentence], bool]
) -> SummaryInput:
    seen: set[str] = set()
    candidates: list[Sentence] = []
    kept: list[tuple[Sentence, ...]] = []
    headings: list[Sentence] = []
    for paragraph in paragraphs:
        if headings and headings[0].doc_id != paragraph[0].doc_id:
            headings = []  # a heading never introduces another document's text
        body: list[Sentence] = []
        for sentence in paragraph:
            if sentence.is_heading:
                headings.append(sentence)
            elif sentence.text not in seen and keep(sentence):
                seen.add(sentence.text)
                body.append(sentence)
        if body:
            kept.append((*headings, *body))
            candidates.extend(body)
            headings = []
    return SummaryInput(tuple(candidates), tuple(kept))
