"""Sentences that lean on the one before them, which a summary of several articles avoids.

In its article, "He said about 300 lawsuits are pending." follows the sentence
that names him; in a summary of several articles the sentence before it is
another article's, and the reader is left asking who. So a multi-document
summary prefers sentences that need no context (:func:`needs_context` false):
those that open with a connective answering the sentence before ("But",
"However", "As a result"), with a pronoun or possessive standing for someone
named before ("He", "Its", "Their"), or that attribute what they report to a
pronoun ("..., he said.", "Kuwait, they said, was pumping ...") are chosen only
when the others run out (:func:`prefer_standalone`). A sentence that opens a
quotation is judged by its attribution alone: the pronouns inside a quotation
are the speaker's.

These are preferences, not exclusions (fragments are excluded, by
:func:`~workbench.summaries.source.stands_alone`): an article told through one
person's statements still gets a summary. A summary of one article keeps its
ranking: its sentences read in the article's order, where "he" has usually been
named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from workbench.data import word_set
from workbench.model import Sentence

#: Words and phrases (lower case) that open a sentence leaning on the one before.
OPENERS = word_set("summaries_context_openers.txt")

#: Verb forms attributing what is reported to a source ("said", "added", "told").
ATTRIBUTION_VERBS = word_set("summaries_attribution_verbs.txt")

#: An opener at the start (after any quote or bracket), as a whole word: "But the
#: talks", "As a result, exports", not "Then-president Reagan".
_OPENER = re.compile(
    r"^[\W_]*(?:"
    + "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(OPENERS))
    + r")(?![\w'’-])",
    re.IGNORECASE,
)
_OPENING_QUOTE = re.compile(r"\s*[\"“‘']")
#: A pronoun as the source of a report, where a source stands: at the start or after
#: a comma or a closing quote ("He said ...", "..., they said"), not "the ministry
#: said it estimated" (the pronoun names what the sentence has named).
_PRONOUN_SOURCE = re.compile(
    r"(?:^|[,”\"]\s*)(?:he|she|it|they)\s+(?:" + "|".join(sorted(ATTRIBUTION_VERBS)) + r")\b",
    re.IGNORECASE,
)


def needs_context(text: str) -> bool:
    r"""Whether a sentence leans on the one before it: who "he" is, what "But" answers.

    Examples
    --------
    >>> needs_context("He\nsaid about 300 lawsuits are pending.")
    True
    >>> needs_context("But the talks broke down on Friday.")
    True
    >>> needs_context('"You can wipe that off your slate," he said.')
    True
    >>> needs_context("As a result, exports fell 12 pct.")
    True
    >>> needs_context("Ghana's cocoa board said exports would rise in 1987.")
    False
    >>> needs_context('"We will not sell," the cocoa board of Ghana said.')
    False
    >>> needs_context("The ministry said it estimated losses at $5 million.")
    False
    >>> needs_context("Then-president Reagan signed the bill.")
    False
    """
    if _PRONOUN_SOURCE.search(text.lstrip()):
        return True
    if _OPENING_QUOTE.match(text):
        return False
    return _OPENER.match(text[:200]) is not None


def prefer_standalone(order: np.ndarray, candidates: Sequence[Sentence]) -> np.ndarray:
    """``order`` with the candidates that need context moved after all the others.

    Each group keeps the order it had: the ranking decides within it.

    Parameters
    ----------
    order : numpy.ndarray of int
        Candidate positions, best first.
    candidates : sequence of Sentence
        The sentences the positions index.

    Returns
    -------
    numpy.ndarray of int
        The same positions, those whose sentence :func:`needs_context` last.
    """
    leaning = np.array([needs_context(candidates[int(p)].text) for p in order], dtype=bool)
    return np.concatenate([order[~leaning], order[leaning]]) if len(order) else order
