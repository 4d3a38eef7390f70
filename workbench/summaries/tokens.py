"""The words every summariser scores, tokenised once the way sumy does it.

sumy reads a sentence's words with the tokenizer (here
:class:`workbench.corpus.segment.SentenceTokenizer`: runs of letters, numbers and
punctuation dropped), lower-cases them (``normalize_word``), drops stop words
(sumy's English list) and stems with its ``Stemmer("english")`` (NLTK's
Snowball stemmer, code only). Each sumy summarizer combines those steps in its
own order, so :class:`TokenTable` keeps every stage, and the fast engines pick
the one their sumy counterpart uses. Stems are cached: stemming is the slow part
of tokenising, and a corpus repeats its words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

import numpy as np
import scipy.sparse
from sumy.utils import get_stop_words

from workbench.corpus.segment import SentenceTokenizer

#: sumy's English stop words (580, lower case): what every summarizer leaves out.
STOP_WORDS: frozenset[str] = get_stop_words("english")

_TOKENIZER = SentenceTokenizer()


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The English stem sumy gives a lower-cased word (cached).

    Examples
    --------
    >>> stem("talks"), stem("hosting")
    ('talk', 'host')
    """
    return _english_stemmer()(word)


@lru_cache(maxsize=1)
def _english_stemmer() -> Callable[[str], str]:
    # imported on first use: sumy's stemmers import NLTK, which takes seconds to load
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=1 << 17)
def to_words(text: str) -> tuple[str, ...]:
    """The words sumy sees in ``text`` (``Sentence.words``), cached by text.

    The same as ``SentenceTokenizer().to_words(text)``, which the sumy engine
    uses; summarising a corpus again (another method, length or query) then
    reads no sentence twice.
    """
    return _TOKENIZER.to_words(text.strip())


class TokenTable:
    """The words of the candidate sentences (and of the headings) at each stage.

    Parameters
    ----------
    sentence_words : sequence of tuple of str
        The words of each candidate sentence, as the tokenizer gives them.
    heading_words : sequence of tuple of str
        The words of each heading: sumy counts them in ``document.words``
        (Luhn, LSA) but never rates a heading.
    """

    def __init__(
        self,
        sentence_words: Sequence[tuple[str, ...]],
        heading_words: Sequence[tuple[str, ...]] = (),
    ) -> None:
        self.words = tuple(sentence_words)
        self.heading_words = tuple(heading_words)

    @classmethod
    def from_texts(cls, sentences: Sequence[str], headings: Sequence[str] = ()) -> TokenTable:
        """Tokenise sentence and heading texts."""
        return cls([to_words(text) for text in sentences], [to_words(text) for text in headings])

    def __len__(self) -> int:
        return len(self.words)

    @cached_property
    def lowered(self) -> tuple[tuple[str, ...], ...]:
        """Words lower-cased (sumy's ``normalize_word``)."""
        return tuple(tuple(word.lower() for word in words) for words in self.words)

    @cached_property
    def content_words(self) -> tuple[tuple[str, ...], ...]:
        """Lower-cased words without stop words, unstemmed (KL)."""
        return tuple(
            tuple(word for word in words if word not in STOP_WORDS) for words in self.lowered
        )

    @cached_property
    def content_stems(self) -> tuple[tuple[str, ...], ...]:
        """Stems of the lower-cased words that are not stop words (most methods)."""
        return tuple(tuple(stem(word) for word in words) for words in self.content_words)

    @cached_property
    def stems(self) -> tuple[tuple[str, ...], ...]:
        """Stems of every word, stop words included (Luhn's chunks, LSA's counts)."""
        return tuple(tuple(stem(word) for word in words) for words in self.lowered)

    @cached_property
    def heading_content_stems(self) -> tuple[str, ...]:
        """Stems of the headings' words that are not stop words, in one sequence."""
        return tuple(
            stem(word.lower())
            for words in self.heading_words
            for word in words
            if word.lower() not in STOP_WORDS
        )


def count_matrix(
    rows: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None
) -> tuple[scipy.sparse.csr_matrix, dict[str, int]]:
    """Count each row's terms into a sparse ``rows x terms`` matrix.

    Parameters
    ----------
    rows : sequence of sequence of str
        The terms of each row, repeats counted.
    vocabulary : dict, optional
        Term to column; grown in place with unseen terms. A new one by default.

    Returns
    -------
    (scipy.sparse.csr_matrix, dict)
        Float64 counts with sorted column indices, and the vocabulary.
    """
    vocabulary = {} if vocabulary is None else vocabulary
    columns: list[int] = []
    lengths = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
    for row in rows:
        for term in row:
            column = vocabulary.get(term)
            if column is None:
                column = vocabulary[term] = len(vocabulary)
            columns.append(column)
    row_ids = np.repeat(np.arange(len(rows)), lengths)
    matrix = scipy.sparse.csr_matrix(
        (np.ones(len(columns)), (row_ids, np.asarray(columns, dtype=np.int64))),
        shape=(len(rows), max(len(vocabulary), 1)),
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    return matrix, vocabulary
