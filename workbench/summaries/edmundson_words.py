"""The three word lists Edmundson's method reads, which sumy leaves to the caller.

Edmundson (1969, "New methods in automatic extracting") rates a sentence by
cue words, title words and location. His cue dictionary has three classes:

* **bonus words** (raise a sentence), package data in
  ``workbench/data/edmundson_bonus_words.txt``. With a query, its content
  words are bonus words too: they mark what the analyst asked about.
* **stigma words** (lower a sentence), package data in
  ``workbench/data/edmundson_stigma_words.txt``.
* **null words** (ignored when reading headings for the title method): the
  stop words, function words that say nothing of the subject.

The bonus and stigma lists are general, the same for every article (no list
is learnt from the text being summarised); each file's header says what its
words are and where they came from. Keeping them as data lets them be read
and changed without reading code.
"""

from __future__ import annotations

from workbench.data import read_lines
from workbench.summaries.tokens import STOP_WORDS, to_words

#: Value, importance, superlative, conclusion and cause words; verbs reporting a decision.
BONUS_WORDS: tuple[str, ...] = read_lines("edmundson_bonus_words.txt")

#: Hedges, rumour markers, belittling words and asides.
STIGMA_WORDS: tuple[str, ...] = read_lines("edmundson_stigma_words.txt")

#: Words that say nothing of the subject: the stop words.
NULL_WORDS: frozenset[str] = STOP_WORDS


def bonus_words(query: str | None = None) -> tuple[str, ...]:
    """The bonus words: :data:`BONUS_WORDS`, then the query's content words if any.

    Examples
    --------
    >>> bonus_words("talks in Moscow")[-2:]
    ('talks', 'moscow')
    >>> bonus_words() == BONUS_WORDS
    True
    """
    if not query:
        return BONUS_WORDS
    asked = (word.lower() for word in to_words(query))
    return tuple(dict.fromkeys([*BONUS_WORDS, *(word for word in asked if word not in STOP_WORDS)]))
