"""Reading hosting events from parsed sentences: who hosted what, where and when.

:class:`HostingReader` reads one document's parsed sentences in order and keeps a
:class:`HostingMention` for each sentence that reports hosting, however it is
written (spaCy's parser and entity recogniser, on candidate sentences only):

- **Hosting verbs** ("host", "convene") with any object, and **organising verbs**
  ("hold", "organise", "arrange", "facilitate", "stage") whose object is an event
  noun (:data:`~workbench.events.families.EVENT_NOUNS`: talks, conference,
  meeting, summit, ...). The host is the active subject, looked for through
  relative pronouns ("Russia, which ... hosted"), control verbs ("Moscow gets
  ready to host", "asked the Council to hold": the Council) and participles
  ("the region hosting the conference"), or the passive agent ("hosted by
  Qatar"). A pronoun or "the country" as
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
(:func:`workbench.dates.resolve_date`), and never given an invented year.
Participants are the people, organisations, countries and groups named in the
event phrase (not its topic: "talks on Afghanistan") or after "with",
"between", "including", "led by", "that included". The verb families and the
tests on words are in :mod:`workbench.events.families`; the event phrase, the
date expression and the participants are read by :mod:`workbench.events.phrases`.

Each reading has a confidence, from 0 to 1, set by how directly the sentence
names the host; the values are hand-set constants below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.dates import ResolvedDate, find_time_expressions, resolve_date
from workbench.events.families import (
    HOSTING_VERBS,
    MEETING_VERBS,
    OPENING_VERBS,
    ORGANISING_VERBS,
    event_of_part,
    is_actor_noun,
    is_candidate,
    is_event_noun,
    is_hostable,
)
from workbench.events.phrases import (
    balance_quotes,
    choose_when,
    entity_names,
    event_span,
    find_participants,
    one_line,
    phrase_tokens,
)
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
    is_passive,
    mention_of,
    object_of,
    tense_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from workbench.model import Document, Sentence

#: Words that, starting the event phrase, make it a definite mention ("that meeting").
DEFINITE_DETERMINERS = word_set("events_definite_determiners.txt")

# Confidences of a reading, from 0 to 1: how directly the sentence names the host.
#: The subject or agent of a hosting or organising verb is the host (hand-set).
NAMED_HOST_CONFIDENCE = 0.9
#: "Qatar, the host of the talks", "as host of": the noun "host" (hand-set).
HOST_NOUN_CONFIDENCE = 0.8
#: No one is said to host: the place the event was held, opened or met in hosts (hand-set).
PLACE_HOST_CONFIDENCE = 0.6
#: "They met again for talks": the venue of the document's previous event hosts (hand-set).
PREVIOUS_VENUE_CONFIDENCE = 0.5
#: Taken off when the host is a pronoun or "the country" resolved to a name (hand-set).
RESOLVED_HOST_PENALTY = 0.1
#: Taken off when the date expression is not attached to the verb or the event (hand-set).
DETACHED_DATE_PENALTY = 0.1


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
        if event_token is not None and not is_event_noun(event_token):
            event_token = event_of_part(event_token)
        if event_token is None or (need_event_noun and not is_event_noun(event_token)):
            return None
        place, country = self._place(verb, event_token)
        confidence = NAMED_HOST_CONFIDENCE
        if host_token is None:
            if not passive or place is None:
                return None
            host, confidence = Mention(country or place, "GPE"), PLACE_HOST_CONFIDENCE
        else:
            found = self._host(host_token)
            if found is None:
                return None
            host, resolved = found
            if not is_hostable(event_token):
                return None  # "host tens of thousands of workers": people who live there
            confidence -= RESOLVED_HOST_PENALTY if resolved else 0.0
        return self._mention(verb, event_token, host, place, confidence, sentence)

    def _opening(self, verb: Token, sentence: Sentence) -> HostingMention | None:
        """Read "talks ... opened in the Qatari capital": the place hosts the event."""
        subject = clause_subject(verb)
        event_token = antecedent(subject) if subject is not None else None
        if event_token is None or not is_event_noun(event_token):
            return None
        place, country = self._place(verb, event_token)
        if place is None:
            return None
        return self._mention(
            verb,
            event_token,
            Mention(country or place, "GPE"),
            place,
            PLACE_HOST_CONFIDENCE,
            sentence,
        )

    def _meeting(self, verb: Token, sentence: Sentence) -> HostingMention | None:
        """Read "they met for negotiations [in Z]": Z, or the venue of the previous event, hosts."""
        purpose = next(
            (
                pobj
                for child in verb.children
                if child.dep_ == "prep" and child.lower_ == "for"
                for pobj in child.children
                if pobj.dep_ == "pobj" and is_event_noun(pobj)
            ),
            None,
        )
        if purpose is None:
            return None
        place, country = self._place(verb, None)
        if place is not None:
            host, confidence = Mention(country or place, "GPE"), PLACE_HOST_CONFIDENCE
        else:
            venue = next((m for m in reversed(self.mentions) if m.place), None)
            if venue is None:
                return None
            host, place, confidence = venue.host, venue.place, PREVIOUS_VENUE_CONFIDENCE
        mention = self._mention(verb, purpose, host, place, confidence, sentence)
        subject = clause_subject(verb)
        if subject is not None:
            people = entity_names(subject.subtree, exclude={host.text.lower()})
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
        return self._mention(token, event_token, found[0], place, HOST_NOUN_CONFIDENCE, sentence)

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
                for token in phrase_tokens(event_token)
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
        when, attached = choose_when(expressions, verb, event_token)
        resolved = None
        if when is not None:
            resolved = resolve_date(when, self.document.published, direction=tense_of(verb))
            confidence -= 0.0 if attached else DETACHED_DATE_PENALTY
        event_text = definite = None
        if event_token is not None:
            span = event_span(event_token, expressions, verb)
            event_text = balance_quotes(one_line(span.text))
            definite = span[0].lower_ in DEFINITE_DETERMINERS
        excluded = {host.text.lower(), *([place.lower()] if place else [])}
        participants = find_participants(verb, event_token, exclude=excluded)
        return HostingMention(
            host=Mention(one_line(host.text), host.label),
            event=event_text,
            event_head=event_token.lemma_.lower() if event_token is not None else None,
            definite=bool(definite),
            place=one_line(place) if place else None,
            when=when,
            resolved=resolved,
            participants=tuple(one_line(name) for name in participants),
            verb=verb.lemma_.lower(),
            confidence=round(confidence, 2),
            sentence=sentence,
        )


def _with_participants(mention: HostingMention, more: Iterable[str]) -> HostingMention:
    merged = dict.fromkeys([*mention.participants, *more])
    return replace(mention, participants=tuple(merged))
