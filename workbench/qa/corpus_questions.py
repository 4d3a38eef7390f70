"""The questions a corpus raises, made from its events table: a briefing's default questions.

A question set written for one corpus reads badly on another ("Where were the
talks held?" asked of economic news). :func:`questions_from_events` asks instead
what the corpus's own events table holds: for each family of event it reports
(hosting, meetings, visits), most rows first, the question that asks for all of
them ("Who hosted which talks and when?", answered with the table's rows by
:mod:`workbench.qa.event_rows`), in the event word the articles use most. A
corpus that reports no event gets the hosting question, which then has no
answer, honestly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.events.families import EVENT_NOUNS, FAMILY_NAMES
from workbench.qa.question_file import Question

if TYPE_CHECKING:
    from workbench.events.table import Event

#: Each family's question, with the event word the articles use most as ``{noun}``.
FAMILY_QUESTIONS = {
    "hosting": "Who hosted which {noun} and when?",
    "meeting": "Who met whom, where and when?",
    "visit": "Who visited which places, and when?",
}

#: The event word asked about when the rows name none.
DEFAULT_NOUN = "talks"

_WORD = re.compile(r"[^\W\d_]+")


def questions_from_events(events: Iterable[Event]) -> tuple[Question, ...]:
    """The questions an events table raises: one a family it holds, most rows first.

    Examples
    --------
    >>> from workbench.events import Event
    >>> row = Event("Norway", "a climate summit", "Bergen", None, None, None, (),
    ...             "d", 0, 0, 10, "text", "host", 1.0)
    >>> [item.question for item in questions_from_events([row])]
    ['Who hosted which summit and when?']
    >>> [item.question for item in questions_from_events([])]
    ['Who hosted which talks and when?']
    """
    rows = list(events)
    families = Counter(row.family for row in rows if row.family in FAMILY_QUESTIONS)
    order = sorted(families, key=lambda family: (-families[family], FAMILY_NAMES.index(family)))
    noun = event_noun(rows)
    return tuple(
        Question(f"{family}-table", FAMILY_QUESTIONS[family].format(noun=noun))
        for family in order or ["hosting"]
    )


def event_noun(events: Iterable[Event]) -> str:
    """The event word ("talks", "summit") the rows name most; :data:`DEFAULT_NOUN` if none."""
    counts: Counter[str] = Counter()
    for event in events:
        words = [word.lower() for word in _WORD.findall(event.event or "")]
        named = [word for word in words if word in EVENT_NOUNS]
        if named:
            counts[named[-1]] += 1  # "peace talks": the last event word is the head
    return counts.most_common(1)[0][0] if counts else DEFAULT_NOUN
