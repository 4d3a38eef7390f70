"""The full form of a name an article also writes shorter.

News writes a name in full once and then shorter: "the Liberal Democrats" ...
"Democrats", "Deutsche Boerse" ... "Boerse", "Tony Blair" ... "Blair". A name
read off one sentence may be the short form; :class:`FullNames` gives, from the
parsed sentences of one document, the one longer name of the same entity label
whose last words it is (of several, the longest when they are one name written
longer and shorter: :func:`~workbench.nlp.titles.one_person`). A short form two
longer names end with ("Democrats" in
an article naming the "Liberal Democrats" and the "Senate Democrats") has no
full form: the article does not say which it means. Places are left as written:
"Jersey" is not "New Jersey".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.syntax import mention_of
from workbench.nlp.titles import one_person

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Entity labels whose short forms are completed: people, bodies and groups.
COMPLETED_LABELS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True)
class FullNames:
    """The names of one article by entity label, to complete a short form.

    Examples
    --------
    >>> names = FullNames({"NORP": frozenset({"Liberal Democrats", "Democrats"})})
    >>> names.full("Democrats", "NORP")
    'Liberal Democrats'
    >>> names.full("Democrats", "GPE")
    'Democrats'
    >>> FullNames({"NORP": frozenset({"Liberal Democrats", "Social Democrats"})}).full(
    ...     "Democrats", "NORP"
    ... )
    'Democrats'
    """

    names: dict[str, frozenset[str]]

    @classmethod
    def from_docs(cls, docs: Iterable[Doc]) -> FullNames:
        """Collect the names the parsed sentences of one document give, by label."""
        found: dict[str, set[str]] = {}
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ in COMPLETED_LABELS:
                    name = " ".join(mention_of(entity.root).text.split())  # one line
                    found.setdefault(entity.label_, set()).add(name)
        return cls({label: frozenset(names) for label, names in found.items()})

    def full(self, name: str, label: str) -> str:
        """The one longer name of ``label`` that ends with ``name``'s words, else ``name``."""
        if label not in COMPLETED_LABELS:
            return name
        words = name.casefold().split()
        if not words:
            return name
        longer = {
            other
            for other in self.names.get(label, ())
            if len(other.split()) > len(words) and other.casefold().split()[-len(words) :] == words
        }
        return one_person(longer) or name if longer else name
