"""Word lists about English nouns that question answering and event extraction share.

The lists say what kind of thing a common noun names, in spaCy's entity labels
("minister" a person, "ministry" an organisation, "capital" a place), so that a
question's focus noun gets an answer type and an event's host noun can be told
from an object that cannot host ("mobile devices"). The nouns are package data
(``workbench/data/nlp_noun_types.tsv``), read once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.data import read_table

if TYPE_CHECKING:
    from spacy.tokens import Token


def _noun_types(name: str) -> dict[str, tuple[str, ...]]:
    """The table ``name`` as noun -> labels, in file order (rows are ``noun<TAB>LABEL LABEL``)."""
    return {noun: tuple(labels.split()) for noun, labels in read_table(name)}


#: The entity labels a common noun stands for, by lemma: the answer type of "which X" /
#: "what X" in a question, and whether a noun names who can host an event.
NOUN_TYPES: dict[str, tuple[str, ...]] = _noun_types("nlp_noun_types.tsv")


def noun_types_of(token: Token) -> tuple[str, ...]:
    """The labels :data:`NOUN_TYPES` gives a parsed noun, by its lemma, else as written.

    A word written with hyphens that the tokenizer split ("son-in-law") is looked up
    whole first, from its first part.
    """
    end = hyphenated_end(token)
    if end > token.i:
        whole = NOUN_TYPES.get(token.doc[token.i : end + 1].text.lower())
        if whole:
            return whole
    return NOUN_TYPES.get(token.lemma_.lower()) or NOUN_TYPES.get(token.lower_, ())


def hyphenated_end(token: Token) -> int:
    """The last token of a word written with hyphens: "son" of "son-in-law" -> "law"."""
    doc, end = token.doc, token.i
    while (
        end + 2 < len(doc)
        and not doc[end].whitespace_
        and doc[end + 1].tag_ == "HYPH"
        and not doc[end + 1].whitespace_
        and doc[end + 2].is_alpha
    ):
        end += 2
    return end
