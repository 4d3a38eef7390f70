"""What a candidate does for the question's predicate: its slot credit, pronouns' stand-ins.

:func:`slot_credit` gives the ``slot`` feature of the feature table
(:mod:`workbench.qa.table`): whether a candidate fills the question's role for
the predicate (:mod:`workbench.qa.roles`), fully for the predicate's own verb
and :data:`FALLBACK_SLOT` for a verb that stands in for it.
:func:`stand_ins` finds, where the sentence may give an answer, the names that
pronouns filling the question's role stand for (:mod:`workbench.nlp.coreference`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import (
    Candidate,
    anaphor_candidates,
    stand_in,
)
from workbench.qa.roles import AnchorIndex, slot_match

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from workbench.model import Sentence
    from workbench.nlp.coreference import SentenceContext

#: Credit for filling the question's role for a verb that only stands in for its
#: predicate. Hand-set, not fitted.
FALLBACK_SLOT = 0.6

#: Type fit kept by a vague date ("recent months") answering "when" (see
#: :func:`~workbench.qa.candidates.names_calendar_point`): a calendar date in the same
#: sentence is the better answer. Hand-set, not fitted.
VAGUE_DATE_FIT = 0.75


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
    doc: Doc | Sequence[Token],
    candidate: Candidate,
    anchors: list[int],
    weight: float,
    matches: dict[int, list[int]],
    analysis: QuestionAnalysis,
    index: AnchorIndex | None = None,
) -> float:
    """Slot match for the predicate; for "What did X ask for?" also for any question term.

    ``weight`` is 1 for anchors with the predicate's own lemma and
    :data:`FALLBACK_SLOT` for a verb that stands in for it. The object of the
    question's preposition may hang on another of its words in the sentence ("in
    return for the release of ..."), which earns partial credit. ``index``, the
    anchors' :class:`~workbench.qa.roles.AnchorIndex`, makes the check quicker.
    """
    slot = weight * slot_match(doc, candidate, anchors, analysis, index)
    if slot or analysis.role != "prepositional":
        return slot
    term_tokens = [token for tokens in matches.values() for token in tokens]
    return FALLBACK_SLOT * slot_match(doc, candidate, term_tokens, analysis)
