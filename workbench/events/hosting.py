"""The readings of the hosting and meeting families: hosts, holds, takes place, meets.

Each method of :class:`HostingReadings` reads one trigger (see
:mod:`workbench.events.mentions` for the rules and the families' data files) and
returns a :class:`~workbench.events.roles.Reading`, or ``None`` when the sentence
does not report an event that way: "Qatar hosted the talks", "talks held in Doha",
"the EU will start talks with Croatia", "Obama welcomed Xi", "they met for talks",
"the council will meet", "Qatar, the host of the talks", "the summit in Hangzhou".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.events.clauses import (
    agent,
    has_partner,
    has_subject,
    is_shared,
    purpose_of,
)
from workbench.events.families import (
    event_of_part,
    is_event_noun,
    is_hostable,
    is_hosted_event,
)
from workbench.events.phrases import (
    entity_names,
)
from workbench.events.roles import (
    PARTY_LABELS,
    Reading,
    RoleFinder,
)
from workbench.nlp.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Mention,
    antecedent,
    clause_subject,
    entity_of,
    governing_verb,
    is_passive,
    mention_of,
    object_of,
    preposition_objects,
)
from workbench.nlp.titles import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Modifiers that give the noun "host" another sense: "chat show host", "web host".
OTHER_SENSE_MODIFIERS = word_set("events_host_sense_modifiers.txt")
#: Prepositions of a phrase of time: "after talks with", "following a meeting with".
TIME_PREPOSITIONS = frozenset({"after", "following", "before", "during"})
#: Those of them that put a clause outside the event: "after a press conference".
AROUND_PREPOSITIONS = TIME_PREPOSITIONS - {"during"}
#: Modifiers that make an event one its speaker holds: "news conference", "press briefing".
SPEAKER_MODIFIERS = word_set("events_speaker_events.txt")


class HostingReadings(RoleFinder):
    """The readings of hosting and meeting triggers (mixed into the mention reader)."""

    def _hosting(
        self, verb: Token, *, need_event_noun: bool, shared: bool = False
    ) -> Reading | None:
        """Read "X hosted Y", "Y was held by X", "Y held in Z", "X held talks with Y"."""
        passive = is_passive(verb)
        if passive:
            host_token = agent(verb)
            reduced = verb.dep_ in {"acl", "relcl"} and not has_subject(verb)
            event_token = verb.head if reduced else clause_subject(verb)
            event_token = antecedent(event_token) if event_token is not None else None
        else:
            host_token = clause_subject(verb)
            event_token = object_of(verb)
        if event_token is not None and event_token.pos_ == "PRON":
            event_token = None
        if event_token is not None and not is_hosted_event(event_token):
            event_token = event_of_part(event_token)
        if event_token is None or (need_event_noun and not is_hosted_event(event_token)):
            return None
        participants: tuple[str, ...] = ()
        if host_token is not None and shared and is_shared(event_token):
            found = self._host(host_token)
            venue = self._venue_reading(verb, event_token, (found[0].text,) if found else ())
            if venue is not None and venue.evidence == "venue":
                return venue  # "X held talks [with Y] in Z": X takes part; the venue hosts
            if found is not None and has_partner(verb, event_token) and is_hostable(event_token):
                # Nowhere said: the holder, unless the document has them on a visit
                # (MentionReader.finish).
                return Reading(
                    found[0], "explicit", event_token, resolved_host=found[1], holder=True
                )
        elif host_token is None and not passive:
            return None
        if host_token is None:
            owner = self._owner(event_token)
            if owner is not None:
                return Reading(owner, "owner", event_token, participants=participants)
            return self._venue_reading(verb, event_token, participants)
        found = self._host(host_token)
        if found is None and is_hosted_event(event_token) and _unnamed_holder(host_token):
            # "Five of the eight men held a news conference outside Charing Cross Police
            # Station": holders the article does not name; the venue hosts
            venue = self._venue_reading(verb, event_token, ())
            return venue if venue is not None and venue.evidence == "venue" else None
        if found is None or not is_hostable(event_token):
            return None  # "host tens of thousands of workers": people who live there
        if not found[0].label and host_token.tag_ == "NNS":
            # "the leaders held a summit at Camp David": people taking part, not a host
            venue = self._venue_reading(verb, event_token, (found[0].text,))
            if venue is not None and venue.evidence == "venue":
                return venue
        return Reading(found[0], "explicit", event_token, resolved_host=found[1])

    def _taking_place(self, verb: Token) -> Reading | None:
        """Read "talks ... opened in the Qatari capital": the venue hosts the event."""
        subject = clause_subject(verb)
        event_token = antecedent(subject) if subject is not None else None
        if event_token is None or not is_event_noun(event_token):
            return None
        owner = self._owner(event_token)
        if owner is not None:
            return Reading(owner, "owner", event_token)
        return self._venue_reading(verb, event_token, ())

    def _receiving(self, verb: Token) -> Reading | None:
        """Read "Obama welcomed Xi to the White House", "Xi was welcomed by Obama"."""
        if is_passive(verb):
            visitor, host_token = clause_subject(verb), agent(verb)
        else:
            visitor, host_token = object_of(verb), clause_subject(verb)
        if visitor is None or host_token is None or is_event_noun(visitor):
            return None
        entity = entity_of(visitor)
        named = entity is not None and entity.label_ in PARTY_LABELS
        # "greets Israeli Prime Minister Benjamin Netanyahu" (the name in apposition),
        # "the president" the article gives one person
        seen = self._party(visitor) if entity is None else None
        named = named or seen is not None
        if not named and visitor.lemma_.lower() != "delegation":
            return None  # "welcomed the decision": not a visitor
        found = self._host(host_token)
        if found is None:
            return None
        names = entity_names(visitor.subtree, exclude={found[0].text.lower()})
        if not names and seen is not None:
            names = (seen.text,)
        return Reading(found[0], "explicit", visitor, participants=names, resolved_host=found[1])

    def _meeting(self, verb: Token) -> Reading | None:
        """Read "they met for negotiations in Z", "Merkel met Obama in Berlin": the venue hosts."""
        if is_passive(verb):
            return None  # "the car was assembled in Detroit", "the crowd was met with"
        purpose = purpose_of(verb)
        people = []
        for token in (clause_subject(verb), object_of(verb)):
            if token is not None:
                people += entity_names(token.subtree, exclude=set())
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                people += entity_names(child.subtree, exclude=set())
        place, country = self._place(verb, purpose)
        partner = object_of(verb)
        if place is None and partner is not None and is_named_party(partner):
            # "Mr Blunkett met his EU counterparts in Luxembourg": the phrase after the
            # people met says where they met
            place, country = self._place(None, partner)
        if place is not None:
            host = Mention(country or place, "GPE")
            names = tuple(n for n in dict.fromkeys(people) if n.lower() != host.text.lower())
            return Reading(
                host,
                "venue",
                purpose,
                place=place,
                participants=names,
                event_text=None if purpose is not None else "meeting",
                kind="meeting",
            )
        subject = clause_subject(verb)
        alone = object_of(verb) is None and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in verb.children
        )
        if (
            purpose is None
            and alone
            and subject is not None
            and subject.tag_ in {"NN", "NNP", "NNS"}
        ):
            # "the council will meet", "Amicus's executive was due to meet", "Opec members are
            # meeting": the body holds its session
            owner = self._owner(subject) if subject.pos_ == "NOUN" else None
            found = (owner, False) if owner is not None else self._host(subject)
            body = found is not None and (found[0].label in {"ORG", ""} or found[1])
            if body and subject.tag_ == "NNS" and owner is None:
                # "Opec members" name their body; "the two sides" are people, not a body
                body = found[0].text != mention_of(subject).text
            if body:
                return Reading(
                    found[0],
                    "owner",
                    purpose,
                    event_text=None if purpose else "meeting",
                    kind="meeting",
                    resolved_host=found[1],
                )
        if purpose is None:
            return None
        venue = next((m for m in reversed(self.mentions) if m.place), None)
        if venue is None:
            return None
        return Reading(
            venue.host,
            "previous-venue",
            purpose,
            place=venue.place,
            participants=tuple(dict.fromkeys(people)),
        )

    def _host_noun(self, token: Token) -> Reading | None:
        """Read "Qatar, the host of the talks", "as host of", "they are the hosts"."""
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod"}}
        if modifiers & OTHER_SENSE_MODIFIERS:
            return None  # "chat show host", "web host": another sense
        heads = [token, *([token.head] if token.dep_ == "dobj" else [])]  # "played host to"
        event_token = next(
            (pobj for head in heads for pobj in preposition_objects(head, {"of", "to", "for"})),
            None,
        )
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        if determiners & {"a", "an"}:
            return None  # "a host of relatives" is a quantity, not a host
        if event_token is not None and not is_event_noun(event_token):
            return None  # "host to a million refugees": people who live there
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
        if found is None or (event_token is None and not self.mentions):
            return None  # "they are the hosts" needs an event the document already reported
        return Reading(found[0], "explicit", event_token, resolved_host=found[1])

    def _event_noun(self, noun: Token) -> Reading | None:
        """Read an event noun with no trigger: "OPEC's meeting", "the summit in Hangzhou"."""
        if noun.lemma_.lower() in {"visit", "delegation"} or _in_the_event_of(noun):
            return None
        owner = self._owner(noun)
        if owner is not None:
            return Reading(owner, "owner", noun)
        place = next(  # "a Brussels summit", "a London news conference": the venue
            (
                entity_of(c).text
                for c in noun.children
                if c.dep_ in {"compound", "amod", "nmod"}
                and entity_of(c) is not None
                and entity_of(c).label_ in PLACE_LABELS
                and entity_of(c).end <= noun.i  # not "the G20 Summit", one name to the tagger
                and _names_the_event(entity_of(c).end, noun)  # not "Ivory Coast peace talks"
            ),
            None,
        )
        if place is not None and self._place(None, noun)[0] is None:
            return Reading(Mention(place, "GPE"), "venue", noun, place=place)
        return (
            self._venue_reading(_attending_verb(noun), noun, ())
            or self._speaker_reading(noun)
            or self._talks_before_clause(noun)
        )

    def _talks_before_clause(self, noun: Token) -> Reading | None:
        """Read "announced by X after talks with Y": who acts in the clause held the talks.

        "announced by Mr Bussereau after talks with vintners", "Gaymard said, after a
        meeting with his German counterpart".

        Shared talks with a "with" partner, in a phrase of time (:data:`TIME_PREPOSITIONS`)
        on a clause whose subject (or a passive's agent) is a named person or body: that
        one holds them, where the article does not say (unless the document has them on
        a visit: :meth:`MentionReader.finish`).
        """
        if noun.dep_ != "pobj" or noun.head.lower_ not in TIME_PREPOSITIONS:
            return None
        if not is_shared(noun) or not has_partner(noun, noun):
            return None
        verb = governing_verb(noun)
        if verb.i == noun.i:
            return None
        actor = agent(verb) if is_passive(verb) else clause_subject(verb)
        found = self._host(actor) if actor is not None else None
        if found is None or found[0].label not in {"PERSON", "ORG"}:
            return None
        return Reading(found[0], "explicit", noun, resolved_host=found[1], holder=True)

    def _speaker_reading(self, noun: Token) -> Reading | None:
        """Read "At a news conference, Mr Howard insisted": its speaker holds it.

        Only for an event its speaker gives (:data:`SPEAKER_MODIFIERS`: a news or
        press conference) that has no owner and no venue; the speaker is the subject
        of the clause the event hangs from, a pronoun resolved as a host is. A
        speaker the document has on a visit gives it where the visit is ("Mr Straw,
        speaking at a joint news conference" on his visit to Beijing).
        """
        if not any(c.dep_ == "compound" and c.lower_ in SPEAKER_MODIFIERS for c in noun.children):
            return None
        if noun.dep_ == "pobj" and noun.head.lower_ in AROUND_PREPOSITIONS:
            return None  # "executives told Reuters after a press conference": not theirs
        verb = governing_verb(noun)
        if verb.i == noun.i or is_passive(verb):
            return None
        subject = clause_subject(verb)
        if subject is None or subject.i in {t.i for t in noun.subtree}:
            return None
        found = self._host(subject)
        if found is None or found[0].label not in {"PERSON", "ORG", ""}:
            return None
        # a speaker on a visit speaks where the visit is (MentionReader.finish)
        return Reading(found[0], "owner", noun, resolved_host=found[1], holder=True)


def _unnamed_holder(subject: Token) -> bool:
    """Whether a subject that names no host may be holders the article leaves unnamed.

    Anything but a name of what cannot hold an event: "five of the eight men", "they",
    "the protesters", even a subject the parser split ("co" of "co-chairman"); not
    "last year" or "$5m".
    """
    entity = entity_of(subject)
    return entity is None or entity.label_ == "CARDINAL" or entity.label_ in ACTOR_LABELS


def _in_the_event_of(noun: Token) -> bool:
    """The idiom "in the event of a hung Parliament": no event."""
    return (
        noun.lower_ == "event"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _attending_verb(noun: Token) -> Token | None:
    """The verb of what was done at an event, whose place is the event's.

    "made her speech at the Conservative Party Conference in Bournemouth": the
    parser hangs "in Bournemouth" on "made".
    """
    if noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return None
    verb = governing_verb(noun)
    return verb if verb.i != noun.i and verb.tag_.startswith("VB") else None


def _names_the_event(end: int, noun: Token) -> bool:
    """Only the event's own name lies between a place ending at ``end`` and the noun.

    "a Brussels summit", "a London news conference": the place is the venue;
    "Ivory Coast peace talks": "peace" is the talks' topic, and the place with it.
    """
    between = noun.doc[end : noun.i]
    return all(token.lower_ in SPEAKER_MODIFIERS for token in between)


def is_named_party(token: Token) -> bool:
    """People one can meet: a named person or body, or a noun of people with a named owner.

    "met Obama", "met his EU counterparts", "met supporters' representatives", "met
    its president, Tayyip Erdogan"; not "met the target" or "met with disapproval".
    """
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ in PARTY_LABELS
    if token.pos_ != "NOUN":
        return False
    if any(
        c.dep_ == "appos" and entity_of(c) is not None and entity_of(c).label_ in PARTY_LABELS
        for c in token.children
    ):
        return True
    owned = any(
        c.dep_ in {"poss", "compound", "amod"} and (c.ent_type_ or c.dep_ == "poss")
        for c in token.children
    )
    return owned and (token.tag_ == "NNS" or is_title_word(token))
