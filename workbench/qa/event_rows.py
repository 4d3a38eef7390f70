"""Questions the events table answers: "Who hosted which talks, and when?".

A question that asks two or more of *who*, *what*, *which*, *where* and *when*
about an event ("Who hosted which talks, and when?", "Who met whom, where and
when?", "Which countries hosted talks on Afghanistan, and when?") asks for rows,
not for one span: each event is an answer. :func:`event_query` recognises such a
question from its analysis; :func:`matching_events` keeps the rows of the
events table (:func:`workbench.events.extract.extract_events`) that fit it; and
:func:`event_answer` makes the :class:`~workbench.qa.answer.Answer`: the rows
in ``events``, each host with its own cited sentence in ``answers``, and as
``answer`` the host of the row most likely right.

A row's confidence is measured, not set: how often rows whose host rests on
the same kind of evidence were right on the events gold's development half
(:mod:`workbench.events.confidence`).

What the question says besides the wh-words and the event words narrows the
rows: every name, place, date and number it states (its premises,
:mod:`workbench.qa.premise`) and every other content word must be written in
the row's sentences, its fields or its article's title. "Which countries"
names the kind of answer, so "countries" narrows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.events.confidence import row_confidence
from workbench.events.families import EVENT_NOUNS, TRIGGERS
from workbench.qa.answer import Answer, Evidence, ListedAnswer
from workbench.qa.premise import Premise, question_premises, states
from workbench.text import term_key

if TYPE_CHECKING:
    from workbench.events.table import Event, EventTable
    from workbench.model import Corpus
    from workbench.qa.analysis import QuestionAnalysis

#: The wh-words a row answers: two or more of them about an event ask for rows.
ROW_WH_WORDS = frozenset({"who", "whom", "what", "which", "where", "when"})

#: Trigger readings that report an event on their own, without an event noun beside them.
EVENT_READINGS = frozenset(
    {"hosts", "meets", "visits", "receives", "invites", "host-noun", "visit-noun", "guest-noun"}
)

#: The answer type an answer made of event rows shows.
ROWS_TYPE = "event rows"

#: Most rows listed in ``Answer.answers`` beside the best one.
MAX_LISTED_ROWS = 50

#: Characters of a content word's key a row's word must begin with to mention it
#: ("negotiations" and "negotiating"); shorter words must be written whole.
STEM_LENGTH = 6

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

_TRIGGER_WORDS = frozenset(part for t in TRIGGERS for part in t.word.split())
_FAMILIES_OF = {
    word: frozenset(t.family for t in TRIGGERS if t.word == word and t.reading in EVENT_READINGS)
    for word in {t.word for t in TRIGGERS}
}


@dataclass(frozen=True)
class EventQuery:
    """What a question asking for event rows asks about.

    Attributes
    ----------
    families : tuple of str
        The event families asked about ("visit" for "Who visited whom, and when?");
        empty for any (a hosting question: every row has a host).
    terms : tuple of str
        Content words a row must mention (term keys), beyond the premises.
    premises : tuple of Premise
        Names, places, dates and numbers the question states.
    """

    families: tuple[str, ...]
    terms: tuple[str, ...]
    premises: tuple[Premise, ...]


def event_query(analysis: QuestionAnalysis) -> EventQuery | None:
    """The rows a question asks for, or ``None`` when it asks for one span.

    A question asks for rows when it asks two or more of :data:`ROW_WH_WORDS`
    (``analysis.asked``: a relative "where" or "when" asks nothing) and names an
    event: an event noun ("talks", "summit") or a trigger that reports one by
    itself ("host", "meet", "visit").

    Examples
    --------
    >>> from workbench.qa.analysis import analyse_question
    >>> event_query(analyse_question("Who hosted which talks and when?")).families
    ()
    >>> event_query(analyse_question("Who hosted the talks in October?")) is None
    True
    """
    if len(set(analysis.asked) & ROW_WH_WORDS) < 2:
        return None
    words = [match.group().lower() for match in _WORD.finditer(analysis.question)]
    lemmas = set(analysis.lemmas)
    event_nouns = {lemma for lemma in lemmas if lemma in EVENT_NOUNS}
    families = set().union(*(_FAMILIES_OF.get(lemma, frozenset()) for lemma in lemmas))
    if not event_nouns and not families:
        return None
    premises = question_premises(analysis)
    stated = {term_key(word) for premise in premises for word in _WORD.findall(premise.text)}
    kinds = {  # "which countries": the kind of answer; "which peace talks": a topic
        term_key(after)
        for before, after, then in zip(words, words[1:], [*words[2:], ""], strict=False)
        if before in {"which", "what"} and term_key(then) not in EVENT_NOUNS
    }
    terms = tuple(
        key
        for key, lemma in zip(analysis.terms, analysis.lemmas, strict=True)
        if key not in ROW_WH_WORDS
        and lemma not in _TRIGGER_WORDS
        and lemma not in EVENT_NOUNS
        and key not in stated
        and key not in kinds
        and lemma not in kinds
    )
    asked = () if not families or "hosting" in families else tuple(sorted(families))
    return EventQuery(asked, terms, premises)


def matching_events(query: EventQuery, events: EventTable, corpus: Corpus) -> list[Event]:
    """The rows of ``events`` that answer ``query``, in the table's order."""
    found = []
    for event in events:
        if query.families and event.family not in query.families:
            continue
        if not query.premises and not query.terms:  # nothing else to check in the text
            found.append(event)
            continue
        text = _row_text(event, corpus)
        if not all(states(text, premise) for premise in query.premises):
            continue
        words = {term_key(word) for word in _WORD.findall(text)}
        if all(_mentions(words, term) for term in query.terms):
            found.append(event)
    return found


def _row_text(event: Event, corpus: Corpus) -> str:
    """Everything a row says: its sentences, its fields and its article's title."""
    document = corpus[event.doc_id]
    also = set(event.also_in)
    parts = [
        document.title or "",
        event.text,
        *(sentence.text for sentence in document.sentences if sentence.index in also),
        event.host,
        event.event or "",
        event.place or "",
        event.when or "",
        *event.participants,
    ]
    return "\n".join(part for part in parts if part)


def _mentions(words: set[str], term: str) -> bool:
    if term in words:
        return True
    if len(term) < STEM_LENGTH:
        return False
    stem = term[:STEM_LENGTH]
    return any(word.startswith(stem) for word in words)


def event_answer(
    analysis: QuestionAnalysis,
    rows: Sequence[Event],
    corpus: Corpus,
    *,
    evidence: int,
    no_rows: tuple[Evidence, ...] = (),
) -> Answer:
    """The answer made of event rows, or no answer (citing ``no_rows``) when none fit.

    ``events`` holds the rows by date (undated ones last, in table order);
    ``answer`` is the host of the row most likely right (the earliest of equals)
    and ``answers`` the hosts of the others, each citing its row's sentence.
    """
    if not rows:
        return Answer(
            analysis.question,
            None,
            0.0,
            ROWS_TYPE,
            no_rows,
            wh_word=analysis.wh_word,
        )
    ordered = sorted(rows, key=lambda e: (e.date is None, e.date.toordinal() if e.date else 0))
    cited = [_evidence(row, round(row_confidence(row), 4)) for row in ordered]
    named = [  # (position in ordered, host span) of each row whose host can be cited
        (position, span)
        for position, span in enumerate(_host_span(row, corpus) for row in ordered)
        if span is not None
    ]
    if not named:  # no host written where the article can be cited: the rows alone
        return Answer(
            analysis.question,
            None,
            max(item.score for item in cited),
            ROWS_TYPE,
            tuple(cited[:evidence]),
            wh_word=analysis.wh_word,
            events=tuple(ordered),
        )
    best, (start, end) = max(named, key=lambda pair: (cited[pair[0]].score, -pair[0]))
    row = ordered[best]
    listed = tuple(
        ListedAnswer(
            ordered[position].host,
            cited[position].score,
            ordered[position].doc_id,
            span[0],
            span[1],
            cited[position],
        )
        for position, span in named
        if position != best
    )[:MAX_LISTED_ROWS]
    return Answer(
        analysis.question,
        corpus[row.doc_id].raw[start:end],
        cited[best].score,
        ROWS_TYPE,
        (cited[best], *(item for item in cited if item != cited[best]))[:evidence],
        doc_id=row.doc_id,
        start=start,
        end=end,
        label="EVENT",
        wh_word=analysis.wh_word,
        date=row.date.isoformat() if row.date else None,
        granularity=row.granularity if row.date else None,
        answers=listed,
        events=tuple(ordered),
    )


def _host_span(event: Event, corpus: Corpus) -> tuple[int, int] | None:
    """Where the article writes the row's host: in its sentence, else first in the article."""
    raw = corpus[event.doc_id].raw
    at = event.text.find(event.host)
    if at >= 0:
        return event.start + at, event.start + at + len(event.host)
    at = raw.find(event.host)
    return (at, at + len(event.host)) if at >= 0 else None


def _evidence(event: Event, confidence: float) -> Evidence:
    return Evidence(event.doc_id, event.text, event.start, event.end, confidence, event.sentence)
