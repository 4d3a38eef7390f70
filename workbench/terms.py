"""What counts as a search term, shared by indexing and by highlighting.

Search terms are found by one regular expression and normalised by one function,
so the words highlighted in a hit are exactly the words the index matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sklearn.feature_extraction.text import strip_accents_unicode

#: Runs of two or more letters or digits, or a lone digit. Underscores and punctuation
#: separate tokens ("peace_talks" is two words); lone letters are dropped because in
#: news they are mostly the "s" of a possessive split off by a curly apostrophe, while a
#: lone digit carries meaning ("3 months", "G 7").
TOKEN_PATTERN = r"(?u)[^\W_]{2,}|(?<![^\W_])\d(?![^\W_])"

_TOKEN = re.compile(TOKEN_PATTERN)
_WORD = re.compile(r"(?u)[^\W_]+")


def normalise(text: str) -> str:
    """Fold accents and case the way the index does (``"Café"`` -> ``"cafe"``).

    Examples
    --------
    >>> normalise("Café Zürich")
    'cafe zurich'
    """
    return strip_accents_unicode(text).lower()


def words(text: str) -> list[str]:
    """Every run of letters or digits, normalised, including one-letter words.

    Used to explain why a query yields no search term (it has only stop words).
    """
    return _WORD.findall(normalise(text))


def term_spans(text: str, terms: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` of every token of ``text`` that is a word of ``terms``.

    Bigram terms ("talks moscow") contribute both their words.

    Examples
    --------
    >>> list(term_spans("Talks in Moscow began", ["talks moscow"]))
    [(0, 5), (9, 15)]
    """
    wanted = {word for term in terms for word in term.split()}
    for match in _TOKEN.finditer(text):
        if normalise(match.group()) in wanted:
            yield match.start(), match.end()
