"""Follow-up questions made from an events table, and the answerer's reading beside the table's.

An analyst who has the table of who hosted what asks next: *when will this host
hold the talks?* and *who hosted the talks in that month?* Made from the table
itself (every host, every month its dates name), the same questions suit any
corpus. The question answerer reads the articles afresh for each one, without
looking at the table, so where the two agree two independent readings agree, and
where they differ the evidence shows which sentence each rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.columns import FOLLOW_UP_COLUMNS
from workbench.dates.names import MONTH_NAMES
from workbench.frames import card_table, more_rows, typed_frame

if TYPE_CHECKING:
    import pandas as pd

    from workbench.events import Event
    from workbench.model import Corpus
    from workbench.qa.answer import Answer

#: Asked once for every host in the table.
HOST_QUESTION = "When will {host} host the talks?"
#: Asked once for every month the table's dates name.
MONTH_QUESTION = "Who hosted the talks in {month}?"
#: Answer cards a notebook shows, by default, before saying how many more there are: each
#: card quotes several sentences, so fewer than a table's rows.
CARDS_SHOWN = 10

_MONTH_NAMES = tuple(name.capitalize() for name in MONTH_NAMES)
_MONTH_PATTERN = re.compile(r"\b(" + "|".join(_MONTH_NAMES) + r")\b")


@dataclass(frozen=True)
class FollowUp:
    """A follow-up question and what the events table says to it.

    Attributes
    ----------
    question : str
        The question, made from a template and a host or a month of the table.
    table_says : str
        The table's own answer: the host's date expressions, or the month's hosts.
    """

    question: str
    table_says: str


@dataclass(frozen=True)
class FollowUpAnswers:
    """Follow-up questions with the answerer's answers, side by side with the table.

    Attributes
    ----------
    follow_ups : tuple of FollowUp
        The questions and what the table says.
    answers : tuple of Answer
        The answerer's answer to each, in the same order.
    """

    follow_ups: tuple[FollowUp, ...]
    answers: tuple[Answer, ...]

    def __len__(self) -> int:
        return len(self.follow_ups)

    def to_frame(self) -> pd.DataFrame:
        """One row a question: question, events table, answer, confidence, source.

        ``answer`` and ``source`` are missing when the answerer gives no answer.
        """
        return typed_frame(
            [
                {
                    "question": follow_up.question,
                    "events table": follow_up.table_says,
                    "answer": answer.answer,
                    "confidence": round(answer.confidence, 2),
                    "source": f"{answer.doc_id}[{answer.start}:{answer.end}]"
                    if answer.answered
                    else None,
                }
                for follow_up, answer in zip(self.follow_ups, self.answers, strict=True)
            ],
            FOLLOW_UP_COLUMNS,
        )

    def cards(self, limit: int = CARDS_SHOWN) -> AnswerCards:
        """The answer cards of the first ``limit`` questions, and how many more there are.

        Parameters
        ----------
        limit : int, default 10
            Most cards shown (:data:`CARDS_SHOWN`); ``self.answers`` has them all.

        Raises
        ------
        ValueError
            If ``limit`` is not a whole number of at least 0.

        Examples
        --------
        >>> from workbench.qa.answer import Answer
        >>> asked = [FollowUp(f"Who hosted talks number {n}?", "") for n in range(12)]
        >>> none = [Answer(item.question, None, 0.0, "PERSON", ()) for item in asked]
        >>> FollowUpAnswers(tuple(asked), tuple(none)).cards(5)
        <AnswerCards: 5 of 12 shown>
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ValueError(f"limit must be a whole number of at least 0; got {limit!r}")
        return AnswerCards(self.answers[:limit], len(self.answers))

    def _repr_html_(self) -> str:
        return card_table(self.to_frame(), "answers.to_frame()")

    def __repr__(self) -> str:
        return f"<FollowUpAnswers: {len(self)} questions>"


@dataclass(frozen=True)
class AnswerCards:
    """The first answers' cards, shown one under the other, and how many were left out.

    Attributes
    ----------
    answers : tuple of Answer
        The answers whose cards are shown.
    total : int
        How many answers there are in all.
    """

    answers: tuple[Answer, ...]
    total: int

    def __len__(self) -> int:
        return len(self.answers)

    def _repr_html_(self) -> str:
        cards = "\n".join(answer._repr_html_() for answer in self.answers)
        return cards + more_rows(len(self.answers), self.total, "answers.answers", "cards")

    def __repr__(self) -> str:
        return f"<AnswerCards: {len(self)} of {self.total} shown>"


def follow_up_questions(
    events: Iterable[Event],
    *,
    host_question: str = HOST_QUESTION,
    month_question: str = MONTH_QUESTION,
) -> tuple[FollowUp, ...]:
    """The follow-up questions an events table raises: one a host, one a month named.

    Only hosting rows whose host the article names (as host, as inviter or as the
    organiser: see :data:`workbench.events.EVIDENCE_WORDS`) are asked about; a
    meeting, a visit, or a venue standing in for a host would make the question
    say more than the article does.

    Parameters
    ----------
    events : iterable of Event
        The table's rows (an :class:`~workbench.events.extract.EventTable` will do).
    host_question, month_question : str
        Templates with a ``{host}`` or a ``{month}`` field.

    Returns
    -------
    tuple of FollowUp
        Host questions in order of the hosts' first event, then month questions in
        calendar order.

    Raises
    ------
    ValueError
        If a template lacks its field.

    Examples
    --------
    >>> from datetime import date
    >>> from workbench.events import Event
    >>> row = Event("Norway", "a summit", "Bergen", "in May", date(2023, 5, 1), "month",
    ...             (), "d", 0, 0, 10, "text", "host", 1.0)
    >>> [item.question for item in follow_up_questions([row])]
    ['When will Norway host the talks?', 'Who hosted the talks in May?']
    """
    if "{host}" not in host_question:
        raise ValueError(f"host_question must contain {{host}}; got {host_question!r}")
    if "{month}" not in month_question:
        raise ValueError(f"month_question must contain {{month}}; got {month_question!r}")
    by_host: dict[str, list[str]] = {}
    by_month: dict[int, list[str]] = {}
    for event in events:
        if event.family != "hosting" or event.evidence not in _NAMED_HOSTS:
            continue  # a visit, a meeting, or a venue standing in for the host
        host = _host_name(event.host)
        if host is None:
            continue  # "the union", "congress": no name to ask about
        by_host.setdefault(host, []).append(event.when or "(no date)")
        month = _month_of(event)
        if month is not None and host not in by_month.setdefault(month, []):
            by_month[month].append(host)
    host_items = [
        FollowUp(host_question.format(host=host), ", ".join(dict.fromkeys(whens)))
        for host, whens in by_host.items()
    ]
    month_items = [
        FollowUp(month_question.format(month=_MONTH_NAMES[month - 1]), ", ".join(hosts))
        for month, hosts in sorted(by_month.items())
    ]
    return tuple(host_items + month_items)


def answer_follow_ups(follow_ups: Sequence[FollowUp], corpus: Corpus) -> FollowUpAnswers:
    """Ask each follow-up question of ``corpus`` (the answerer does not see the table)."""
    from workbench.qa.answerer import QuestionAnswerer

    answerer = QuestionAnswerer(corpus)  # one index and one parse cache for all the questions
    return FollowUpAnswers(
        tuple(follow_ups), tuple(answerer.ask(item.question) for item in follow_ups)
    )


#: The evidence that names a host the follow-up can ask about ("When will Norway host ...").
_NAMED_HOSTS = frozenset({"explicit", "invitation", "owner"})


def _host_name(host: str) -> str | None:
    """The host as a name a question can ask about, or None for a common noun.

    A name starts with a capital or a digit ("Norway", "G7"); "union" and
    "company" are hosts the article describes, not names. An opening bracket the
    host does not close is cut off with what follows it ("International Coffee
    Organization (ICO" -> "International Coffee Organization").
    """
    if host.count("(") > host.count(")"):
        host = host[: host.rindex("(")].rstrip()
    if not host or not (host[0].isupper() or host[0].isdigit()):
        return None
    return host


def _month_of(event: Event) -> int | None:
    """The month an event's date or date expression names, if any."""
    if event.date is not None and event.granularity in {"day", "week", "month"}:
        return event.date.month
    match = _MONTH_PATTERN.search(event.when or "")
    return _MONTH_NAMES.index(match.group(1)) + 1 if match else None


__all__ = [
    "CARDS_SHOWN",
    "HOST_QUESTION",
    "MONTH_QUESTION",
    "AnswerCards",
    "FollowUp",
    "FollowUpAnswers",
    "answer_follow_ups",
    "follow_up_questions",
]
