"""A Markdown briefing on a corpus: what an analyst sends on.

:func:`build_briefing` does the work (summaries, answers to questions, the
events table) and returns a :class:`Briefing`, which holds everything the
briefing shows; :meth:`Briefing.to_markdown` renders it
(:mod:`workbench.export.render`) and
:func:`~workbench.export.write.write_briefing` writes it to a file, with the
timeline as a PNG beside it when asked (:mod:`workbench.export.write`).

The briefing reads on its own: a title and the parameters that made it, a table
of the articles, a summary of all of them and of each, the answers to the
questions, and who hosted what, where and when. Every answer and event cites the
sentence it rests on in a footnote that quotes it and names the document and the
sentence's character offsets in the article's text.

The same corpus and options give the same bytes: nothing depends on the clock
(unless a timestamp is asked for), on dictionary order or on float noise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.columns import ANSWER_COLUMNS
from workbench.config import PROJECT_ROOT
from workbench.errors import QueryError
from workbench.events.extract import MAX_DOCUMENT_CHARS
from workbench.frames import CARD_ROWS, typed_frame
from workbench.markdown import one_line
from workbench.model import Corpus, Document
from workbench.qa.corpus_questions import questions_from_events
from workbench.qa.question_file import QUESTION_PRESETS, Question, load_questions
from workbench.summaries import DEFAULT_METHOD, METHODS, Summary, summarise
from workbench.terminal import progress_bar
from workbench.text import without_surrogates

if TYPE_CHECKING:
    import pandas as pd

    from workbench.events import EventTable
    from workbench.qa.answer import Answer
    from workbench.qa.answerer import QuestionAnswerer

#: Most articles a briefing summarises one by one, by default; the rest are counted.
MAX_ARTICLES = 25

#: Says where the default questions come from, in the briefing's parameters.
DEFAULT_QUESTIONS_SOURCE = "made from the articles' events: one for each kind of event they report"


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One row of the briefing's table of articles."""

    doc_id: str
    title: str | None
    source: str | None
    published: date | None
    sentences: int
    words: int

    @classmethod
    def of(cls, document: Document) -> DocumentRow:
        """The row of ``document``."""
        return cls(
            doc_id=document.id,
            title=document.title,
            source=document.source,
            published=document.published,
            sentences=len(document.sentences),
            words=document.word_count,
        )


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing shows; :meth:`to_markdown` renders it.

    Attributes
    ----------
    title : str
        The briefing's title.
    corpus_path : str or None
        The corpus folder as shown: relative to the project when inside it;
        ``None`` for documents not read from a folder.
    documents : tuple of DocumentRow
        The articles by publication date, the earliest first, the undated last
        (:meth:`Corpus.by_date <workbench.model.Corpus.by_date>`).
    skipped : int
        Files of the corpus folder that could not be read.
    method : str
        The summary method.
    sentences : int
        Sentences per summary.
    question_source : str
        Where the questions come from ("from the file questions.jsonl", ...).
    questions : tuple of Question
        The questions asked.
    answers : tuple of Answer
        One per question, in the same order.
    answer_threshold : float
        The least confidence at which a question is answered.
    corpus_summary : Summary
        The summary of all the articles together.
    document_summaries : tuple of Summary
        One per document, in the order of ``documents``, for the first
        ``max_articles`` documents only (the rest are in ``corpus_summary``).
    events : EventTable
        Who hosted what, where and when.
    timestamp : datetime or None
        When the briefing was made; shown only when set.
    """

    title: str
    corpus_path: str | None
    documents: tuple[DocumentRow, ...]
    skipped: int
    method: str
    sentences: int
    question_source: str
    questions: tuple[Question, ...]
    answers: tuple[Answer, ...]
    answer_threshold: float
    corpus_summary: Summary
    document_summaries: tuple[Summary, ...]
    events: EventTable
    timestamp: datetime | None = None

    def to_markdown(self, timeline_link: str | None = None, rows: int | None = None) -> str:
        """The briefing as CommonMark with tables and footnotes, ending in a newline.

        Parameters
        ----------
        timeline_link : str, optional
            The relative path of the timeline image to show under the events table.
        rows : int, optional
            Most rows shown of the table of articles and of the table of events, each
            then saying how many more there are; by default every row (as exported).
        """
        from workbench.export.render import render_briefing

        return render_briefing(self, timeline_link=timeline_link, rows=rows)

    def _repr_markdown_(self) -> str:
        return self.to_markdown(rows=CARD_ROWS)

    def to_html(self, rows: int | None = CARD_ROWS) -> str:
        """The briefing as HTML: its Markdown rendered with footnotes and tables.

        Jupyter's own Markdown renderer has no footnotes (``[^1]`` would show as
        written, and each footnote's quoted sentence as a code block), so a
        notebook shows this instead; the exported ``.md`` is unchanged. Like the other
        cards, it shows the first ``rows`` rows of the tables of articles and events
        (:data:`~workbench.frames.CARD_ROWS`) and says how many more there are; ``None``
        shows them all.
        """
        from workbench.export.render import markdown_to_html

        return markdown_to_html(self.to_markdown(rows=rows))

    def _repr_html_(self) -> str:
        return f'<div class="workbench-briefing">{self.to_html()}</div>'

    def to_frame(self) -> pd.DataFrame:
        """The answers: one row per question, with the sentence each answer cites.

        Columns: id, question, answer, date, confidence, doc_id, sentence, start,
        end, text; for a question left unanswered, ``answer`` is empty and the
        sentence is the closest evidence (if any).
        """
        rows = [
            {"id": question.id, "question": question.question, **answer.to_row()}
            for question, answer in zip(self.questions, self.answers, strict=True)
        ]
        return typed_frame(rows, ANSWER_COLUMNS)

    def __repr__(self) -> str:
        answered = sum(answer.answered for answer in self.answers)
        return (
            f"<Briefing {self.title!r}: {len(self.documents)} documents, "
            f"{answered} of {len(self.answers)} questions answered, {len(self.events)} events>"
        )


def build_briefing(
    corpus: Corpus | str | os.PathLike[str],
    *,
    questions: Sequence[Question | str] | Question | str | None = None,
    question_file: str | os.PathLike[str] | None = None,
    preset: str | None = None,
    method: str = DEFAULT_METHOD,
    sentences: int = 3,
    max_articles: int | None = MAX_ARTICLES,
    title: str | None = None,
    timestamp: datetime | bool | None = None,
    answerer: QuestionAnswerer | None = None,
    progress: bool | None = None,
) -> Briefing:
    """Summarise a corpus, answer the questions and list its events: a briefing's content.

    Parameters
    ----------
    corpus : Corpus or path-like
        The articles, or the folder to load them from.
    questions : sequence of Question or str, a Question, a str, or None
        The questions to answer; a single string is one question, never a path.
        With none of ``questions``, ``question_file`` and ``preset``, the
        questions the corpus's events raise
        (:func:`~workbench.qa.corpus_questions.questions_from_events`: "Who
        hosted which talks and when?", answered with the events' rows).
    question_file : path-like, optional
        A question file (JSON Lines or plain text, see
        :mod:`workbench.qa.question_file`) to read the questions from instead.
    preset : str, optional
        A named set of questions instead, one of
        :data:`~workbench.qa.question_file.QUESTION_PRESETS` (``"talks"``: the
        seed articles' questions on who hosted which talks, where and when).
    method : str
        The summary method, one of :data:`workbench.summaries.METHODS`.
    sentences : int
        Sentences in each summary.
    max_articles : int or None, default 25
        Most articles summarised one by one (:data:`MAX_ARTICLES`), the earliest
        published first (the undated last); the briefing says how many more there are, which the
        summary of all the articles covers. ``None`` summarises every article.
    title : str, optional
        The title; by default "Briefing: N articles from <folder>".
    timestamp : datetime, bool or None
        When the briefing was made, shown in it; ``True`` means now (UTC). By
        default none, so the same corpus and options give the same briefing.
    answerer : QuestionAnswerer, optional
        An answerer of ``corpus`` to reuse (its index and parses).
    progress : bool, optional
        Show progress bars over the questions answered and the articles
        summarised; by default in a terminal or a notebook
        (:func:`workbench.terminal.progress_wanted`).

    Returns
    -------
    Briefing

    Raises
    ------
    ValueError
        If ``method``, ``sentences``, ``title`` or ``questions`` is invalid, both
        ``questions`` and ``question_file`` are given, or ``answerer`` answers from
        another corpus.
    workbench.errors.WorkbenchError
        If the corpus or the question file cannot be read, or a question is empty.
    """
    from workbench.qa.answerer import QuestionAnswerer

    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
        raise ValueError(f"sentences must be a positive whole number; got {sentences!r}")
    if max_articles is not None and (
        isinstance(max_articles, bool) or not isinstance(max_articles, int) or max_articles < 0
    ):
        raise ValueError(f"max_articles must be a whole number or None; got {max_articles!r}")
    if title is not None and not one_line(title):
        raise ValueError("title must have some text; give None for the default title")
    asked, question_source = _questions(questions, question_file, preset)
    if not isinstance(corpus, Corpus):
        from workbench.corpus.load import load_corpus

        corpus = load_corpus(corpus)
    if answerer is None:
        answerer = QuestionAnswerer(corpus)
    elif answerer.corpus is not corpus:
        raise ValueError("answerer answers from another corpus; pass one made for this corpus")
    if not asked:
        asked = questions_from_events(answerer.events_)
    for question in asked:  # refuse an unanswerable question before any work, not halfway
        answerer.analyse(question.question)
    answers = tuple(
        answerer.ask(question.question)
        for question in progress_bar(asked, desc="Answering", unit="question", progress=progress)
    )
    listed = corpus.by_date()
    summarised = list(listed)[:max_articles]
    return Briefing(
        title=one_line(title) if title is not None else _default_title(corpus),
        corpus_path=_shown_path(corpus.root) if corpus.root else None,
        documents=tuple(DocumentRow.of(document) for document in listed),
        skipped=len(corpus.skipped),
        method=method,
        sentences=sentences,
        question_source=question_source,
        questions=asked,
        answers=answers,
        answer_threshold=answerer.threshold_,
        corpus_summary=summarise(corpus, method=method, sentences=sentences),
        document_summaries=tuple(
            _article_summary(document, method, sentences)
            for document in progress_bar(
                summarised, desc="Summarising", unit="article", progress=progress
            )
        ),
        events=answerer.events_,
        timestamp=_timestamp(timestamp),
    )


#: The longest article summarised on its own in a briefing, in characters: the events
#: pass's limit (forty times the longest BBC article); the summary of all the articles
#: still covers a longer one.
MAX_SUMMARISED_CHARS = MAX_DOCUMENT_CHARS


def _article_summary(document: Document, method: str, sentences: int) -> Summary:
    """One article's summary, or an empty one that says why for a file of many megabytes."""
    if len(document.raw) > MAX_SUMMARISED_CHARS:
        return Summary(
            (),
            (),
            method,
            "none",
            note=(
                f"{len(document.raw):,} characters, past the {MAX_SUMMARISED_CHARS:,} an "
                "article is summarised on its own; the summary of all the articles covers it"
            ),
        )
    return summarise(document, method=method, sentences=sentences)


def _questions(
    questions: Sequence[Question | str] | Question | str | None,
    question_file: str | os.PathLike[str] | None,
    preset: str | None,
) -> tuple[tuple[Question, ...], str]:
    """The questions to ask and where they come from, as the briefing says it.

    Empty for the corpus's own questions, which need its events table.
    """
    given = [
        name
        for name, value in (
            ("questions", questions),
            ("question_file", question_file),
            ("preset", preset),
        )
        if value is not None
    ]
    if len(given) > 1:
        raise ValueError(
            f"give one of questions, question_file and preset, not {' and '.join(given)}"
        )
    if question_file is not None:
        return load_questions(question_file), f"from the file {_shown_path(Path(question_file))}"
    if preset is not None:
        if preset not in QUESTION_PRESETS:
            raise ValueError(
                f"preset must be one of {', '.join(sorted(QUESTION_PRESETS))}; got {preset!r}"
            )
        return QUESTION_PRESETS[preset], f"the preset {preset!r}"
    if questions is None:
        return (), DEFAULT_QUESTIONS_SOURCE
    if isinstance(questions, Question | str):
        questions = [questions]
    asked = []
    for number, item in enumerate(questions, start=1):
        if isinstance(item, str):
            item = Question(f"q{number}", item)
        elif not isinstance(item, Question):
            raise ValueError(
                f"questions must be Question objects or strings; item {number} is a "
                f"{type(item).__name__}"
            )
        if not item.question.strip():
            raise QueryError(f"question {number} is empty: ask something, e.g. 'Who hosted?'")
        asked.append(item)
    if not asked:
        raise ValueError("questions is empty: give at least one, or None for the corpus's own")
    return tuple(asked), "given by the caller"


def _shown_path(path: Path) -> str:
    """``path`` relative to the project when inside it (stable across clones), else absolute.

    Bytes of the name that are not UTF-8 are shown as U+FFFD: the briefing is UTF-8.
    """
    resolved = path.expanduser().resolve()
    try:
        shown = resolved.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        shown = resolved.as_posix()
    return without_surrogates(shown)


def _default_title(corpus: Corpus) -> str:
    articles = f"{len(corpus)} article{'s' if len(corpus) != 1 else ''}"
    if corpus.root is None:
        return f"Briefing: {articles}"
    return f"Briefing: {articles} from {without_surrogates(corpus.root.name)}"


def _timestamp(timestamp: datetime | bool | None) -> datetime | None:
    if timestamp is True:
        return datetime.now(UTC).replace(microsecond=0)
    if timestamp is None or timestamp is False:
        return None
    if not isinstance(timestamp, datetime):
        raise ValueError(f"timestamp must be a datetime, True (now) or None; got {timestamp!r}")
    return timestamp
