"""Rendering a :class:`~workbench.export.briefing.Briefing` as Markdown.

The layout, top to bottom: the title; a paragraph saying what the briefing is
and how to read it; the parameters that made it; a table of the articles; a
summary of all of them, then of each; the answers to the questions; who hosted
what, where and when (and the timeline, when there is one); the sources.

Citations. Answers and events are claims: each is followed by a footnote
reference, and the footnote quotes the sentence the claim rests on and names
its document and character offsets (``document.raw[start:end]`` is the
sentence). Footnotes are numbered in the order they are first referred to; two
claims resting on one sentence share its footnote. Summary sentences quote
themselves, so they cite their place inline instead: "(document, characters
8–272)".

All source text goes through :mod:`workbench.markdown`, so nothing an article
contains can change the structure of the briefing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.display import one_line
from workbench.events.table import EVIDENCE_WORDS
from workbench.frames import MISSING
from workbench.markdown import (
    Markdown,
    blockquote,
    escape,
    footnote,
    footnote_ref,
    heading,
    image,
    link,
    markdown_table,
)

if TYPE_CHECKING:
    from datetime import date

    from workbench.events import Event
    from workbench.export.briefing import Briefing
    from workbench.qa.answer import Answer
    from workbench.summaries import Summary

#: What the briefing says for a question it cannot answer.
NO_ANSWER = "no answer in the articles"

#: How a resolved date is shown, by how much of it the article fixes.


class Citations:
    """Numbered footnotes for the sentences claims rest on, one per sentence.

    Examples
    --------
    >>> citations = Citations()
    >>> citations.cite("a", 0, 5, "Hello"), citations.cite("a", 0, 5, "Hello")
    ('[^1]', '[^1]')
    >>> print(citations.definitions()[0])
    [^1]: Document a, characters 0–5:
    <BLANKLINE>
        > Hello
    """

    def __init__(self) -> None:
        self._labels: dict[tuple[str, int, int], int] = {}
        self._quotes: list[tuple[str, int, int, str]] = []

    def cite(self, doc_id: str, start: int, end: int, text: str) -> Markdown:
        """The footnote reference for the sentence ``text`` at ``doc_id[start:end]``."""
        key = (doc_id, start, end)
        if key not in self._labels:
            self._labels[key] = len(self._labels) + 1
            self._quotes.append((doc_id, start, end, text))
        return footnote_ref(self._labels[key])

    def definitions(self) -> list[str]:
        """The footnote definitions, in the order of their numbers."""
        return [
            footnote(number, f"Document {doc_id}, characters {start}–{end}:", blockquote(text))
            for number, (doc_id, start, end, text) in enumerate(self._quotes, start=1)
        ]

    def __len__(self) -> int:
        return len(self._quotes)


def render_briefing(
    briefing: Briefing, *, timeline_link: str | None = None, rows: int | None = None
) -> str:
    """The briefing as Markdown, ending in a newline (see the module docstring).

    ``rows`` shortens the table of articles and the table of events to their first
    ``rows`` rows, each followed by how many more the exported briefing lists (a
    notebook shows the briefing so; the file has every row).
    """
    citations = Citations()
    blocks = [
        heading(briefing.title, 1),
        _introduction(briefing),
        _parameters(briefing),
        heading("The articles", 2),
        *_articles(briefing, rows),
        *_corpus_summary(briefing),
        heading("Summary of each article", 2),
        *_document_summaries(briefing),
        heading("Answers to the questions", 2),
        *_answers(briefing, citations),
        heading("Who hosted what, where and when", 2),
        *_events(briefing, citations, timeline_link, rows),
    ]
    if len(citations):
        blocks += [heading("Sources", 2), _sources_note(), *citations.definitions()]
    return "\n\n".join(blocks) + "\n"


def _introduction(briefing: Briefing) -> str:
    count = len(briefing.documents)
    return (
        f"This briefing was made by the workbench from {_plural(count, 'news article')}. "
        "Its summaries are sentences chosen from the articles; its answers and its table of "
        "events are read from the articles automatically and may be wrong, so each one cites "
        "the sentence it rests on in a numbered footnote (see Sources at the end)."
    )


def _parameters(briefing: Briefing) -> str:
    documents = _plural(len(briefing.documents), "document")
    if briefing.corpus_path is None:
        corpus = f"{documents} given in Python"
    else:
        skipped = f"; {_plural(briefing.skipped, 'file')} skipped" if briefing.skipped else ""
        corpus = f"{briefing.corpus_path} ({documents}{skipped})"
    items = [
        ("Corpus", corpus),
        ("Summaries", f"{briefing.method} method, {_plural(briefing.sentences, 'sentence')} each"),
        ("Questions", f"{len(briefing.questions)} — {briefing.question_source}"),
    ]
    if briefing.timestamp is not None:
        items.append(("Made", briefing.timestamp.isoformat(sep=" ", timespec="seconds")))
    return "\n".join(f"- **{name}:** {escape(value)}" for name, value in items)


def _articles(briefing: Briefing, most: int | None) -> list[str]:
    shown = briefing.documents[:most] if most is not None else briefing.documents
    rows = [
        [row.doc_id, row.title, row.source, _iso(row.published), row.sentences, row.words]
        for row in shown
    ]
    table = markdown_table(
        ["document", "title", "source", "published", "sentences", "words"],
        rows,
        align=["left", "left", "left", "left", "right", "right"],
        missing=MISSING,
    )
    return [table, *_more_rows(len(shown), len(briefing.documents), "article")]


def _more_rows(shown: int, total: int, noun: str) -> list[str]:
    """The note under a shortened table: how many rows more the exported briefing has."""
    if shown >= total:
        return []
    return [
        escape(
            f"… and {total - shown:,} more {noun}{'' if total - shown == 1 else 's'} "
            f"({shown:,} of {total:,} shown here); "
            "the exported briefing lists them all."
        )
    ]


def _corpus_summary(briefing: Briefing) -> list[str]:
    if len(briefing.documents) < 2:
        return []
    return [
        heading("Summary of all the articles", 2),
        _summary(briefing.corpus_summary, with_document=True),
    ]


def _document_summaries(briefing: Briefing) -> list[str]:
    blocks = []
    summarised = briefing.document_summaries
    for row, summary in zip(briefing.documents, summarised, strict=False):
        title = f"{row.doc_id}: {row.title}" if row.title else row.doc_id
        blocks += [heading(title, 3), _summary(summary, with_document=False)]
    rest = len(briefing.documents) - len(summarised)
    if rest > 0:
        blocks.append(
            escape(
                f"The other {_plural(rest, 'article')} are not summarised one by one (at most "
                f"{len(summarised)} are; max_articles= in Python or --max-articles on the "
                "command line changes it): the summary of all the "
                "articles covers them, and the table of articles lists them."
            )
        )
    return blocks


def _summary(summary: Summary, *, with_document: bool) -> str:
    """A summary as a list of its sentences, each with its place in the article."""
    if not summary.sentences:
        return f"*{escape(f'No summary: {summary.note}.')}*"
    lines = []
    for sentence in summary:
        where = f"characters {sentence.start}–{sentence.end}"
        if with_document:
            where = f"{sentence.doc_id}, {where}"
        lines.append(f"- {escape(sentence.text)} ({escape(where)})")
    return "\n".join(lines)


def _answers(briefing: Briefing, citations: Citations) -> list[str]:
    note = (
        "Each answer is a name, place, date or short phrase as an article writes it; "
        "the footnote quotes the sentence it comes from. Confidence runs from 0 to 1; "
        f"below {briefing.answer_threshold:.2f} a question is left unanswered, and the "
        "footnote quotes the closest evidence found."
    )
    if any(answer.events for answer in briefing.answers):
        note += (
            " A question about every event of a kind is answered with the events' hosts and "
            "dates, each cited; the events table below lists them all."
        )
    rows = [
        [number, question.question, _answer_cell(answer, citations), f"{answer.confidence:.2f}"]
        for number, (question, answer) in enumerate(
            zip(briefing.questions, briefing.answers, strict=True), start=1
        )
    ]
    table = markdown_table(
        ["no.", "question", "answer", "confidence"], rows, align=["right", "left", "left", "right"]
    )
    return [note, table]


#: Most event rows an answer's cell names; the events table below lists them all.
CELL_ROWS = 8


def _answer_cell(answer: Answer, citations: Citations) -> Markdown:
    """The answer (or that there is none) and the footnote of its sentence."""
    if answer.events:
        return _rows_cell(answer, citations)
    cited = answer.evidence[0] if answer.evidence else None
    reference = citations.cite(cited.doc_id, cited.start, cited.end, cited.text) if cited else ""
    if answer.answer is None:
        evidence = f"; closest evidence{reference}" if cited else "; nothing in them concerns it"
        return Markdown(f"*{NO_ANSWER}*{evidence}")
    text = escape(answer.answer)
    shown = answer.date_shown
    if shown and shown != answer.answer:
        text = Markdown(f"{text} ({escape(shown)})")
    return Markdown(f"**{text}**{reference}")


def _rows_cell(answer: Answer, citations: Citations) -> Markdown:
    """An answer made of event rows: each row's host and date, cited, by date."""
    named = []
    for event in answer.events[:CELL_ROWS]:
        reference = citations.cite(event.doc_id, event.start, event.end, event.text)
        when = event.date_shown() or event.when
        shown = f"{escape(event.host)} ({escape(when)})" if when else escape(event.host)
        named.append(f"**{shown}**{reference}")
    more = len(answer.events) - CELL_ROWS
    tail = f"; and {_plural(more, 'more event')}" if more > 0 else ""
    return Markdown(f"{_plural(len(answer.events), 'event')}: {'; '.join(named)}{tail}")


def _events(
    briefing: Briefing, citations: Citations, timeline_link: str | None, most: int | None
) -> list[str]:
    events = briefing.events.events
    shown = events[:most] if most is not None else events
    if not events:
        blocks = ["No article reports who hosted talks, meetings or conferences."]
    else:
        blocks = [
            f"{_plural(len(events), 'event')} (hosting, meetings and visits) found in the "
            "articles, in article order. *Host is* says how the host is known: named as host, "
            "the inviter, its organiser, or the venue (where it took place, or the country "
            "visited). *When* is the date as the article gives it; *date* is the day (or "
            "month, or year) it stands for, shown only when the year can be known.",
            markdown_table(
                ["kind", "host", "host is", "event", "place", "when", "date", "source"],
                [_event_row(event, citations) for event in shown],
                missing=MISSING,
            ),
            *_more_rows(len(shown), len(events), "event"),
        ]
    if briefing.events.skipped:  # an article too long to parse: say so, never drop it quietly
        unread = "; ".join(
            f"{escape(doc_id)} ({escape(reason)})" for doc_id, reason in briefing.events.skipped
        )
        blocks.append(f"Not read for events: {unread}.")
    if timeline_link is not None:
        picture = image("Timeline of the events (dated ones on the left)", timeline_link)
        blocks.append(link(picture, timeline_link))  # a click opens it at full size
    return blocks


def _event_row(event: Event, citations: Citations) -> list[object]:
    reference = citations.cite(event.doc_id, event.start, event.end, event.text)
    host_is = EVIDENCE_WORDS.get(event.evidence, event.evidence)
    return [
        event.family,
        event.host,
        host_is,
        event.event,
        event.place,
        event.when,
        event.date_shown(),
        reference,
    ]


def _sources_note() -> str:
    return (
        "Each note quotes the sentence a claim rests on, exactly as the article has it, and "
        "says where it is: the document id (usually the article's file name without its "
        "extension) and "
        "the sentence's position in the article's text, in characters counted from 0, the "
        "last one not included."
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def markdown_to_html(markdown: str) -> str:
    """CommonMark with tables and footnotes as HTML (markdown-it-py and its footnote plugin).

    Raw HTML in the Markdown is shown as text, never passed through: the
    briefing escapes every article's text already, and this holds even if it
    did not.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    return _dates_whole(parser.render(markdown))


#: An ISO date in text between tags (never inside a tag: ``[^<>]`` keeps to text).
_ISO_DATE_IN_TEXT = re.compile(r"(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])(?=[^<>]*<)")


def _dates_whole(rendered: str) -> str:
    """Keep each ISO date on one line: a narrow table column broke "2019-09-" from "12".

    Examples
    --------
    >>> _dates_whole("<td>Qatar (2019-09-12)</td>")
    '<td>Qatar (<span style="white-space:nowrap">2019-09-12</span>)</td>'
    """
    return _ISO_DATE_IN_TEXT.sub(lambda match: one_line(match.group(1)), rendered)
