"""An answer and its evidence: what :func:`workbench.qa.answerer.ask` returns.

Both are frozen dataclasses that cite the source by raw-text offsets
(``document.raw[start:end] == text``), become DataFrames with the shared column
names, JSON-ready dicts, and an answer card in a notebook, with the answer
marked in the sentence that gives it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.columns import (
    ASKED_COLUMNS,
    CONSIDERED_COLUMNS,
    CONSIDERED_SCORE_COLUMNS,
    EVIDENCE_COLUMNS,
)
from workbench.data import read_table
from workbench.frames import cell_as_one_line, typed_frame
from workbench.markdown import code_span, escape

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
        article's publication date; ``None`` when the year cannot be known.
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
            "confidence": self.confidence,
            "doc_id": cited.doc_id if cited else None,
            "sentence": cited.sentence if cited else None,
            "start": cited.start if cited else None,
            "end": cited.end if cited else None,
            "text": cited.text if cited else None,
        }

    def explain(self) -> pd.DataFrame:
        """Why this answer won: the candidates weighed, best first, with their features.

        One row a candidate: its rank, text, label, document and offsets, every
        feature the ranker scored it on (the measures of
        :mod:`workbench.qa.table` first, then the indicator features such as
        ``kind=who&group=person``, 0 where a row lacks one), its score, margin
        and confidence, and whether it is the answer given. Empty when nothing was weighed (no
        evidence, or an answer built by hand). A candidate that wraps over lines in
        its article reads on one line (each break a space: ``start`` and ``end``
        still cut it from the raw text).
        """
        import pandas as pd

        rows = [item.as_row(rank) for rank, item in enumerate(self.considered, start=1)]
        names = dict.fromkeys(name for item in self.considered for name, _ in item.features)
        measures = [name for name in names if "=" not in name]
        indicators = sorted(name for name in names if "=" in name)  # "kind=who&group=person"
        features = [*measures, *indicators]
        columns = [*CONSIDERED_COLUMNS, *features, *CONSIDERED_SCORE_COLUMNS]
        frame = pd.DataFrame(rows, columns=columns)
        if features:
            frame[features] = frame[features].fillna(0.0)
        # a candidate wrapped over lines in its article reads on one line, as in every frame
        frame["candidate"] = frame["candidate"].map(cell_as_one_line)
        return frame

    def to_frame(self) -> pd.DataFrame:
        """The evidence as a DataFrame: rank, doc_id, sentence, start, end, score, text.

        Ranked as the card and the printed answer list it: the answer's sentence
        first, the rest by the score shown. The question and answer are in
        ``frame.attrs``.
        """
        ranked = enumerate(self._evidence_by_score(), start=1)
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
        lines = [f"Q: {self.question}"]
        if self.answered:
            lines.append(
                f"A: {' '.join(str(self.answer).split())}  "
                f"(confidence {self.confidence:.2f}, {self.label}; "
                f"{self.doc_id}[{self.start}:{self.end}])"
            )
        else:
            lines.append(f"A: no answer  (confidence {self.confidence:.2f})")
        if self.events:
            lines.append(f"   {len(self.events)} events answer it, by date:")
            lines += [f"   - {_event_line(event)}" for event in self.events]
        else:
            lines += [
                f"   also: {item.answer}  (confidence {item.confidence:.2f}; "
                f"{item.doc_id}[{item.start}:{item.end}])"
                for item in self.answers
            ]
        if self.unsupported_note:
            lines.append(f"   {self.unsupported_note}")
        for rank, item in enumerate(self._evidence_by_score(), start=1):
            text = " ".join(item.text.split())
            lines.append(
                f"  {rank}. {item.doc_id}[{item.start}:{item.end}] score {item.score:.3f}: {text}"
            )
        return "\n".join(lines)

    def _evidence_by_score(self) -> list[Evidence]:
        """The evidence as the card lists it: the answer's sentence first, the rest by score."""
        if not self.evidence:
            return []
        first, *rest = self.evidence
        if not self.answered:
            return sorted(self.evidence, key=lambda item: -item.score)
        return [first, *sorted(rest, key=lambda item: -item.score)]

    def _marked(self, item: Evidence) -> str:
        """The evidence text as HTML, the answer in ``<mark>`` when it lies in this sentence."""
        if (
            self.answered
            and item.doc_id == self.doc_id
            and self.start is not None
            and self.end is not None
            and item.start <= self.start < self.end <= item.end
        ):
            head = item.text[: self.start - item.start]
            body = item.text[self.start - item.start : self.end - item.start]
            tail = item.text[self.end - item.start :]
            return f"{html.escape(head)}<mark>{html.escape(body)}</mark>{html.escape(tail)}"
        return html.escape(item.text)

    def _repr_html_(self) -> str:
        if self.answer is not None:
            answer = (
                f"<strong>{html.escape(self.answer)}</strong> "
                f"<code>{html.escape(str(self.doc_id))}[{self.start}:{self.end}]</code>"
            )
            if self.date:
                answer += f" <small>(resolved: {html.escape(self.date)})</small>"
        else:
            answer = "<strong>No answer</strong>"
        items = "".join(
            f"<li><code>{html.escape(item.doc_id)}[{item.start}:{item.end}]</code> "
            f"<small>score {item.score:.3f}</small><br>{self._marked(item)}</li>"
            for item in self._evidence_by_score()
        )
        considered = ", ".join(
            f"{html.escape(text)} ({confidence:.2f})"
            for text, confidence in sorted(self.alternatives, key=lambda pair: -pair[1])
        )
        listed = "".join(
            f"<li><strong>{html.escape(item.answer)}</strong> "
            f"<code>{html.escape(item.doc_id)}[{item.start}:{item.end}]</code> "
            f"<small>confidence {item.confidence:.2f}</small><br>"
            f"{html.escape(item.evidence.text)}</li>"
            for item in self.answers
        )
        return (
            f'<div class="workbench-answer"><p><em>{html.escape(self.question)}</em></p>'
            f"<p>{answer}</p><p>{_confidence_bar(self.confidence, self.threshold)} "
            f"<small>expected {html.escape(self.expected_words)}</small></p>"
            + (f"<p>{html.escape(self.unsupported_note)}</p>" if self.unsupported_note else "")
            + (self.event_table()._repr_html_() if self.events else "")
            + (f"<p>Also answered:</p><ul>{listed}</ul>" if listed and not self.events else "")
            + (f"<p><small>Also considered: {considered}</small></p>" if considered else "")
            + (f"<ol>{items}</ol>" if items else "<p><small>No sentence matched.</small></p>")
            + "</div>"
        )

    def _repr_markdown_(self) -> str:
        answer = f"**{escape(self.answer)}**" if self.answer is not None else "**No answer**"
        lines = [f"*{escape(self.question)}*", "", f"{answer} (confidence {self.confidence:.2f})"]
        if self.events:
            lines += ["", f"{len(self.events)} events answer it, by date:", ""]
            lines += [f"- {escape(_event_line(event))}" for event in self.events]
        elif self.answers:
            lines += ["", "Also answered:", ""]
            lines += [
                f"- **{escape(item.answer)}** (confidence {item.confidence:.2f}, "
                f"{code_span(f'{item.doc_id}[{item.start}:{item.end}]')})"
                for item in self.answers
            ]
        if self.unsupported_note:
            lines += ["", escape(self.unsupported_note)]
        lines += [""] if self.evidence else []
        lines += [
            f"{rank}. {code_span(f'{item.doc_id}[{item.start}:{item.end}]')} {escape(item.text)}"
            for rank, item in enumerate(self.evidence, start=1)
        ]
        return "\n".join(lines)


def _event_line(event: Event) -> str:
    """One event row in a line: host, what, where, when, and its source."""
    parts = [event.host, event.event or event.verb]
    if event.place and event.place != event.host:
        parts.append(f"in {event.place}")
    when = event.date_shown() or event.when
    if when:
        parts.append(when)
    return f"{' | '.join(parts)}  ({event.doc_id}[{event.start}:{event.end}])"


#: Each answer type in words, from ``data/qa_label_words.tsv``.
LABEL_WORDS: dict[str, str] = dict(read_table("qa_label_words.tsv"))  # type: ignore[arg-type]


def type_in_words(answer_type: str) -> str:
    """``"PERSON/ORG"`` -> ``"a person or an organisation"``; unknown labels as written.

    Examples
    --------
    >>> type_in_words("PERSON/ORG/GPE")
    'a person, an organisation or a country, city or state'
    >>> type_in_words("phrase")
    'a phrase'
    """
    words = [LABEL_WORDS.get(label, label) for label in answer_type.split("/") if label]
    if len(words) <= 1:
        return words[0] if words else "anything"
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _confidence_bar(confidence: float, threshold: float | None) -> str:
    """The confidence as a bar, with the threshold marked on it and said in words."""
    width = 120
    filled = round(width * max(0.0, min(1.0, confidence)))
    given = threshold is None or confidence >= threshold
    colour = "#2e7d32" if given else "#9e9e9e"
    marker = ""
    said = f"confidence {confidence:.2f}"
    if threshold is not None:
        at = round(width * threshold)
        marker = (
            f'<span style="position:absolute;left:{at}px;top:-2px;width:2px;height:14px;'
            f'background:#c62828" title="threshold {threshold:.2f}"></span>'
        )
        said += f" (answers from {threshold:.2f})"
    return (
        f'<span style="display:inline-block;position:relative;width:{width}px;height:10px;'
        f'background:#e0e0e0;vertical-align:middle" role="meter" aria-valuenow="{confidence:.2f}">'
        f'<span style="display:block;width:{filled}px;height:10px;background:{colour}"></span>'
        f"{marker}</span> <small>{said}</small>"
    )


def answers_frame(answers: Iterable[Answer]) -> pd.DataFrame:
    """Answers as one table, a row each: the question, the answer and the sentence it cites.

    The columns are :data:`workbench.columns.ASKED_COLUMNS`, typed as every frame
    is (:func:`workbench.frames.typed_frame`): offsets are integers and a missing
    value is missing the same way in every row, whether one answer or none has it.

    Examples
    --------
    >>> frame = answers_frame([Answer("Who hosted the talks?", None, 0.2, ("GPE",), ())])
    >>> frame.loc[0, ["question", "answer", "start"]].tolist()
    ['Who hosted the talks?', None, <NA>]
    """
    rows = [
        {"question": answer.question, "answer_type": answer.answer_type, **answer.to_row()}
        for answer in answers
    ]
    return typed_frame(rows, ASKED_COLUMNS)
