"""The pieces of an event reading: the event's phrase, its date expression, its participants.

:class:`workbench.events.mentions.MentionReader` finds the trigger, the host and
the event noun; these helpers read the rest off the parse. The event phrase is the
noun phrase of the event noun, stopped before a date, a place phrase or the
hosting verb ("the annual gathering hosted by ..." is "the annual gathering").
The date expression is the one attached to the verb or the event noun (a date
elsewhere in the sentence belongs to something else). Participants are the people, organisations,
countries and groups named in the event phrase (not its topic: "talks on
Afghanistan") or after "with", "between", "including", "led by", "that included".
The word lists are package data (``workbench/data/events_*.txt``), read once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.dates import resolve_date
from workbench.nlp.syntax import PLACE_LABELS, entity_of, governors, phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Prepositions whose object is the topic of an event, not a participant ("talks on Afghanistan").
TOPIC_PREPOSITIONS = word_set("events_topic_prepositions.txt")
#: Prepositions and participles that introduce participants.
PARTICIPANT_MARKERS = word_set("events_participant_markers.txt")
#: Verbs of a clause on the event noun that introduce participants ("that included ...").
PARTICIPANT_VERBS = word_set("events_participant_verbs.txt")
#: Entity labels of names that can be participants.
PARTICIPANT_LABELS = word_set("events_participant_labels.txt")

#: Heads a date expression may hang from, through prepositions, and still be attached to
#: the verb or the event (hand-set).
ATTACHMENT_HOPS = 3


def phrase_tokens(token: Token) -> list[Token]:
    """Tokens of the noun phrase under ``token``, not entering clauses."""
    found = []
    stack = [token]
    while stack:
        current = stack.pop()
        found.append(current)
        stack += [
            child
            for child in current.children
            if child.dep_ not in {"relcl", "advcl", "ccomp", "acl", "appos"}
        ]
    return found


def event_span(
    event_token: Token, expressions: Sequence[tuple[int, int, str]], verb: Token
) -> Span:
    """The event's noun phrase, stopping before a date, a place phrase or the hosting verb.

    "the annual gathering hosted by the association" is "the annual gathering".
    """

    def keep(child: Token) -> bool:
        if child.i == verb.i:
            return False
        if child.dep_ == "npadvmod":
            return False
        if child.dep_ != "prep":
            return True
        start, end = child.idx, child.right_edge.idx + len(child.right_edge)
        if any(s < end and start < e for s, e, _ in expressions):
            return False
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        entity = entity_of(pobj) if pobj is not None else None
        in_place = child.lower_ in {"in", "at"} and (
            (entity is not None and entity.label_ in PLACE_LABELS)
            or (pobj is not None and pobj.lemma_.lower() == "capital")
        )
        return not in_place

    span = phrase(event_token, keep=keep)
    for token in span:  # a place phrase deeper in the phrase ends it too: "talks ... in Oslo"
        nested = token.i > event_token.i and token.dep_ == "prep"
        if nested and not keep(token) and token.right_edge.i >= span.end - 1:
            return span.doc[span.start : token.i]
    return span


def balance_quotes(text: str) -> str:
    """Drop quotation marks left open: '"urgent consultations' and 'two "exercises' lose theirs."""
    quotes = "\"“”‘’'"
    if sum(text.count(mark) for mark in '"“”') % 2:
        text = text.strip(quotes + " ")
    if sum(text.count(mark) for mark in '"“”') % 2:
        text = " ".join("".join(char for char in text if char not in '"“”').split())
    return text


def one_line(text: str) -> str:
    """``text`` with each run of whitespace (line breaks of the source) made one space."""
    return " ".join(text.split())


def choose_when(
    expressions: Sequence[tuple[int, int, str]], verb: Token, event_token: Token | None
) -> Span | None:
    """The date expression attached to the verb or event, as a span of the sentence.

    The anchors are the verb and the verbs it depends on ("ready to host"), the
    main clause of an adverbial one ("..., as Moscow hosted talks"), the event noun,
    and the clause the event noun is the subject of ("the talks ... saw a call on
    Monday"). Of the attached expressions a day beats a clock time ("at 10am on
    Monday": the Monday), then the nearest to the verb wins. A date elsewhere in the
    sentence ("the April agreement", "said on Monday") is not the event's: the
    result is then ``None``.
    """
    doc = verb.doc
    anchors = {token.i for token in governors(verb)}
    if verb.dep_ == "advcl":  # "promised aid on Tuesday, as Moscow hosted talks": one time
        anchors.add(verb.head.i)
    if event_token is not None:
        anchors.add(event_token.i)
        if event_token.dep_ in {"nsubj", "nsubjpass"}:  # "the talks ... saw X on Monday"
            anchors.add(event_token.head.i)
    best: tuple[bool, int, Span] | None = None
    for start, end, text in expressions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _attached(span.root, anchors, range(span.start, span.end)):
            continue
        clock = resolve_date(text).rule == "clock-time"
        key = (clock, min(abs(token.i - verb.i) for token in span))
        if best is None or key < best[:2]:
            best = (*key, span)
    return best[2] if best is not None else None


def _attached(token: Token, anchors: set[int], expression: range) -> bool:
    """``token`` hangs from an anchor directly or through a preposition.

    A date that modifies another noun ("the April agreement") is that noun's: the
    climb goes through words of the expression itself and prepositions only.
    """
    node = token
    for _ in range(ATTACHMENT_HOPS):
        parent = node.head
        if parent.i in anchors and parent.i != node.i:
            return True
        if parent.dep_ == "prep" or parent.pos_ == "ADP" or parent.i in expression:
            if parent.i == node.i:
                return False
            node = parent
            continue
        return False
    return False


def find_participants(verb: Token, event_token: Token | None, exclude: set[str]) -> tuple[str, ...]:
    """Named participants: in the event phrase, or after "with", "between", "including", ...

    Entities naming the topic ("talks on Afghanistan") and nationality adjectives
    ("Afghan peace talks") are not participants.
    """
    tokens: list[Token] = []
    heads = [verb, *([event_token] if event_token is not None else [])]
    if event_token is not None:
        tokens += [t for t in phrase_tokens(event_token) if not _under_topic(t, event_token)]
    for head in heads:
        for child in head.children:
            marker = child.lower_ in PARTICIPANT_MARKERS and child.dep_ in {"prep", "acl"}
            clause = (
                event_token is not None
                and head.i == event_token.i
                and child.dep_ in {"relcl", "acl"}
                and child.lemma_.lower() in PARTICIPANT_VERBS
            )
            if marker or clause:
                tokens += list(child.subtree)
    return entity_names(tokens, exclude=exclude)


def _under_topic(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in TOPIC_PREPOSITIONS:
            return True
        node = node.head
    return False


def entity_names(tokens: Iterable[Token], exclude: set[str]) -> tuple[str, ...]:
    """The participant names among ``tokens``, first mention first, once each.

    Nationality adjectives ("Afghan") and names in ``exclude`` (lower-cased: the
    host, the place) are left out.
    """
    names: dict[str, str] = {}
    for token in tokens:
        entity = entity_of(token)
        if entity is None or entity.label_ not in PARTICIPANT_LABELS:
            continue
        if entity.label_ == "NORP" and entity.root.pos_ == "ADJ":
            continue
        text = entity.text
        key = text.lower()
        if key not in exclude and key not in names:
            names[key] = text
    return tuple(names.values())
