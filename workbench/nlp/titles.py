"""Who a title stands for in one article, learnt from the article itself.

News names a person once with a title and then by the title alone: "Prime
Minister Tony Blair" ... "the prime minister's monthly news conference";
"Tony Blair, the prime minister," ... "the prime minister hosted". From the
parsed sentences of one document, :class:`TitleLinks` records which person each
title is written with:

- *before the name*: "Prime Minister Tony Blair", "Chancellor Gordon Brown"
  (title words right before a person's name);
- *in apposition*: "Tony Blair, the prime minister" and "the prime minister, Tony
  Blair".

A title is a phrase whose last word the lexicon types as a person
(:data:`workbench.nlp.lexicon.NOUN_TYPES`: "minister", "president",
"chancellor"). A title may be *qualified* by whose it is: "Iraq's prime
minister", "the prime minister of Iraq". A qualified title links only to the
person written with that same qualifier; a bare one only when every person the
article gives the title to is the same. Names of one person written longer and
shorter ("President George W. Bush", "President Bush") count as one person, the
longest form standing for both. A title written with two different people
("President Bush" and "President Chirac") links to neither: the article does not
say which one it means. Nothing here knows a particular title or name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.lexicon import noun_types_of
from workbench.nlp.syntax import entity_of, mention_of, preposition_objects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The most words a title may have ("deputy prime minister", "foreign secretary").
MAX_TITLE_WORDS = 4
#: Entity labels of a title's owner: a country, a body, a people ("Iraq's prime minister").
OWNER_LABELS = frozenset({"GPE", "ORG", "NORP"})


def is_title_word(token: Token) -> bool:
    """Whether a noun names a person by role: "minister", "president", "chancellor"."""
    labels = noun_types_of(token)
    return bool(labels) and labels[0] == "PERSON"


def title_key(words: Iterable[Token]) -> str:
    """A title as compared: lower case, without determiners or possessives."""
    kept = [w.lower_ for w in words if w.tag_ not in {"DT", "PRP$", "POS"} and w.is_alpha]
    return " ".join(kept)


@dataclass(frozen=True)
class TitleLinks:
    """The titles one article writes with a person's name, and whose name.

    Attributes
    ----------
    people : tuple of (str, str, str)
        ``(title, qualifier, name)`` triples: the title in lower case ("prime
        minister"), whose title it is in lower case ("iraq", or "" when the article
        does not say), and the person's longest name ("Tony Blair").
    """

    people: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def from_docs(cls, docs: Iterable[Doc]) -> TitleLinks:
        """Read the title-name pairs stated in the parsed sentences of one document."""
        found: dict[tuple[str, str], list[str]] = {}
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ != "PERSON":
                    continue
                name = mention_of(entity.root).text
                for title in _titles_of(entity):
                    found.setdefault(title, []).append(name)
        people = []
        for (title, qualifier), names in found.items():
            person = one_person(names)
            if person is not None:
                people.append((title, qualifier, person))
        return cls(tuple(people))

    def person_for(self, noun: Token) -> str | None:
        """The person a title noun stands for ("the prime minister" -> "Tony Blair"), if any.

        The noun with its own compound and adjective words is the title
        ("prime minister"); a bare "minister" links only when the article writes
        "minister" itself with one person. "Iraq's prime minister" links only to
        whom the article calls Iraq's prime minister.
        """
        if not is_title_word(noun):
            return None
        wanted, qualifier = _title_of(noun), qualifier_of(noun)
        names = [
            name
            for title, given, name in self.people
            if title == wanted and (given == qualifier or not qualifier)
        ]
        return one_person(names)


def one_person(names: Iterable[str]) -> str | None:
    """The one person all ``names`` name, by the longest name, or None if they are several.

    A shorter name is the same person when its words end the longer one's, in any
    case: "Bush" and "George W. Bush" are one person, "Bush" and "Chirac" two.
    """
    ordered = sorted(set(names), key=lambda name: len(name.split()), reverse=True)
    if not ordered:
        return None
    longest = ordered[0].casefold().split()
    for name in ordered[1:]:
        words = name.casefold().split()
        if longest[-len(words) :] != words and not (
            words[-1] == longest[-1] and set(words) <= set(longest)
        ):
            return None
    return ordered[0]


def qualifier_of(noun: Token) -> str:
    """Whose title a title noun is, in lower case: "iraq" of "Iraq's prime minister".

    A possessor that names a country, a body or a people, or such a name in an
    "of" phrase ("the prime minister of Iraq"); "" for "the prime minister", "his
    prime minister" and "the country's prime minister".
    """
    owners = [child for child in noun.children if child.dep_ == "poss"]
    owners += preposition_objects(noun, {"of"})
    for owner in owners:
        entity = entity_of(owner)
        if entity is not None and entity.label_ in OWNER_LABELS:
            return entity.text.lower()
    return ""  # "his", "the country's": whose title it is, the article has said before


def _titles_of(entity: Span) -> list[tuple[str, str]]:
    """The (title, qualifier) pairs written with a person's name: before it, or apposed."""
    titles = []
    doc = entity.doc
    root = entity.root
    start = entity.start
    while start > 0 and entity.start - start < MAX_TITLE_WORDS:
        before = doc[start - 1]
        if before.ent_type_ or not before.is_alpha or before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        start -= 1
    if start < entity.start and is_title_word(doc[entity.start - 1]):
        # "Iraq's Prime Minister Ayad Allawi": the possessor hangs on the name or the title
        title_word = doc[entity.start - 1]
        qualifier = qualifier_of(title_word) or qualifier_of(root)
        titles.append((title_key(doc[start : entity.start]), qualifier))
    for other in [*root.children, root.head]:
        apposed = other.dep_ == "appos" and other.head.i == root.i
        apposed = apposed or (root.dep_ == "appos" and other.i == root.head.i)
        if apposed and other.ent_type_ == "" and is_title_word(other):
            titles.append((_title_of(other), qualifier_of(other)))
    return [(title, qualifier) for title, qualifier in titles if title]


def _title_of(noun: Token) -> str:
    """The title a noun heads, with its own compound and adjective words: "prime minister"."""
    return title_key([c for c in noun.lefts if c.dep_ in {"compound", "amod"}] + [noun])
