"""What a parsed clause says about an event's parties, read off single tokens.

The token-level tests the role readings share (:mod:`~workbench.events.roles`,
:mod:`~workbench.events.hosting`, :mod:`~workbench.events.visits`): the named body
an event noun is modified by ("the G7 meeting"), whose place a venue is ("at Jack
Straw's country residence"), the purpose of a verb ("arrived for talks"), a
passive's agent, whether talks are held "with" someone and are shared, the
country a place is said to be in, and the place a dateline names. None of them
needs the document: they read one sentence's parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.data import read_table, word_set
from workbench.events.families import BODY_NOUNS, is_event_noun
from workbench.events.phrases import entity_names
from workbench.nlp.lexicon import noun_types_of
from workbench.nlp.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Mention,
    agent_of,
    clause_subject,
    entity_of,
    governing_verb,
    object_of,
    preposition_objects,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Events two sides hold together: "X held talks with Y" does not make X the host.
SHARED_EVENT_NOUNS = word_set("events_shared_nouns.txt")
#: Bodies whose own members meet ("a cabinet meeting"): noun -> "alone" or "modified".
MEETING_BODIES: dict[str, str] = dict(read_table("events_meeting_bodies.tsv"))


def is_description(token: Token) -> bool:
    """A common noun that only points back to a name: "the party", "his party".

    No entity, no modifier of its own, and "the" or a possessive pronoun before it.
    """
    if token.pos_ != "NOUN" or entity_of(token) is not None:
        return False
    if any(c.dep_ in {"amod", "compound"} for c in token.lefts):
        return False
    determiners = [
        c.lower_
        for c in token.children
        if c.dep_ == "det" or (c.dep_ == "poss" and c.tag_ == "PRP$")
    ]
    return determiners in (["the"], ["his"], ["her"], ["its"], ["their"])


def venue_owner(verb: Token | None, event_token: Token) -> tuple[Mention, str] | None:
    """Whose place the venue is, and the venue: "at Jack Straw's country residence".

    The owner is a proper name in the possessive that is not a place ("Qatar's
    Doha" puts a city in its country); the tagger may call it a person or, when it
    runs the name and the house together, a facility.
    """
    heads = [head for head in (verb, event_token) if head is not None]
    for venue in (pobj for head in heads for pobj in preposition_objects(head, {"at"})):
        if is_event_noun(venue):
            continue  # "at Labour's spring conference": an event, not someone's place
        for child in venue.children:
            if child.dep_ != "poss" or child.pos_ != "PROPN":
                continue
            if child.ent_type_ in {"GPE", "LOC", "NORP", "DATE"}:
                continue
            words = child.doc[child.left_edge.i : child.i + 1]
            owner = Mention(words.text, "PERSON" if child.ent_type_ in {"PERSON", "FAC"} else "")
            venue_words = venue.doc[venue.left_edge.i : venue.i + 1]
            return owner, venue_words.text
    return None


def bound_possessive(token: Token) -> Token | None:
    """The subject a possessive pronoun in its own clause stands for.

    "Reliance Industries has its board meeting on Friday", "in its latest meeting
    Deutsche Boerse will adopt a charm offensive": "its" is the clause's subject.
    """
    if token.pos_ != "PRON" or token.tag_ != "PRP$":
        return None
    subject = clause_subject(governing_verb(token))
    if subject is None or subject.pos_ == "PRON" or subject.i == token.i:
        return None
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    person = subject.ent_type_ == "PERSON"
    if token.lower_ in {"his", "her"} and subject.tag_ == "NNP" and subject.ent_type_ == "ORG":
        # "Del Rio announced his exit at his press conference": "his" binds the clause's
        # own named subject, which the tagger may call an organisation
        person = True
    agrees = {
        "their": plural,
        "its": not plural and not person,
        "his": person,
        "her": person,
    }.get(token.lower_, False)
    if agrees:
        return subject
    # "Blair will reassure Labour MPs at their meeting": not Blair's, the MPs'
    target = object_of(governing_verb(token))
    if token.lower_ == "their" and target is not None and target.tag_ in {"NNS", "NNPS"}:
        return target
    return None


def named_venue(token: Token) -> bool:
    """A proper name that is not a person, a date or a number: a venue after "at".

    Written as a name is, capitalised: the tagger takes "at noon gmt" for a name too.
    """
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    entity = entity_of(token)
    return entity is None or entity.label_ in {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"}


def body_of(noun: Token, *, members: bool = False) -> Token | None:
    """The named body a noun is modified by: "the G7 meeting", "the EU summit".

    A proper-name modifier that is not a person, a date or, for an event noun, a
    place ("a Brussels summit" names the venue). For a noun of members
    (``members``: "a meeting of the G7 countries", "of Eurozone finance ministers")
    a name tagged as a place is the group too, when the members are countries or
    people of office (:func:`~workbench.nlp.lexicon.noun_types_of`), not
    "south Florida business executives".
    """
    grouped = members and bool({"GPE", "PERSON"} & set(noun_types_of(noun)))
    excluded = {"PERSON", "DATE", "NORP"} | (set() if grouped else set(PLACE_LABELS))
    for child in noun.children:
        if child.dep_ not in {"compound", "nmod"} or child.pos_ != "PROPN":
            continue
        entity = entity_of(child)
        if entity is None or entity.label_ not in excluded:
            return child
    return None


def common_body(noun: Token) -> Token | None:
    """A body named by a common noun before the event noun: "a cabinet meeting".

    Only a body whose own members meet (:data:`MEETING_BODIES`: "cabinet",
    "board", "committee"); one that mostly stands for a body named elsewhere
    ("party", "union") only with a modifier of its own ("the Labour party
    conference"). Other nouns there give the topic ("a business dinner", "airline
    talks"). A body's session or assembly (:data:`~workbench.events.families.BODY_NOUNS`:
    "a court session") is its routine business, not a gathering it hosts.
    """
    if noun.lemma_.lower() in BODY_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ != "compound" or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        if entity_of(child) is not None:
            continue
        counts = MEETING_BODIES.get(child.lemma_.lower())
        if counts is None:
            continue
        modified = any(c.dep_ in {"compound", "amod"} for c in child.children)
        if counts == "alone" or modified:
            return child
    return None


def names_under(token: Token | None) -> tuple[str, ...]:
    """The participant names in ``token``'s phrase ("the delegation led by Baradar")."""
    return entity_names(token.subtree, set()) if token is not None else ()


def purpose_of(verb: Token) -> Token | None:
    """The event a journey or a meeting is for: "arrives in Indonesia for a summit" -> summit."""
    return next((pobj for pobj in preposition_objects(verb, {"for"}) if is_event_noun(pobj)), None)


def has_subject(verb: Token) -> bool:
    """Whether ``verb`` has a subject of its own (a reduced relative has none)."""
    return any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children)


def agent(verb: Token) -> Token | None:
    """A passive's agent, also when the parser hangs "by X" on the verb's object or phrase.

    "were invited for talks in Berlin by Chancellor Merkel": the parser puts "by
    Merkel" under "talks"; a "by" phrase naming a person, body or place one
    preposition below the verb is still the agent.
    """
    agent = agent_of(verb)
    if agent is not None:
        return agent
    for noun in preposition_objects(verb):
        for pobj in preposition_objects(noun, {"by"}):
            entity = entity_of(pobj)
            if entity is not None and entity.label_ in ACTOR_LABELS:
                return pobj
    return None


def has_partner(verb: Token, event_token: Token) -> bool:
    """Whether the event is held "with" someone: "start talks with Croatia"."""
    return any(
        child.dep_ == "prep" and child.lower_ == "with"
        for head in (verb, event_token)
        for child in head.children
    )


def is_shared(event_token: Token) -> bool:
    """An event two sides hold together ("talks"), which its holder need not host."""
    return (
        event_token.lemma_.lower() in SHARED_EVENT_NOUNS or event_token.lower_ in SHARED_EVENT_NOUNS
    )


def container_of(token: Token) -> str | None:
    """The country a place is put in by a possessive: "Qatar's Doha" -> Qatar."""
    for child in token.children:
        if child.dep_ == "poss":
            entity = entity_of(child)
            if entity is not None:
                return entity.text
    return None


def dateline_name(dateline: str) -> str:
    """A dateline's place as a name: "TEHRAN" -> "Tehran" (mixed case is kept)."""
    return dateline.title() if dateline.isupper() else dateline
