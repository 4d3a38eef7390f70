"""The learned answer model: a candidate ranker and a calibrated answer confidence.

Two models, both fitted by ``workbench train qa`` (:mod:`workbench.train.qa`)
and stored as data in ``workbench/data/qa_model.json`` (:data:`MODEL_FILE`),
never as a pickle:

1. **The ranker**, a logistic regression over the named features of the
   feature table (:mod:`workbench.qa.table`): each candidate's score is a logit,
   and a softmax over one question's candidates gives each the chance of being
   the answer. The chances of candidates that are the same answer
   (:func:`same_answer`) add up: the answer's ``mass``.
2. **The answer confidence**: a second model, over what the ranker's choice
   looks like (:func:`answer_features`: its mass, its score, its margin over
   the best different answer, its sentence's coverage, the question's kind),
   fitted on whether the chosen answer is right, with unanswerable questions
   among the training questions: gradient-boosted trees
   (:class:`~workbench.qa.learned.TreeEnsemble`), or in older files a logistic
   regression (:class:`~workbench.qa.learned.LinearModel`). Its output is then
   mapped through an isotonic regression fitted on held-out questions, so that
   answers given with confidence 0.8 are right about 80% of the time.

:func:`load_model` reads the file once and checks it; a missing or corrupt
file is a :class:`~workbench.errors.ModelFileError` that says how to rebuild it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.errors import ModelFileError
from workbench.qa.candidates import NAME_LABELS, Candidate
from workbench.qa.learned import (
    MODEL_FILE,
    REBUILD,
    Calibration,
    LinearModel,
    TreeEnsemble,
    is_number,
    read_scorer,
)

if TYPE_CHECKING:
    from workbench.model import Sentence
    from workbench.qa.analysis import QuestionAnalysis
    from workbench.qa.table import CandidateRow

#: Largest margin of a score over the best different answer's that the confidence sees.
MAX_MARGIN = 5.0

#: A question's candidate count at which the ``candidates`` feature reaches 1 (log scale).
CANDIDATES_SCALE = 2000

#: Candidates whose answer mass and margin are computed: the answer and its alternatives.
RANKED = 20


@dataclass(frozen=True)
class ScoredCandidate:
    """One candidate answer in one retrieved sentence, ranked, with its confidence.

    Attributes
    ----------
    candidate : Candidate
        The span, with raw-text offsets.
    doc_id : str
        Its document.
    sentence : int
        Position of its sentence among the retrieved sentences.
    features : dict of str to float
        Its row of the feature table (:mod:`workbench.qa.table`).
    score : float
        The ranker's logit: the candidates are ranked by it.
    margin : float
        Its score minus the best score of a different answer, within ±:data:`MAX_MARGIN`.
    confidence : float
        The calibrated chance that it is right if given (0 below the top :data:`RANKED`).
    mass : float
        The softmax chance, over the question's candidates, of every candidate that
        is the same answer.
    region : float
        The softmax chance of every candidate of its sentence that overlaps it
        (itself included): how surely the answer lies here, whatever its bounds.
    named_in : Sentence or None
        For a name reached through a pronoun, the sentence that writes it.
    """

    candidate: Candidate
    doc_id: str
    sentence: int
    features: dict[str, float]
    score: float
    margin: float
    confidence: float
    mass: float = 0.0
    region: float = 0.0
    named_in: Sentence | None = None


@dataclass(frozen=True)
class AnswerModel:
    """The ranker, the answer confidence, its calibration, and how they were fitted.

    Attributes
    ----------
    ranker : LinearModel
        Scores candidates (:mod:`workbench.qa.learned`).
    confidence : LinearModel or TreeEnsemble
        Scores the chosen answer (:func:`answer_features`) with a logit.
    calibration : Calibration
        Maps the confidence's probability to a measured one.
    threshold : float
        The least calibrated confidence for giving an answer, chosen on validation data.
    trained : dict
        What it was trained on, with which command and settings.
    """

    ranker: LinearModel
    confidence: LinearModel | TreeEnsemble
    calibration: Calibration
    threshold: float
    trained: dict[str, object]

    def rank(
        self,
        rows: Sequence[CandidateRow],
        doc_ids: Sequence[str],
        analysis: QuestionAnalysis,
    ) -> list[ScoredCandidate]:
        """Score every row and rank the candidates, best first, with their confidences.

        ``doc_ids`` holds each retrieved sentence's document. Ties keep the
        order of the sentences, then of the offsets.
        """
        if not rows:
            return []
        candidates = [row.candidate for row in rows]
        scores = self.ranker.logits([row.features for row in rows])
        sentences = np.array([row.sentence for row in rows])
        documents = np.array([doc_ids[row.sentence] for row in rows])  # once, not per candidate
        order = ranking(candidates, scores, sentences)
        chances = softmax(scores)
        top = order[:RANKED]
        shares = [
            within_document(number, order, candidates, sentences, documents, scores, chances)
            for number in top
        ]
        confidences = self.calibrated_many(
            [
                answer_features(
                    analysis, rows[number].features, float(scores[number]), margin, mass,
                    len(rows), region,
                )
                for number, (mass, margin, region) in zip(top, shares, strict=True)
            ]
        )  # fmt: skip
        ranked = []
        for rank, number in enumerate(order):
            row = rows[number]
            margin, mass, confidence, region = 0.0, float(chances[number]), 0.0, 0.0
            if rank < RANKED:
                (mass, margin, region), confidence = shares[rank], confidences[rank]
            ranked.append(
                ScoredCandidate(
                    row.candidate,
                    doc_ids[row.sentence],
                    row.sentence,
                    row.features,
                    float(scores[number]),
                    margin,
                    confidence,
                    mass,
                    region,
                    row.named_in,
                )
            )
        return ranked

    def calibrated(self, features: Mapping[str, float]) -> float:
        """The calibrated chance that an answer with these :func:`answer_features` is right."""
        return self.calibrated_many([features])[0]

    def calibrated_many(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """:meth:`calibrated` of each of ``rows``, scored by the confidence in one call."""
        if not rows:
            return []
        logits = self.confidence.logits(rows)
        return [self.calibration(1.0 / (1.0 + math.exp(-float(logit)))) for logit in logits]

    def to_dict(self) -> dict[str, object]:
        """The model file's contents."""
        return {
            **self.trained,
            "threshold": self.threshold,
            "ranker": self.ranker.to_dict(),
            "confidence": self.confidence.to_dict(),
            "calibration": {
                "raw": [round(float(value), 6) for value in self.calibration.raw],
                "measured": [round(float(value), 6) for value in self.calibration.measured],
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> AnswerModel:
        """Read and check what :meth:`to_dict` wrote."""
        if not isinstance(data, Mapping):
            raise ModelFileError(f"{MODEL_FILE} does not hold a JSON object; {REBUILD}")
        threshold = data.get("threshold")
        if not is_number(threshold) or not 0.0 <= float(threshold) <= 1.0:  # type: ignore[arg-type]
            raise ModelFileError(f"{MODEL_FILE}: 'threshold' must be from 0 to 1; {REBUILD}")
        return cls(
            LinearModel.from_dict(data.get("ranker"), "ranker"),
            read_scorer(data.get("confidence"), "confidence"),
            Calibration.from_dict(data.get("calibration")),
            float(threshold),  # type: ignore[arg-type]
            {
                key: value
                for key, value in data.items()
                if key not in {"threshold", "ranker", "confidence", "calibration"}
            },
        )


def answer_features(
    analysis: QuestionAnalysis,
    features: Mapping[str, float],
    score: float,
    margin: float,
    mass: float,
    candidates: int,
    region: float,
) -> dict[str, float]:
    """What the answer confidence weighs: how the ranker's choice looks, in named features.

    Its answer mass, the mass of the candidates overlapping it in its sentence
    (``region``, :func:`region_mass`), its score (squashed to (0, 1)), its margin
    over the best different answer (scaled by :data:`MAX_MARGIN`), how many candidates there
    were (on a log scale), the question's kind and the answer's label group,
    and every measure of its row of the feature table (``features``:
    coverage, slot, the alignment windows, ...) as ``row:<name>``. Training
    builds its rows with the same function.
    """
    found = {
        "mass": mass,
        "region": region,
        "score": 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))),
        "margin": margin / MAX_MARGIN,
        "candidates": math.log1p(candidates) / math.log1p(CANDIDATES_SCALE),
        f"kind={analysis.kind}": 1.0,
    }
    for name, value in features.items():
        if "=" not in name:
            found[f"row:{name}"] = value
        elif name.startswith("group="):
            found[f"kind={analysis.kind}&{name}"] = 1.0
    return found


def softmax(scores: np.ndarray) -> np.ndarray:
    """The chance of each candidate being the answer, from the ranker's logits."""
    chances = np.exp(scores - scores.max())
    return chances / chances.sum()


def ranking(
    candidates: Sequence[Candidate], scores: np.ndarray, sentences: Sequence[int]
) -> list[int]:
    """Row numbers best first: by score, then sentence position, then offset."""
    return sorted(
        range(len(candidates)),
        key=lambda i: (-scores[i], sentences[i], candidates[i].start),
    )


def within_document(
    number: int,
    order: Sequence[int],
    candidates: Sequence[Candidate],
    sentences: Sequence[int],
    documents: Sequence[str],
    scores: np.ndarray,
    chances: np.ndarray,
) -> tuple[float, float, float]:
    """Candidate ``number``'s answer mass, margin and region mass within its own document.

    Articles report different events, so a question may have a true answer in
    each ("Which countries hosted talks?"): the chances are shared out within
    the candidate's document, and its mass (:func:`mass_and_margin`) and region
    (:func:`region_mass`) say how surely it is *that* document's answer. How
    much the document speaks to the question is in the row's own features
    (coverage, retrieval, rank).
    """
    same = np.asarray(documents) == documents[number]
    shares = np.where(same, chances, 0.0)
    shares = shares / shares.sum()
    in_document = [other for other in order if same[other]]
    mass, margin = mass_and_margin(number, in_document, candidates, scores, shares)
    return mass, margin, region_mass(number, candidates, sentences, shares)


def mass_and_margin(
    number: int,
    order: Sequence[int],
    candidates: Sequence[Candidate],
    scores: np.ndarray,
    chances: np.ndarray,
) -> tuple[float, float]:
    """The answer mass of candidate ``number`` and its margin over the best different answer.

    The mass adds the chances of every candidate that is the same answer
    (:func:`same_answer`); the margin is its score less the best different
    answer's, within ±:data:`MAX_MARGIN`.
    """
    candidate = candidates[number]
    mass = 0.0
    margin = None
    for other in order:
        if same_answer(candidate, candidates[other]):
            mass += float(chances[other])
        elif margin is None:
            margin = max(-MAX_MARGIN, min(MAX_MARGIN, float(scores[number] - scores[other])))
    return mass, MAX_MARGIN if margin is None else margin


def region_mass(
    number: int,
    candidates: Sequence[Candidate],
    sentences: Sequence[int],
    chances: np.ndarray,
) -> float:
    """The chances of candidate ``number`` and of every candidate of its sentence overlapping it.

    "Ambassador Khalilzad", "Khalilzad" and "Zalmay Khalilzad" split one answer's
    chance between their bounds; their sum says how surely the answer lies here.
    """
    candidate = candidates[number]
    neighbours = np.flatnonzero(np.asarray(sentences) == sentences[number])
    return float(
        sum(
            chances[other]
            for other in neighbours
            if candidates[other].start < candidate.end and candidate.start < candidates[other].end
        )
    )


def same_answer(first: Candidate, second: Candidate) -> bool:
    """Same normalised text, or for names one inside the other ("Khalilzad", "Zalmay Khalilzad")."""
    if first.key == second.key:
        return True
    names = NAME_LABELS | {"PROPN"}
    if first.label not in names or second.label not in names:
        return False
    shorter, longer = sorted((first.words, second.words), key=len)
    return set(shorter) <= set(longer)


@cache
def load_model(path: str | None = None) -> AnswerModel:
    """The answer model from ``path``, by default the package's :data:`MODEL_FILE`; read once.

    Raises
    ------
    ModelFileError
        If the file is missing, is not JSON, or lacks a part of the model.
    """
    try:
        if path is None:
            text = resources.files("workbench.data").joinpath(MODEL_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ModelFileError(
            f"cannot read the answer model {MODEL_FILE}: {error}; {REBUILD}"
        ) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelFileError(f"{MODEL_FILE} is not valid JSON ({error}); {REBUILD}") from error
    return AnswerModel.from_dict(data)
