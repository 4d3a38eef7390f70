"""The candidates of one retrieved sentence that fit the question, with their features.

:func:`sentence_candidates` collects the sentence's candidates
(:mod:`workbench.qa.candidates`) and, where the sentence may give an answer,
the names that pronouns filling the question's role stand for
(:func:`stand_ins`). Each candidate that fits the expected answer types gets
the features the score weighs, each in [0, 1]:

- ``coverage`` and ``retrieval``: how well its sentence covers the question and
  how high it was retrieved (:mod:`workbench.qa.reading`);
- ``fit``: how well its label fits the expected answer types;
- ``slot``: whether it fills the question's role for the predicate
  (:func:`slot_credit`, :mod:`workbench.qa.roles`);
- ``closeness``: how near it is to the predicate and the question's terms
  (:func:`~workbench.qa.matching.closeness`);

and ``named``, how surely its sentence is about the question's names.
``agreement`` is added across sentences (:mod:`workbench.qa.scoring`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import (
    Candidate,
    anaphor_candidates,
    extract_candidates,
    names_calendar_point,
    stand_in,
)
from workbench.qa.matching import anchor_tokens, closeness
from workbench.qa.reading import SentenceReading
from workbench.qa.roles import fills_other_role, slot_match

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from workbench.model import Sentence
    from workbench.nlp.coreference import SentenceContext

#: Credit for filling the question's role for a verb that only stands in for its
#: predicate. Hand-set, not fitted.
FALLBACK_SLOT = 0.6

#: Type fit kept by a vague date ("recent months") answering "when" (see
#: :func:`~workbench.qa.candidates.names_calendar_point`): a calendar date in the same
#: sentence is the better answer. Hand-set, not fitted.
VAGUE_DATE_FIT = 0.75


def sentence_candidates(
    analysis: QuestionAnalysis,
    sentence: Sentence,
    doc: Doc,
    reading: SentenceReading,
    retrieval: float,
    weights: list[float],
    *,
    min_coverage: float,
) -> list[tuple[Candidate, dict[str, float], Sentence | None]]:
    """The candidates of one sentence that fit the question, with their features.

    Parameters
    ----------
    analysis : QuestionAnalysis
        The question.
    sentence, doc : Sentence, spacy.tokens.Doc
        The retrieved sentence and its parse.
    reading : SentenceReading
        How the sentence reads for the question (:func:`~workbench.qa.reading.read_sentence`).
    retrieval : float
        Its retrieval score relative to the best retrieved sentence's.
    weights : list of float
        The weight of each question term.
    min_coverage : float
        Least coverage at which an answer may be given: below it, pronouns are
        not followed to the names they stand for.

    Returns
    -------
    list of (Candidate, dict, Sentence or None)
        Each candidate with its features and, when it was reached through a
        pronoun, the sentence that writes it.
    """
    matches = reading.matches
    anchors, exact = anchor_tokens(doc, analysis, matches)
    slot_weight = 1.0 if exact else FALLBACK_SLOT
    candidates: list[tuple[Candidate, Sentence | None]] = [
        (candidate, None) for candidate in extract_candidates(doc, sentence.start, analysis)
    ]
    if reading.coverage >= min_coverage:  # only where an answer may be given
        candidates += stand_ins(reading.context, anchors, slot_weight, matches, analysis)
    found = []
    for candidate, source in candidates:
        fit = analysis.type_fit(candidate.label, candidate.head)
        if fit == 0.0:
            continue
        if (
            analysis.wants_calendar_point
            and candidate.label in {"DATE", "TIME"}
            and not names_calendar_point(candidate)
        ):
            fit *= VAGUE_DATE_FIT
        slot = slot_credit(doc, candidate, anchors, slot_weight, matches, analysis)
        if exact and not slot and fills_other_role(doc, candidate, anchors, analysis):
            continue  # part of what was hosted cannot be who hosted it
        features = {
            "coverage": reading.coverage,
            "retrieval": retrieval,
            "fit": fit,
            "slot": slot,
            "closeness": closeness(doc, candidate, anchors, matches, weights),
            "named": reading.named,
        }
        found.append((candidate, features, source))
    return found


def stand_ins(
    context: SentenceContext,
    anchors: list[int],
    weight: float,
    matches: dict[int, list[int]],
    analysis: QuestionAnalysis,
) -> list[tuple[Candidate, Sentence]]:
    """The names that pronouns filling the question's role stand for, with their sentences.

    "In October, it hosted the delegation" answers "Who hosted ...?" with the
    name "it" stands for, cited where the article writes it.
    """
    found = []
    for anaphor in anaphor_candidates(context.doc, context.sentence.start):
        if not slot_credit(context.doc, anaphor, anchors, weight, matches, analysis):
            continue
        antecedent = context.antecedent(context.doc[anaphor.root])
        if antecedent is None:
            continue
        candidate = stand_in(
            anaphor, antecedent.span, antecedent.label, antecedent.sentence.start, analysis
        )
        if candidate is not None:
            found.append((candidate, antecedent.sentence))
    return found


def slot_credit(
    doc: Doc,
    candidate: Candidate,
    anchors: list[int],
    weight: float,
    matches: dict[int, list[int]],
    analysis: QuestionAnalysis,
) -> float:
    """Slot match for the predicate; for "What did X ask for?" also for any question term.

    ``weight`` is 1 for anchors with the predicate's own lemma and
    :data:`FALLBACK_SLOT` for a verb that stands in for it. The object of the
    question's preposition may hang on another of its words in the sentence ("in
    return for the release of ..."), which earns partial credit.
    """
    slot = weight * slot_match(doc, candidate, anchors, analysis)
    if slot or analysis.role != "prepositional":
        return slot
    term_tokens = [token for tokens in matches.values() for token in tokens]
    return FALLBACK_SLOT * slot_match(doc, candidate, term_tokens, analysis)
