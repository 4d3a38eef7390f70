"""Words: what counts as a search term, how words are compared, and how they are counted.

Search terms are found by one regular expression and normalised by one function,
so the words highlighted in a hit are exactly the words the index matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

#: Runs of two or more letters or digits, or a lone digit. Underscores and punctuation
#: separate tokens ("peace_talks" is two words); lone letters are dropped because in
#: news they are mostly the "s" of a possessive split off by a curly apostrophe, while a
#: lone digit carries meaning ("3 months", "G 7").
TOKEN_PATTERN = r"(?u)[^\W_]{2,}|(?<![^\W_])\d(?![^\W_])"

#: Words whose :func:`term_key` is remembered.
TERM_KEY_CACHE = 200_000

_TOKEN = re.compile(TOKEN_PATTERN)
_WORD = re.compile(r"(?u)[^\W_]+")


def normalise(text: str) -> str:
    """Fold accents and case the way the index does (``"Café"`` -> ``"cafe"``).

    Examples
    --------
    >>> normalise("Café Zürich")
    'cafe zurich'
    """
    return _strip_accents(text).lower()


def _strip_accents(text: str) -> str:
    """Drop combining marks after NFKD decomposition: scikit-learn's ``strip_accents="unicode"``.

    The same folding as :func:`sklearn.feature_extraction.text.strip_accents_unicode`,
    which the index's vectorizer applies, written here so that the bottom layer
    (and ``import workbench``) does not load scikit-learn. A test holds the two equal.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


#: A word for counting: a run of letters with inner apostrophes ("don't", "O'Neill").
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def count_words(text: str) -> int:
    """Count the words in ``text`` (letters only; numbers and punctuation are not words).

    Examples
    --------
    >>> count_words("Talks on Nov. 9, 2018 -- in Moscow!")
    5
    """
    return sum(1 for _ in LETTER_WORD.finditer(text))


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


_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000"}


@lru_cache(maxsize=TERM_KEY_CACHE)
def term_key(word: str) -> str:
    """The form a word is compared in: accents and case folded, number words as digits.

    Kept for the last :data:`TERM_KEY_CACHE` words: the answerer asks for the
    same words of the same sentences question after question.

    Examples
    --------
    >>> term_key("Three"), term_key("Zürich"), term_key("7,000")
    ('3', 'zurich', '7000')
    """
    key = normalise(word)
    if key.replace(",", "").isdigit():
        return key.replace(",", "")
    return _NUMBER_WORDS.get(key, key)


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    r"""``text`` with every lone surrogate (which UTF-8 cannot encode) made U+FFFD.

    A JSON record may carry "\ud800" on its own, and a file name bytes that are not
    UTF-8 (Python keeps them as surrogates); neither can be printed, cached or
    exported. One code point becomes one, so offsets into the text stay exact.

    Examples
    --------
    >>> without_surrogates("caf\udce9") == "caf\ufffd"
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def printable_path(path: object) -> str:
    """A path as text that can always be printed: undecodable bytes shown as U+FFFD."""
    import os

    return os.fsencode(str(path)).decode("utf-8", "replace")
