"""Places an article links to each other, learnt from the article itself.

An article names a host as a city in one sentence and as a country in another,
or by a description: "talks ... in Qatar's Doha", "the talks opened in the Qatari
capital". The workbench has no gazetteer; the article is the evidence. From the
parsed sentences of one document, :class:`PlaceLinks` records:

- *containment*: "Qatar's Doha" and "Doha, Qatar" say Doha is in Qatar;
- *capitals*: "the Tajik capital, Dushanbe", "Doha, the capital of Qatar",
  "Qatar's capital Doha" say which city is a country's capital;
- *demonyms*: a nationality adjective names the country whose name it shares a
  stem with ("Qatari" - Qatar, "Afghan" - Afghanistan, "Chinese" - China), among
  the places the article mentions (:func:`demonym_matches`).

:meth:`PlaceLinks.resolve_capital` then reads "the Qatari capital" as Doha in
Qatar when the article links the two anywhere, and as Qatar alone otherwise; and
:meth:`PlaceLinks.family` says which names stand for the same place (Doha and
Qatar), which is how duplicate events hosted by "Qatar" and "Doha" are merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.syntax import PLACE_LABELS, entity_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The shortest stem a nationality adjective and a place name must share (hand-set).
MIN_STEM = 4
#: The most letters of the shorter word that the shared stem may miss (hand-set).
MAX_UNSHARED = 2


def demonym_matches(adjective: str, name: str) -> bool:
    """Whether a nationality adjective can name the place ``name``.

    They must share a stem of at least four letters that misses at most two
    letters of the shorter word.

    Examples
    --------
    >>> demonym_matches("Qatari", "Qatar"), demonym_matches("Afghan", "Afghanistan")
    (True, True)
    >>> demonym_matches("Chinese", "China"), demonym_matches("Austrian", "Australia")
    (True, False)
    """
    first, second = adjective.lower(), name.lower()
    shared = 0
    for left, right in zip(first, second, strict=False):
        if left != right:
            break
        shared += 1
    return shared >= MIN_STEM and shared >= min(len(first), len(second)) - MAX_UNSHARED


@dataclass(frozen=True)
class PlaceLinks:
    """The places one article mentions and the links it states between them.

    Attributes
    ----------
    names : tuple of str
        Every place name mentioned (GPE, LOC and FAC entities), first mention first.
    within : tuple of (str, str)
        ``(place, country)`` pairs: "Qatar's Doha" gives ``("Doha", "Qatar")``.
    capitals : tuple of (str, str)
        ``(country, city)`` pairs stated as capitals.
    """

    names: tuple[str, ...] = ()
    within: tuple[tuple[str, str], ...] = ()
    capitals: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_docs(cls, docs: Iterable[Doc]) -> PlaceLinks:
        """Read the links stated in the parsed sentences of one document."""
        docs = list(docs)
        names: list[str] = []
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ in PLACE_LABELS and entity.text not in names:
                    names.append(entity.text)
        links = cls(tuple(names))
        within: list[tuple[str, str]] = []
        capitals: list[tuple[str, str]] = []
        for doc in docs:
            within += _containment(doc)
            for token in doc:
                if token.lemma_.lower() == "capital" and token.pos_ == "NOUN":
                    city, country = links._stated_capital(token)
                    if city and country:
                        capitals.append((country, city))
        return cls(tuple(names), tuple(dict.fromkeys(within)), tuple(dict.fromkeys(capitals)))

    def country_for(self, adjective: str) -> str | None:
        """The place the article mentions that a nationality adjective names, if any."""
        for name in self.names:
            if demonym_matches(adjective, name):
                return name
        return None

    def capital_of(self, country: str) -> str | None:
        """The city the article gives as ``country``'s capital, or the one city it puts there."""
        key = country.lower()
        for known, city in self.capitals:
            if known.lower() == key:
                return city
        cities = {place for place, container in self.within if container.lower() == key}
        return cities.pop() if len(cities) == 1 else None

    def family(self, name: str) -> frozenset[str]:
        """Lower-cased names linked to ``name`` (itself included): Doha -> {doha, qatar}."""
        family = {name.lower()}
        pairs = [*self.within, *((city, country) for country, city in self.capitals)]
        changed = True
        while changed:
            changed = False
            for first, second in pairs:
                pair = {first.lower(), second.lower()}
                if pair & family and not pair <= family:
                    family |= pair
                    changed = True
        return frozenset(family)

    def resolve_capital(self, token: Token) -> tuple[str | None, str | None]:
        """``(city, country)`` for a "capital" noun such as "the Qatari capital".

        The city comes from the phrase itself ("the Tajik capital, Dushanbe") or
        from a link stated elsewhere in the article; either may be ``None``.
        """
        city, country = self._stated_capital(token)
        if country and not city:
            city = self.capital_of(country)
        return city, country

    def _stated_capital(self, token: Token) -> tuple[str | None, str | None]:
        """City and country a "capital" token's own sentence states."""
        country = None
        city = None
        for child in token.children:
            if child.dep_ == "poss":
                country = _name_of(child)
            elif child.dep_ in {"amod", "compound"} and child.i < token.i:
                country = country or self.country_for(child.text)
            elif child.dep_ == "prep" and child.lower_ == "of":
                country = next((_name_of(pobj) for pobj in child.children), country)
            elif child.dep_ == "appos" and child.pos_ == "PROPN":
                city = _name_of(child)
        if token.dep_ in {"appos", "compound"} and token.head.pos_ == "PROPN":
            city = city or _name_of(token.head)
        if token.dep_ == "attr":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ == "PROPN":
                city = city or _name_of(subject)
        return city, country


def _containment(doc: Doc) -> list[tuple[str, str]]:
    """``(place, country)`` pairs written as "Qatar's Doha" or "Doha, Qatar"."""
    pairs = []
    for entity in doc.ents:
        if entity.label_ not in PLACE_LABELS:
            continue
        for child in entity.root.children:
            other = entity_of(child)
            if other is None or other.label_ not in PLACE_LABELS or other == entity:
                continue
            if child.dep_ == "poss" or (child.dep_ == "appos" and child.i > entity.root.i):
                pairs.append((entity.text, other.text))
    return pairs


def _name_of(token: Token) -> str:
    """The entity text around ``token``, or the token with its compound words."""
    entity = entity_of(token)
    if entity is not None:
        return entity.text
    words = [child for child in token.lefts if child.dep_ == "compound"] + [token]
    return " ".join(word.text for word in words)
