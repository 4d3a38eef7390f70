"""Question analysis: what kind of answer a question asks for, and what it already names.

:func:`analyse_question` parses a question with spaCy's full pipeline and reads
off, with general rules only:

- the **wh-word** ("who", "when", "where", "how many", "which", ...);
- the **expected answer types** as spaCy entity labels: *who* wants a person,
  an organisation, a country or city, or a group; *when* a date or time; *where*
  a place; *how many* / *how much* a number, quantity, amount of money or
  percentage; *which X* / *what X* the type of X (a country is a ``GPE``, an
  organisation an ``ORG``, a year a ``DATE``...). A question with no typed
  focus ("What did the Taliban ask for?") takes any noun phrase or number;
- the **predicate** the wh-word hangs on ("host" in "Who will host the
  talks?") and the **role** the answer plays for it (subject, object, ...),
  which an answer sentence should mirror;
- the question's **content terms** and **named entities**, which find the
  evidence and rule out candidate answers the question itself names.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.data import read_lines, read_table, word_set
from workbench.errors import QueryError
from workbench.nlp.lexicon import NOUN_TYPES
from workbench.text import term_key, without_surrogates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


def _label_table(name: str) -> dict[str, tuple[str, ...]]:
    """The table ``name`` as wh-word -> labels, in file order ("-" stands for no labels)."""
    return {
        word: () if labels == "-" else tuple(labels.split()) for word, labels in read_table(name)
    }


#: Question words, as they start a question; "how" combines with the next word.
WH_WORDS: tuple[str, ...] = read_lines("qa_wh_words.txt")

#: Entity labels each wh-word expects, most likely first.
WH_TYPES: dict[str, tuple[str, ...]] = _label_table("qa_wh_types.tsv")

#: Labels that still fit, less well: a place answering "where" may be tagged an
#: organisation ("at the United Nations"), a count may be written as money or percent.
WH_RELATED_TYPES: dict[str, tuple[str, ...]] = _label_table("qa_wh_related_types.tsv")

#: Nouns that frame a question rather than say what it is about ("the name of ...").
FRAME_NOUNS: frozenset[str] = word_set("qa_frame_nouns.txt")

#: Verbs of imperative questions ("Name the city ...").
IMPERATIVE_VERBS: frozenset[str] = word_set("qa_imperative_verbs.txt")

#: Words of the question frame that are never evidence terms.
FRAME_WORDS: frozenset[str] = frozenset(WH_WORDS) | FRAME_NOUNS | word_set("qa_naming_words.txt")

#: Fit of the first, second, third and further expected labels. Hand-set, not fitted: the
#: ranker's fitted weight of the fit feature (:mod:`workbench.qa.ranker`) scales them.
TYPE_RANK_FITS = (1.0, 0.9, 0.85, 0.6)

#: The longest question answered, in characters (hand-set: five times the longest of
#: SQuAD v1.1's 10,570 dev questions, 197 characters); a longer text is not one question.
MAX_QUESTION_CHARS = 1_000

#: Fit of candidates that are not noun phrases when any phrase may answer. Hand-set.
PHRASE_FITS = {"PROPN": 0.9, "DATE": 0.5, "TIME": 0.5, "NUM": 0.6, "CARDINAL": 0.6, "ORDINAL": 0.2}

#: Fit of a noun phrase not headed by the focus noun, and of any other label, when any
#: phrase may answer. Hand-set.
OTHER_PHRASE_FIT = 0.8

#: Fit of a bare number when a numeric label is expected. Hand-set.
BARE_NUMBER_FIT = 0.9

#: Fit of a noun phrase answering "where": a place that is not a name ("in the stroma").
#: Hand-set.
PLACE_PHRASE_FIT = 0.6

#: Fit of a related label (:data:`WH_RELATED_TYPES`) or of an untagged proper noun where a
#: name is expected. Hand-set.
RELATED_FIT = 0.5

#: Labels a bare number (``"NUM"``) may stand for.
NUMERIC_LABELS: frozenset[str] = word_set("qa_numeric_labels.txt")

#: Labels of amounts with a unit: a "how many"/"how much" focus of these types sets the type.
AMOUNT_LABELS: frozenset[str] = word_set("qa_amount_labels.txt")

#: Labels of names, which an untagged proper noun may stand for.
NAME_TYPES: frozenset[str] = word_set("qa_name_types.txt")

_ROLE_BY_DEP = {
    "nsubj": "subject",
    "csubj": "subject",
    "nsubjpass": "object",
    "dobj": "object",
    "attr": "complement",
    "poss": "possessor",
    "pobj": "prepositional",
    "pcomp": "prepositional",
}


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for and what it already says.

    Attributes
    ----------
    question : str
        The question as given.
    wh_word : str or None
        "who", "whom", "whose", "what", "which", "when", "where", "why", "how", or a
        "how" phrase ("how many", "how much", "how long"...); ``None`` for yes/no questions.
    answer_types : tuple of str
        spaCy entity labels an answer should have, most likely first. Empty when
        any noun phrase or number may answer ("What did X ask for?").
    related_types : tuple of str
        Labels that fit less well (a "where" answer tagged ``ORG``).
    focus : str or None
        Lemma of the noun the question asks about ("country" in "Which country ..."),
        or of the noun a copular "who"/"what" question defines ("minister").
    predicate : str or None
        Lemma of the verb the answer relates to ("host"), or of the focus noun when
        the question's verb is "be".
    role : str
        The answer's role for the predicate: "subject", "object", "complement",
        "possessor", "prepositional" or "adjunct".
    preposition : str or None
        For a "prepositional" role, the preposition ("for" in "What did X ask for?").
    terms : tuple of str
        Content words as :func:`term_key` forms, in question order, each once.
    lemmas : tuple of str
        The lemma of each term (same order), so "hosting" also finds "hosted".
    entities : tuple of tuple of str
        ``(text, label)`` of every named entity in the question.
    name_roles : tuple of tuple of str
        ``(text, role)`` of each named entity that is the subject or object of the
        predicate ("Pakistan", "subject" in "When will Pakistan host the talks?"):
        a sentence that gives that role to another name is about something else.
    asked : tuple of str
        Every wh-word the question asks, in question order, lowercased: "who",
        "which" and "when" in "Who hosted which talks, and when?". A wh-word of a
        relative or adverbial clause ("the summit *where* Blair spoke", "*when* he
        left") asks nothing. Two or more ask for a table of answers
        (:mod:`workbench.qa.event_rows`).
    """

    question: str
    wh_word: str | None
    answer_types: tuple[str, ...]
    related_types: tuple[str, ...] = ()
    focus: str | None = None
    predicate: str | None = None
    role: str = "adjunct"
    preposition: str | None = None
    terms: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    entities: tuple[tuple[str, str], ...] = ()
    name_roles: tuple[tuple[str, str], ...] = ()
    asked: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The question type used in reports: the wh-word, or "other"."""
        return self.wh_word or "other"

    @property
    def wants_calendar_point(self) -> bool:
        """Whether the answer is a point in time ("when", "which year"), not a duration."""
        if self.wh_word == "when":
            return True
        return self.wh_word in {"what", "which"} and self.answer_types[:1] == ("DATE",)

    @property
    def expected(self) -> str:
        """The expected answer type in words, e.g. ``"PERSON/ORG/GPE/NORP"`` or ``"phrase"``."""
        return "/".join(self.answer_types) if self.answer_types else "phrase"

    def type_fit(self, label: str, head: str | None = None) -> float:
        """How well a candidate labelled ``label`` (with head lemma ``head``) fits, in [0, 1].

        Expected labels fit by their rank in :attr:`answer_types`
        (:data:`TYPE_RANK_FITS`), related labels less (:data:`RELATED_FIT`).
        ``"NP"`` (a noun phrase), ``"NUM"`` (a bare number) and ``"PROPN"`` (an
        untagged proper noun) are the labels of candidates that are not named
        entities. When any phrase may answer, noun
        phrases headed by the focus noun fit best ("the green lineage" for "Which
        lineage ..."), then other noun phrases and names, then numbers and dates.
        """
        if not self.answer_types:
            if label == "NP":
                return 1.0 if self.focus is None or head == self.focus else OTHER_PHRASE_FIT
            return PHRASE_FITS.get(label, OTHER_PHRASE_FIT)
        if label in self.answer_types:
            return TYPE_RANK_FITS[min(self.answer_types.index(label), len(TYPE_RANK_FITS) - 1)]
        if label == "NUM":
            return BARE_NUMBER_FIT if NUMERIC_LABELS.intersection(self.answer_types) else 0.0
        if label == "NP" and self.wh_word == "where":
            return PLACE_PHRASE_FIT  # a place that is not a name: "in the stroma"
        if label in self.related_types or (
            label == "PROPN" and NAME_TYPES & set(self.answer_types)
        ):
            return RELATED_FIT
        return 0.0

    def to_dict(self) -> dict[str, object]:
        """The analysis as a JSON-ready dict."""
        return {
            "question": self.question,
            "wh_word": self.wh_word,
            "answer_types": list(self.answer_types),
            "related_types": list(self.related_types),
            "focus": self.focus,
            "predicate": self.predicate,
            "role": self.role,
            "preposition": self.preposition,
            "terms": list(self.terms),
            "entities": [list(entity) for entity in self.entities],
            "name_roles": [list(pair) for pair in self.name_roles],
            "asked": list(self.asked),
        }

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th>{html.escape(name)}</th><td>{html.escape(str(value))}</td></tr>"
            for name, value in self.to_dict().items()
        )
        return f"<table>{rows}</table>"


def analyse_question(question: str, *, nlp: Language | None = None) -> QuestionAnalysis:
    """Analyse ``question``: wh-word, expected answer types, predicate, terms, entities.

    Parameters
    ----------
    question : str
        A question in English.
    nlp : spacy.language.Language, optional
        A pipeline with a parser, tagger, lemmatizer and NER; by default
        ``workbench.nlp.pipeline.load_pipeline("full")``.

    Raises
    ------
    QueryError
        If the question is empty, longer than :data:`MAX_QUESTION_CHARS`, holds no
        word, or has only question and stop words ("Who is it?"): nothing to look for.

    Examples
    --------
    >>> analysis = analyse_question("Which country hosted the talks in April?")
    >>> analysis.wh_word, analysis.answer_types, analysis.focus, analysis.predicate
    ('which', ('GPE',), 'country', 'host')
    >>> analyse_question("When did the talks open?").answer_types
    ('DATE', 'TIME')
    """
    if not isinstance(question, str):
        raise TypeError(f"question must be a string; got {type(question).__name__}")
    question = without_surrogates(question)  # a command line's undecodable bytes
    if not question.strip():
        raise QueryError("the question is empty: ask something, e.g. 'Who hosted the talks?'")
    if len(question.strip()) > MAX_QUESTION_CHARS:
        raise QueryError(
            f"the question has {len(question.strip()):,} characters; a question may have at most "
            f"{MAX_QUESTION_CHARS:,}: ask about one thing at a time"
        )
    if nlp is None:
        from workbench.nlp.pipeline import load_pipeline

        nlp = load_pipeline("full")
    doc = nlp(question.strip())
    if not any(token.is_alpha or token.like_num for token in doc):
        raise QueryError(f"the question {question!r} has no words")
    analysis = _analyse(question, doc)
    if not analysis.terms:
        raise QueryError(
            f"the question {question!r} has only question and stop words: "
            "say what it is about, e.g. 'Who hosted the talks?'"
        )
    return analysis


def _analyse(question: str, doc: Doc) -> QuestionAnalysis:
    wh_token, wh_word = _find_wh(doc)
    focus_token = _focus(doc, wh_token, wh_word)
    focus = focus_token.lemma_.lower() if focus_token is not None else None
    answer_types, related = _expected_types(wh_word, focus)
    slot = wh_token
    if focus_token is not None and wh_token is not None and focus_token.i == wh_token.head.i:
        slot = focus_token  # "which country": the noun, not the determiner, has the role
    elif wh_token is None:
        slot = focus_token
    if wh_word and wh_word.startswith("how ") and wh_token is not None:
        slot = wh_token.head.head if wh_token.head.head.pos_ in {"NOUN", "PROPN"} else slot
    predicate_token = _predicate(doc, slot, focus_token)
    role, preposition = _role(slot, predicate_token, wh_word)
    if wh_token is None and focus_token is not None:
        predicate_token, role = _imperative_clause(focus_token, predicate_token, role)
    terms, lemmas = _content_terms(doc, wh_token)
    return QuestionAnalysis(
        question=question,
        wh_word=wh_word,
        answer_types=answer_types,
        related_types=related,
        focus=focus,
        predicate=predicate_token.lemma_.lower() if predicate_token is not None else None,
        role=role,
        preposition=preposition,
        terms=terms,
        lemmas=lemmas,
        entities=tuple((ent.text, ent.label_) for ent in doc.ents),
        name_roles=_name_roles(doc, predicate_token),
        asked=_asked(doc),
    )


#: Wh-word tags (Penn Treebank) and the clauses whose wh-words relate rather than ask.
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_SUBORDINATE = frozenset({"relcl", "advcl", "acl"})


def _asked(doc: Doc) -> tuple[str, ...]:
    """The wh-words the question asks: those outside relative and adverbial clauses."""
    asked = []
    for token in doc:
        if token.tag_ not in _WH_TAGS or token.lower_ == "that":
            continue
        if any(  # "where" heading "when" in "what, where and when" still asks
            ancestor.dep_ in _SUBORDINATE and ancestor.tag_ not in _WH_TAGS
            for ancestor in token.ancestors
        ):
            continue
        asked.append(token.lower_)
    return tuple(asked)


def _name_roles(doc: Doc, predicate: Token | None) -> tuple[tuple[str, str], ...]:
    """The named entities that are the predicate's subject or object, with that role.

    "hosted by Qatar" makes Qatar the subject (the agent) as "Qatar hosted" does.
    """
    if predicate is None or predicate.pos_ != "VERB":
        return ()
    found = []
    for entity in doc.ents:
        root = entity.root
        if root.lower_ in WH_WORDS:  # the tagger sometimes takes "Whom" for a name
            continue
        if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.i == predicate.i:
            found.append((entity.text, "subject"))
        elif root.head.i == predicate.i and root.dep_ in {"nsubj", "dobj", "nsubjpass"}:
            found.append((entity.text, "subject" if root.dep_ == "nsubj" else "object"))
    return tuple(found)


def _find_wh(doc: Doc) -> tuple[Token | None, str | None]:
    """The first wh-word, joined with its next word after "how" ("how many")."""
    if doc[0].lower_ in IMPERATIVE_VERBS and doc[0].pos_ == "VERB":  # "Name the city where ..."
        return None, "which"
    for token in doc:
        word = token.lower_
        if word not in WH_WORDS:
            continue
        if word == "how" and token.i + 1 < len(doc):
            phrase = f"how {doc[token.i + 1].lower_}"
            if phrase in WH_TYPES:
                return token, phrase
        return token, word
    return None, None


def _focus(doc: Doc, wh_token: Token | None, wh_word: str | None) -> Token | None:
    """The noun a "which"/"what"/"who"/"how many" question asks about, if any."""
    if wh_token is None:
        objects = [token for token in doc[0].children if token.dep_ == "dobj"]
        return _unframe(objects[0]) if wh_word == "which" and objects else None
    if wh_token.dep_ in {"det", "amod", "nummod"} and wh_token.head.pos_ in {"NOUN", "PROPN"}:
        return _unframe(wh_token.head)  # which country, what year
    if wh_word and wh_word.startswith("how ") and wh_token.head.head.pos_ == "NOUN":
        return wh_token.head.head  # how many soldiers
    of_phrase = [
        grandchild
        for child in wh_token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    if of_phrase:  # which of the countries
        return of_phrase[0]
    if wh_token.dep_ in {"attr", "nsubj"} and wh_token.head.lemma_ == "be":
        others = [
            token
            for token in wh_token.head.children
            if token.dep_ in {"nsubj", "attr"}
            and token.i != wh_token.i
            and token.pos_ in {"NOUN", "PROPN"}
        ]
        if others:  # who is the foreign minister; what is the capital of Qatar
            return _unframe(others[0])
    return None


def _unframe(noun: Token) -> Token:
    """Skip a framing noun: "the name of the city" -> "city"."""
    if noun.lemma_.lower() in FRAME_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [token for token in child.children if token.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return noun


def _expected_types(
    wh_word: str | None, focus: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if wh_word in {"which", "what", "who", "whom", "whose"} and focus in NOUN_TYPES:
        typed = NOUN_TYPES[focus]
        broader = WH_TYPES.get(wh_word, ())  # type: ignore[arg-type]
        return typed, tuple(label for label in broader if label not in typed)
    if wh_word in {"how many", "how much"} and focus in NOUN_TYPES:
        # "How many days ...?" is answered by "three days" or "a three-day ...", which
        # spaCy tags DATE; "how much money" by MONEY.
        units = tuple(label for label in NOUN_TYPES[focus] if label in AMOUNT_LABELS)
        if units:
            counts = WH_TYPES[wh_word]
            return units + tuple(label for label in counts if label not in units), (
                WH_RELATED_TYPES.get(wh_word, ())
            )
    if wh_word in WH_TYPES:
        return WH_TYPES[wh_word], WH_RELATED_TYPES.get(wh_word, ())
    return (), ()


def _predicate(doc: Doc, slot: Token | None, focus: Token | None) -> Token | None:
    """The content verb the answer relates to, or the focus noun of a copular question."""

    def content_verb(token: Token) -> bool:
        imperative = token.i == 0 and token.lower_ in IMPERATIVE_VERBS
        return token.pos_ == "VERB" and token.lemma_ != "be" and not imperative

    if slot is not None:
        for token in (slot, *slot.ancestors):
            if content_verb(token):
                return token
    verbs = [token for token in doc if content_verb(token)]
    if verbs:
        return min(verbs, key=lambda token: len(list(token.ancestors)))
    return focus


def _imperative_clause(
    focus: Token, predicate: Token | None, role: str
) -> tuple[Token | None, str]:
    """In "Name the city where the talks opened", the answer relates to "opened"."""
    for clause in focus.children:
        if clause.dep_ != "relcl":
            continue
        for child in clause.children:
            if child.lower_ in {"where", "when"}:
                return clause, "adjunct"
            if child.lower_ in {"who", "which", "that"}:
                return clause, _ROLE_BY_DEP.get(child.dep_, "adjunct")
        return clause, "object"
    return predicate, role


def _role(
    slot: Token | None, predicate: Token | None, wh_word: str | None
) -> tuple[str, str | None]:
    if slot is None or wh_word in {"when", "where", "why", "how"}:
        return "adjunct", None
    if wh_word == "whom":
        return "object", None
    if predicate is not None and predicate.pos_ != "VERB":
        return "complement", None
    role = _ROLE_BY_DEP.get(slot.dep_, "adjunct")
    if wh_word and wh_word.startswith("how "):
        role = "count" if wh_word in {"how many", "how much"} else "adjunct"
    if role == "subject" and any(
        child.dep_ == "nsubj" and child.i != slot.i for child in slot.head.children
    ):
        role = "object"  # "Whom did X meet" parsed with two subjects
    if role == "prepositional":
        return role, slot.head.lower_
    return role, None


def _content_terms(doc: Doc, wh_token: Token | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Content words of the question (no stop words, question frame or punctuation)."""
    keys: dict[str, str] = {}
    for token in doc:
        if token.is_punct or token.is_space or (wh_token is not None and token.i == wh_token.i):
            continue
        if token.is_stop and not token.like_num:  # spaCy counts "three" as a stop word
            continue
        if token.lower_ in FRAME_WORDS or token.pos_ in {"AUX", "DET", "ADP", "PRON", "CCONJ"}:
            continue
        if not (token.is_alpha or token.like_num or any(ch.isalnum() for ch in token.text)):
            continue
        keys.setdefault(term_key(token.text), term_key(token.lemma_))
    return tuple(keys), tuple(keys.values())
