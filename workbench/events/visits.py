"""The readings of the visit family: visits, arrivals, invitations and guests.

Each method of :class:`VisitReadings` reads one trigger and returns a
:class:`~workbench.events.roles.Reading`: "Modi visited China" and "a state visit
to Japan" (the place visited hosts), "Straw arrives in Indonesia for a summit",
"invited by Merkel for talks", "guests of the emperor", "at Xi's invitation".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.events.clauses import (
    agent,
    container_of,
    names_under,
    purpose_of,
)
from workbench.events.families import (
    is_event_noun,
)
from workbench.events.phrases import (
    entity_names,
    event_span,
    one_line,
)
from workbench.events.roles import (
    PURPOSE_PREPOSITIONS,
    VISIT_PREPOSITIONS,
    Reading,
    RoleFinder,
)
from workbench.nlp.lexicon import noun_types_of
from workbench.nlp.syntax import (
    PLACE_LABELS,
    Mention,
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

#: Prepositions that make a visit the setting of its clause, so the clause's place is
#: the visit's: "while on a visit", "during his tour".
VISIT_SETTINGS = frozenset({"on", "during"})


class VisitReadings(RoleFinder):
    """The readings of visit triggers (mixed into the mention reader)."""

    def _visiting(self, verb: Token) -> Reading | None:
        """Read "Modi visited China", "Beijing was visited by Putin": the place visited hosts."""
        visitor, visited = _doer_and_done(verb)
        if visited is None:
            return None
        visitors = names_under(visitor)
        span = verb.doc[min(verb.i, visited.left_edge.i) : max(verb.i, visited.right_edge.i) + 1]
        return self._visited(visited, visitors, one_line(span.text))

    def _coordinated_visits(self, verb: Token) -> list[Reading]:
        """The visits to the second and later of coordinated objects ("X and Y")."""
        first = object_of(verb)
        if first is None or is_passive(verb):
            return []
        visitor = clause_subject(verb)
        visitors = names_under(visitor)
        readings = []
        for other in (t for t in first.subtree if t.dep_ == "conj" and t.head.i != verb.i):
            span = verb.doc[other.left_edge.i : other.right_edge.i + 1]
            reading = self._visited(other, visitors, one_line(f"{verb.text} {span.text}"))
            if reading is not None:
                readings.append(reading)
        return readings

    def _arriving(self, verb: Token) -> Reading | None:
        """Read "Straw arrives in Indonesia for a summit", "flew to Beijing": the place hosts.

        A named body counts as a destination too ("went to Auschwitz", tagged ORG).
        With an object the verb means something else ("headed the centre in Kabul").
        """
        if object_of(verb) is not None:
            return None
        place, country = self._place(verb, None, prepositions=VISIT_PREPOSITIONS)
        if place is None:
            place = next(
                (
                    entity_of(pobj).text
                    for pobj in preposition_objects(verb, VISIT_PREPOSITIONS)
                    if entity_of(pobj) is not None and entity_of(pobj).label_ == "ORG"
                ),
                None,
            )
        if place is None:
            return None
        purpose = purpose_of(verb)
        subject = clause_subject(verb)
        if subject is not None and _a_thing(subject):
            return None  # "80 pct of Spain's exports went to OECD countries": goods, not people
        party = self._party(subject)  # "he", "the chancellor": whom they stand for
        visitors = names_under(subject) or ((party.text,) if party is not None else ())
        if not visitors and subject is not None and _one_titled_person(subject):
            visitors = (mention_of(subject).text,)  # "the chancellor", whoever the article
        if not visitors:
            return None  # "the goods arrived in Hamburg", "tourists flew in": no visitor
        owner = self._owner(purpose) if purpose is not None else None
        if owner is not None:  # "arriving in Davos for the WEF's annual meeting"
            return Reading(owner, "owner", purpose, place=place, participants=visitors)
        text = None if purpose is not None else one_line(f"visit to {place}")
        return Reading.at_venue(place, country, purpose, visitors, event_text=text, kind="visit")

    def _staying(self, verb: Token) -> Reading | None:
        """Read "when he was in Tokyo earlier this week": a person in a place is visiting it."""
        if verb.dep_ in {"aux", "auxpass"}:
            return None  # "was born in London": another verb's auxiliary
        if any(child.dep_ == "attr" for child in verb.children):
            return None  # "he was a regular at the casino": what he is, not a visit
        subject = clause_subject(verb)
        if subject is None:
            return None
        found = self._host(subject)
        person = found is not None and (
            found[0].label == "PERSON" or (not found[0].label and _names_a_person(subject))
        )
        if not person:
            return None  # "the economy is in recession", "the firm is in London"
        place, country = self._place(verb, None)
        if place is None:
            return None
        purpose = purpose_of(verb)  # "is in Washington for talks with President Bush"
        return Reading.at_venue(
            place,
            country,
            purpose,
            (found[0].text,),
            event_text=None if purpose is not None else one_line(f"visit to {place}"),
            kind="visit",
        )

    def _visit_noun(self, noun: Token) -> Reading | None:
        """Read "a state visit to Japan", "Putin's visit to Beijing", "paid a visit to X"."""
        heads = [noun, *([noun.head] if noun.dep_ in {"dobj", "attr"} else [])]
        visited = next(
            (pobj for head in heads for pobj in preposition_objects(head, {"to"})), None
        ) or next(  # "a tour of Africa" (but "a visit of the Pope" names the visitor)
            (p for p in preposition_objects(noun, {"of"}) if p.ent_type_ in PLACE_LABELS), None
        )
        if visited is None:  # "Mr Straw's China trip": the place is a modifier
            visited = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ in {"compound", "amod"}
                    and entity_of(c) is not None
                    and entity_of(c).label_ in PLACE_LABELS
                ),
                None,
            )
        if visited is None:  # "sailed across the lake in Bromsgrove while on a visit"
            if noun.dep_ != "pobj" or noun.head.lower_ not in VISIT_SETTINGS:
                return None  # "an attraction in the Los Angeles area, possibly a studio tour"
            clause = governing_verb(noun)
            place, country = self._place(clause if clause.i != noun.i else None, noun)
            if place is None:
                return None
            return Reading(
                Mention(country or place, "GPE"),
                "venue",
                None,
                place=place,
                event_text=one_line(f"visit to {place}"),
            )
        visitor_tokens = [c for c in noun.children if c.dep_ == "poss"]
        visitor_tokens += preposition_objects(noun, {"by"})
        if noun.dep_ in {"dobj", "attr"}:
            subject = clause_subject(noun.head)
            visitor_tokens += [subject] if subject is not None else []
        visitors = tuple(
            name for token in visitor_tokens for name in entity_names(token.subtree, set())
        )
        return self._visited(visited, visitors, one_line(event_span(noun, [], noun).text))

    def _visited(self, visited: Token, visitors: tuple[str, ...], text: str) -> Reading | None:
        """The reading of a visit to ``visited``: a place hosts, or the person or body visited."""
        if visited.lemma_.lower() == "capital":
            city, country = self.links.resolve_capital(visited)
            if city or country:
                return Reading(
                    Mention(country or city, "GPE"),
                    "venue",
                    None,
                    place=city or country,
                    participants=visitors,
                    event_text=text,
                )
        entity = entity_of(visited)
        if entity is None or entity.label_ not in PLACE_LABELS | {"PERSON", "ORG"}:
            # "visit the Pakistani community in Manchester", "the tomb of Arafat in Ramallah"
            place, country = self._place(visited.head if visited.dep_ == "dobj" else None, visited)
            if place is None:
                return None
            return Reading.at_venue(place, country, None, visitors, event_text=text)
        if entity.label_ in PLACE_LABELS:
            country = container_of(visited)
            host = Mention(country or entity.text, "GPE" if country else entity.label_)
            return Reading(
                host, "venue", None, place=entity.text, participants=visitors, event_text=text
            )
        if entity.label_ == "PERSON":  # "visited Alleyne and family in Barbados": the place
            place, country = self._place(visited.head if visited.dep_ == "dobj" else None, visited)
            if place is not None:
                names = (*visitors, entity.text)
                return Reading.at_venue(place, country, None, names, event_text=text)
        if entity.label_ in {"PERSON", "ORG"}:  # a body visited is also where the visit was
            place = entity.text if entity.label_ == "ORG" else None
            return Reading(
                mention_of(entity.root),
                "explicit",
                None,
                place=place,
                participants=visitors,
                event_text=text,
            )
        return None

    def _inviting(self, verb: Token) -> Reading | None:
        """Read "Merkel invited the ministers for talks in Berlin", "invited by Xi to Beijing"."""
        host_token, guests = _doer_and_done(verb)
        if host_token is None:
            return None
        found = self._host(host_token)
        if found is None:
            return None
        event_token, place_token = None, None
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in PURPOSE_PREPOSITIONS:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if is_event_noun(pobj):
                        event_token = pobj
                    elif entity_of(pobj) is not None and entity_of(pobj).label_ in PLACE_LABELS:
                        place_token = pobj
            if child.dep_ == "xcomp":  # "invited X to attend the summit"
                target = object_of(child)
                if target is not None and is_event_noun(target):
                    event_token = target
        if event_token is None and place_token is None:
            return None  # "invited to apply": not an event
        place = entity_of(place_token).text if place_token is not None else None
        text = None if event_token is not None else f"visit to {place}"
        return _invitation(found, event_token, place, names_under(guests), text)

    def _guest_noun(self, noun: Token) -> Reading | None:
        """Read "the delegation were guests of the emperor": the one whose guests they are hosts."""
        host_token = next(iter(preposition_objects(noun, {"of"})), None)
        if host_token is None:
            return None
        found = self._host(host_token)
        if found is None:
            return None
        guests = clause_subject(noun.head) if noun.dep_ in {"attr", "dobj"} else None
        text = one_line(event_span(noun, [], noun).text)
        return _invitation(found, None, None, names_under(guests), text)

    def _invitation_noun(self, noun: Token) -> Reading | None:
        """Read "at Xi's invitation, Putin visited Beijing", "at the invitation of X"."""
        host_token = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
            iter(preposition_objects(noun, {"of"})), None
        )
        preposition = noun.head
        if (
            host_token is None
            or noun.dep_ != "pobj"
            or preposition.lower_ not in {"at", "on", "upon"}
        ):
            return None
        found = self._host(host_token)
        if found is None:
            return None
        verb = governing_verb(preposition)
        event_token = object_of(verb)
        if event_token is not None and not is_event_noun(event_token):
            event_token = None
        subject = clause_subject(verb)
        place, _ = self._place(verb, event_token, prepositions=VISIT_PREPOSITIONS)
        text = None if event_token is not None else one_line(f"{verb.text} {place or ''}")
        return _invitation(found, event_token, place, names_under(subject), text)


def _names_a_person(token: Token) -> bool:
    """A common noun for a person: "the prime minister", "the president"."""
    labels = noun_types_of(token)
    return "PERSON" in labels


def _a_thing(token: Token) -> bool:
    """A common noun of no people or body, the names under it further down.

    "80 pct of Spain's exports went to OECD countries": goods or a share, and
    the names under it own them; they do not travel. A noun of people or of a
    body (:func:`~workbench.nlp.lexicon.noun_types_of`: "officials",
    "delegation"), a title, or a noun a name modifies directly ("a World Bank
    team") may.
    """
    if token.pos_ not in {"NOUN", "NUM"} or entity_of(token) is not None:
        return False
    if noun_types_of(token) or is_title_word(token):
        return False
    return not any(
        child.dep_ in {"compound", "poss", "amod", "nmod"} and child.ent_type_
        for child in token.children
    )


def _one_titled_person(token: Token) -> bool:
    """One person named by a role the article does not link to a name: "the chancellor"."""
    return (
        token.tag_ == "NN"
        and is_title_word(token)
        and any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
    )


def _doer_and_done(verb: Token) -> tuple[Token | None, Token | None]:
    """Who does it and to whom: subject and object, or, in the passive, agent and subject."""
    if is_passive(verb):
        return agent(verb), clause_subject(verb)
    return clause_subject(verb), object_of(verb)


def _invitation(
    found: tuple[Mention, bool],
    event_token: Token | None,
    place: str | None,
    visitors: tuple[str, ...],
    text: str | None,
) -> Reading:
    """A reading whose host is the inviter (``found``: the mention, and if a pronoun)."""
    return Reading(
        found[0],
        "invitation",
        event_token,
        place=place,
        participants=visitors,
        event_text=text,
        resolved_host=found[1],
    )
