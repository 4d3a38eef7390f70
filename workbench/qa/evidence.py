"""Which sentences an answer cites, and which other candidates it shows.

The evidence of an answer is the sentence that gives it, then, for a name
reached through a pronoun, the sentence that writes the name
(:func:`named_in`), then the other retrieved sentences, strongest first
(:func:`by_strength`); each sentence once (:func:`cite`). Without an answer the
strongest sentences are still cited: the closest the articles come.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.qa.answer import Evidence
from workbench.qa.ranker import ScoredCandidate
from workbench.qa.reading import sentence_strength

if TYPE_CHECKING:
    from workbench.model import Sentence

#: Distinct candidates considered, best first: an answer lists all but itself as its
#: alternatives, no answer lists them all. Hand-set: what an analyst checks at a glance.
ALTERNATIVES = 4


def by_strength(
    sentences: list[tuple[Sentence, float]], coverages: list[float]
) -> list[tuple[Sentence, float]]:
    """The retrieved sentences with their scores, strongest first (:func:`sentence_strength`)."""
    top_score = max(score for _, score in sentences) or 1.0
    order = sorted(
        range(len(sentences)),
        key=lambda i: -sentence_strength(coverages[i], sentences[i][1], top_score),
    )
    return [sentences[i] for i in order]


def named_in(
    best: ScoredCandidate, sentences: list[tuple[Sentence, float]]
) -> list[tuple[Sentence, float]]:
    """The sentence that writes an answer reached through a pronoun, with its retrieval score.

    Its score is 0 when it was not retrieved: it is cited for naming the answer.
    """
    source = best.named_in
    if source is None:
        return []
    key = (source.doc_id, source.index)
    score = next((s for sentence, s in sentences if (sentence.doc_id, sentence.index) == key), 0.0)
    return [(source, score)]


def cite(cited: list[tuple[Sentence, float]], count: int) -> tuple[Evidence, ...]:
    """The first ``count`` distinct sentences of ``cited`` as evidence."""
    seen: set[tuple[str, int]] = set()
    evidence = []
    for sentence, score in cited:
        key = (sentence.doc_id, sentence.index)
        if key in seen:
            continue
        seen.add(key)
        evidence.append(
            Evidence(
                doc_id=sentence.doc_id,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                score=round(score, 6),
                sentence=sentence.index,
            )
        )
        if len(evidence) == count:
            break
    return tuple(evidence)


def alternatives(
    scored: list[ScoredCandidate], count: int = ALTERNATIVES
) -> tuple[tuple[str, float], ...]:
    """The best distinct candidates with their confidence, best first.

    Distinct by key, and none a part of another listed ("November" and "9" beside
    "November 9", "mid" beside "mid-April"): the longer stays. The first, the
    answer, always stays first.
    """
    seen: set[str] = set()
    found: list[tuple[str, float]] = []
    for item in scored:
        if item.candidate.key in seen:
            continue
        seen.add(item.candidate.key)
        found.append((item.candidate.text, round(item.confidence, 4)))
        if len(found) == count * _LOOKED_AT:
            break
    words = [_words(text) for text, _ in found]
    kept = [item for i, item in enumerate(found) if i == 0 or not _part_of_another(i, words)]
    return tuple(kept[:count])


#: How many candidates per one listed are looked at, so parts left out leave room.
_LOOKED_AT = 3


def _part_of_another(i: int, words: list[frozenset[str]]) -> bool:
    """Whether candidate ``i``'s words are all in one listed before it, or in a longer one after."""
    before = any(words[i] <= other for other in words[:i])
    return before or any(words[i] < other for other in words[i + 1 :])


def _words(text: str) -> frozenset[str]:
    """The words and numbers of ``text``, case folded: "mid-April" -> {"mid", "april"}."""
    return frozenset(_WORD.findall(text.casefold()))


_WORD = re.compile(r"\w+")
