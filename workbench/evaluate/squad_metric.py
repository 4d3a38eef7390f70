"""The official SQuAD v1.1 metric: normalised exact match and token F1, best over the gold answers.

As ``evaluate-v1.1.py`` computes them (Rajpurkar et al., 2016): an answer and a
gold answer are normalised (lower case, ASCII punctuation dropped, the articles
"a", "an", "the" dropped, white space collapsed); exact match (EM) is whether
they are then equal, F1 the harmonic mean of token precision and recall over the
multiset of shared tokens; each is the best over the question's gold answers,
and a missing answer scores 0. Kept apart from the evaluation so that the
benchmarks score with the very same functions.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence

_PUNCTUATION = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalise_answer(text: str) -> str:
    """SQuAD's normalisation: lower case, no punctuation, no articles, single spaces.

    In the official script's order: punctuation goes before the articles, so
    "a-b" becomes "ab", not "b".

    Examples
    --------
    >>> normalise_answer("The Eiffel  Tower!")
    'eiffel tower'
    >>> normalise_answer("an apple, a day")
    'apple day'
    """
    text = "".join(char for char in text.lower() if char not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: str) -> bool:
    """Whether the two are equal once normalised.

    Examples
    --------
    >>> exact_match("The Eiffel Tower!", "eiffel tower")
    True
    """
    return normalise_answer(prediction) == normalise_answer(gold)


def token_f1(prediction: str, gold: str) -> float:
    """The harmonic mean of token precision and recall, on normalised text.

    As in the official script, no shared token gives 0, even when both sides
    normalise to nothing.

    Examples
    --------
    >>> round(token_f1("the Eiffel Tower, Paris", "Eiffel Tower"), 3)
    0.8
    """
    predicted = normalise_answer(prediction).split()
    wanted = normalise_answer(gold).split()
    same = sum((Counter(predicted) & Counter(wanted)).values())
    if same == 0:
        return 0.0
    precision = same / len(predicted)
    recall = same / len(wanted)
    return 2 * precision * recall / (precision + recall)


def best_scores(prediction: str | None, golds: Sequence[str]) -> tuple[float, float]:
    """``(EM, F1)`` of ``prediction``, each the best over ``golds``; ``(0, 0)`` for no answer.

    Examples
    --------
    >>> best_scores("Denver Broncos", ["Broncos", "Denver Broncos"])
    (1.0, 1.0)
    >>> best_scores(None, ["Broncos"])
    (0.0, 0.0)
    """
    if prediction is None or not golds:
        return 0.0, 0.0
    em = max(float(exact_match(prediction, gold)) for gold in golds)
    f1 = max(token_f1(prediction, gold) for gold in golds)
    return em, f1
