"""The three word lists Edmundson's method reads, which sumy leaves to the caller.

Edmundson (1969, "New methods in automatic extracting") rates a sentence by
cue words, title words and location. His cue dictionary has three classes,
found by how often words occur in the sentences people chose for abstracts;
the lists here follow his classes, with words from news writing, and are the
same for every article (no list is learnt from the text being summarised):

* **bonus words** (raise a sentence): value and importance terms,
  superlatives, and words of conclusion and cause, as in Edmundson's list;
  plus the verbs with which news reports a decision or an outcome, since the
  sentence that reports it is the news. With a query, its content words are
  bonus words too: they mark what the analyst asked about.
* **stigma words** (lower a sentence): hedges and rumour markers, belittling
  words and asides, which in news mark the less certain or less central
  sentences.
* **null words** (ignored when reading headings for the title method): the
  stop words, function words that say nothing of the subject.

sumy stems every list with the English stemmer, so one form of a word covers
its inflections ("announced" also counts "announces").
"""

from __future__ import annotations

from workbench.summaries.tokens import STOP_WORDS, to_words

#: Value, importance, superlative, conclusion and cause words; verbs reporting a decision.
BONUS_WORDS: tuple[str, ...] = (
    # value and importance
    "important",
    "significant",
    "major",
    "main",
    "key",
    "crucial",
    "critical",
    "vital",
    "essential",
    "central",
    # superlatives and extremes
    "biggest",
    "largest",
    "greatest",
    "highest",
    "lowest",
    "worst",
    "record",
    # conclusion and cause
    "result",
    "consequently",
    "therefore",
    "because",
    "overall",
    # a decision or an outcome
    "announced",
    "agreed",
    "approved",
    "decided",
    "confirmed",
    "concluded",
    "rejected",
    "ruled",
    "signed",
    "launched",
)

#: Hedges, rumour markers, belittling words and asides.
STIGMA_WORDS: tuple[str, ...] = (
    # hedges and rumour
    "allegedly",
    "apparently",
    "maybe",
    "perhaps",
    "possibly",
    "purportedly",
    "reportedly",
    "rumour",
    "rumor",
    "seemingly",
    "speculation",
    "supposedly",
    "unconfirmed",
    "unclear",
    # belittling words and asides
    "hardly",
    "merely",
    "minor",
    "slightly",
    "somewhat",
    "trivial",
    "incidentally",
    "anyway",
)

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
