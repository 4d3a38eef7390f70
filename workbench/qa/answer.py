"""An answer and its evidence: what :func:`workbench.qa.answerer.ask` returns.

Both are frozen dataclasses that cite the source by raw-text offsets
(``document.raw[start:end] == text``), become DataFrames with the shared column
names, JSON-ready dicts, and an answer card in a notebook, with the answer
marked in the sentence that gives it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from workbench.columns import (
    ASKED_COLUMNS,
    CONSIDERED_COLUMNS,
    CONSIDERED_SCORE_COLUMNS,
    EVIDENCE_COLUMNS,
)
from workbench.frames import typed_frame
from workbench.qa.answer_card import answer_html, answer_markdown, answer_text, type_in_words

if TYPE_CHECKING:
    import pandas as pd

    from workbench.events.table import Event, EventTable


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence cited for an answer.

    Attributes
    ----------
    doc_id : str
        Its document.
    text : str
        The sentence, ``document.raw[start:end]``.
    start, end : int
        Raw-text offsets.
    score : float
        Its retrieval score (cosine similarity to the question, in [0, 1]); for a
        sentence cited by an event row (``Answer.events``), the row's measured confidence.
    sentence : int
        Its ``Sentence.index`` in the document.
    """

    doc_id: str
    text: str
    start: int
    end: int
    score: float
    sentence: int = -1

    def as_dict(self) -> dict[str, object]:
        """The evidence as a JSON-ready dict."""
        return {
            "doc_id": self.doc_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class ListedAnswer:
    """One more true answer to a question with several ("Which countries were invited?").

    Attributes
    ----------
    answer : str
        As the article writes it: ``corpus[doc_id].raw[start:end] == answer``.
    confidence : float
        The calibrated chance that it is right.
    doc_id : str
        Its document.
    start, end : int
        Its raw-text offsets.
    evidence : Evidence
        The sentence that gives it.
    """

    answer: str
    confidence: float
    doc_id: str
    start: int
    end: int
    evidence: Evidence

    def as_dict(self) -> dict[str, object]:
        """The listed answer as a JSON-ready dict."""
        return {
            "answer": self.answer,
            "confidence": self.confidence,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class Considered:
    """A candidate answer the answerer weighed, with the features that scored it.

    Attributes
    ----------
    text : str
        The candidate as the article writes it.
    label : str
        Where the span comes from (an entity label, or a phrase kind such as ``NP``).
    doc_id : str
        Its document.
    start, end : int
        Raw-text offsets of the span.
    features : tuple of (str, float)
        Each feature's name and value, in the ranker's order.
    score, margin, confidence : float
        The ranker's score, its margin over the best different answer, and the
        chance that it is right if chosen.
    chosen : bool
        Whether it is the answer given.
    """

    text: str
    label: str
    doc_id: str
    start: int
    end: int
    features: tuple[tuple[str, float], ...]
    score: float
    margin: float
    confidence: float
    chosen: bool = False

    def as_row(self, rank: int) -> dict[str, object]:
        """The candidate as one row of :meth:`Answer.explain`, its features as columns."""
        return {
            "rank": rank,
            "candidate": self.text,
            "label": self.label,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            **dict(self.features),
            "score": self.score,
            "margin": self.margin,
            "confidence": self.confidence,
            "chosen": self.chosen,
        }


#: Features :meth:`Answer.explain` shows unless asked for more: those that decide most.
EXPLAINED_FEATURES = 5

#: The scores :meth:`Answer.explain` shows unless asked for every feature (all of
#: :data:`~workbench.columns.CONSIDERED_SCORE_COLUMNS` then).
EXPLAINED_SCORE_COLUMNS = ("score", "confidence", "chosen")


def deciding_features(considered: Iterable[Considered], names: Iterable[str]) -> list[str]:
    """``names`` ordered by how much they decide between the ``considered`` candidates.

    The ranker scores a candidate by a weighted sum of its features (the
    package's fitted answer model, :func:`workbench.qa.ranker.load_model`): a
    feature decides between two candidates by its weight times the difference of
    their values. Each feature is ranked by the largest such difference among
    the candidates, the most deciding first; a feature that is the same for
    every candidate (or that the ranker does not weigh) decides nothing and is
    left out. Ties keep the order of ``names``.
    """
    from workbench.qa.ranker import load_model

    ranker = load_model().ranker
    weights = dict(zip(ranker.features, ranker.coefficients.tolist(), strict=True))
    values = [dict(item.features) for item in considered]
    spread: dict[str, float] = {}
    for name in names:
        parts = [weights.get(name, 0.0) * row.get(name, 0.0) for row in values]
        spread[name] = max(parts) - min(parts) if parts else 0.0
    return sorted((name for name in spread if spread[name] > 0), key=lambda name: -spread[name])


@dataclass(frozen=True)
class Answer:
    """A question, its short answer (or ``None``), the confidence and the evidence.

    Attributes
    ----------
    question : str
        The question as asked.
    answer : str or None
        A name, place, date, number or short phrase as written in the article;
        ``None`` when nothing in the articles fits well enough.
    confidence : float
        In [0, 1]; low when there is no answer.
    answer_type : str
        The expected answer type, as spaCy labels (``"DATE/TIME"``) or ``"phrase"``.
    evidence : tuple of Evidence
        Best first; when answered, the first sentence is the one that gives the
        answer. When that sentence names the answer only by a pronoun ("it
        hosted ..."), the sentence that writes the name comes second, and
        ``start``/``end`` point into it.
    doc_id : str or None
        The answer's document.
    start, end : int or None
        The answer's raw-text offsets: ``corpus[doc_id].raw[start:end] == answer``.
    label : str or None
        The answer's own label (``"GPE"``, ``"NP"`` for a noun phrase, ...).
    wh_word : str or None
        The question's wh-word ("who", "how many", ...).
    alternatives : tuple of (str, float)
        Other candidates and their confidence, best first: what an analyst may check.
    date : str or None
        For a date answer, the ISO date it stands for, resolved against the
        article's publication date; ``None`` when the year cannot be known. A
        month or a year stands on its first day ("April 2017": ``2017-04-01``)
        and ``granularity`` says so.
    granularity : {"day", "week", "month", "year"} or None
        How much of ``date`` the article fixes.
    unsupported : tuple of str
        The parts of the question (names, places, dates, numbers, nationalities,
        as the question writes them) that the article of the best candidate does
        not state (:mod:`workbench.qa.premise`): the question then takes for
        granted what the articles do not say, and there is no answer.
    answers : tuple of ListedAnswer
        When the question has several true answers ("Who hosted talks on
        Afghanistan?"), the others, best first, each with its own evidence:
        every different answer confident enough to be given on its own.
        ``answer`` stays the single best.
    events : tuple of Event
        For a question the events table answers ("Who hosted which talks, and
        when?", :mod:`workbench.qa.event_rows`), its rows, by date; then
        ``answer`` is the host of the row most likely right and ``answers`` the
        others' hosts. Empty for other questions.
    threshold : float or None
        The least confidence at which the answerer gives an answer, shown beside
        the confidence on the card.
    """

    question: str
    answer: str | None
    confidence: float
    answer_type: str
    evidence: tuple[Evidence, ...]
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    label: str | None = None
    wh_word: str | None = None
    alternatives: tuple[tuple[str, float], ...] = ()
    date: str | None = None
    granularity: str | None = None
    unsupported: tuple[str, ...] = ()
    answers: tuple[ListedAnswer, ...] = ()
    considered: tuple[Considered, ...] = field(default=(), repr=False, compare=False)
    events: tuple[Event, ...] = field(default=(), repr=False)
    threshold: float | None = None

    @property
    def expected_words(self) -> str:
        """The expected answer type in words: "a person, an organisation or a place"."""
        return type_in_words(self.answer_type)

    @property
    def answered(self) -> bool:
        """Whether there is an answer."""
        return self.answer is not None

    def event_table(self) -> EventTable:
        """The event rows that answer the question, as an :class:`~workbench.events.EventTable`."""
        from workbench.events.table import EventTable

        return EventTable(self.events)

    def to_dict(self) -> dict[str, object]:
        """The answer as a JSON-ready dict (``evidence`` as a list of dicts)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "confidence": self.confidence,
            "threshold": self.threshold,
            "answer_type": self.answer_type,
            "label": self.label,
            "date": self.date,
            "granularity": self.granularity,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "evidence": [item.as_dict() for item in self.evidence],
            "alternatives": [
                {"answer": text, "confidence": confidence} for text, confidence in self.alternatives
            ],
            "unsupported": list(self.unsupported),
            "answers": [item.as_dict() for item in self.answers],
            "events": [event.as_dict() for event in self.events],
        }

    @property
    def date_shown(self) -> str | None:
        """The date at its granularity: "2018-11-09", "April 2017", "2017"."""
        if self.date is None:
            return None
        from datetime import date as calendar_date

        from workbench.dates import date_at_granularity

        return date_at_granularity(calendar_date.fromisoformat(self.date), self.granularity)

    @property
    def unsupported_note(self) -> str | None:
        """The note "The articles do not mention: ..." when part of the question is unsupported."""
        if not self.unsupported:
            return None
        return f"The articles do not mention: {', '.join(self.unsupported)}"

    def to_record(self) -> dict[str, object]:
        """The answer as a compact JSON-ready record: one line of a JSON Lines answer file.

        The question, the answer, its confidence, each evidence sentence's
        document, text, offsets and score, and the event rows of a question that
        asks for them; :meth:`to_dict` has everything.
        """
        return {
            "question": self.question,
            "answer": self.answer,
            "confidence": self.confidence,
            "evidence": [
                {key: item.as_dict()[key] for key in ("doc_id", "text", "start", "end", "score")}
                for item in self.evidence
            ],
            "events": [event.as_dict() for event in self.events],
        }

    def to_row(self) -> dict[str, object]:
        """The answer and the sentence it cites as one flat row, for tables of many answers.

        The keys are :data:`workbench.columns.ANSWER_ROW_COLUMNS`. The cited sentence
        is the first evidence sentence: the one the answer comes from, or, when there
        is no answer, the closest the articles come; all ``None`` without evidence.
        Used by every table of answers (the briefing's, the evaluation's), so that
        they name and fill their columns alike.
        """
        cited = self.evidence[0] if self.evidence else None
        return {
            "answer": self.answer,
            "date": self.date,
            "granularity": self.granularity,
            "confidence": self.confidence,
            "doc_id": cited.doc_id if cited else None,
            "sentence": cited.sentence if cited else None,
            "start": cited.start if cited else None,
            "end": cited.end if cited else None,
            "text": cited.text if cited else None,
        }

    def explain(self, features: int | Literal["all"] = EXPLAINED_FEATURES) -> pd.DataFrame:
        """Why this answer won: the candidates weighed, best first, with their features.

        One row a candidate: its rank, text, label, document and offsets, the
        features it was scored on, its score (the ranker's logit) and confidence
        (the calibrated chance that it is right), and whether it is the answer
        given; with every feature, also its margin over the best different
        answer. Empty when nothing was weighed (no evidence, or an answer built
        by hand). A candidate that wraps over lines in its article reads on one
        line (each break a space: ``start`` and ``end`` still cut it from the raw
        text).

        Parameters
        ----------
        features : int or "all"
            How many features to show: by default the
            :data:`EXPLAINED_FEATURES` that decide most between these candidates
            (:func:`deciding_features`: those whose weight times value differs
            most from one candidate to another, the most first), so the table
            fits a notebook; ``"all"`` gives every feature the ranker scored (over
            a hundred: the measures of :mod:`workbench.qa.table` first, then the
            indicator features such as ``kind=who&group=person``, 0 where a row
            lacks one); ``0`` none.

        Raises
        ------
        ValueError
            If ``features`` is neither a count nor ``"all"``.
        """
        if features != "all" and (
            isinstance(features, bool) or not isinstance(features, int) or features < 0
        ):
            raise ValueError(f'features must be a count or "all"; got {features!r}')
        rows = [item.as_row(rank) for rank, item in enumerate(self.considered, start=1)]
        names = dict.fromkeys(name for item in self.considered for name, _ in item.features)
        measures = [name for name in names if "=" not in name]
        indicators = sorted(name for name in names if "=" in name)  # "kind=who&group=person"
        shown = [*measures, *indicators]
        if features != "all":
            shown = deciding_features(self.considered, shown)[:features]
        scores = CONSIDERED_SCORE_COLUMNS if features == "all" else EXPLAINED_SCORE_COLUMNS
        columns = [*CONSIDERED_COLUMNS, *shown, *scores]
        # typed as every frame: offsets as integers, the candidate on one line
        frame = typed_frame([{name: row.get(name) for name in columns} for row in rows], columns)
        if shown:
            frame[shown] = frame[shown].astype(float).fillna(0.0)
        return frame

    def to_frame(self) -> pd.DataFrame:
        """The evidence as a DataFrame: rank, doc_id, sentence, start, end, score, text.

        Ranked as the card and the printed answer list it: the answer's sentence
        first, the rest by the score shown. The question and answer are in
        ``frame.attrs``.
        """
        ranked = enumerate(self.evidence_by_score(), start=1)
        frame = typed_frame(
            [{"rank": rank, **item.as_dict()} for rank, item in ranked], EVIDENCE_COLUMNS
        )
        frame.attrs.update(question=self.question, answer=self.answer, confidence=self.confidence)
        return frame

    def __repr__(self) -> str:
        shown = repr(self.answer) if self.answered else "no answer"
        where = f" from {self.doc_id}[{self.start}:{self.end}]" if self.answered else ""
        return f"<Answer {shown}{where}, confidence {self.confidence:.2f}: {self.question!r}>"

    def __str__(self) -> str:
        return answer_text(self)

    def evidence_by_score(self) -> list[Evidence]:
        """The evidence as the card lists it: the answer's sentence first, the rest by score."""
        if not self.evidence:
            return []
        first, *rest = self.evidence
        if not self.answered:
            return sorted(self.evidence, key=lambda item: -item.score)
        return [first, *sorted(rest, key=lambda item: -item.score)]

    def alternatives_scored(self) -> list[tuple[str, float, float | None]]:
        """The alternatives, best first, each with its confidence and the ranker's score.

        The confidence is calibrated in steps (an isotonic regression), so
        candidates the ranker tells apart often share one ("November 9" and
        "Russia" both 0.1822 on the seeds); the ranker's score (its logit,
        as :meth:`explain` shows it) orders them. The score is that of the best
        weighed candidate with the same text, ``None`` when none is known (an
        answer built by hand).
        """
        scores: dict[str, float] = {}
        for item in self.considered:
            scores.setdefault(" ".join(item.text.split()), item.score)
        scored = [
            (text, confidence, scores.get(" ".join(text.split())))
            for text, confidence in self.alternatives
        ]
        return sorted(
            scored, key=lambda row: (-row[1], -(row[2] if row[2] is not None else -math.inf))
        )

    def _repr_html_(self) -> str:
        return answer_html(self)

    def _repr_markdown_(self) -> str:
        return answer_markdown(self)


def answers_frame(
    answers: Iterable[Answer], asked: Iterable[str | Iterable[str]] | None = None
) -> pd.DataFrame:
    """Answers as one table, a row each: the question, the answer and the sentence it cites.

    The columns are :data:`workbench.columns.ASKED_COLUMNS`, typed as every frame
    is (:func:`workbench.frames.typed_frame`): offsets are integers and a missing
    value is missing the same way in every row, whether one answer or none has it.

    Parameters
    ----------
    answers : iterable of Answer
        The answers, in the order of the rows.
    asked : iterable of str or of lists of str, optional
        The documents each question was asked of (the ``doc_ids=`` of its
        ``ask``), one item an answer: then a column ``asked of`` comes second and
        names them, so a row says which document it asked even when there is no
        answer (and so no cited document).

    Raises
    ------
    ValueError
        If ``asked`` does not give one item an answer.

    Examples
    --------
    >>> frame = answers_frame([Answer("Who hosted the talks?", None, 0.2, ("GPE",), ())])
    >>> frame.loc[0, ["question", "answer", "start"]].tolist()
    ['Who hosted the talks?', None, <NA>]
    >>> answers_frame([Answer("Who?", None, 0.2, ("GPE",), ())], asked=["a-1"]).columns[1]
    'asked of'
    """
    listed = list(answers)
    rows = [
        {"question": answer.question, "answer_type": answer.answer_type, **answer.to_row()}
        for answer in listed
    ]
    if asked is None:
        return typed_frame(rows, ASKED_COLUMNS)
    documents = [item if isinstance(item, str) else ", ".join(item) for item in asked]
    if len(documents) != len(rows):
        raise ValueError(
            f"asked names {len(documents)} document sets for {len(rows)} answers: give one each"
        )
    for row, named in zip(rows, documents, strict=True):
        row["asked of"] = named
    return typed_frame(rows, (ASKED_COLUMNS[0], "asked of", *ASKED_COLUMNS[1:]))
