"""The families of words that report hosting, and the word tests built on them.

A sentence reports hosting with a verb of one of four families (see
:mod:`workbench.events.hosting` for how each is read): hosting verbs ("host",
"convene"), organising verbs whose object is an event noun ("held talks"),
opening verbs whose event-noun subject takes place somewhere ("talks opened in
Doha") and meeting verbs with an event as purpose ("met for negotiations"). The
word lists are package data (``workbench/data/events_*.txt``), read once.

:func:`is_candidate` is the cheap test on a sentence's words that decides whether
it is parsed at all; the other tests read one parsed token: is it an event noun,
a part standing for an event ("the opening of the talks"), a noun for who can
host, or something that can be hosted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.nlp.lexicon import NOUN_TYPES
from workbench.nlp.syntax import ACTOR_LABELS, entity_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from workbench.model import Sentence

#: Nouns (lemmas) that name something that can be hosted or held.
EVENT_NOUNS = word_set("events_event_nouns.txt")
#: Nouns for a part of an event, which stands for the event: "the opening of the talks".
EVENT_PARTS = word_set("events_event_parts.txt")
#: Entity labels of what can be hosted besides events: visitors, delegations, bodies.
HOSTED_LABELS = word_set("events_hosted_labels.txt")
#: Verbs whose object is hosted, whatever it is.
HOSTING_VERBS = word_set("events_hosting_verbs.txt")
#: Verbs that mean hosting only when their object is an event noun.
ORGANISING_VERBS = word_set("events_organising_verbs.txt")
#: Verbs whose event-noun subject takes place somewhere: the place hosts it.
OPENING_VERBS = word_set("events_opening_verbs.txt")
#: Verbs of meeting, which count when their purpose is an event ("met for talks").
MEETING_VERBS = word_set("events_meeting_verbs.txt")

# The inflected forms of the hosting verbs (enough on its own) and of the other families
# (which need an event word too), written out for the test before parsing.
_STRONG_TRIGGER = re.compile(r"\b(?:co-?)?host(?:s|ed|ing)?\b|\bconven(?:e|es|ed|ing)\b", re.I)
_WEAK_TRIGGER = re.compile(
    r"\b(?:hold|holds|holding|held|organi[sz](?:e|es|ed|ing)|arrang(?:e|es|ed|ing)|"
    r"facilitat(?:e|es|ed|ing)|stag(?:e|es|ed|ing)|open(?:s|ed|ing)?|beg(?:in|ins|an|un)|"
    r"start(?:s|ed|ing)?|resum(?:e|es|ed|ing)|meet(?:s|ing)?|met|gather(?:s|ed|ing)?)\b",
    re.I,
)
_EVENT_WORD = re.compile(r"\b(?:" + "|".join(sorted(EVENT_NOUNS)) + r")(?:s|es)?\b", re.I)


def is_candidate(sentence: Sentence) -> bool:
    """Whether the words of ``sentence`` could report hosting (a cheap test before parsing)."""
    text = sentence.text
    if _STRONG_TRIGGER.search(text):
        return True
    return bool(_WEAK_TRIGGER.search(text) and _EVENT_WORD.search(text))


def is_event_noun(token: Token) -> bool:
    """Whether ``token`` (by lemma or as written) names something that can be hosted."""
    return token.lemma_.lower() in EVENT_NOUNS or token.lower_ in EVENT_NOUNS


def event_of_part(token: Token) -> Token:
    """The event a part of it stands for: "the opening of the talks" -> talks."""
    if token.lemma_.lower() not in EVENT_PARTS:
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_event_noun(pobj):
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


def is_hostable(token: Token) -> bool:
    """An event, or visitors to receive: a delegation, a named person, body or team.

    "hosted talks", "hosted the Afghan Taliban delegation", "hosted Lavrov" are
    hosting; "host tens of thousands of workers" or "host intelligent life" are not.
    """
    if is_event_noun(token):
        return True
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ in HOSTED_LABELS
    return is_actor_noun(token)
