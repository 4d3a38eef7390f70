"""The event families, read from data: the words that report an event and how each is read.

Each family is a data file (``workbench/data/events_family_<name>.tsv``): one
:class:`Trigger` a line, a verb or a noun with the *reading* that fills its roles
(see the files' headers and :mod:`workbench.events.mentions`): "host" and
"convene" host what they take as object, "hold" hosts an event noun, "open" is an
event taking place somewhere, "meet" is a meeting whose venue hosts it, "visit"
makes the place visited the host, "guests of X" and "at X's invitation" make X
the host. A new family is a new file: :data:`FAMILY_NAMES` lists those read.

:func:`is_candidate` is the cheap test on a sentence's words that decides whether
it is parsed at all (a trigger's form, and an event word or a place phrase for the
readings that need one); the other tests read one parsed token: is it an event
noun, a part standing for an event ("the opening of the talks"), a noun for who can
host, or something that can be hosted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.data import read_table, word_set
from workbench.nlp.lexicon import noun_types_of
from workbench.nlp.syntax import ACTOR_LABELS, entity_of, preposition_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from workbench.model import Sentence

#: The data file of each family read, by family name.
FAMILY_FILES = {
    "hosting": "events_family_hosting.tsv",
    "meeting": "events_family_meeting.tsv",
    "visit": "events_family_visit.tsv",
}
#: The families read, in order.
FAMILY_NAMES = tuple(FAMILY_FILES)
#: The readings a trigger may name, each a general rule of :mod:`workbench.events.mentions`.
READINGS = frozenset(
    {
        "hosts",
        "holds",
        "organises",
        "takes-place",
        "receives",
        "meets",
        "visits",
        "invites",
        "arrives",
        "stays",
        "host-noun",
        "visit-noun",
        "guest-noun",
        "invitation-noun",
    }
)
#: Readings that need an event word in the sentence before it is worth parsing.
_NEED_EVENT_WORD = frozenset({"holds", "organises", "takes-place"})
#: Readings that need an event word or a place phrase ("met ... in Berlin").
_NEED_EVENT_OR_PLACE = frozenset({"meets", "receives", "arrives", "stays"})


@dataclass(frozen=True)
class Trigger:
    """A word that reports an event of a family, and the reading that fills its roles.

    ``word`` is a lemma; a verb written with its object ("take place") needs that
    object (``object_word``). ``forms`` are the inflected forms the quick test
    looks for.
    """

    family: str
    word: str
    pos: str
    reading: str
    forms: tuple[str, ...]

    @property
    def lemma(self) -> str:
        """The lemma the parsed token must have: the first word of ``word``."""
        return self.word.split()[0]

    @property
    def object_word(self) -> str | None:
        """The object a multi-word verb needs ("place" of "take place"), if any."""
        parts = self.word.split()
        return parts[1] if len(parts) > 1 else None


def _read_family(name: str) -> tuple[Trigger, ...]:
    triggers = []
    for row in read_table(FAMILY_FILES[name]):
        word, pos, reading, forms = row
        if pos not in {"verb", "noun"} or reading not in READINGS:
            raise ValueError(f"{FAMILY_FILES[name]}: bad trigger row {row!r}")
        triggers.append(Trigger(name, word, pos, reading, tuple(forms.split())))
    return tuple(triggers)


#: Every trigger of every family, in file order.
TRIGGERS: tuple[Trigger, ...] = tuple(t for name in FAMILY_NAMES for t in _read_family(name))
_BY_LEMMA: dict[tuple[str, str], list[Trigger]] = {}
for _trigger in TRIGGERS:
    _BY_LEMMA.setdefault((_trigger.lemma, _trigger.pos), []).append(_trigger)

#: Nouns (lemmas) that name something that can be hosted or held.
EVENT_NOUNS = word_set("events_event_nouns.txt")
#: Nouns that name a gathering only as what a hosting verb takes: "hosted a party".
HOSTED_NOUNS = word_set("events_hosted_nouns.txt")
#: Event nouns that end the name of a body, not of a gathering: "the London Assembly".
BODY_NOUNS = word_set("events_body_nouns.txt")
#: Event nouns that, ending a name, mostly name a place or a company: "the Lincoln Memorial".
NAME_ENDINGS = word_set("events_name_endings.txt")
#: Nouns for a part of an event, which stands for the event: "the opening of the talks".
EVENT_PARTS = word_set("events_event_parts.txt")
#: Entity labels of what can be hosted besides events: visitors, delegations, bodies.
HOSTED_LABELS = word_set("events_hosted_labels.txt")
#: Phrases of a trigger verb with another sense, (verb, word) -> how the word attaches.
PHRASAL_VERBS: dict[tuple[str, str], str] = {
    (verb, word): attached for verb, word, attached in read_table("events_phrasal_verbs.tsv")
}


def _forms_pattern(triggers: list[Trigger]) -> re.Pattern[str]:
    forms = sorted({form for t in triggers for form in t.forms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.I)


_STRONG = _forms_pattern(
    [t for t in TRIGGERS if t.reading not in _NEED_EVENT_WORD | _NEED_EVENT_OR_PLACE]
)
_NEEDS_EVENT = _forms_pattern([t for t in TRIGGERS if t.reading in _NEED_EVENT_WORD])
_NEEDS_EVENT_OR_PLACE = _forms_pattern([t for t in TRIGGERS if t.reading in _NEED_EVENT_OR_PLACE])


def _nouns_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """The nouns and their plurals, "-ies" ones too ("party", "parties")."""
    forms = [rf"{noun[:-1]}(?:y|ies)" if noun.endswith("y") else noun for noun in sorted(nouns)]
    return re.compile(r"\b(?:" + "|".join(forms) + r")(?:s|es)?\b", re.I)


_EVENT_WORD = _nouns_pattern(EVENT_NOUNS)
_HOSTED_WORD = _nouns_pattern(HOSTED_NOUNS)
_PLACE_PHRASE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?[A-Z]|[A-Z]\w*,\s+where\b")


def is_candidate(sentence: Sentence) -> bool:
    """Whether the words of ``sentence`` could report an event (a cheap test before parsing)."""
    text = sentence.text
    if _STRONG.search(text):
        return True
    if _NEEDS_EVENT.search(text) and _HOSTED_WORD.search(text):
        return True  # "held a hearing" (an event word alone is enough: below)
    event_word = _EVENT_WORD.search(text)
    if event_word:
        return True  # "Labour's spring conference", "talks in New Delhi", "a meeting of"
    return bool(_NEEDS_EVENT_OR_PLACE.search(text) and (event_word or _PLACE_PHRASE.search(text)))


def triggers_of(token: Token) -> list[Trigger]:
    """The triggers a parsed token is: by lemma and part of speech ("hosts" the verb, the noun)."""
    if token.tag_.startswith("VB"):
        pos = "verb"
    elif token.pos_ in {"NOUN", "PROPN"}:
        pos = "noun"
    else:
        return []
    found = _BY_LEMMA.get((token.lemma_.lower(), pos), []) or _BY_LEMMA.get((token.lower_, pos), [])
    return [t for t in found if t.object_word is None or _has_object(token, t.object_word)]


def takes_another_sense(verb: Token) -> bool:
    """Whether a trigger verb is part of a phrase that means something else.

    A phrase of :data:`PHRASAL_VERBS` ("held up the talks", "called off the
    meeting", "held the party together", "met the deadline"; but "held talks
    together" still holds them), or an object predicate ("called the debate a farce", "held him
    responsible").
    """
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "oprd":
            return True
        attached = PHRASAL_VERBS.get((lemma, child.lower_))
        if attached == "particle" and child.dep_ == "prt":
            return True
        if child.dep_ == "dobj" and PHRASAL_VERBS.get((lemma, child.lemma_.lower())) == "object":
            return True  # "met the target", "met the deadline"
        if attached == "adverb" and child.dep_ == "advmod":
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if not any(is_event_noun(o) for o in objects):
                return True
    return False


def _has_object(verb: Token, word: str) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() == word for c in verb.children)


def is_event_noun(token: Token) -> bool:
    """Whether ``token`` (by lemma or as written) names something that can be hosted."""
    return token.lemma_.lower() in EVENT_NOUNS or token.lower_ in EVENT_NOUNS


def is_event_name(token: Token) -> bool:
    """Whether a proper noun ends the name of a gathering: "the Conservative Party Conference".

    The last word of a named entity, an event noun that does not name a body or a
    place (:data:`BODY_NOUNS`: "the London Assembly"; :data:`NAME_ENDINGS`: "the
    Lincoln Memorial").
    """
    entity = entity_of(token)
    return (
        token.pos_ == "PROPN"
        and entity is not None
        and entity.end - 1 == token.i
        and entity.start < token.i
        and is_event_noun(token)
        and not {token.lemma_.lower(), token.lower_} & (BODY_NOUNS | NAME_ENDINGS)
    )


def is_hosted_event(token: Token) -> bool:
    """Whether a hosting verb's object (or passive subject) names an event it hosts.

    An event noun, or a noun that names a gathering only there (:data:`HOSTED_NOUNS`):
    "hosted a party", "held a hearing", "will host Mr Brown's speech"; but not such
    a noun for a group of people ("a party of tourists").
    """
    if is_event_noun(token):
        return True
    return token.lemma_.lower() in HOSTED_NOUNS and not _names_a_group(token)


def _names_a_group(noun: Token) -> bool:
    """Whether a noun is followed by "of" and what it is made of: "a party of tourists".

    Members counted or in the plural ("a party of 20", "of tourists"), or people
    named ("a party of Americans"); not "a party of the left".
    """
    for pobj in preposition_objects(noun, {"of"}):
        entity = entity_of(pobj)
        if entity is not None and entity.label_ in {"PERSON", "NORP", "CARDINAL"}:
            return True
        if entity is None and (pobj.tag_ in {"NNS", "NNPS"} or pobj.like_num):
            return True
    return False


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
    labels = noun_types_of(token)
    return bool(ACTOR_LABELS.intersection(labels))


def is_hostable(token: Token) -> bool:
    """An event, or visitors to receive: a delegation, a named person, body or team.

    "hosted talks", "hosted the Afghan Taliban delegation", "hosted Lavrov" are
    hosting; "host tens of thousands of workers", "host intelligent life" or "hosted
    the World Cup" (a sports event: another sense of hosting) are not.
    """
    if is_hosted_event(token):
        return True
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ in HOSTED_LABELS
    return is_actor_noun(token)
