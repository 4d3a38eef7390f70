"""Reading event mentions from parsed sentences: who hosted what, where and when.

:class:`MentionReader` reads one document's parsed sentences in order and keeps an
:class:`EventMention` for each trigger of an event family (the families, and which
reading each trigger takes, are data: :mod:`workbench.events.families`). A reading
is a general rule that fills the roles from the parse (the rules are methods of
:class:`~workbench.events.hosting.HostingReadings` and
:class:`~workbench.events.visits.VisitReadings`):

- **hosts / holds**: the subject hosts the object ("Qatar hosted the talks"; "held"
  only an event noun). *Passive*: the agent hosts ("hosted by Qatar"); with no
  agent, the owner of the event phrase ("the cartel's meeting will be convened")
  or else the venue does. *Non-finite* ("before hosting a meeting", "ready to
  host", "the region hosting"): the subject is borrowed from the clause the verb
  depends on (:func:`workbench.nlp.syntax.clause_subject`). A shared event ("X
  held talks with Y in Z") is hosted by its venue, or by the country of a visit
  the holder is on; with neither, by the holder.
- **takes-place**: an event noun as subject, happening somewhere ("talks opened
  in Doha", "will take place in Oslo"): the venue hosts.
- **receives**: "Obama welcomed Xi": the subject receives a visitor.
- **meets**: "Merkel met Obama in Berlin", "they met for talks": the venue hosts
  (the document's previous venue for "met again for talks").
- **visits / visit-noun**: "Modi visited China", "a state visit to Japan": the
  place visited hosts (a person or body visited hosts itself).
- **invites / guest-noun / invitation-noun**: "invited by Merkel", "guests of the
  emperor", "at Xi's invitation": the inviter hosts.
- **host-noun**: "Qatar, the host of the talks", "as host", "they are the hosts";
  not "a host of", nor a TV, web or biological host (other senses).
- **an event noun with a venue or an owner** and no trigger ("the summit in
  Hangzhou", "OPEC's meeting"): the owner, else the venue, hosts.

Each mention records the **evidence** its host rests on, in the order of trust
:data:`~workbench.events.roles.EVIDENCE`: an explicit host, an invitation, the
owner of the event phrase, the venue. The place is a place in an "in"/"at"
phrase (or "to" for visits); "here" and an event reported from the dateline city
take the dateline. The date is the
expression attached to the trigger, its clause or the event noun
(:func:`workbench.events.phrases.choose_when`), resolved with the tense of the
clause it hangs from; a date elsewhere in the sentence is not the event's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.dates import TimeExpression, find_time_expressions, resolve_date
from workbench.events.clauses import (
    has_partner,
)
from workbench.events.families import (
    is_candidate,
    is_event_name,
    is_event_noun,
    takes_another_sense,
    triggers_of,
)
from workbench.events.hosting import HostingReadings
from workbench.events.phrases import (
    balance_quotes,
    choose_when,
    event_span,
    find_participants,
    one_line,
    phrase_tokens,
)
from workbench.events.roles import (
    EventMention,
    Reading,
)
from workbench.events.visits import VisitReadings
from workbench.nlp.places import demonym_matches
from workbench.nlp.syntax import (
    Mention,
    governing_verb,
    governors,
    is_passive,
    mention_of,
    object_of,
    tense_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from workbench.events.families import Trigger
    from workbench.model import Sentence


#: Words that, starting the event phrase, make it a definite mention ("that meeting").
DEFINITE_DETERMINERS = word_set("events_definite_determiners.txt")
#: Verbs governing an event verb that say it has not happened and is not set to.
UNREAL_GOVERNORS = word_set("events_unreal_governors.txt")
#: Modals that make an event a possibility, not a fact or a plan.
_POSSIBILITY_MODALS = frozenset({"could", "might", "may", "should"})
#: What a clause may deny or want of someone at an event that took place all the same:
#: "was not present at the meeting", "would seek action at the next meeting"; not a
#: modal ("might meet at a summit": maybe no summit) nor another sense.
SETTING_SURVIVES = frozenset({"negation", "wish"})
#: Prepositions that take an event as the setting of what its clause says: "at", "during".
SETTING_PREPOSITIONS = word_set("events_setting_prepositions.txt")

#: Prepositions that make a date a bound of the event, not its date: "before June".
BOUND_PREPOSITIONS = frozenset({"before", "by", "until", "till", "after", "since"})
#: The confidence of each kind of evidence, from 0 to 1 (hand-set, in the order of EVIDENCE).
EVIDENCE_CONFIDENCE = {
    "explicit": 0.9,
    "invitation": 0.8,
    "owner": 0.7,
    "venue": 0.6,
    "body": 0.55,
    "previous-venue": 0.5,
}
#: Taken off when the host is a pronoun or "the country" resolved to a name (hand-set).
RESOLVED_HOST_PENALTY = 0.1
#: Taken off for "the host" read from a noun rather than a verb (hand-set).
HOST_NOUN_PENALTY = 0.1


class MentionReader(HostingReadings, VisitReadings):
    """Reads the event mentions of one document, sentence by sentence.

    Feed :meth:`read` every parsed sentence in order (pronouns are resolved
    against the sentences before); the readings collect in ``mentions``.
    """

    def read(self, sentence: Sentence, doc: Doc) -> None:
        """Read one parsed sentence (call for every sentence of the document, in order)."""
        if is_candidate(sentence):
            covered: set[int] = set()
            triggers = [triggers_of(token) for token in doc]
            for token in doc:
                marker = _unreal_marker(token) if triggers[token.i] else None
                kept = marker in SETTING_SURVIVES  # "was not present at the meeting"
                if marker is not None and not (kept and _in_setting(token)):
                    # "trying to arrange a meeting", "could host the talks in Doha",
                    # "called off the meeting": not the trigger, nor the event nouns it
                    # governs (but "was not present at the meeting": it took place)
                    governed = token.subtree
                    if marker == "another sense":  # "called off the meeting": its object
                        governed = (
                            t for c in token.children if c.dep_ == "dobj" for t in c.subtree
                        )
                    covered.update(t.i for t in governed if not (kept and _in_setting(t)))
                    continue
                for trigger in triggers[token.i]:
                    reading = self._read(trigger, token)
                    if reading is not None:
                        self._keep(trigger.family, token, reading, sentence)
                        if reading.holder:
                            # "Both Deutsche Boerse and rival Euronext held talks with the
                            # LSE": each holds them
                            for other in _coordinated_holders(reading):
                                self._keep(trigger.family, token, other, sentence)
                        if trigger.reading == "visits":
                            # "will visit an orphanage in Tanzania and a union in Mozambique"
                            for other in self._coordinated_visits(token):
                                self._keep("visit", token, other, sentence)
                        journey = trigger.reading in {"arrives", "stays"}
                        if journey and reading.event_token is not None:
                            # "arrives in Indonesia for a summit": the visit, and the summit
                            visit = replace(
                                reading,
                                event_token=None,
                                event_text=f"visit to {reading.place}",
                                kind="visit",
                            )
                            self._keep("visit", token, visit, sentence)
                        if reading.event_token is not None:  # "a round of talks": all of it
                            covered.update(t.i for t in phrase_tokens(reading.event_token))
                        break
            for token in doc:
                if token.pos_ != "NOUN" and not is_event_name(token):
                    continue  # "the London Assembly" names a body, not one of its sessions
                if (
                    token.i not in covered
                    and not triggers[token.i]
                    and is_event_noun(token)
                    and not _wished_for(token)
                ):
                    reading = self._event_noun(token)
                    if reading is not None:
                        self._keep("hosting", token, reading, sentence)
        self.tracker.observe(doc)

    # --- The readings -------------------------------------------------------------------

    def _read(self, trigger: Trigger, token: Token) -> Reading | None:
        reading = trigger.reading
        if reading == "host-noun":
            return self._host_noun(token)
        if reading == "visit-noun":
            return self._visit_noun(token)
        if reading == "guest-noun":
            return self._guest_noun(token)
        if reading == "invitation-noun":
            return self._invitation_noun(token)
        transitive = object_of(token) is not None and trigger.object_word is None
        if reading == "hosts" and (transitive or is_passive(token) or trigger.lemma == "host"):
            return self._hosting(token, need_event_noun=False)
        if reading in {"holds", "organises"}:
            return self._hosting(token, need_event_noun=True, shared=reading == "holds")
        if reading == "takes-place":
            if transitive:  # "the EU will start accession talks with Croatia": it holds them
                if not has_partner(token, object_of(token)):
                    return None  # "opened the meeting to the press" is not hosting
                return self._hosting(token, need_event_noun=True, shared=True)
            if is_passive(token):
                return self._hosting(token, need_event_noun=True)
            return self._taking_place(token)
        if reading == "arrives":
            return self._arriving(token)
        if reading == "stays":
            return self._staying(token)
        if reading == "receives":
            return self._receiving(token)
        if reading == "meets":
            return self._meeting(token)
        if reading == "visits":
            return self._visiting(token)
        if reading == "invites":
            return self._inviting(token)
        return None

    def _keep(self, family: str, trigger: Token, reading: Reading, sentence: Sentence) -> None:
        doc = trigger.doc
        event_token = reading.event_token
        if family == "visit" and event_token is not None and event_token.lemma_.lower() != "visit":
            family = "hosting"  # invited to a conference: the conference is a hosted event
        expressions = _time_expressions(doc)
        verb = trigger if trigger.tag_.startswith("VB") else governing_verb(trigger)
        date_span = choose_when(expressions, verb, event_token or trigger)
        when = resolved = None
        bound = _bound_of(date_span) if date_span is not None else None
        if bound is not None:
            # "expects OPEC to meet before June": a bound, not the meeting's date
            when = doc[bound.i : date_span.end].text
        elif date_span is not None:
            when = date_span.text
            direction = _direction(date_span, verb, heading=sentence.is_heading)
            resolved = resolve_date(when, self.document.published, direction=direction)
        event_text, definite = reading.event_text, False
        if event_token is not None and event_text is None:
            span = event_span(event_token, expressions, verb)
            event_text = balance_quotes(one_line(span.text))
            definite = span[0].lower_ in DEFINITE_DETERMINERS
        place = reading.place
        if place is None and event_token is not None:
            place = self._place(verb if verb.i != event_token.i else None, event_token)[0]
        if place is None:
            place = self._dateline_place(reading.host)
        excluded = {reading.host.text.lower(), *([place.lower()] if place else [])}
        participants = dict.fromkeys(
            [*reading.participants, *find_participants(verb, event_token, exclude=excluded)]
        )
        confidence = EVIDENCE_CONFIDENCE[reading.evidence]
        confidence -= RESOLVED_HOST_PENALTY if reading.resolved_host else 0.0
        confidence -= (
            HOST_NOUN_PENALTY
            if trigger.lemma_.lower() == "host" and trigger.pos_ == "NOUN"
            else 0.0
        )
        self.mentions.append(
            EventMention(
                family=family,
                evidence=reading.evidence,
                host=Mention(one_line(reading.host.text), reading.host.label),
                event=event_text,
                event_head=event_token.lemma_.lower() if event_token is not None else reading.kind,
                definite=bool(definite),
                place=one_line(place) if place else None,
                when=when,
                resolved=resolved,
                participants=tuple(
                    one_line(name) for name in participants if name.lower() not in excluded
                ),
                verb=trigger.lemma_.lower(),
                confidence=round(confidence, 2),
                sentence=sentence,
                holder=reading.holder,
            )
        )

    def finish(self) -> None:
        """After the last sentence: talks a visitor held on a visit are hosted by the place.

        "Mr Blair held talks with his Israeli counterpart" in an article that has
        Mr Blair visiting Israel (before or after) is hosted by Israel. Of several
        visits by the holder, the one whose place the talks name (or its
        nationality: "Israeli") wins, else the nearest.
        """
        visits = [m for m in self.mentions if m.family == "visit" and m.participants]
        for index, mention in enumerate(self.mentions):
            if not mention.holder:
                continue
            holder = mention.host.text.lower()
            own = [
                visit
                for visit in visits
                if any(
                    holder in name.lower() or name.lower() in holder for name in visit.participants
                )
            ]
            if not own:
                continue
            words = (mention.event or "").split()
            visit = min(
                own,
                key=lambda v: (
                    not any(
                        demonym_matches(word, v.host.text) or word == v.host.text for word in words
                    ),
                    abs(v.sentence.index - mention.sentence.index),
                ),
            )
            participants = dict.fromkeys([mention.host.text, *mention.participants])
            self.mentions[index] = replace(
                mention,
                host=visit.host,
                evidence="venue",
                place=mention.place or visit.place,
                participants=tuple(participants),
                confidence=EVIDENCE_CONFIDENCE["venue"],
                holder=False,
            )


def _coordinated_holders(reading: Reading) -> list[Reading]:
    """The same reading for each named person or body coordinated with its holder."""
    span = reading.host.span
    if span is None:
        return []
    others = []
    for conj in (t for t in span.root.children if t.dep_ == "conj"):
        mention = mention_of(conj)
        if mention.label in {"PERSON", "ORG", "NORP", "GPE"}:
            others.append(replace(reading, host=mention))
    return others


def _time_expressions(doc: Doc) -> list[TimeExpression]:
    """The sentence's date expressions, found once however many mentions it holds."""
    found = doc.user_data.get(_TIME_EXPRESSIONS)
    if found is None:
        dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
        found = doc.user_data[_TIME_EXPRESSIONS] = find_time_expressions(doc.text, dates)
    return found


_TIME_EXPRESSIONS = "workbench.time_expressions"


def _bound_of(span: Span) -> Token | None:
    """The preposition right before a date that makes it a bound: "before June", "by 2019"."""
    if span.start == 0:
        return None
    previous = span.doc[span.start - 1]
    if previous.lower_ in BOUND_PREPOSITIONS and previous.dep_ == "prep":
        return previous
    return None


def _unreal_marker(token: Token) -> str | None:
    """What says a trigger's event did not happen and is not set to, if anything.

    "negation" (its verb, or the verb a noun trigger depends on, is negated, or
    hangs on a noun that "no" denies: "no plans to hold talks"),
    "modal" ("could", "might", "may", "should"), "wish" (a verb of wanting, trying
    or offering governs it: :data:`UNREAL_GOVERNORS`), "another sense" (a phrase
    that means something else: "called off the meeting",
    :func:`~workbench.events.families.takes_another_sense`), or None.
    """
    if token.tag_.startswith("VB") and takes_another_sense(token):
        return "another sense"
    verb = token if token.tag_.startswith("VB") else governing_verb(token)
    for current in governors(verb):
        for child in current.children:
            if child.dep_ == "neg":
                return "negation"
            if child.dep_ == "aux" and child.lower_ in _POSSIBILITY_MODALS:
                return "modal"
        if current.i != verb.i and current.lemma_.lower() in UNREAL_GOVERNORS:
            return "wish"
    chain = governors(verb)
    if chain[-1].dep_ in {"acl", "advcl", "relcl"}:
        chain.append(chain[-1].head)
    for current in chain[1:]:
        if current.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in current.children
        ):
            return "negation"  # "there are no plans for Mr Blair to hold a news conference"
    return None


def _wished_for(noun: Token) -> bool:
    """Whether an event noun is only what its verb wants: "the unions hope for a meeting".

    The noun is the object of a verb of wanting or trying (:data:`UNREAL_GOVERNORS`),
    directly ("want talks") or through "for" or "to" ("hope for a meeting"); not
    its subject ("the summit sought to end the fighting") nor its setting ("would
    seek action at the next meeting"). A negation or a modal is about something
    else: "did not attend the meeting" reports a meeting all the same.
    """
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in {"for", "to"}:
        verb = noun.head.head
    else:
        return False
    return verb.lemma_.lower() in UNREAL_GOVERNORS


def _in_setting(token: Token) -> bool:
    """Whether a noun is the setting of what its clause says: "not present at the meeting".

    The clause says what someone did at the event ("could speak at the summit"),
    which took place all the same; not "hopes for talks".
    """
    return token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPOSITIONS


def _direction(date_span: Span, verb: Token, *, heading: bool) -> str:
    """The tense a date takes: its own clause's, else the trigger's.

    Outside a headline, a present tense with a date is a timetable ("the conference,
    which opens in Brighton on Sunday"), so it looks ahead; a headline's present
    ("Russia hosts talks") reports what happened and says nothing.
    """
    clause = governing_verb(date_span.root)
    for token in (clause, verb):
        tense = tense_of(token)
        if tense != "auto":
            return tense
    if not heading and clause.tag_ in {"VBZ", "VBP"} and clause.lemma_.lower() != "be":
        return "future"
    return "auto"
