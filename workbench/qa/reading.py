"""How a retrieved sentence reads for a question: what it covers and whether it is about its names.

:func:`term_weights` weighs the question's terms by their IDF in the index;
:func:`coverage` is the weighted share of them a sentence has (counting, for
part of their weight, terms of the sentence before); :func:`read_sentence`
reads one retrieved sentence: its matched terms, its coverage (with the names
it means without writing them, and less when it gives the part of a name the
question asks about to another name: :data:`UNNAMED_DISCOUNT`) and its context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.coreference import CONTEXT_CREDIT, LOOKBACK, SentenceContext
from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import NAME_LABELS
from workbench.qa.matching import anchor_tokens, matched_terms
from workbench.qa.roles import role_fillers
from workbench.text import term_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from workbench.model import Document, Sentence
    from workbench.retrieval.index import TfidfIndex

#: Share of a sentence's coverage lost when it gives the part of every name the question
#: asks about to other names (in proportion when it does so for some): "When will Peru
#: host the summit?" is not answered by "Chile will host the summit in June", however well
#: the words match. A sentence that only leaves a name out is not discounted, as
#: questions often name what the answer's sentence takes for granted. Hand-set, not
#: fitted: the calibration questions are asked of their own paragraphs, which rarely hold
#: a rival.
UNNAMED_DISCOUNT = 0.5


@dataclass(frozen=True)
class SentenceReading:
    """One retrieved sentence as read for a question.

    Attributes
    ----------
    matches : dict of int to list of int
        The tokens that match each question term
        (:func:`~workbench.qa.matching.matched_terms`).
    coverage : float
        The share of the question's terms it has, names it means without writing
        them included (see :func:`coverage`), discounted by :data:`UNNAMED_DISCOUNT`.
    context : SentenceContext
        The sentence with the ones before it.
    named : float
        The mean, over the names the question asks about, of how surely the
        sentence is about each: 1 unless it gives the name's part to another name
        ("Chile will host ..." for "When will Peru host ...?"), and then only as
        far as the sentences just before name it
        (:meth:`~workbench.nlp.coreference.SentenceContext.named_before`).
    """

    matches: dict[int, list[int]]
    coverage: float
    context: SentenceContext
    named: float


def read_sentence(
    sentence: Sentence,
    doc: Doc,
    document: Document,
    analysis: QuestionAnalysis,
    weights: Sequence[float],
    *,
    parse: Callable[[list[Sentence]], list[Doc]],
    min_coverage: float,
) -> SentenceReading:
    """How much of the question ``sentence`` covers, and whether it is about its names.

    A name of the question that the sentence means without writing it (by a
    pronoun, a nationality adjective, a place the article links to it) counts
    as found. A name the sentence does not mean, when another name plays its
    part ("Moscow will host ..." for "When will Pakistan host ...?"), makes the
    sentence about something else unless the sentences just before or the
    article's lead name it (:meth:`~workbench.nlp.coreference.SentenceContext.speaks_of`);
    see :data:`UNNAMED_DISCOUNT`. The sentences before are parsed (with ``parse``)
    only when the sentence could cover ``min_coverage`` of the question, enough
    to give an answer.

    Parameters
    ----------
    sentence, doc : Sentence, spacy.tokens.Doc
        The retrieved sentence and its parse.
    document : Document
        The sentence's article.
    analysis : QuestionAnalysis
        The question.
    weights : sequence of float
        The weight of each question term (:func:`term_weights`).
    """
    matches = matched_terms(doc, analysis)
    names = question_names(analysis)
    covered = coverage(sentence, document, matches, analysis, weights)
    unwritten = {p for _, _, positions in names for p in positions if p not in matches}
    reachable = covered + sum(weights[p] for p in unwritten) / (sum(weights) or 1.0)
    context = sentence_context(
        sentence, doc, document, parse if reachable >= min_coverage else None
    )
    if not names:
        return SentenceReading(matches, covered, context, 1.0)
    meant = [context.means(text, label) for text, label, _ in names]
    found = dict(matches)
    for (_, _, positions), yes in zip(names, meant, strict=True):
        for position in positions if yes else ():
            found.setdefault(position, [])
    if len(found) > len(matches):
        covered = coverage(sentence, document, found, analysis, weights)
    roles = dict(analysis.name_roles)
    anchors, exact = anchor_tokens(doc, analysis, matches)
    credits = []
    for (text, label, _), yes in zip(names, meant, strict=True):
        role = roles.get(text)
        if yes or role is None or not exact:
            credits.append(1.0)
        elif context.names_another(text, label, role_fillers(doc, anchors, role)):
            credits.append(context.named_before(text, label))
        else:
            credits.append(1.0)
    named = sum(credits) / len(credits)
    discounted = covered * (1.0 - UNNAMED_DISCOUNT * (1.0 - named))
    return SentenceReading(matches, discounted, context, named)


def sentence_context(
    sentence: Sentence,
    doc: Doc,
    document: Document,
    parse: Callable[[list[Sentence]], list[Doc]] | None,
) -> SentenceContext:
    """``sentence`` with the ones before it, which ``parse`` parses only when needed.

    Without ``parse`` the sentences before are not parsed: pronouns are then
    resolved within the sentence only.
    """
    previous = document.sentences[max(0, sentence.index - LOOKBACK) : sentence.index]
    lead = [*document.sentences[:1], *document.body[:1]]
    return SentenceContext(sentence, doc, previous, lead, parse)


def coverage(
    sentence: Sentence,
    document: Document,
    matches: dict[int, list[int]],
    analysis: QuestionAnalysis,
    weights: Sequence[float],
) -> float:
    """IDF-weighted share of the question's terms in the sentence, in [0, 1].

    News sentences lean on the one before ("The announcement was made on
    Saturday" after "Moscow will host talks"): a term found only in the previous
    sentence of ``document`` counts :data:`~workbench.nlp.coreference.CONTEXT_CREDIT`
    of its weight.
    """
    total = sum(weights)
    if not total:
        return 0.0
    found = sum(weights[position] for position in matches)
    if sentence.index > 0 and len(matches) < len(weights):
        previous = document.sentences[sentence.index - 1]
        words = {
            term_key(word) for word in re.findall(r"[^\W_]+(?:[.,'’-][^\W_]+)*", previous.text)
        }
        found += CONTEXT_CREDIT * sum(
            weight
            for position, (term, lemma, weight) in enumerate(
                zip(analysis.terms, analysis.lemmas, weights, strict=True)
            )
            if position not in matches and (term in words or lemma in words)
        )
    return found / total


def term_weights(index: TfidfIndex, analysis: QuestionAnalysis) -> list[float]:
    """IDF of each question term in the fitted ``index``; a term the corpus lacks weighs most."""
    vectorizer = index.vectorizer_
    vocabulary = vectorizer.vocabulary_
    idf = vectorizer.idf_
    stop_words = vectorizer.get_stop_words() or frozenset()
    unseen = float(idf.max()) + 1.0
    weights = []
    for term, lemma in zip(analysis.terms, analysis.lemmas, strict=True):
        column = vocabulary.get(term, vocabulary.get(lemma))
        if column is not None:
            weights.append(float(idf[column]))
        elif term in stop_words:
            weights.append(float(idf.min()))
        else:
            weights.append(unseen)
    return weights


def question_names(analysis: QuestionAnalysis) -> list[tuple[str, str, list[int]]]:
    """The names the question asks about: text, label, and the positions of their terms."""
    names = []
    for text, label in analysis.entities:
        if label not in NAME_LABELS:
            continue
        keys = {term_key(word) for word in re.findall(r"[^\W_]+", text)}
        positions = [i for i, term in enumerate(analysis.terms) if term in keys]
        names.append((text, label, positions))
    return names


#: Share of a sentence's strength that its coverage of the question makes up; its
#: retrieval score, relative to the best retrieved, makes up the rest. Hand-set.
COVERAGE_SHARE = 0.5


def sentence_strength(coverage: float, score: float, top_score: float) -> float:
    """How strongly a retrieved sentence speaks to the question, in [0, 1].

    Its coverage of the question's terms and its retrieval ``score`` relative to
    the best retrieved one (``top_score``), in equal shares (:data:`COVERAGE_SHARE`).
    It orders the evidence and weighs the support of other sentences in
    :func:`~workbench.qa.table.add_agreement`.
    """
    return COVERAGE_SHARE * coverage + (1.0 - COVERAGE_SHARE) * score / top_score
