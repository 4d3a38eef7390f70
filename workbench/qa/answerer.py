"""Questions answered from the articles, with the sentences that prove the answer.

:func:`ask` (or :class:`QuestionAnswerer` for many questions over one corpus)
works in four general steps, none keyed to a question or a corpus:

1. **Analyse** the question (:mod:`workbench.qa.analysis`): the wh-word, the answer
   types it expects, its predicate and the answer's role, its terms and names.
2. **Retrieve** sentences with the corpus's :class:`~workbench.retrieval.index.TfidfIndex`
   (built once per corpus object), and parse only those with spaCy's full pipeline.
3. **Collect candidates** in them (:mod:`workbench.qa.candidates`): entities of the
   expected types, dates and numbers, and noun phrases for untyped questions,
   leaving out what the question itself names, markup and web addresses, and
   what fills the predicate's other role (the object of "hosted" when the
   question asks who hosted). A pronoun that fills the question's role ("In
   October, it hosted ...") stands for the name it refers to
   (:mod:`workbench.nlp.coreference`): that name is the candidate, cited where the
   article writes it, and its sentence joins the evidence.
4. **Score** each candidate by a weighted sum of its sentence's retrieval score
   and coverage of the question's terms (less when the sentence gives the part of
   a name the question asks about to another name: :data:`UNNAMED_DISCOUNT`),
   its type fit, whether it fills the question's role for the predicate, its
   closeness to the question's terms, and agreement (the same answer in other
   retrieved sentences). A logistic turns the
   score into a confidence; below :attr:`QuestionAnswerer.threshold`, or when no
   sentence covers enough of the question, the answer is ``None`` (no guessing),
   and the best evidence is still returned.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.coreference import CONTEXT_CREDIT, LOOKBACK, SentenceContext
from workbench.qa.analysis import QuestionAnalysis, analyse_question
from workbench.qa.answer import Answer, Evidence
from workbench.qa.candidates import (
    NAME_LABELS,
    Candidate,
    anaphor_candidates,
    anchor_tokens,
    closeness,
    extract_candidates,
    fills_other_role,
    matched_terms,
    names_calendar_point,
    role_fillers,
    slot_match,
    stand_in,
)
from workbench.text import term_key

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.model import Corpus, Sentence
    from workbench.retrieval.index import TfidfIndex

#: Weights of the candidate features in a candidate's score (a logit), and its intercept.
#: Fitted by logistic regression (``python benchmarks/bench_qa.py calibrate``) on the
#: candidates of the who/when/where/how-many/which questions of ten SQuAD v1.1 dev articles
#: (5-14), asked of their own paragraphs and of five other articles' (30-34), where every
#: candidate is wrong. A candidate is right when it holds a gold answer (or is part of one)
#: in the question's paragraph. General data, not the development questions. Refitting on
#: today's candidates moves no weight by more than 0.25 (coverage 4.85, retrieval 3.11,
#: fit 2.04, slot 1.46, closeness 0.58, agreement 1.23, intercept -10.42), so these stay.
FEATURE_WEIGHTS: dict[str, float] = {
    "coverage": 4.85,
    "retrieval": 3.16,
    "fit": 1.99,
    "slot": 1.27,
    "closeness": 0.80,
    "agreement": 1.20,
}
SCORE_INTERCEPT = -10.47

#: The confidence of an answer, ``1 / (1 + exp(-z))`` with ``z`` these weights times the
#: best candidate's score, its margin over the best *different* answer (at most
#: :data:`MAX_MARGIN`) and its sentence's coverage, plus the intercept. Fitted on the same
#: questions, one row each (the chosen candidate right or wrong), so it estimates how
#: often an answer given with this confidence is right.
CONFIDENCE_WEIGHTS: dict[str, float] = {"score": 0.629, "margin": 0.382, "coverage": 2.085}
CONFIDENCE_INTERCEPT = -1.526
MAX_MARGIN = 5.0

#: Credit for filling the question's role for a verb that only stands in for its predicate.
FALLBACK_SLOT = 0.6

#: Type fit kept by a vague date ("recent months") answering "when" (see
#: :func:`~workbench.qa.candidates.names_calendar_point`): a calendar date in the same
#: sentence is the better answer.
VAGUE_DATE_FIT = 0.75

#: Share of a sentence's coverage lost when it gives the part of every name the question
#: asks about to other names (in proportion when it does so for some): "When will Peru
#: host the summit?" is not answered by "Chile will host the summit in June", however well
#: the words match. A sentence that only leaves a name out is not discounted, as
#: questions often name what the answer's sentence takes for granted. Not fitted: the
#: calibration questions are asked of their own paragraphs, which rarely hold a rival.
UNNAMED_DISCOUNT = 0.5

#: Most parsed sentences kept in memory by one answerer.
PARSE_CACHE_SIZE = 20_000


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
        The features of :data:`FEATURE_WEIGHTS`, each in [0, 1], and ``named`` (how
        surely the sentence is about the question's names), which scales
        ``coverage`` instead of adding to the score.
    score : float
        ``weights · features + intercept``: the candidates are ranked by it.
    margin : float
        Its score minus the best score of a different answer, within ±:data:`MAX_MARGIN`.
    confidence : float
        The chance that it is right if chosen (see :data:`CONFIDENCE_WEIGHTS`).
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


class QuestionAnswerer:
    """Answers questions over one corpus; the index and parsed sentences are reused.

    Parameters
    ----------
    corpus : Corpus
        The articles.
    index : TfidfIndex, optional
        A fitted index of ``corpus`` (any level: passage and document hits are read
        sentence by sentence). By default a sentence index is built on first use.
    nlp : spacy.language.Language, optional
        A full pipeline (parser, lemmatizer, NER); default ``load_pipeline("full")``.
    k : int, default 20
        Sentences retrieved and parsed per question.
    evidence : int, default 3
        Sentences returned as evidence.
    threshold : float, default 0.4
        Least confidence for giving an answer. Asked of the calibration questions
        (see :data:`FEATURE_WEIGHTS`), 0.4 answered 300 of the 566 answerable ones,
        70% of them right, and 3 of the 566 asked of other articles; 0.5 answered
        250 (73% right) and 2. (``calibrate``'s own table, for its refit and for
        the questions with any candidate, says 297 of 545, 69% right, and 4 of
        478.) News questions score lower confidences than their accuracy, as
        Wikipedia questions paraphrase more and spaCy tags their names less well.
    min_coverage : float, default 0.45
        Least share (IDF-weighted) of the question's terms the answer's sentence
        must contain; below it the articles do not speak about the question.

    Examples
    --------
    >>> from workbench import load_corpus
    >>> answerer = QuestionAnswerer(load_corpus())
    >>> answerer.ask("Who is the Russian Foreign Minister?").answer
    'Sergei Lavrov'
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        index: TfidfIndex | None = None,
        nlp: Language | None = None,
        k: int = 20,
        evidence: int = 3,
        threshold: float = 0.4,
        min_coverage: float = 0.45,
    ) -> None:
        self.corpus = corpus
        self.index = index
        self.nlp = nlp
        self.k = k
        self.evidence = evidence
        self.threshold = threshold
        self.min_coverage = min_coverage
        self._parsed: dict[tuple[str, int, int], Doc] = {}
        self._analyses: dict[str, QuestionAnalysis] = {}

    def _validate(self) -> None:
        for name in ("k", "evidence"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer; got {value!r}")
        for name in ("threshold", "min_coverage"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be a number from 0 to 1; got {value!r}")

    @property
    def index_(self) -> TfidfIndex:
        """The search index, built from the corpus at sentence level on first use."""
        if self.index is None:
            from workbench.retrieval.index import TfidfIndex

            self.index = TfidfIndex(level="sentence").fit(self.corpus)
        return self.index

    @property
    def nlp_(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self.nlp is None:
            from workbench.nlp.pipeline import load_pipeline

            self.nlp = load_pipeline("full")
        return self.nlp

    def ask(self, question: str, *, doc_ids: str | Iterable[str] | None = None) -> Answer:
        """Answer ``question`` from the corpus, citing the sentences that support it.

        Parameters
        ----------
        question : str
            A question in English.
        doc_ids : str or iterable of str, optional
            Look only in these documents.

        Returns
        -------
        Answer
            ``answer`` is ``None`` when nothing in the articles fits well enough.

        Raises
        ------
        QueryError
            If the question is empty or has only stop words, or a document id is unknown.
        """
        analysis, sentences, coverages, scored = self._candidates(question, doc_ids)
        if not sentences:
            return Answer(question, None, 0.0, analysis.expected, (), wh_word=analysis.wh_word)
        return self._answer(analysis, sentences, coverages, scored)

    def candidates(
        self, question: str, *, doc_ids: str | Iterable[str] | None = None
    ) -> list[ScoredCandidate]:
        """Every candidate answer to ``question`` with its features, most confident first.

        What :meth:`ask` chooses from; for inspecting a decision and for calibration.
        """
        return self._candidates(question, doc_ids)[3]

    def _candidates(
        self, question: str, doc_ids: str | Iterable[str] | None
    ) -> tuple[QuestionAnalysis, list[tuple[Sentence, float]], list[float], list[ScoredCandidate]]:
        self._validate()
        analysis = self.analyse(question)
        sentences = self._retrieve(question, doc_ids)
        if not sentences:
            return analysis, [], [], []
        docs = self._parse([sentence for sentence, _ in sentences])
        weights = self._term_weights(analysis)
        readings = [
            self._read(sentence, doc, analysis, weights)
            for (sentence, _), doc in zip(sentences, docs, strict=True)
        ]
        scored = self._score(analysis, sentences, docs, weights, readings)
        return analysis, sentences, [reading.coverage for reading in readings], scored

    def analyse(self, question: str) -> QuestionAnalysis:
        """The analysis of ``question`` (kept, so checking a batch first costs no second parse).

        Raises
        ------
        QueryError
            If the question is empty or has nothing to look for (only stop words).
        """
        analysis = self._analyses.get(question)
        if analysis is None:
            analysis = analyse_question(question, nlp=self.nlp_)
            if len(self._analyses) >= PARSE_CACHE_SIZE:
                self._analyses.clear()
            self._analyses[question] = analysis
        return analysis

    def ask_many(self, questions: Sequence[str]) -> list[Answer]:
        """Answer each question in turn (the index and parses are shared)."""
        return [self.ask(question) for question in questions]

    # -- steps --------------------------------------------------------------------------------

    def _retrieve(
        self, question: str, doc_ids: str | Iterable[str] | None
    ) -> list[tuple[Sentence, float]]:
        """The retrieved sentences with their retrieval scores, best first, each once."""
        result = self.index_.search(question, k=self.k, doc_ids=doc_ids)
        found: dict[tuple[str, int], tuple[Sentence, float]] = {}
        for hit in result:
            document = self.corpus[hit.doc_id]
            by_index = {sentence.index: sentence for sentence in document.sentences}
            for number in hit.sentences:
                if number in by_index:
                    found.setdefault((hit.doc_id, number), (by_index[number], hit.score))
        return list(found.values())[: self.k]

    def _parse(self, sentences: list[Sentence]) -> list[Doc]:
        keys = [(sentence.doc_id, sentence.start, sentence.end) for sentence in sentences]
        missing = [
            (key, sentence.text)
            for key, sentence in zip(keys, sentences, strict=True)
            if key not in self._parsed
        ]
        if missing:
            if len(self._parsed) + len(missing) > PARSE_CACHE_SIZE:
                self._parsed.clear()
            texts = [text for _, text in missing]
            for (key, _), doc in zip(missing, self.nlp_.pipe(texts), strict=True):
                self._parsed[key] = doc
        return [self._parsed[key] for key in keys]

    def _read(
        self, sentence: Sentence, doc: Doc, analysis: QuestionAnalysis, weights: Sequence[float]
    ) -> _Reading:
        """How much of the question ``sentence`` covers, and whether it is about its names.

        A name of the question that the sentence means without writing it (by a
        pronoun, a nationality adjective, a place the article links to it) counts
        as found. A name the sentence does not mean, when another name plays its
        part ("Moscow will host ..." for "When will Pakistan host ...?"), makes the
        sentence about something else unless the sentences just before or the
        article's lead name it (:meth:`~workbench.nlp.coreference.SentenceContext.speaks_of`);
        see :data:`UNNAMED_DISCOUNT`. The sentences before are parsed only when the
        sentence could cover enough of the question to give an answer.
        """
        matches = matched_terms(doc, analysis)
        names = _question_names(analysis)
        coverage = self._coverage(sentence, matches, analysis, weights)
        unwritten = {p for _, _, positions in names for p in positions if p not in matches}
        reachable = coverage + sum(weights[p] for p in unwritten) / (sum(weights) or 1.0)
        context = self._context(sentence, doc, read_before=reachable >= self.min_coverage)
        if not names:
            return _Reading(matches, coverage, context, 1.0)
        meant = [context.means(text, label) for text, label, _ in names]
        found = dict(matches)
        for (_, _, positions), yes in zip(names, meant, strict=True):
            for position in positions if yes else ():
                found.setdefault(position, [])
        if len(found) > len(matches):
            coverage = self._coverage(sentence, found, analysis, weights)
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
        discounted = coverage * (1.0 - UNNAMED_DISCOUNT * (1.0 - named))
        return _Reading(matches, discounted, context, named)

    def _coverage(
        self,
        sentence: Sentence,
        matches: dict[int, list[int]],
        analysis: QuestionAnalysis,
        weights: Sequence[float],
    ) -> float:
        """IDF-weighted share of the question's terms in the sentence, in [0, 1].

        News sentences lean on the one before ("The announcement was made on
        Saturday" after "Moscow will host talks"): a term found only in the previous
        sentence counts :data:`CONTEXT_CREDIT` of its weight.
        """
        total = sum(weights)
        if not total:
            return 0.0
        found = sum(weights[position] for position in matches)
        if sentence.index > 0 and len(matches) < len(weights):
            document = self.corpus[sentence.doc_id]
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

    def _term_weights(self, analysis: QuestionAnalysis) -> list[float]:
        """IDF of each question term in the index; a term the corpus lacks weighs most."""
        vectorizer = self.index_.vectorizer_
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

    def _score(
        self,
        analysis: QuestionAnalysis,
        sentences: list[tuple[Sentence, float]],
        docs: list[Doc],
        weights: list[float],
        readings: list[_Reading],
    ) -> list[ScoredCandidate]:
        top_score = max(score for _, score in sentences) or 1.0
        coverages = [reading.coverage for reading in readings]
        found: list[tuple[Candidate, int, dict[str, float]]] = []
        sources: dict[int, Sentence] = {}  # a stand-in's number in ``found``: its name's sentence
        for position, ((sentence, score), doc) in enumerate(zip(sentences, docs, strict=True)):
            for candidate, features, source in self._sentence_candidates(
                analysis, sentence, doc, readings[position], score / top_score, weights
            ):
                if source is not None:
                    sources[len(found)] = source
                found.append((candidate, position, features))
        strength = [
            0.5 * coverages[position] + 0.5 * score / top_score
            for position, (_, score) in enumerate(sentences)
        ]
        agreements = _agreement(found, strength)
        scores = []
        for (_candidate, _position, features), agreement in zip(found, agreements, strict=True):
            features["agreement"] = agreement
            scores.append(
                SCORE_INTERCEPT
                + sum(FEATURE_WEIGHTS[name] * features[name] for name in FEATURE_WEIGHTS)
            )
        scored = []
        for number, (candidate, position, features) in enumerate(found):
            rivals = [
                scores[other]
                for other, (rival, _, _) in enumerate(found)
                if not _same_answer(candidate, rival)
            ]
            margin = scores[number] - max(rivals) if rivals else MAX_MARGIN
            margin = max(-MAX_MARGIN, min(MAX_MARGIN, margin))
            scored.append(
                ScoredCandidate(
                    candidate,
                    sentences[position][0].doc_id,
                    position,
                    features,
                    scores[number],
                    margin,
                    _confidence(scores[number], margin, features["coverage"]),
                    sources.get(number),
                )
            )
        scored.sort(key=lambda item: (-item.score, item.sentence, item.candidate.start))
        return scored

    def _sentence_candidates(
        self,
        analysis: QuestionAnalysis,
        sentence: Sentence,
        doc: Doc,
        reading: _Reading,
        retrieval: float,
        weights: list[float],
    ) -> list[tuple[Candidate, dict[str, float], Sentence | None]]:
        """The candidates of one sentence that fit the question, with their features.

        Each comes with the sentence that writes it when it was reached through a
        pronoun (else ``None``). ``agreement`` is added later, across sentences.
        """
        matches = reading.matches
        anchors, exact = anchor_tokens(doc, analysis, matches)
        slot_weight = 1.0 if exact else FALLBACK_SLOT
        candidates: list[tuple[Candidate, Sentence | None]] = [
            (candidate, None) for candidate in extract_candidates(doc, sentence.start, analysis)
        ]
        if reading.coverage >= self.min_coverage:  # only where an answer may be given
            candidates += self._stand_ins(reading.context, anchors, slot_weight, matches, analysis)
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
            slot = self._slot(doc, candidate, anchors, slot_weight, matches, analysis)
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

    def _context(self, sentence: Sentence, doc: Doc, *, read_before: bool) -> SentenceContext:
        """``sentence`` with the ones before it, parsed (through the cache) only when needed.

        Without ``read_before`` the sentences before are not parsed: pronouns are
        then resolved within the sentence only.
        """
        document = self.corpus[sentence.doc_id]
        previous = document.sentences[max(0, sentence.index - LOOKBACK) : sentence.index]
        lead = [*document.sentences[:1], *document.body[:1]]
        parse = self._parse if read_before else None
        return SentenceContext(sentence, doc, previous, lead, parse)

    def _stand_ins(
        self,
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
            if not self._slot(context.doc, anaphor, anchors, weight, matches, analysis):
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

    @staticmethod
    def _slot(
        doc: Doc,
        candidate: Candidate,
        anchors: list[int],
        weight: float,
        matches: dict[int, list[int]],
        analysis: QuestionAnalysis,
    ) -> float:
        """Slot match for the predicate; for "What did X ask for?" also for any question term.

        The object of the question's preposition may hang on another of its words in
        the sentence ("in return for the release of ..."), which earns partial credit.
        """
        slot = weight * slot_match(doc, candidate, anchors, analysis)
        if slot or analysis.role != "prepositional":
            return slot
        term_tokens = [token for tokens in matches.values() for token in tokens]
        return FALLBACK_SLOT * slot_match(doc, candidate, term_tokens, analysis)

    def _answer(
        self,
        analysis: QuestionAnalysis,
        sentences: list[tuple[Sentence, float]],
        coverages: list[float],
        scored: list[ScoredCandidate],
    ) -> Answer:
        top_score = max(score for _, score in sentences) or 1.0
        order = sorted(
            range(len(sentences)),
            key=lambda i: -(0.5 * coverages[i] + 0.5 * sentences[i][1] / top_score),
        )
        best = scored[0] if scored else None
        confidence = best.confidence if best else 0.0
        if best is not None and coverages[best.sentence] < self.min_coverage:
            confidence = min(confidence, coverages[best.sentence])
        answered = best is not None and confidence >= self.threshold
        cited = [sentences[i] for i in order]
        if answered:
            assert best is not None
            cited = [sentences[best.sentence], *_named_in(best, sentences), *cited]
        evidence = _evidence(cited, self.evidence)
        alternatives = _alternatives(scored)
        if not answered:
            return Answer(
                analysis.question,
                None,
                round(confidence, 4),
                analysis.expected,
                evidence,
                wh_word=analysis.wh_word,
                alternatives=alternatives,
            )
        assert best is not None
        return Answer(
            analysis.question,
            best.candidate.text,
            round(confidence, 4),
            analysis.expected,
            evidence,
            doc_id=sentences[best.sentence][0].doc_id,
            start=best.candidate.start,
            end=best.candidate.end,
            label=best.candidate.label,
            wh_word=analysis.wh_word,
            alternatives=alternatives[1:],
            date=self._resolve(best.candidate, sentences[best.sentence][0]),
        )

    def _resolve(self, candidate: Candidate, sentence: Sentence) -> str | None:
        """The ISO date a date answer stands for, against its article's publication date."""
        if candidate.label != "DATE":
            return None
        from workbench.dates.resolve import find_time_expressions, resolve_date

        # The date as the sentence writes it: "September 12 in 2019" for spaCy's "September 12".
        start, end = candidate.start - sentence.start, candidate.end - sentence.start
        written = next(
            (
                expression.text
                for expression in find_time_expressions(sentence.text, [(start, end)])
                if expression.start <= start and end <= expression.end
            ),
            candidate.text,
        )
        published = self.corpus[sentence.doc_id].published
        return resolve_date(written, published).iso


@dataclass(frozen=True)
class _Reading:
    """One retrieved sentence as read for a question.

    ``matches`` are the tokens that match each question term
    (:func:`~workbench.qa.candidates.matched_terms`); ``coverage`` the share of the
    question's terms it has, names it means without writing them included (see
    :meth:`QuestionAnswerer._coverage`), discounted by :data:`UNNAMED_DISCOUNT`;
    ``context`` the sentence with the ones before it; ``named`` the mean, over the
    names the question asks about, of how surely the sentence is about each: 1
    unless it gives the name's part to another name ("Chile will host ..." for
    "When will Peru host ...?"), and then only as far as the sentences just
    before name it (:meth:`~workbench.nlp.coreference.SentenceContext.named_before`).
    """

    matches: dict[int, list[int]]
    coverage: float
    context: SentenceContext
    named: float


def _named_in(
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


def _evidence(cited: list[tuple[Sentence, float]], count: int) -> tuple[Evidence, ...]:
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


def _question_names(analysis: QuestionAnalysis) -> list[tuple[str, str, list[int]]]:
    """The names the question asks about: text, label, and the positions of their terms."""
    names = []
    for text, label in analysis.entities:
        if label not in NAME_LABELS:
            continue
        keys = {term_key(word) for word in re.findall(r"[^\W_]+", text)}
        positions = [i for i, term in enumerate(analysis.terms) if term in keys]
        names.append((text, label, positions))
    return names


def _confidence(score: float, margin: float, coverage: float) -> float:
    weights = CONFIDENCE_WEIGHTS
    z = (
        CONFIDENCE_INTERCEPT
        + weights["score"] * score
        + weights["margin"] * margin
        + weights["coverage"] * coverage
    )
    return 1.0 / (1.0 + math.exp(-z))


def _agreement(
    found: list[tuple[Candidate, int, dict[str, float]]], strength: list[float]
) -> list[float]:
    """For each candidate, ``1 - exp(-2 * support)`` from the other sentences.

    An answer found in another sentence supports this one as far as it answers
    there too: by the strength of that sentence times how well the answer sits in
    it (its slot or closeness), the best occurrence in each sentence counting once.
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
                    if _same_answer(candidate, other)
                ),
                default=0.0,
            )
            for other_position, occurrences in by_sentence.items()
            if other_position != position
        )
        agreements.append(1.0 - math.exp(-2.0 * support))
    return agreements


def _same_answer(first: Candidate, second: Candidate) -> bool:
    """Same normalised text, or for names one inside the other ("Khalilzad", "Zalmay Khalilzad")."""
    if first.key == second.key:
        return True
    names = NAME_LABELS | {"PROPN"}
    if first.label not in names or second.label not in names:
        return False
    shorter, longer = sorted((first.words, second.words), key=len)
    return set(shorter) <= set(longer)


def _alternatives(scored: list[ScoredCandidate], count: int = 4) -> tuple[tuple[str, float], ...]:
    """The best distinct candidates with their confidence, best first."""
    seen: set[str] = set()
    found: list[tuple[str, float]] = []
    for item in scored:
        if item.candidate.key in seen:
            continue
        seen.add(item.candidate.key)
        found.append((item.candidate.text, round(item.confidence, 4)))
        if len(found) == count:
            break
    return tuple(found)


# -- one question at a time ----------------------------------------------------------------------


def ask(
    corpus: Corpus,
    question: str,
    *,
    index: TfidfIndex | None = None,
    k: int = 20,
    nlp: Language | None = None,
    doc_ids: str | Iterable[str] | None = None,
) -> Answer:
    """Answer ``question`` from ``corpus``: a short answer or ``None``, with cited evidence.

    Each call makes its own :class:`QuestionAnswerer` and keeps nothing once it
    returns, so answers never depend on what was asked before. To ask many
    questions of one corpus, make a :class:`QuestionAnswerer` and call its
    ``ask``: it builds the index once and reuses parsed sentences.

    Parameters
    ----------
    corpus : Corpus
        The articles.
    question : str
        A question in English.
    index : TfidfIndex, optional
        A fitted index of ``corpus`` to search instead of building one.
    k : int, default 20
        Sentences retrieved and parsed.
    nlp : spacy.language.Language, optional
        A full spaCy pipeline.
    doc_ids : str or iterable of str, optional
        Look only in these documents.

    Raises
    ------
    TypeError
        If ``corpus`` is a string (the question given first, as in older versions).
    QueryError
        If the question is empty or has only stop words.

    Examples
    --------
    >>> from workbench import load_corpus
    >>> corpus = load_corpus()
    >>> ask(corpus, "When was the announcement about the Moscow talks made?").answer
    'Saturday'
    >>> ask(corpus, "Who won the football World Cup in 2018?").answer is None
    True
    """
    if isinstance(corpus, str):
        raise TypeError("ask(corpus, question): the corpus comes first, then the question")
    answerer = QuestionAnswerer(corpus, index=index, nlp=nlp, k=k)
    return answerer.ask(question, doc_ids=doc_ids)
