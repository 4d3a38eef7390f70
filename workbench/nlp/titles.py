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
"chancellor"). A title written with two different people ("President Bush" and
"President Chirac") links to neither: the article does not say which one it
means. Nothing here knows a particular title or name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.lexicon import noun_types_of
from workbench.nlp.syntax import mention_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The most words a title may have ("deputy prime minister", "foreign secretary").
MAX_TITLE_WORDS = 4


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
    people : tuple of (str, str)
        ``(title, name)`` pairs, the title in lower case ("prime minister",
        "Tony Blair"), each title with exactly one person.
    """

    people: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_docs(cls, docs: Iterable[Doc]) -> TitleLinks:
        """Read the title-name pairs stated in the parsed sentences of one document."""
        found: dict[str, set[str]] = {}
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ != "PERSON":
                    continue
                for title in _titles_of(entity):
                    found.setdefault(title, set()).add(mention_of(entity.root).text)
        people = tuple((title, names.pop()) for title, names in found.items() if len(names) == 1)
        return cls(people)

    def person_for(self, noun: Token) -> str | None:
        """The person a title noun stands for ("the prime minister" -> "Tony Blair"), if any.

        The noun with its own compound and adjective words is the title
        ("prime minister"); a bare "minister" links only when the article writes
        "minister" itself with one person.
        """
        if not is_title_word(noun):
            return None
        wanted = _title_of(noun)
        return next((name for title, name in self.people if title == wanted), None)


def _titles_of(entity: Span) -> list[str]:
    """The titles written with a person's name: before it, or in apposition to it."""
    titles = []
    doc = entity.doc
    start = entity.start
    while start > 0 and entity.start - start < MAX_TITLE_WORDS:
        before = doc[start - 1]
        if before.ent_type_ or not before.is_alpha or before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        start -= 1
    if start < entity.start and is_title_word(doc[entity.start - 1]):
        titles.append(title_key(doc[start : entity.start]))
    root = entity.root
    for other in [*root.children, root.head]:
        apposed = other.dep_ == "appos" and other.head.i == root.i
        apposed = apposed or (root.dep_ == "appos" and other.i == root.head.i)
        if apposed and other.ent_type_ == "" and is_title_word(other):
            titles.append(_title_of(other))
    return [title for title in titles if title]


def _title_of(noun: Token) -> str:
    """The title a noun heads, with its own compound and adjective words: "prime minister"."""
    return title_key([c for c in noun.lefts if c.dep_ in {"compound", "amod"}] + [noun])
