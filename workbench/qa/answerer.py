"""Questions answered from the articles, with the sentences that prove the answer.

:func:`ask` (or :class:`QuestionAnswerer` for many questions over one corpus)
takes each question through stages, each its own module, none keyed to a
question or a corpus, each passing its result forward:

1. **Analysis** (:mod:`workbench.qa.analysis`): the wh-word, the answer types
   it expects, its predicate and the answer's role, its terms and names.
2. **Retrieval and reading**: sentences retrieved with the corpus's
   :class:`~workbench.retrieval.index.TfidfIndex` (built once per answerer),
   parsed with spaCy's full pipeline, and read for the question
   (:mod:`workbench.qa.reading`): how much of it each covers, and whether it is
   about the question's names.
3. **The feature table** (:mod:`workbench.qa.table`, a
   :class:`~workbench.qa.table.QuestionTable`):
   every candidate of those sentences (typed names, dates and numbers, broad
   constituents of the parse, and names that pronouns stand for), each with
   named features; nothing is dropped by a hard rule.
4. **Ranking and confidence** (:mod:`workbench.qa.ranker`): a learned ranker
   scores each row; a second learned model, calibrated on held-out questions,
   says how likely the best answer is to be right.
5. **The answer**: a question the events table answers ("Who hosted which
   talks, and when?", :mod:`workbench.qa.event_rows`) gets its rows instead of
   one span. Otherwise, below the threshold, or when no sentence covers enough of
   the question, or when the best answer's article does not state what the
   question takes for granted (:mod:`workbench.qa.premise`), the answer is
   ``None`` (no guessing); the best evidence is returned either way
   (:mod:`workbench.qa.evidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.qa.analysis import QuestionAnalysis, analyse_question
from workbench.qa.answer import Answer, Considered, ListedAnswer
from workbench.qa.batching import BatchedParse, in_batches
from workbench.qa.candidates import Candidate
from workbench.qa.event_rows import EventQuery, event_answer, event_query, matching_events
from workbench.qa.evidence import alternatives, by_strength, cite, named_in
from workbench.qa.premise import check_premises
from workbench.qa.ranker import (
    RANKED,
    AnswerModel,
    ScoredCandidate,
    load_model,
    same_answer,
)
from workbench.qa.reading import (
    SentenceReading,
    read_sentence,
    sentence_strength,
    term_weights,
)
from workbench.qa.table import (
    CandidateRow,
    QuestionTable,
    WordRarity,
    add_agreement,
    label_group,
    sentence_rows,
)
from workbench.text import without_surrogates

if TYPE_CHECKING:
    from datetime import date

    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.dates import ResolvedDate
    from workbench.events.table import EventTable
    from workbench.model import Corpus, Sentence
    from workbench.retrieval.index import TfidfIndex

#: Least share of the question's terms the answer's sentence must cover, by default.
#: Hand-set, not fitted.
MIN_COVERAGE = 0.45

#: Candidates an answer keeps, best first, for :meth:`~workbench.qa.answer.Answer.explain`.
EXPLAINED_CANDIDATES = 20

#: Most answers listed beside the best one (:attr:`~workbench.qa.answer.Answer.answers`).
MAX_LISTED = 10

#: Most parsed sentences kept in memory by one answerer.
PARSE_CACHE_SIZE = 20_000


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
    threshold : float, optional
        Least confidence for giving an answer; by default the model's own, chosen
        on validation questions when it was trained (``workbench train qa``).
        Below it the answer is ``None``: no guessing. The confidence is
        calibrated on held-out questions, so an answer given with 0.8 is right
        about 80% of the time, and a higher threshold gives fewer, surer answers.
    min_coverage : float, default 0.45
        Least share (IDF-weighted) of the question's terms the answer's sentence
        must contain (:data:`MIN_COVERAGE`); below it the articles do not speak
        about the question.
    model : AnswerModel, optional
        The ranker and confidence (:mod:`workbench.qa.ranker`); by default the
        package's ``qa_model.json``.
    premises : bool, default True
        Check the question's premises (:mod:`workbench.qa.premise`): when the
        article of the best candidate does not state a name, place, date, number
        or nationality the question states, there is no answer, and the
        :class:`Answer` names those parts in ``unsupported``. ``False`` answers
        as if the question's premises held.
    events : EventTable, optional
        The corpus's events table, for questions that ask for event rows ("Who
        hosted which talks, and when?"); by default extracted on the first such
        question (:func:`~workbench.events.extract.extract_events`).

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
        threshold: float | None = None,
        min_coverage: float = MIN_COVERAGE,
        premises: bool = True,
        model: AnswerModel | None = None,
        events: EventTable | None = None,
    ) -> None:
        self.corpus = corpus
        self.index = index
        self.nlp = nlp
        self.k = k
        self.evidence = evidence
        self.threshold = threshold
        self.min_coverage = min_coverage
        self.premises = premises
        self.model = model
        self.events = events
        self._word_rarity: tuple[TfidfIndex, WordRarity] | None = None
        self._parsed: dict[tuple[str, int, int], Doc] = {}
        self._analyses: dict[str, QuestionAnalysis] = {}

    def _validate(self) -> None:
        for name in ("k", "evidence"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer; got {value!r}")
        for name in ("threshold", "min_coverage"):
            value = getattr(self, name)
            if name == "threshold" and value is None:
                continue
            if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be a number from 0 to 1; got {value!r}")
        if not isinstance(self.premises, bool):
            raise ValueError(f"premises must be True or False; got {self.premises!r}")

    @property
    def index_(self) -> TfidfIndex:
        """The search index, built from the corpus at sentence level on first use."""
        if self.index is None:
            from workbench.retrieval.index import TfidfIndex

            self.index = TfidfIndex(level="sentence").fit(self.corpus)
        return self.index

    @property
    def model_(self) -> AnswerModel:
        """The ranker and confidence model: ``model``, or the package's fitted one."""
        return self.model if self.model is not None else load_model()

    @property
    def threshold_(self) -> float:
        """The least confidence for an answer: ``threshold``, or the model's own."""
        return self.model_.threshold if self.threshold is None else self.threshold

    @property
    def nlp_(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self.nlp is None:
            from workbench.nlp.pipeline import load_pipeline

            self.nlp = load_pipeline("full")
        return self.nlp

    @property
    def events_(self) -> EventTable:
        """The corpus's events table: ``events``, or extracted on first use."""
        if self.events is None:
            from workbench.events.extract import extract_events

            self.events = extract_events(self.corpus, nlp=self.nlp_)
        return self.events

    def ask(
        self,
        question: str,
        *,
        doc_ids: str | Iterable[str] | None = None,
        published_from: date | str | None = None,
        published_to: date | str | None = None,
    ) -> Answer:
        """Answer ``question`` from the corpus, citing the sentences that support it.

        Parameters
        ----------
        question : str
            A question in English.
        doc_ids : str or iterable of str, optional
            Look only in these documents.
        published_from, published_to : date or "YYYY-MM-DD", optional
            Look only in documents published on or after, on or before
            (:meth:`~workbench.model.Corpus.filter`).

        Returns
        -------
        Answer
            ``answer`` is ``None`` when nothing in the articles fits well enough,
            or when the best candidate's article does not state a name, place,
            date, number or nationality of the question (``unsupported`` names them).
            A question that asks for event rows has them in ``events``.

        Raises
        ------
        QueryError
            If the question is empty or has only stop words, or a document id is unknown.
        """
        self._validate()
        question = without_surrogates(question) if isinstance(question, str) else question
        if published_from is not None or published_to is not None:
            doc_ids = self._published(doc_ids, published_from, published_to)
        analysis = self.analyse(question)
        query = event_query(analysis)
        if query is not None:
            answer = self._rows_answer(analysis, query, doc_ids)
        else:
            analysis, sentences, coverages, scored = self._candidates(question, doc_ids)
            if not sentences:
                answer = Answer(
                    question, None, 0.0, analysis.expected, (), wh_word=analysis.wh_word
                )
            else:
                answer = self._answer(analysis, sentences, coverages, scored)
        return replace(answer, threshold=self.threshold_)

    def _published(
        self,
        doc_ids: str | Iterable[str] | None,
        published_from: date | str | None,
        published_to: date | str | None,
    ) -> tuple[str, ...]:
        """The documents of ``doc_ids`` (all by default) published within the bounds."""
        from workbench.errors import QueryError

        chosen = [doc_ids] if isinstance(doc_ids, str) else doc_ids
        try:
            within = self.corpus.filter(
                ids=chosen, published_from=published_from, published_to=published_to
            )
        except ValueError as error:
            raise QueryError(str(error)) from None
        if not len(within):
            raise QueryError("no document of the corpus was published within those dates")
        return within.ids

    def _rows_answer(
        self,
        analysis: QuestionAnalysis,
        query: EventQuery,
        doc_ids: str | Iterable[str] | None,
    ) -> Answer:
        """The answer of a question that asks for event rows (:mod:`workbench.qa.event_rows`)."""
        retrieved = self._retrieve(analysis.question, doc_ids)  # also checks the document ids
        rows = matching_events(query, self.events_, self.corpus)
        if doc_ids is not None:
            wanted = {doc_ids} if isinstance(doc_ids, str) else set(doc_ids)
            rows = [row for row in rows if row.doc_id in wanted]
        return event_answer(
            analysis,
            rows,
            self.corpus,
            evidence=self.evidence,
            no_rows=cite(retrieved, self.evidence),
        )

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
        table = self.table(question, doc_ids=doc_ids)
        doc_ids_of = [sentence.doc_id for sentence, _ in table.sentences]
        scored = self.model_.rank(table.rows, doc_ids_of, table.analysis)
        return table.analysis, table.sentences, table.coverages, scored

    def table(self, question: str, *, doc_ids: str | Iterable[str] | None = None) -> QuestionTable:
        """The question's analysis, retrieved sentences and feature table, before ranking.

        What the ranker scores (:mod:`workbench.qa.table`); training builds its
        rows with it, so the features are the same at training and answering time.
        """
        self._validate()
        analysis = self.analyse(question)
        sentences = self._retrieve(question, doc_ids)
        if not sentences:
            return QuestionTable(analysis, [], [], [])
        docs = self._parse([sentence for sentence, _ in sentences])
        weights = term_weights(self.index_, analysis)
        # the sentences before that readings and rows need: parsed in one call per stage
        batch = BatchedParse(self._parse, self._is_parsed)

        def read(position: int) -> SentenceReading:
            sentence = sentences[position][0]
            return read_sentence(
                sentence,
                docs[position],
                self.corpus[sentence.doc_id],
                analysis,
                weights,
                parse=batch,
                min_coverage=self.min_coverage,
            )

        readings = in_batches(len(sentences), read, batch)
        top_score = max(score for _, score in sentences) or 1.0
        rarity = self._rarity()

        def described(position: int) -> list[CandidateRow]:
            sentence, score = sentences[position]
            return sentence_rows(
                analysis,
                sentence,
                docs[position],
                readings[position],
                position=position,
                retrieval=score / top_score,
                weights=weights,
                rarity=rarity,
                min_coverage=self.min_coverage,
            )

        rows = [row for found in in_batches(len(sentences), described, batch) for row in found]
        strength = [
            sentence_strength(reading.coverage, score, top_score)
            for reading, (_, score) in zip(readings, sentences, strict=True)
        ]
        add_agreement(rows, strength)
        coverages = [reading.coverage for reading in readings]
        return QuestionTable(analysis, sentences, coverages, rows)

    def _rarity(self) -> WordRarity:
        index = self.index_
        if self._word_rarity is None or self._word_rarity[0] is not index:
            vectorizer = index.vectorizer_
            self._word_rarity = (index, WordRarity(vectorizer.vocabulary_, vectorizer.idf_))
        return self._word_rarity[1]

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
        # Uncollapsed, as the answer model was fitted: its features read every sentence
        # retrieved, a near-duplicate article's too.
        result = self.index_.search(question, k=self.k, doc_ids=doc_ids, collapse=False)
        found: dict[tuple[str, int], tuple[Sentence, float]] = {}
        for hit in result:
            document = self.corpus[hit.doc_id]
            by_index = {sentence.index: sentence for sentence in document.sentences}
            for number in hit.sentences:
                if number in by_index:
                    found.setdefault((hit.doc_id, number), (by_index[number], hit.score))
        return list(found.values())[: self.k]

    def _is_parsed(self, sentence: Sentence) -> bool:
        return (sentence.doc_id, sentence.start, sentence.end) in self._parsed

    def _parse(self, sentences: list[Sentence]) -> list[Doc]:
        """The parse of each sentence, from the cache or parsed now, the missing ones at once.

        News repeats itself ("He did not elaborate.", the rows of a table), so a
        text that several of the sentences share is parsed once; each sentence
        keeps its own copy of the parse, as the sentences around them differ.
        """
        keys = [(sentence.doc_id, sentence.start, sentence.end) for sentence in sentences]
        missing = {
            key: sentence.text
            for key, sentence in zip(keys, sentences, strict=True)
            if key not in self._parsed
        }
        if missing:
            if len(self._parsed) + len(missing) > PARSE_CACHE_SIZE:
                self._parsed.clear()
            texts = list(dict.fromkeys(missing.values()))  # each text once, in order
            parses = dict(zip(texts, self.nlp_.pipe(texts), strict=True))
            taken: set[str] = set()
            for key, text in missing.items():
                doc = parses[text]
                self._parsed[key] = doc.copy() if text in taken else doc
                taken.add(text)
        return [self._parsed[key] for key in keys]

    def _answer(
        self,
        analysis: QuestionAnalysis,
        sentences: list[tuple[Sentence, float]],
        coverages: list[float],
        scored: list[ScoredCandidate],
    ) -> Answer:
        best = scored[0] if scored else None
        confidence = best.confidence if best else 0.0
        if best is not None and coverages[best.sentence] < self.min_coverage:
            confidence = min(confidence, coverages[best.sentence])
        answered = best is not None and confidence >= self.threshold_
        unsupported: tuple[str, ...] = ()
        if answered and self.premises:
            assert best is not None
            unsupported = self._unsupported(analysis, sentences[best.sentence][0])
            if unsupported:  # it answers a question the articles do not ask
                answered, confidence = False, 0.0
        cited = by_strength(sentences, coverages)
        if answered:
            assert best is not None
            cited = [sentences[best.sentence], *named_in(best, sentences), *cited]
        evidence = cite(cited, self.evidence)
        considered = alternatives(scored)
        weighed = self._weighed(scored, best if answered else None)
        if not answered:
            return Answer(
                analysis.question,
                None,
                round(confidence, 4),
                analysis.expected,
                evidence,
                wh_word=analysis.wh_word,
                alternatives=considered,
                unsupported=unsupported,
                considered=weighed,
            )
        assert best is not None
        listed = self._listed(analysis, sentences, scored, best)
        resolved = self._resolve(best.candidate, sentences[best.sentence][0])
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
            alternatives=considered[1:],
            date=resolved.iso if resolved is not None else None,
            granularity=resolved.granularity if resolved is not None else None,
            answers=listed,
            considered=weighed,
        )

    def _listed(
        self,
        analysis: QuestionAnalysis,
        sentences: list[tuple[Sentence, float]],
        scored: list[ScoredCandidate],
        best: ScoredCandidate,
    ) -> tuple[ListedAnswer, ...]:
        """The other true answers of a question with several, best first.

        Each candidate's confidence is already weighed within its own article
        (:func:`~workbench.qa.ranker.within_document`): articles report
        different events, each with its answer. A different answer of the same
        kind as the best one (its label group, :func:`~workbench.qa.table.label_group`)
        is listed when its confidence reaches the threshold and its article
        states the question's premises.
        """
        listed: list[ScoredCandidate] = []
        found = []
        kind = label_group(best.candidate.label)
        for item in scored[:RANKED]:
            if label_group(item.candidate.label) != kind:
                continue  # another kind of answer ("the conference" beside a person)
            if item is best or any(
                same_answer(item.candidate, other.candidate) for other in (best, *listed)
            ):
                continue
            confidence = item.confidence
            if confidence < self.threshold_ or item.named_in is not None:
                continue
            sentence = sentences[item.sentence][0]
            if self.premises and self._unsupported(analysis, sentence):
                continue
            listed.append(item)
            found.append(
                ListedAnswer(
                    item.candidate.text,
                    round(confidence, 4),
                    sentence.doc_id,
                    item.candidate.start,
                    item.candidate.end,
                    cite([sentences[item.sentence]], 1)[0],
                )
            )
            if len(found) == MAX_LISTED:
                break
        return tuple(found)

    @staticmethod
    def _weighed(
        scored: list[ScoredCandidate], chosen: ScoredCandidate | None
    ) -> tuple[Considered, ...]:
        """The best candidates as :class:`Considered` rows, for :meth:`Answer.explain`."""
        return tuple(
            Considered(
                text=item.candidate.text,
                label=item.candidate.label,
                doc_id=item.doc_id,
                start=item.candidate.start,
                end=item.candidate.end,
                features=tuple(item.features.items()),
                score=round(item.score, 4),
                margin=round(item.margin, 4),
                confidence=round(item.confidence, 4),
                chosen=item is chosen,
            )
            for item in scored[:EXPLAINED_CANDIDATES]
        )

    def _unsupported(self, analysis: QuestionAnalysis, sentence: Sentence) -> tuple[str, ...]:
        """The question's premises that ``sentence`` and its document do not state.

        Checked once the best candidate is chosen, on its sentence's document
        only: the check decides whether to give that answer and ranks nothing.
        """
        check = check_premises(analysis, sentence, self.corpus[sentence.doc_id])
        return check.unsupported

    def _resolve(self, candidate: Candidate, sentence: Sentence) -> ResolvedDate | None:
        """The date a date answer stands for, against its article's publication date."""
        if candidate.label != "DATE":
            return None
        from workbench.dates import find_time_expressions, resolve_date

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
        resolved = resolve_date(written, published)
        return resolved if resolved.date is not None else None


# -- one question at a time ----------------------------------------------------------------------


def ask(
    corpus: Corpus,
    question: str,
    *,
    index: TfidfIndex | None = None,
    k: int = 20,
    nlp: Language | None = None,
    doc_ids: str | Iterable[str] | None = None,
    published_from: date | str | None = None,
    published_to: date | str | None = None,
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
    published_from, published_to : date or "YYYY-MM-DD", optional
        Look only in documents published on or after, on or before.

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
    return answerer.ask(
        question, doc_ids=doc_ids, published_from=published_from, published_to=published_to
    )
