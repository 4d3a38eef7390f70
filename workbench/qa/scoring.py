"""Ranking candidate answers: agreement across sentences, the score, the margin, the confidence.

Each candidate comes with its features from one retrieved sentence
(:mod:`workbench.qa.features`). :func:`rank_candidates` adds ``agreement`` (the
same answer found in other retrieved sentences, :func:`agreement`), scores each
candidate by the fitted weights of :mod:`workbench.qa.weights`
(:func:`candidate_score`), takes its margin over the best *different* answer
(:func:`same_answer` tells answers apart) and turns score, margin and coverage
into the chance that the candidate is right if chosen (:func:`confidence`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.qa.candidates import NAME_LABELS, Candidate
from workbench.qa.weights import (
    CONFIDENCE_INTERCEPT,
    CONFIDENCE_WEIGHTS,
    FEATURE_WEIGHTS,
    SCORE_INTERCEPT,
)

if TYPE_CHECKING:
    from workbench.model import Sentence

#: Largest margin a candidate's score may have over (or under) the best different answer:
#: beyond it, a lead says no more. Hand-set, not fitted; calibration clips margins with it
#: too, before fitting :data:`~workbench.qa.weights.CONFIDENCE_WEIGHTS`.
MAX_MARGIN = 5.0

#: Share of a sentence's strength that its coverage of the question makes up; its
#: retrieval score, relative to the best retrieved, makes up the rest. Hand-set.
COVERAGE_SHARE = 0.5

#: How fast support from other sentences saturates agreement: ``1 - exp(-rate *
#: support)``. Hand-set.
AGREEMENT_RATE = 2.0


@dataclass(frozen=True)
class ScoredCandidate:
    """One candidate answer in one retrieved sentence, with its features and confidence.

    Attributes
    ----------
    candidate : Candidate
        The span, with raw-text offsets.
    doc_id : str
        Its document.
    sentence : int
        Position of its sentence among the retrieved sentences.
    features : dict of str to float
        The features of :data:`~workbench.qa.weights.FEATURE_WEIGHTS`, each in
        [0, 1], and ``named`` (how surely the sentence is about the question's
        names), which scales ``coverage`` instead of adding to the score.
    score : float
        ``weights · features + intercept``: the candidates are ranked by it.
    margin : float
        Its score minus the best score of a different answer, within ±:data:`MAX_MARGIN`.
    confidence : float
        The chance that it is right if chosen (see :func:`confidence`).
    named_in : Sentence or None
        For a name reached through a pronoun of the retrieved sentence, the
        sentence that writes the name (where ``candidate``'s offsets point).
    """

    candidate: Candidate
    doc_id: str
    sentence: int
    features: dict[str, float]
    score: float
    margin: float
    confidence: float
    named_in: Sentence | None = None


def sentence_strength(coverage: float, score: float, top_score: float) -> float:
    """How strongly a retrieved sentence speaks to the question, in [0, 1].

    Its coverage of the question's terms and its retrieval ``score`` relative to
    the best retrieved one (``top_score``), in equal shares (:data:`COVERAGE_SHARE`).
    It orders the evidence and weighs the support of other sentences in :func:`agreement`.
    """
    return COVERAGE_SHARE * coverage + (1.0 - COVERAGE_SHARE) * score / top_score


def candidate_score(features: dict[str, float]) -> float:
    """A candidate's score, a logit: the fitted weights times its features, plus the intercept."""
    return SCORE_INTERCEPT + sum(FEATURE_WEIGHTS[name] * features[name] for name in FEATURE_WEIGHTS)


def confidence(score: float, margin: float, coverage: float) -> float:
    """The chance that a candidate is right if chosen, ``1 / (1 + exp(-z))``.

    ``z`` is the fitted :data:`~workbench.qa.weights.CONFIDENCE_WEIGHTS` times the
    candidate's score, its margin over the best different answer and its
    sentence's coverage, plus the intercept. Fitted with one row per question
    (the chosen candidate right or wrong), so it estimates how often an answer
    given with this confidence is right.
    """
    weights = CONFIDENCE_WEIGHTS
    z = (
        CONFIDENCE_INTERCEPT
        + weights["score"] * score
        + weights["margin"] * margin
        + weights["coverage"] * coverage
    )
    return 1.0 / (1.0 + math.exp(-z))


def agreement(
    found: list[tuple[Candidate, int, dict[str, float]]], strength: list[float]
) -> list[float]:
    """For each candidate, ``1 - exp(-2 * support)`` from the other sentences.

    An answer found in another sentence supports this one as far as it answers
    there too: by the strength of that sentence times how well the answer sits in
    it (its slot or closeness), the best occurrence in each sentence counting once.
    ``found`` holds each candidate with its sentence's position and its features;
    ``strength`` each sentence's :func:`sentence_strength`. The rate 2 is
    :data:`AGREEMENT_RATE`.
    """
    by_sentence: dict[int, dict[str, tuple[Candidate, float]]] = {}
    for candidate, position, features in found:
        quality = strength[position] * max(features["slot"], features["closeness"])
        occurrences = by_sentence.setdefault(position, {})
        if quality >= occurrences.get(candidate.key, (candidate, -1.0))[1]:
            occurrences[candidate.key] = (candidate, quality)
    agreements = []
    for candidate, position, _ in found:
        support = sum(
            max(
                (
                    quality
                    for other, quality in occurrences.values()
                    if same_answer(candidate, other)
                ),
                default=0.0,
            )
            for other_position, occurrences in by_sentence.items()
            if other_position != position
        )
        agreements.append(1.0 - math.exp(-AGREEMENT_RATE * support))
    return agreements


def same_answer(first: Candidate, second: Candidate) -> bool:
    """Same normalised text, or for names one inside the other ("Khalilzad", "Zalmay Khalilzad")."""
    if first.key == second.key:
        return True
    names = NAME_LABELS | {"PROPN"}
    if first.label not in names or second.label not in names:
        return False
    shorter, longer = sorted((first.words, second.words), key=len)
    return set(shorter) <= set(longer)


def rank_candidates(
    found: list[tuple[Candidate, int, dict[str, float]]],
    strength: list[float],
    doc_ids: list[str],
    sources: dict[int, Sentence],
) -> list[ScoredCandidate]:
    """Score every candidate and rank them, best first.

    Parameters
    ----------
    found : list of (Candidate, int, dict)
        Each candidate, the position of its sentence among the retrieved ones, and
        its features; ``agreement`` is added to the features here.
    strength : list of float
        Each retrieved sentence's :func:`sentence_strength`.
    doc_ids : list of str
        Each retrieved sentence's document.
    sources : dict of int to Sentence
        For a candidate reached through a pronoun (by its number in ``found``),
        the sentence that writes its name.

    Returns
    -------
    list of ScoredCandidate
        By score, best first; ties by sentence position, then by offset.
    """
    agreements = agreement(found, strength)
    scores = []
    for (_candidate, _position, features), support in zip(found, agreements, strict=True):
        features["agreement"] = support
        scores.append(candidate_score(features))
    scored = []
    for number, (candidate, position, features) in enumerate(found):
        rivals = [
            scores[other]
            for other, (rival, _, _) in enumerate(found)
            if not same_answer(candidate, rival)
        ]
        margin = scores[number] - max(rivals) if rivals else MAX_MARGIN
        margin = max(-MAX_MARGIN, min(MAX_MARGIN, margin))
        scored.append(
            ScoredCandidate(
                candidate,
                doc_ids[position],
                position,
                features,
                scores[number],
                margin,
                confidence(scores[number], margin, features["coverage"]),
                sources.get(number),
            )
        )
    scored.sort(key=lambda item: (-item.score, item.sentence, item.candidate.start))
    return scored
