"""The roles of an event mention: who hosts, where, and what the host rests on.

:class:`RoleFinder` holds what the readings of one document share: the document
(its dateline), the places it links (:class:`~workbench.nlp.places.PlaceLinks`), the
subjects of the sentences read so far (for pronouns) and the mentions found so far
(for "met again for talks" and talks held on a visit). Its methods fill one role
each: the host named by a token (a pronoun resolved, "the city of X" read as X),
the owner of an event phrase, the place of a verb or an event (with "here" and
"where" read), the venue's reading. :class:`Reading` is what a rule read off the
parse; :class:`EventMention` the finished mention.

The host rests on one kind of evidence, most trusted first (:data:`EVIDENCE`): an
explicit host, an invitation, the owner of the event phrase ("OPEC's meeting", "a
meeting of the Commission"), the venue, a named body the event noun is modified
by ("the G7 meeting": its venue, when given, hosts it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.dates import ResolvedDate
from workbench.events.clauses import (
    body_of,
    bound_possessive,
    common_body,
    container_of,
    dateline_name,
    has_subject,
    is_description,
    named_venue,
    venue_owner,
)
from workbench.events.families import (
    is_actor_noun,
)
from workbench.events.phrases import phrase_tokens
from workbench.nlp.places import PlaceLinks
from workbench.nlp.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Mention,
    SubjectTracker,
    anaphor_labels,
    entity_of,
    governing_verb,
    mention_of,
    object_of,
    preposition_objects,
)
from workbench.nlp.titles import TitleLinks

if TYPE_CHECKING:
    from spacy.tokens import Token

    from workbench.model import Document, Sentence


#: What a mention's host rests on, most trusted first (the order of evidence).
EVIDENCE = ("explicit", "invitation", "owner", "venue", "body", "previous-venue")
#: Homes and offices whose owner hosts what happens in them ("in his hotel room").
PRIVATE_VENUES = word_set("events_private_venues.txt")
#: Entity labels of who visits or is received: a person, a body, a people.
PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Labels of a body: a definite description of one ("the union") hosts even unresolved.
BODY_LABELS = frozenset({"ORG", "NORP"})
#: Prepositions of a venue, of a visit's destination, and of an event's purpose.
PLACE_PREPOSITIONS = frozenset({"in", "at"})
VISIT_PREPOSITIONS = frozenset({"to", "in", "at", "on"})
PURPOSE_PREPOSITIONS = frozenset({"for", "to"})
#: Nouns a place's name follows with "of": "the city of Porto Alegre" (hand-set).
NAMED_BY_OF = frozenset(
    {"city", "town", "village", "state", "province", "region", "island", "resort"}
)


@dataclass(frozen=True)
class EventMention:
    """One sentence's reading of an event, before mentions of one event are merged.

    ``host`` is a :class:`~workbench.nlp.syntax.Mention` (text and entity label);
    ``evidence`` what the host rests on (one of :data:`EVIDENCE`); ``event_head`` the
    lemma of the event noun ("talk"), which says whether two mentions are of the
    same kind of event; ``definite`` whether the event phrase starts with "the",
    "that", ...; ``resolved`` the date of ``when``.
    """

    family: str
    evidence: str
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
    holder: bool = False

    @property
    def rank(self) -> int:
        """The place of this mention's evidence in :data:`EVIDENCE` (0 is the most trusted).

        The previous venue ranks as a venue: it is one, reported a sentence earlier.
        """
        return EVIDENCE.index("venue" if self.evidence == "previous-venue" else self.evidence)


@dataclass(frozen=True)
class Reading:
    """What a rule read off the parse, before dates, places and participants are added."""

    host: Mention
    evidence: str
    event_token: Token | None
    place: str | None = None
    participants: tuple[str, ...] = ()
    event_text: str | None = None
    resolved_host: bool = False
    kind: str | None = None  # the kind of event when no event noun names it ("meeting")
    holder: bool = False  # the host holds shared talks nowhere said: maybe on a visit

    @classmethod
    def at_venue(
        cls,
        place: str,
        country: str | None,
        event_token: Token | None,
        participants: tuple[str, ...] = (),
        **details: object,
    ) -> Reading:
        """A reading hosted by its venue: the place, or its country when the article says."""
        return cls(
            Mention(country or place, "GPE"),
            "venue",
            event_token,
            place=place,
            participants=participants,
            **details,
        )


@dataclass
class RoleFinder:
    """What the readings of one document share, and the methods that fill the roles."""

    document: Document
    links: PlaceLinks
    tracker: SubjectTracker = field(default_factory=SubjectTracker)
    titles: TitleLinks = field(default_factory=TitleLinks)
    mentions: list[EventMention] = field(default_factory=list)

    def _venue_reading(
        self, verb: Token | None, event_token: Token, participants: tuple[str, ...]
    ) -> Reading | None:
        """The venue hosts; with none, the named body whose meeting it is ("the G7 meeting")."""
        place, country = self._place(verb, event_token)
        owned = venue_owner(verb, event_token) or self._private_venue_owner(verb, event_token)
        if owned is not None:
            # "a meeting at Mr Kilroy-Silk's Buckinghamshire home": whose home it is hosts
            owner, venue = owned
            return Reading(
                owner, "owner", event_token, place=place or venue, participants=participants
            )
        body = self._body(event_token)
        if place is None:
            if body is None:
                return None
            return Reading(body, "body", event_token, participants=participants)
        if body is not None:
            participants = (*participants, body.text)
        return Reading.at_venue(place, country, event_token, participants)

    def _private_venue_owner(
        self, verb: Token | None, event_token: Token
    ) -> tuple[Mention, str] | None:
        """Whom "his", "her" or "their" stands for before a home or an office, and that venue.

        "a meeting in his Paris hotel room", "dinner at her residence": the person
        whose place it is (the pronoun resolved against the sentences before) hosts.
        Only before a noun of :data:`PRIVATE_VENUES`: "in his absence" names no venue.
        """
        heads = [head for head in (verb, event_token) if head is not None]
        for venue in (pobj for head in heads for pobj in preposition_objects(head, {"at", "in"})):
            if venue.lemma_.lower() not in PRIVATE_VENUES:
                continue
            for child in venue.children:
                if child.dep_ != "poss" or child.pos_ != "PRON":
                    continue
                found = self._host(child)
                if found is not None and found[0].label in {"PERSON", "ORG"}:
                    venue_words = venue.doc[venue.left_edge.i : venue.i + 1]
                    return found[0], venue_words.text
        return None

    def _body(self, event_token: Token) -> Mention | None:
        """The named body whose meeting it is: "the G7 meeting", "the Labour Party Conference".

        When the tagger makes the body and the event one name, the body's part
        counts only if the article also names it on its own ("the Conservative
        Party" elsewhere, not "Munich Security" of "the Munich Security Conference").
        """
        body = body_of(event_token) or common_body(event_token)
        if body is None:
            return None
        mention = mention_of(body)
        words = mention.span
        if words is None or not words.start < event_token.i < words.end:
            return mention
        inside = words.doc[words.start : event_token.i]
        text = self.document.raw
        if text.count(inside.text) <= text.count(words.text):
            return None
        return Mention(inside.text, mention.label, inside)

    def _owner(self, event_token: Token) -> Mention | None:
        """Who owns the event phrase: "the cartel's meeting", "a meeting of the Council".

        A body's meeting ("a meeting of the Parliamentary Labour Party", "his
        year-end press conference") is that body's; "Tuesday's meeting" is a date.
        """
        owners = [c for c in event_token.children if c.dep_ == "poss"]
        for pobj in preposition_objects(event_token, {"of"}):
            appositive = next(
                (c for c in pobj.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), None
            )
            if pobj.ent_type_ in {"ORG", "NORP"}:
                owners.append(pobj)
            elif appositive is not None:  # "of his party, the Respect Coalition"
                owners.append(appositive)
            elif body_of(pobj, members=True) is not None:  # "of the G7 countries"
                owners.append(body_of(pobj, members=True))
        for owner in owners:
            entity = entity_of(owner)
            if entity is not None and entity.label_ not in ACTOR_LABELS:
                continue  # "Tuesday's meeting": a date, not an owner
            if is_description(owner):
                # "his party's spring conference in Brighton": a venue the article
                # states outranks a body only guessed at from the sentences before
                verb = governing_verb(event_token)
                if self._place(verb if verb.i != event_token.i else None, event_token)[0]:
                    continue
            bound = bound_possessive(owner)
            found = self._host(bound) if bound is not None else self._host(owner)
            if found is not None:
                return found[0]
        return None

    def _party(self, token: Token | None) -> Mention | None:
        """The person, body or people a token stands for (:data:`PARTY_LABELS`), if any.

        Named, or read from the article: "he" resolved, a title the article gives
        one person ("the chancellor"), a name in apposition.
        """
        found = self._host(token) if token is not None else None
        return found[0] if found is not None and found[0].label in PARTY_LABELS else None

    def _host(self, token: Token) -> tuple[Mention, bool] | None:
        """The host named by ``token`` and whether a pronoun was resolved to find it."""
        labels = anaphor_labels(token)
        if labels is not None:
            resolved = self.tracker.resolve(token)
            if resolved is not None:
                return resolved, True
            if token.pos_ == "PRON" or not labels <= BODY_LABELS:
                return None
            # "The union organised a march": a body, though the article never names it
        if token.pos_ == "PRON":
            return None
        if token.lemma_.lower() == "capital":
            city, country = self.links.resolve_capital(token)
            if country or city:
                return Mention(country or city, "GPE"), False
        if entity_of(token) is None and token.lemma_.lower() in NAMED_BY_OF:
            # "the Brazilian city of Porto Alegre": the name, a place whatever its tag
            named = next(
                (pobj for pobj in preposition_objects(token, {"of"}) if pobj.pos_ == "PROPN"),
                None,
            )
            if named is not None:
                return Mention(mention_of(named).text, "GPE"), False
        if entity_of(token) is None and token.pos_ == "NOUN" and token.dep_ == "appos":
            # "Stephen Schechter, a UK investment banker who has held talks": the name
            named = entity_of(token.head)
            if named is not None and named.label_ in PARTY_LABELS:
                return mention_of(token.head), False
        if entity_of(token) is None and token.pos_ == "NOUN":
            # "the group's flagship company, Reliance Industries": the name in apposition;
            # "G7 finance ministers": the body they belong to
            named = next(
                (c for c in token.children if c.dep_ == "appos" and entity_of(c) is not None),
                None,
            ) or (body_of(token, members=True) if token.tag_ == "NNS" else None)
            if named is not None:
                return mention_of(named), False
        mention = mention_of(token)
        if not mention.label and token.pos_ in {"NOUN", "PROPN"}:
            # "the prime minister", "The Prime Minister" -> "Tony Blair"
            person = self.titles.person_for(token)
            if person is not None:
                return Mention(person, "PERSON"), True
        if mention.label and mention.label not in ACTOR_LABELS:
            return None  # "to be held by late 2019": a date, not an agent
        if not mention.label and token.pos_ != "PROPN" and not is_actor_noun(token):
            return None  # "chips for mobile devices, which ... hold": not who can host
        return mention, False

    def _place(
        self,
        verb: Token | None,
        event_token: Token | None,
        *,
        prepositions: frozenset[str] = PLACE_PREPOSITIONS,
    ) -> tuple[str | None, str | None]:
        """The place (and its country, when the article says) in an "in"/"at" phrase.

        A named building also "outside" ("outside Charing Cross Police Station"), not a
        city or country ("outside Paris" is not in it).

        "here" is the dateline's place. A verb conjoined to another with no subject
        of its own shares that verb's place.
        """
        heads = [head for head in (verb, event_token) if head is not None]
        objects = [pobj for head in heads for pobj in preposition_objects(head, prepositions)]
        if event_token is not None:
            objects += [
                pobj
                for token in phrase_tokens(event_token)
                if token.dep_ == "prep" and token.lower_ in prepositions
                for pobj in token.children
                if pobj.dep_ == "pobj"
            ]
        buildings = [  # "outside Charing Cross Police Station": a named building, not a city
            pobj for head in heads for pobj in preposition_objects(head, {"outside"})
        ]
        outer = objects + [  # "on the platform at Sunderland station"
            pobj
            for head in heads
            for pobj in preposition_objects(head, {"on"})
            if pobj.ent_type_ not in {"DATE", "TIME"}
        ]
        objects += [  # "at Labour's conference in Gateshead": the venue's own place
            inner for pobj in outer for inner in preposition_objects(pobj, PLACE_PREPOSITIONS)
        ]
        if event_token is not None:  # "spoke at the G20 Summit": the event, not its venue
            objects = [pobj for pobj in objects if pobj.i != event_token.i]
        for pobj in objects:
            if pobj.lemma_.lower() == "capital":
                city, country = self.links.resolve_capital(pobj)
                if city or country:
                    return city or country, country
            entity = entity_of(pobj)
            if entity is not None and entity.label_ in PLACE_LABELS:
                return entity.text, container_of(pobj)
        for pobj in objects:  # "at Sunderland station", "at Frankfurt airport": a named spot
            if (
                entity_of(pobj) is None
                and pobj.pos_ == "NOUN"
                and any(c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS for c in pobj.children)
            ):
                return mention_of(pobj).text, None
        for pobj in objects + buildings:  # "the summit at Gleneagles" (tagged ORG, or not at all)
            if pobj.head.lower_ in {"at", "outside"} and named_venue(pobj):
                entity = entity_of(pobj)
                return (entity.text if entity is not None else mention_of(pobj).text), None
        for head in heads:  # "the United States, where he met Bush": the antecedent
            if head.dep_ == "relcl" and any(
                c.lower_ == "where" and c.dep_ == "advmod" for c in head.children
            ):
                entity = entity_of(head.head)
                if entity is not None and entity.label_ in PLACE_LABELS:
                    return entity.text, container_of(head.head)
        here = any(
            c.lower_ == "here" and c.dep_ == "advmod" for head in heads for c in head.children
        )
        if here and self.document.dateline:
            return dateline_name(self.document.dateline), None
        if verb is not None and verb.dep_ == "conj" and not has_subject(verb):
            # "was given an award in Turkey and met its president": one setting for both
            first = verb.head
            if first.pos_ in {"VERB", "AUX"} and first.i < verb.i:
                return self._place(first, object_of(first), prepositions=prepositions)
        return None, None

    def _dateline_place(self, host: Mention) -> str | None:
        """The dateline's place, for an event whose host is that place (or linked to it)."""
        dateline = self.document.dateline
        if not dateline:
            return None
        name = dateline_name(dateline)
        if self.links.family(name) & self.links.family(host.text):
            return name
        return None
