"""Reading spaCy dependency parses: subjects, phrases, tense and what pronouns stand for.

Small, general helpers over spaCy tokens that event extraction and question
answering share. None knows about any particular verb or article: they answer
questions such as "who is the subject of this verb, even when it is 'which' or
sits on the verb that governs it?" or "which entity does 'it' stand for here?".

Pronoun resolution is deliberately simple (a salience heuristic, not a trained
coreference model): a pronoun stands for the nearest preceding subject that is a
named entity of a compatible type, first in its own sentence, then in the three
sentences before it, and failing that the first compatible entity of the
previous sentence. Subjects of reporting verbs ("..., reports The Express
Tribune") are not candidates: a source is rarely what the next sentence is about.

The word lists and label sets (reporting verbs, what each pronoun can stand for,
...) are package data in ``workbench/data/nlp_*``, read once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.data import read_table, word_set
from workbench.nlp.lexicon import hyphenated_end

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Entity labels that can name a participant or a host.
ACTOR_LABELS = word_set("nlp_actor_labels.txt")
#: Entity labels that name a place.
PLACE_LABELS = word_set("nlp_place_labels.txt")

#: What each pronoun (or definite description, "the country") can stand for.
ANAPHOR_LABELS: dict[str, frozenset[str]] = {
    word: frozenset(labels.split()) for word, labels in read_table("nlp_anaphor_labels.tsv")
}

#: Verbs that introduce what a source said; their subjects are sources, not topics.
REPORTING_VERBS = word_set("nlp_reporting_verbs.txt")
#: Words that, governing "to VERB", make it future: "ready to host", "set to hold", and
#: requests and agreements, which come before what they ask for: "asked the Council to hold".
FUTURE_GOVERNORS = word_set("nlp_future_governors.txt")

#: Sentences before the current one whose subjects a pronoun may stand for (hand-set).
LOOKBACK = 3
#: Words :func:`clause_subject` reads, climbing from the verb to what governs it (hand-set).
MAX_CLIMB = 5

#: Tokens that are markup, never part of a name: newswire's "<COMPANY>" brackets.
MARKUP_TOKENS = frozenset({"<", ">", "<<", ">>"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = frozenset({"xcomp", "acomp", "conj"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


@dataclass(frozen=True)
class Mention:
    """A named thing a token refers to: its text as written and its entity label.

    ``span`` is where the text stands in its parsed sentence, when it comes from
    one (a resolved pronoun's antecedent can then be cited by its own offsets);
    it takes no part in comparing mentions.
    """

    text: str
    label: str
    span: Span | None = field(default=None, compare=False, repr=False)


def parse_texts(texts: Sequence[str], nlp: Language, batch_size: int = 64) -> list[Doc]:
    """Parse each text with ``nlp`` (in batches) and return the docs in the same order."""
    return list(nlp.pipe(texts, batch_size=batch_size))


def entity_of(token: Token) -> Span | None:
    """The named entity that contains ``token``, or ``None``.

    The entities and their starts are kept per document (in ``doc.user_data``, on
    first use: a parsed document's entities do not change), so each lookup is a
    binary search, not a scan of every entity: the readers ask this of every token,
    and a long sentence has hundreds of entities.
    """
    if not token.ent_type_:
        return None
    doc = token.doc
    cached = doc.user_data.get(_ENTITY_STARTS)
    if cached is None:
        entities = doc.ents
        cached = ([entity.start for entity in entities], entities)
        doc.user_data[_ENTITY_STARTS] = cached
    starts, entities = cached
    position = bisect.bisect_right(starts, token.i) - 1
    if position >= 0 and entities[position].start <= token.i < entities[position].end:
        return entities[position]
    return None


_ENTITY_STARTS = "workbench.entity_starts"


def mention_of(token: Token) -> Mention:
    """What a noun token names: its entity if it is in one, else its noun phrase.

    The noun phrase keeps the token's left modifiers (compounds, adjectives,
    possessives) and drops a leading determiner: "the Russian foreign ministry"
    gives ``Mention("Russian foreign ministry", "")``.
    """
    entity = entity_of(token)
    if entity is not None:
        return _named(entity, entity.label_)
    left = min(
        [token.i]
        + [child.left_edge.i for child in token.lefts if child.dep_ not in {"punct", "cc"}]
    )
    # never across markup: "FIRST SAVINGS BANK FLORIDA <FSBF> SETS MEETING"
    left = max([left, *(i + 1 for i in range(left, token.i) if token.doc[i].text in MARKUP_TOKENS)])
    return _named(token.doc[left : hyphenated_end(token) + 1], "")


def phrase(token: Token, *, keep: Callable[[Token], bool] | None = None) -> Span:
    """The contiguous phrase headed by ``token``: its modifiers up to the first clause.

    Left modifiers are kept; right dependents are kept in order until one that
    starts a relative clause, an apposition, a coordination of clauses or a
    parenthetical (a comma), or one that ``keep`` rejects. Participial modifiers
    ("led by ...") stay. Trailing punctuation is dropped.

    Parameters
    ----------
    token : spacy.tokens.Token
        The head noun.
    keep : callable, optional
        ``keep(child) -> bool`` for right dependents: return ``False`` to end the
        phrase before ``child`` (e.g. before "on November 9").
    """
    doc = token.doc
    left = min([token.i] + [child.left_edge.i for child in token.lefts])
    right = token.i
    for child in token.rights:
        if child.dep_ in {"relcl", "appos", "punct", "advcl", "cc", "conj", "parataxis"}:
            break
        if child.dep_ == "acl" and child.tag_ != "VBN":
            break
        if keep is not None and not keep(child):
            break
        right = child.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, looking through relative pronouns and control verbs.

    "Russia, which ... hosted" gives Russia (the antecedent of "which");
    "Moscow gets ready to host" gives Moscow (the subject of the governing verb),
    but "asked the Council to hold" gives the Council (the governing verb's object)
    and "Seoul's offer to hold" gives Seoul; "the region hosting the conference"
    gives the region; "met Xi before hosting a dinner" gives the subject of "met";
    "The meeting was held" gives "meeting" (the passive subject). A verb with no
    subject of its own and no governing verb to borrow one from gives ``None``.
    """
    current = verb
    for _ in range(MAX_CLIMB):
        subjects = [child for child in current.children if child.dep_ in _SUBJECTS]
        # "The following year Bournemouth hosted": a time misparsed as a second subject
        subjects.sort(key=_is_time_word)
        for child in subjects:
            if child.tag_ in _RELATIVE_TAGS and current.dep_ == "relcl":
                return current.head
            return child
        if current.dep_ == "xcomp":
            controller = _object_controller(current)
            if controller is not None:
                return controller
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return current.head  # "the Asir region hosting the conference"
        if current.dep_ == "acl" and _is_infinitive(current):
            # "Seoul's offer to hold talks": the possessor of the noun does the holding.
            return next((c for c in current.head.children if c.dep_ == "poss"), None)
        if current.dep_ in _CLIMB or (current.dep_ == "advcl" and _is_infinitive(current)):
            current = current.head
            continue
        if current.tag_ == "VBG" and current.dep_ in {"pcomp", "advcl"}:
            # "met Xi before hosting a meeting", "..., hosting a dinner": a gerund
            # borrows the subject of the clause it depends on.
            current = current.head.head if current.dep_ == "pcomp" else current.head
            continue
        return None
    return None


_TIME_NOUNS = frozenset({"year", "month", "week", "day", "time", "night", "morning", "weekend"})


def _is_time_word(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in _TIME_NOUNS


def _object_controller(complement: Token) -> Token | None:
    """The object that is the subject of an object-control complement.

    "Japan asked the Council to hold talks", "requested the Council hold talks",
    "called on the Council to convene a meeting": the Council holds them, not Japan.
    """
    governor = complement.head
    objects = [child for child in governor.children if child.dep_ == "dobj"]
    objects += [
        pobj
        for child in governor.children
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
    return next(
        (token for token in objects if token.i < complement.i and token.pos_ in {"PROPN", "NOUN"}),
        None,
    )


def is_passive(verb: Token) -> bool:
    """``verb`` is a passive: "was held", "hosted by X" (a participle modifying a noun).

    A participle with a subject or a "have" of its own is an active perfect, even
    where the parser hangs its clause on a noun: "reports that Barclays had held talks".
    """
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children):
        return True
    active = any(
        child.dep_ == "nsubj" or (child.dep_ == "aux" and child.lemma_ == "have")
        for child in verb.children
    )
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not active


def agent_of(verb: Token) -> Token | None:
    """The noun in a passive's "by" phrase: "hosted by Qatar" gives Qatar.

    When the parser gives the phrase two objects ("by election co-ordinator Alan
    Milburn" split at the hyphen), the named one is the agent.
    """
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            named = [token for token in objects if token.ent_type_ in ACTOR_LABELS]
            if named or objects:
                return (named or objects)[0]
    return None


def object_of(verb: Token) -> Token | None:
    """The direct object of ``verb``, if any."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("talks which opened": talks); else the token itself."""
    if token.tag_ in _RELATIVE_TAGS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def governors(verb: Token) -> list[Token]:
    """``verb`` and the verbs or adjectives it is the complement of ("ready to host")."""
    chain = [verb]
    current = verb
    while current.dep_ in _CLIMB or (current.dep_ == "advcl" and _is_infinitive(current)):
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


def governing_verb(token: Token) -> Token:
    """The verb of the clause ``token`` is in: itself if a verb, else its nearest verb head.

    The clause of "on Saturday" in "Talks will resume on Saturday" is "resume";
    a token with no verb above it (a headline fragment) is its own governor.
    """
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current if current.pos_ in {"VERB", "AUX"} else token


def tense_of(verb: Token) -> str:
    """``"past"``, ``"future"`` or ``"auto"``: the tense a date near ``verb`` should take.

    "will host", "'ll host", "ready to host", "set to hold", "asked X to hold",
    "is scheduled for", "is due on" and a present progressive ("is hosting ... on
    Sunday": an arrangement) are future; "hosted", "was held", "has hosted" are
    past; a bare participle ("talks convened in Geneva") takes the tense of the
    clause its noun is in; a present ("hosts", in a headline) or a conditional
    ("would host") says nothing.
    """
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not _auxiliaries(verb):
        # "will attend talks convened in Geneva on Monday": a bare participle takes the
        # tense of the clause its noun is in.
        return tense_of(governing_verb(verb.head)) if verb.head.i != verb.i else "auto"
    chain = governors(verb)
    for token in chain:
        for child in token.children:
            if child.dep_ in {"aux", "auxpass"} and child.lemma_.lower() in {"will", "shall"}:
                return "future"
    for token in chain:
        present = token.tag_ in {"VBZ", "VBP"} or any(
            child.tag_ in {"VBZ", "VBP"} for child in _auxiliaries(token)
        )
        if present and token.lemma_.lower() in FUTURE_GOVERNORS:
            return "future"  # "the meeting is scheduled for Friday", "is due on Monday"
        if present and token.tag_ == "VBG" and _auxiliaries(token):
            return "future"  # "China is hosting the summit on Sunday": an arrangement
    # "to host" and the bare "requested the Council hold" take their governor's outlook.
    governed = chain[1:] if _is_infinitive(verb) or verb.dep_ == "xcomp" else []
    if any(token.lemma_.lower() in FUTURE_GOVERNORS for token in governed):
        return "future"
    for token in chain:
        if token.tag_ == "VBD":
            return "past"
        for child in token.children:
            if child.dep_ in {"aux", "auxpass"} and child.tag_ == "VBD":
                return "past"
            if child.dep_ == "aux" and child.lemma_.lower() == "have" and token.tag_ == "VBN":
                return "past"
    return "auto"


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]


def anaphor_labels(token: Token) -> frozenset[str] | None:
    """Entity labels a pronoun or definite description may stand for; ``None`` if not one.

    "it", "they", "he" and "the country", "the organisation" are anaphors; a
    name, or "a country", is not.
    """
    word = token.lower_
    if token.pos_ == "PRON":
        return ANAPHOR_LABELS.get(word)
    if token.pos_ == "NOUN" and word in ANAPHOR_LABELS and entity_of(token) is None:
        determiners = [child.lower_ for child in token.children if child.dep_ == "det"]
        if determiners == ["the"] and not any(c.dep_ in {"amod", "compound"} for c in token.lefts):
            return ANAPHOR_LABELS[word]
    return None


class SubjectTracker:
    """Remembers what each sentence is about, so later pronouns can be resolved.

    Feed it the parsed sentences of one document in order with :meth:`observe`;
    ask :meth:`resolve` about a pronoun in the current sentence before observing it.

    Examples
    --------
    >>> from workbench.nlp.pipeline import load_pipeline
    >>> nlp = load_pipeline("full")
    >>> first, second = nlp("Pakistan pushed for talks."), nlp("In October, it hosted them.")
    >>> tracker = SubjectTracker()
    >>> tracker.observe(first)
    >>> tracker.resolve(second[3])
    Mention(text='Pakistan', label='GPE')
    """

    def __init__(self, lookback: int = LOOKBACK) -> None:
        self.lookback = lookback
        self._subjects: list[Mention | None] = []
        self._named_subjects: list[list[Mention]] = []
        self._entities: list[list[Mention]] = []

    def observe(self, doc: Doc) -> None:
        """Record the sentence's subjects (resolved if pronouns) and its entities.

        A sentence written in capitals (a wire headline: "MONTEDISON CONCLUDES
        TALKS WITH ANTIBIOTICOS") is recorded as naming nothing: the tagger reads
        such a line as one long name, which no pronoun after it stands for.
        """
        if is_shouted(doc):
            self._named_subjects.append([])
            self._subjects.append(None)
            self._entities.append([])
            return
        named = [self._named(subject, ACTOR_LABELS) for subject in _subjects_before(None, doc)]
        self._named_subjects.append([mention for mention in named if mention is not None])
        self._subjects.append(self._named_subjects[-1][0] if self._named_subjects[-1] else None)
        self._entities.append([_named(e, e.label_) for e in doc.ents if e.label_ in ACTOR_LABELS])

    def resolve(self, token: Token) -> Mention | None:
        """What ``token`` stands for, if it is an anaphor with a compatible antecedent."""
        labels = anaphor_labels(token)
        if labels is None:
            return None
        for subject in reversed(_subjects_before(token, reporting=True)):
            mention = self._named(subject, labels)
            if mention is not None:
                return mention
        recent = self._subjects[-self.lookback :]
        for mention in reversed(recent):
            if mention is not None and mention.label in labels:
                return mention
        if self._entities:
            for mention in self._entities[-1]:
                if mention.label in labels:
                    return mention
        return None

    def is_ambiguous(self, token: Token) -> bool:
        """Whether the sentence before offers ``token`` two different names to stand for.

        "it" and "they" are ambiguous after a sentence with two named subjects of
        a type they fit; "he" and "she" after a sentence naming two people, as
        nothing here knows who is a he or a she ("McLetchie was elected, with
        leader Annabel Goldie claiming ... She too announced ..."). A subject of
        a compatible type before the pronoun in its own sentence settles it
        ("Norway said it would host").
        """
        labels = anaphor_labels(token)
        if labels is None or not self._entities:
            return False
        if any(self._named(subject, labels) for subject in _subjects_before(token, reporting=True)):
            return False
        if labels == {"PERSON"}:  # a person is the same by last name: "David McLetchie"
            names = {m.text.split()[-1] for m in self._entities[-1] if m.label == "PERSON"}
        else:
            names = {m.text for m in self._named_subjects[-1] if m.label in labels}
        return len(names) > 1

    def _named(self, token: Token, labels: Iterable[str]) -> Mention | None:
        entity = entity_of(token)
        if entity is not None:
            return _named(entity, entity.label_) if entity.label_ in labels else None
        if anaphor_labels(token) is not None:
            resolved = self.resolve(token)
            return resolved if resolved is not None and resolved.label in labels else None
        return None


def is_shouted(doc: Doc) -> bool:
    """Whether ``doc`` is in capitals: three or more words of letters, none in lower case."""
    words = [token.text for token in doc if token.is_alpha and len(token.text) > 1]
    return len(words) >= 3 and all(word.isupper() for word in words)


def _subjects_before(
    token: Token | None, doc: Doc | None = None, *, reporting: bool = False
) -> list[Token]:
    """Subjects left to right, before ``token`` (or in all of ``doc``).

    Subjects of reporting verbs count only with ``reporting``: in its own sentence
    "Norway said it would host" makes Norway the antecedent of "it", but the source
    of a previous sentence is rarely what the next one is about.
    """
    doc = token.doc if token is not None else doc
    limit = token.i if token is not None else len(doc)
    found = []
    for candidate in doc[:limit]:
        if candidate.dep_ not in {"nsubj", "nsubjpass"} or candidate.tag_ in _RELATIVE_TAGS:
            continue
        if not reporting and candidate.head.lemma_.lower() in REPORTING_VERBS:
            continue
        found.append(candidate)
    return found


def _is_infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _named(span: Span, label: str) -> Mention:
    """The mention of ``span`` without a leading determiner or a trailing possessive.

    "the Taliban" -> "Taliban"; "the World Economic Forum's" -> "World Economic Forum".
    """
    words = span
    while len(words) > 1 and (words[0].dep_ == "det" or words[0].lower_ in {"the", "a", "an"}):
        words = words[1:]
    while len(words) > 1 and words[-1].tag_ == "POS":
        words = words[:-1]
    return Mention(words.text, label, words)


def preposition_objects(head: Token, words: Collection[str] | None = None) -> list[Token]:
    """The objects of ``head``'s prepositions among ``words`` (any, when ``None``).

    "guests of [the emperor]", "talks in [Doha]".
    """
    return [
        pobj
        for child in head.children
        if child.dep_ == "prep" and (words is None or child.lower_ in words)
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
