"""Reading hosting events from parsed sentences: who hosted what, where and when.

:class:`HostingReader` reads one document's parsed sentences in order and keeps a
:class:`HostingMention` for each sentence that reports hosting, however it is
written (spaCy's parser and entity recogniser, on candidate sentences only):

- **Hosting verbs** ("host", "convene") with any object, and **organising verbs**
  ("hold", "organise", "arrange", "facilitate", "stage") whose object is an event
  noun (:data:`EVENT_NOUNS`: talks, conference, meeting, summit, ...). The host
  is the active subject, looked for through relative pronouns ("Russia, which
  ... hosted"), control verbs ("Moscow gets ready to host", "asked the Council
  to hold": the Council) and participles ("the region hosting the conference"),
  or the passive agent ("hosted by Qatar"). A pronoun or "the country" as
  subject is resolved to the entity it stands for
  (:class:`workbench.nlp.syntax.SubjectTracker`). A passive with no agent ("the
  meeting held in Islamabad") takes the place as host. A reading is dropped when
  it has no object (what was hosted), when its host is neither a name nor a noun
  for a body, person or place ("mobile devices, which ... hold"), or when what
  was hosted is neither an event nor visitors ("host a million refugees", "the
  planets host life"). "The opening of the talks" stands for the talks.
- **Opening verbs** ("open", "begin", "start", "resume", intransitive "convene")
  whose subject is an event noun and that name a place: "talks ... which opened
  in the Qatari capital" are hosted by that place. With an object they do not
  count ("opened the meeting to the press" is not hosting).
- **Meeting verbs** ("meet", "gather") only with a purpose that is an event noun
  ("met for negotiations"); the host is the place of the meeting, or else the
  venue of the document's previous event (the reading "met again" relies on).
- **"host" as a noun**: "Qatar, the host of the talks", "as host of" (not "a
  host of relatives").

The place is a place entity in an "in"/"at" phrase of the verb or the event;
"the Qatari capital" is resolved with the links the article itself states
(:class:`workbench.nlp.places.PlaceLinks`). The date expression is the one attached to
the verb or the event noun, else the nearest one in the sentence; it is resolved
against the publication date with the clause's tense
(:func:`workbench.dates.resolve.resolve_date`), and never given an invented year.
Participants are the people, organisations, countries and groups named in the
event phrase (not its topic: "talks on Afghanistan") or after "with",
"between", "including", "led by", "that included".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from workbench.dates.resolve import ResolvedDate, find_time_expressions, resolve_date
from workbench.nlp.lexicon import NOUN_TYPES
from workbench.nlp.places import PlaceLinks
from workbench.nlp.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Mention,
    SubjectTracker,
    agent_of,
    anaphor_labels,
    antecedent,
    clause_subject,
    entity_of,
    governors,
    is_passive,
    mention_of,
    object_of,
    phrase,
    tense_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from workbench.model import Document, Sentence

#: Nouns (lemmas) that name something that can be hosted or held.
EVENT_NOUNS = frozenset(
    {
        "talk", "talks", "conference", "meeting", "meet", "summit", "negotiation", "dialogue",
        "dialog", "forum", "session", "round", "consultation", "gathering", "congress",
        "convention", "assembly", "symposium", "seminar", "workshop", "ceremony", "celebration",
        "festival", "game", "games", "olympics", "tournament", "championship", "cup", "match",
        "race", "exhibition", "expo", "fair", "rally", "election", "referendum", "vote", "debate",
        "hearing", "visit", "delegation", "reception", "banquet", "event", "concert",
        "competition", "contest", "parade", "jirga", "retreat", "dinner", "exercise", "drill",
    }
)  # fmt: skip
#: Nouns for a part of an event, which stands for the event: "the opening of the talks".
EVENT_PARTS = frozenset({"opening", "start", "beginning", "close", "end", "first", "rest"})
#: Entity labels of what can be hosted besides events: visitors, delegations, bodies.
HOSTED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "EVENT"})
#: Verbs whose object is hosted, whatever it is.
HOSTING_VERBS = frozenset({"host", "co-host", "cohost", "convene"})
#: Verbs that mean hosting only when their object is an event noun.
ORGANISING_VERBS = frozenset({"hold", "organise", "organize", "facilitate", "arrange", "stage"})
#: Verbs whose event-noun subject takes place somewhere: the place hosts it.
OPENING_VERBS = frozenset({"open", "begin", "start", "resume", "convene"})
#: Verbs of meeting, which count when their purpose is an event ("met for talks").
MEETING_VERBS = frozenset({"meet", "gather"})

#: Prepositions whose object is the topic of an event, not a participant ("talks on Afghanistan").
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Prepositions and participles that introduce participants.
PARTICIPANT_MARKERS = frozenset({"with", "between", "among", "including", "involving"})
PARTICIPANT_VERBS = frozenset({"include", "involve", "lead", "bring", "attend", "feature"})
PARTICIPANT_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})

_STRONG_TRIGGER = re.compile(r"\b(?:co-?)?host(?:s|ed|ing)?\b|\bconven(?:e|es|ed|ing)\b", re.I)
_WEAK_TRIGGER = re.compile(
    r"\b(?:hold|holds|holding|held|organi[sz](?:e|es|ed|ing)|arrang(?:e|es|ed|ing)|"
    r"facilitat(?:e|es|ed|ing)|stag(?:e|es|ed|ing)|open(?:s|ed|ing)?|beg(?:in|ins|an|un)|"
    r"start(?:s|ed|ing)?|resum(?:e|es|ed|ing)|meet(?:s|ing)?|met|gather(?:s|ed|ing)?)\b",
    re.I,
)
_EVENT_WORD = re.compile(r"\b(?:" + "|".join(sorted(EVENT_NOUNS)) + r")(?:s|es)?\b", re.I)
_DEFINITE = frozenset({"the", "that", "this", "these", "those"})


def is_candidate(sentence: Sentence) -> bool:
    """Whether the words of ``sentence`` could report hosting (a cheap test before parsing)."""
    text = sentence.text
    if _STRONG_TRIGGER.search(text):
        return True
    return bool(_WEAK_TRIGGER.search(text) and _EVENT_WORD.search(text))


# --- Reading one document ---------------------------------------------------------------


@dataclass(frozen=True)
class HostingMention:
    """One sentence's reading of a hosting event, before mentions of one event are merged.

    ``host`` is a :class:`~workbench.nlp.syntax.Mention` (text and entity label);
    ``event_head`` the lemma of the event noun ("talk"), which says whether two
    mentions are of the same kind of event; ``definite`` whether the event phrase
    starts with "the", "that", ...; ``resolved`` the date of ``when``.
    """

    host: Mention
    event: str | None
    event_head: str | None
    definite: bool
    place: str | None
    when: str | None
    resolved: ResolvedDate | None
    participants: tuple[str, ...]
    verb: str
    confidence: float
    sentence: Sentence


@dataclass
class HostingReader:
    """Reads the hosting events of one document, sentence by sentence.

    Feed :meth:`read` every parsed sentence in order (pronouns are resolved
    against the sentences before); the readings collect in ``mentions``.
    """

    document: Document
    links: PlaceLinks
    tracker: SubjectTracker = field(default_factory=SubjectTracker)
    mentions: list[HostingMention] = field(default_factory=list)

    def read(self, sentence: Sentence, doc: Doc) -> None:
        """Read one parsed sentence (call for every sentence of the document, in order)."""
        if is_candidate(sentence):
            for token in doc:
                mention = self._read_token(token, sentence)
                if mention is not None:
                    self.mentions.append(mention)
        self.tracker.observe(doc)

    def _read_token(self, token: Token, sentence: Sentence) -> HostingMention | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma == "host":
            return self._host_noun(token, sentence)
        if not token.tag_.startswith("VB"):
            return None
        transitive = object_of(token) is not None
        if lemma in HOSTING_VERBS and (transitive or is_passive(token) or lemma == "host"):
            return self._hosting(token, sentence, need_event_noun=False)
        if lemma in ORGANISING_VERBS:
            return self._hosting(token, sentence, need_event_noun=True)
        if lemma in OPENING_VERBS and not transitive:
            if is_passive(token):
                return self._hosting(token, sentence, need_event_noun=True)
            return self._opening(token, sentence)
        if lemma in MEETING_VERBS:
            return self._meeting(token, sentence)
        return None

    def _hosting(
        self, verb: Token, sentence: Sentence, *, need_event_noun: bool
    ) -> HostingMention | None:
        """Read "X hosted Y", "Y was held by X", "Y held in Z" (the place hosts)."""
        passive = is_passive(verb)
        if passive:
            host_token = agent_of(verb)
            event_token = verb.head if verb.dep_ == "acl" else clause_subject(verb)
            event_token = antecedent(event_token) if event_token is not None else None
        else:
            host_token = clause_subject(verb)
            event_token = object_of(verb)
        if event_token is not None and event_token.pos_ == "PRON":
            event_token = None
        if event_token is not None and not _is_event_noun(event_token):
            event_token = _event_of_part(event_token)
        if event_token is None or (need_event_noun and not _is_event_noun(event_token)):
            return None
        place, country = self._place(verb, event_token)
        confidence = 0.9
        if host_token is None:
            if not passive or place is None:
                return None
            host, confidence = Mention(country or place, "GPE"), 0.6
        else:
            found = self._host(host_token)
            if found is None:
                return None
            host, resolved = found
            if not _is_hostable(event_token):
                return None  # "host tens of thousands of workers": people who live there
            confidence -= 0.1 if resolved else 0.0
        return self._mention(verb, event_token, host, place, confidence, sentence)

    def _opening(self, verb: Token, sentence: Sentence) -> HostingMention | None:
        """Read "talks ... opened in the Qatari capital": the place hosts the event."""
        subject = clause_subject(verb)
        event_token = antecedent(subject) if subject is not None else None
        if event_token is None or not _is_event_noun(event_token):
            return None
        place, country = self._place(verb, event_token)
        if place is None:
            return None
        return self._mention(
            verb, event_token, Mention(country or place, "GPE"), place, 0.6, sentence
        )

    def _meeting(self, verb: Token, sentence: Sentence) -> HostingMention | None:
        """Read "they met for negotiations [in Z]": Z, or the venue of the previous event, hosts."""
        purpose = next(
            (
                pobj
                for child in verb.children
                if child.dep_ == "prep" and child.lower_ == "for"
                for pobj in child.children
                if pobj.dep_ == "pobj" and _is_event_noun(pobj)
            ),
            None,
        )
        if purpose is None:
            return None
        place, country = self._place(verb, None)
        if place is not None:
            host, confidence = Mention(country or place, "GPE"), 0.6
        else:
            venue = next((m for m in reversed(self.mentions) if m.place), None)
            if venue is None:
                return None
            host, place, confidence = venue.host, venue.place, 0.5
        mention = self._mention(verb, purpose, host, place, confidence, sentence)
        subject = clause_subject(verb)
        if subject is not None:
            people = _entity_names(subject.subtree, exclude={host.text.lower()})
            mention = _with_participants(mention, people)
        return mention

    def _host_noun(self, token: Token, sentence: Sentence) -> HostingMention | None:
        """Read "Qatar, the host of the talks", "as host of", "played host to"."""
        event_token = next(
            (
                pobj
                for child in token.children
                if child.dep_ == "prep" and child.lower_ in {"of", "to", "for"}
                for pobj in child.children
                if pobj.dep_ == "pobj"
            ),
            None,
        )
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        if event_token is None or determiners & {"a", "an"}:
            return None  # "a host of relatives" is a quantity, not a host
        governor = token.head
        if token.dep_ == "appos":
            host_token = governor
        elif token.dep_ == "pobj" and governor.lower_ == "as":
            host_token = clause_subject(governor.head)
        elif token.dep_ in {"dobj", "attr"}:
            host_token = clause_subject(governor)
        else:
            host_token = next((c for c in token.children if c.dep_ == "appos"), None)
        found = self._host(host_token) if host_token is not None else None
        if found is None:
            return None
        place, _ = self._place(governor, event_token)
        return self._mention(token, event_token, found[0], place, 0.8, sentence)

    def _host(self, token: Token) -> tuple[Mention, bool] | None:
        """The host named by ``token`` and whether a pronoun was resolved to find it."""
        if anaphor_labels(token) is not None:
            resolved = self.tracker.resolve(token)
            return (resolved, True) if resolved is not None else None
        if token.pos_ == "PRON":
            return None
        if token.lemma_.lower() == "capital":
            city, country = self.links.resolve_capital(token)
            if country or city:
                return Mention(country or city, "GPE"), False
        mention = mention_of(token)
        if mention.label and mention.label not in ACTOR_LABELS:
            return None  # "to be held by late 2019": a date, not an agent
        if not mention.label and token.pos_ != "PROPN" and not is_actor_noun(token):
            return None  # "chips for mobile devices, which ... hold": not who can host
        return mention, False

    def _place(self, verb: Token, event_token: Token | None) -> tuple[str | None, str | None]:
        """The place (and its country, when the article says) in an "in"/"at" phrase."""
        heads = [verb, *([event_token] if event_token is not None else [])]
        objects = [
            pobj
            for head in heads
            for child in head.children
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        if event_token is not None:
            objects += [
                pobj
                for token in _phrase_tokens(event_token)
                if token.dep_ == "prep" and token.lower_ in {"in", "at"}
                for pobj in token.children
                if pobj.dep_ == "pobj"
            ]
        for pobj in objects:
            if pobj.lemma_.lower() == "capital":
                city, country = self.links.resolve_capital(pobj)
                if city or country:
                    return city or country, country
            entity = entity_of(pobj)
            if entity is not None and entity.label_ in PLACE_LABELS:
                container = next(
                    (
                        entity_of(child).text
                        for child in pobj.children
                        if child.dep_ == "poss" and entity_of(child) is not None
                    ),
                    None,
                )
                return entity.text, container
        return None, None

    def _mention(
        self,
        verb: Token,
        event_token: Token | None,
        host: Mention,
        place: str | None,
        confidence: float,
        sentence: Sentence,
    ) -> HostingMention:
        doc = verb.doc
        expressions = find_time_expressions(
            doc.text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
        )
        when, attached = _choose_when(expressions, verb, event_token)
        resolved = None
        if when is not None:
            resolved = resolve_date(when, self.document.published, direction=tense_of(verb))
            confidence -= 0.0 if attached else 0.1
        event_text = definite = None
        if event_token is not None:
            event_span = _event_span(event_token, expressions, verb)
            event_text = _balanced(_one_line(event_span.text))
            definite = event_span[0].lower_ in _DEFINITE
        excluded = {host.text.lower(), *([place.lower()] if place else [])}
        participants = _participants(verb, event_token, exclude=excluded)
        return HostingMention(
            host=Mention(_one_line(host.text), host.label),
            event=event_text,
            event_head=event_token.lemma_.lower() if event_token is not None else None,
            definite=bool(definite),
            place=_one_line(place) if place else None,
            when=when,
            resolved=resolved,
            participants=tuple(_one_line(name) for name in participants),
            verb=verb.lemma_.lower(),
            confidence=round(confidence, 2),
            sentence=sentence,
        )


# --- Pieces of a reading ----------------------------------------------------------------


def _is_event_noun(token: Token) -> bool:
    return token.lemma_.lower() in EVENT_NOUNS or token.lower_ in EVENT_NOUNS


def _event_of_part(token: Token) -> Token:
    """The event a part of it stands for: "the opening of the talks" -> talks."""
    if token.lemma_.lower() not in EVENT_PARTS:
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _is_event_noun(pobj):
                    return pobj
    return token


def is_actor_noun(token: Token) -> bool:
    """Whether a common noun names who can host: a body, a person, a country, a venue.

    "the government", "officials", "the two countries", "the museum" can;
    "mobile devices" and "the planets" cannot. The nouns are those the question
    lexicon (:data:`workbench.nlp.lexicon.NOUN_TYPES`) types as a person,
    organisation or place.
    """
    labels = NOUN_TYPES.get(token.lemma_.lower()) or NOUN_TYPES.get(token.lower_, ())
    return bool(ACTOR_LABELS.intersection(labels))


def _is_hostable(token: Token) -> bool:
    """An event, or visitors to receive: a delegation, a named person, body or team.

    "hosted talks", "hosted the Afghan Taliban delegation", "hosted Lavrov" are
    hosting; "host tens of thousands of workers" or "host intelligent life" are not.
    """
    if _is_event_noun(token):
        return True
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ in HOSTED_LABELS
    return is_actor_noun(token)


def _phrase_tokens(token: Token) -> list[Token]:
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


def _event_span(
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


def _balanced(text: str) -> str:
    """Drop quotation marks left open: '"urgent consultations' and 'two "exercises' lose theirs."""
    quotes = "\"“”‘’'"
    if sum(text.count(mark) for mark in '"“”') % 2:
        text = text.strip(quotes + " ")
    if sum(text.count(mark) for mark in '"“”') % 2:
        text = " ".join("".join(char for char in text if char not in '"“”').split())
    return text


def _one_line(text: str) -> str:
    """``text`` with each run of whitespace (line breaks of the source) made one space."""
    return " ".join(text.split())


def _choose_when(
    expressions: Sequence[tuple[int, int, str]], verb: Token, event_token: Token | None
) -> tuple[str | None, bool]:
    """The date expression attached to the verb or event, else the nearest; and if attached."""
    if not expressions:
        return None, False
    doc = verb.doc
    anchors = {token.i for token in governors(verb)}
    if event_token is not None:
        anchors.add(event_token.i)
    best: tuple[int, int, str] | None = None
    for start, end, text in expressions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        distance = min(abs(token.i - verb.i) for token in span)
        attached = _attached(span.root, anchors)
        key = (0 if attached else 1, distance)
        if best is None or key < best[:2]:
            best = (*key, text)
    if best is None:
        return None, False
    return best[2], best[0] == 0


def _attached(token: Token, anchors: set[int]) -> bool:
    """``token`` hangs from an anchor directly or through a preposition."""
    node = token
    for _ in range(3):
        parent = node.head
        if parent.i in anchors and parent.i != node.i:
            return True
        if parent.dep_ == "prep" or parent.pos_ == "ADP" or node.dep_ in {"nummod", "compound"}:
            if parent.i == node.i:
                return False
            node = parent
            continue
        return False
    return False


def _participants(verb: Token, event_token: Token | None, exclude: set[str]) -> tuple[str, ...]:
    """Named participants: in the event phrase, or after "with", "between", "including", ...

    Entities naming the topic ("talks on Afghanistan") and nationality adjectives
    ("Afghan peace talks") are not participants.
    """
    tokens: list[Token] = []
    heads = [verb, *([event_token] if event_token is not None else [])]
    if event_token is not None:
        tokens += [t for t in _phrase_tokens(event_token) if not _under_topic(t, event_token)]
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
    return _entity_names(tokens, exclude=exclude)


def _under_topic(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in TOPIC_PREPOSITIONS:
            return True
        node = node.head
    return False


def _entity_names(tokens: Iterable[Token], exclude: set[str]) -> tuple[str, ...]:
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


def _with_participants(mention: HostingMention, more: Iterable[str]) -> HostingMention:
    merged = dict.fromkeys([*mention.participants, *more])
    return replace(mention, participants=tuple(merged))
