"""Candidate answers in one evidence sentence, and the features that rank them.

A candidate is a span of a parsed sentence that could answer the question: a
named entity, a date or number spaCy left untagged, or, for questions without a
typed focus, a noun phrase (with its "of" phrase: "the release of 7,000
militants"). Each keeps raw-text offsets, so an answer always cites its place.

The features are general and each lies in [0, 1]:

- ``fit``: how well the candidate's label fits the expected answer types;
- ``slot``: whether the candidate fills, for the sentence's copy of the question's
  predicate, the role the wh-word fills in the question (the subject of "host",
  the agent of "led by", the date attached to "made");
- ``closeness``: how near the candidate is, along the dependency tree, to that
  predicate and to the other question terms found in the sentence.

Candidates the question itself names ("Doha" in "Who rejoined the talks in
Doha?") are left out, and so are markup and web addresses (:func:`is_clean_span`).
A pronoun that fills the question's role is no answer itself
(:func:`anaphor_candidates`); the name it stands for is (:func:`stand_in`). A
candidate in the phrase filling the predicate's other role
(:func:`fills_other_role`: part of what was hosted, for "Who hosted ...?") is
ruled out by the answerer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbench.nlp.syntax import anaphor_labels
from workbench.qa.analysis import QuestionAnalysis
from workbench.text import term_key
from workbench.text import words as word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Candidates longer than this are not short answers.
MAX_ANSWER_WORDS = 8

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)  # fmt: skip
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)

#: Words that pin a date expression to the calendar (with digits, months and weekdays).
CALENDAR_WORDS = (
    WEEKDAYS
    | MONTH_NAMES
    | frozenset({"today", "yesterday", "tomorrow", "tonight", "noon", "midnight"})
    | frozenset(month[:3] for month in MONTH_NAMES)
)

#: Prepositions whose object is a place.
LOCATIVE_PREPOSITIONS = frozenset(
    "in at on into inside within near between from across throughout outside around".split()
)

#: Labels of entities that name something (as opposed to numbers and dates).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)

#: Labels of amounts, which may be followed by their unit ("4 billion euros").
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "NUM"})

#: Modifiers that put a title in the past: "former president X" is not "the president".
PAST_TITLE_WORDS = frozenset({"former", "ex", "late", "previous", "erstwhile"})

#: Slot credit of a number that counts the asked-for noun or hangs on the predicate, not both.
HALF_COUNT_SLOT = 0.5

_SUBJECT_DEPS = {"nsubj", "csubj"}
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_CHAIN_DEPS = {"xcomp", "acomp", "conj", "ccomp"}
#: Dependencies of the phrase that fills the other core role of a subject or object question.
_OTHER_ROLE_DEPS = {"subject": {"dobj", "nsubjpass"}, "object": {"nsubj", "agent"}}
_QUOTES = set("\"'“”‘’«»()[]")
#: Web addresses and the target of a Markdown link ("](http://..."): never part of an answer.
_ADDRESS = re.compile(r"\]\([^)\s]*\)?|\b(?:https?://|www\.)[^\s)\]]+")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of an evidence sentence that might answer the question.

    Attributes
    ----------
    text : str
        The span as written (``document.raw[start:end]``).
    label : str
        A spaCy entity label, ``"NUM"`` for a bare number, ``"PROPN"`` for a proper
        noun phrase spaCy did not tag, ``"NP"`` for another noun phrase, or
        ``"PRON"`` for a pronoun, which answers only through :func:`stand_in`.
    start, end : int
        Raw-text offsets.
    key : str
        Normalised text, the same for "the Taliban" and "Taliban's".
    words : tuple of str
        Normalised content words (for agreement and for ruling out).
    root : int
        Index of the span's syntactic head in the parsed sentence.
    tokens : tuple of int
        ``(first, last + 1)`` token indices of the span in the parsed sentence.
    head : str
        Lower-case lemma of the span's head ("lineage" in "the green lineage").

    A candidate reached through a pronoun (see :func:`stand_in`) has the text,
    offsets, label and words of the name the pronoun stands for, and the
    ``root`` and ``tokens`` of the pronoun: where it fills its role.
    """

    text: str
    label: str
    start: int
    end: int
    key: str
    words: tuple[str, ...]
    root: int
    tokens: tuple[int, int]
    head: str


def extract_candidates(doc: Doc, offset: int, analysis: QuestionAnalysis) -> list[Candidate]:
    """Every candidate answer in the parsed sentence ``doc`` that the question does not name.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The sentence, parsed with the full pipeline.
    offset : int
        Where the sentence starts in its document's raw text.
    analysis : QuestionAnalysis
        The question; it decides whether noun phrases are candidates.
    """
    spans: list[tuple[Span, str]] = [(ent, ent.label_) for ent in doc.ents]
    in_entity = {token.i for ent in doc.ents for token in ent}
    for token in doc:
        if token.i in in_entity:
            continue
        if token.lower_ in WEEKDAYS or (token.lower_ in MONTH_NAMES and token.is_title):
            spans.append((doc[token.i : token.i + 1], "DATE"))
        elif token.tag_ == "CD" or (token.like_num and token.pos_ == "NUM"):
            spans.append((doc[token.i : token.i + 1], "NUM"))
    for chunk in doc.noun_chunks:
        if chunk.root.pos_ == "PRON" or chunk.root.tag_ in {"WDT", "WP"}:
            continue
        overlaps_entity = any(token.i in in_entity for token in chunk)
        if chunk.root.pos_ == "PROPN" and not overlaps_entity:
            spans.append((chunk, "PROPN"))
        elif not analysis.answer_types or (
            analysis.wh_word == "where" and _is_locative(chunk.root)
        ):  # "the release" says little without "of 7,000 militants"
            spans.append((_with_of_phrase(doc, chunk) or chunk, "NP"))
    question_words = _question_words(analysis)
    addresses = [match.span() for match in _ADDRESS.finditer(doc.text)]
    seen: set[tuple[int, int]] = set()
    candidates: list[Candidate] = []
    for span, label in spans:
        trimmed = _trim(span)
        if trimmed is None or (trimmed.start, trimmed.end) in seen:
            continue
        if not is_clean_span(trimmed.text) or any(
            start < trimmed.end_char and trimmed.start_char < end for start, end in addresses
        ):
            continue
        seen.add((trimmed.start, trimmed.end))
        if _named_in_question(trimmed, question_words):
            continue
        if analysis.wh_word != "how many":  # a count answers "how many", not the counted noun
            trimmed = _with_unit(trimmed, label, question_words)
        candidate = _candidate(trimmed, label, offset)
        if candidate is None:
            continue
        candidates.append(candidate)
    return candidates


def is_clean_span(text: str) -> bool:
    """Whether ``text`` can be a short answer: it has a letter or digit and whole brackets.

    Markup split by the tagger ("start](http://example.com", "(Donald") is not an
    answer, nor is a web address.

    Examples
    --------
    >>> is_clean_span("Donald (Don) Smith"), is_clean_span("start](http://example.com")
    (True, False)
    >>> is_clean_span("--"), is_clean_span("www.example.com")
    (False, False)
    """
    if not any(char.isalnum() for char in text) or _ADDRESS.search(text):
        return False
    stack: list[str] = []
    for char in text:
        if char in _BRACKETS:
            stack.append(_BRACKETS[char])
        elif char in _BRACKETS.values() and (not stack or stack.pop() != char):
            return False
    return not stack


def anaphor_candidates(doc: Doc, offset: int) -> list[Candidate]:
    """The pronouns and definite descriptions of ``doc`` that may stand for an answer.

    "it", "they", "he" and "the country" (:func:`workbench.nlp.syntax.anaphor_labels`),
    labelled ``"PRON"``, with no words of their own: they answer only through the
    name they stand for (:func:`stand_in`).
    """
    found = []
    for token in doc:
        if anaphor_labels(token) is None:
            continue
        span = doc[token.i : token.i + 1]
        if token.pos_ == "NOUN":  # "the country": the whole description
            span = doc[min(token.i, *(child.i for child in token.lefts)) : token.i + 1]
        found.append(
            Candidate(
                text=span.text,
                label="PRON",
                start=offset + span.start_char,
                end=offset + span.end_char,
                key="",
                words=(),
                root=token.i,
                tokens=(span.start, span.end),
                head=token.lemma_.lower(),
            )
        )
    return found


def stand_in(
    anaphor: Candidate, name: Span, label: str, offset: int, analysis: QuestionAnalysis
) -> Candidate | None:
    """The candidate an anaphor stands for: the words and offsets of ``name``, its place.

    ``name`` is the antecedent's span in its own parsed sentence, which starts at
    raw offset ``offset``. ``None`` when the question itself names it ("When did
    Pakistan host ...?" is not answered by the "Pakistan" that "it" stands for).
    """
    trimmed = _trim(name)
    if trimmed is None or _named_in_question(trimmed, _question_words(analysis)):
        return None
    named = _candidate(trimmed, label, offset)
    if named is None:
        return None
    return replace(named, root=anaphor.root, tokens=anaphor.tokens)


def names_calendar_point(candidate: Candidate) -> bool:
    """Whether a date candidate names a point on the calendar, not a vague span.

    "October 12", "1989", "Saturday", "mid-April" and "yesterday" say when;
    "recent months", "a decade" and "the past" do not, though spaCy tags them
    ``DATE`` too. A "when" question prefers the former.

    Examples
    --------
    >>> def date(text):
    ...     return Candidate(text, "DATE", 0, len(text), text, tuple(text.split()), 0, (0, 1), "")
    >>> names_calendar_point(date("mid-April")), names_calendar_point(date("recent months"))
    (True, False)
    """
    for word in re.findall(r"[^\W_]+", candidate.text.lower()):
        if word in CALENDAR_WORDS or any(char.isdigit() for char in word):
            return True
    return False


def _is_locative(token: Token) -> bool:
    """The object of a preposition of place ("in the stroma", "at the test site")."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _with_of_phrase(doc: Doc, chunk: Span) -> Span | None:
    """``chunk`` with its "of" noun phrase: "the release" -> "the release of 7,000 militants"."""
    for child in chunk.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == chunk.end:
            objects = [token for token in child.children if token.dep_ == "pobj"]
            if objects:
                chunk_end = objects[0].i + 1
                for other in doc.noun_chunks:
                    if other.root.i == objects[0].i:
                        chunk_end = other.end
                extended = doc[chunk.start : chunk_end]
                return extended if len(extended.text.split()) <= MAX_ANSWER_WORDS else None
    return None


def _with_unit(span: Span, label: str, question_words: frozenset[str]) -> Span:
    """A number with the noun it counts, unless the question names that noun.

    spaCy often tags "4 billion" in "4 billion euros" as a bare number; the answer to
    "how much" is the amount with its unit. "How many miners ...?" already names the
    unit, so "12 miners" stays "12".
    """
    if label not in NUMBER_LABELS:
        return span
    head = span.root.head
    if (
        span.root.dep_ == "nummod"
        and head.i == span.end
        and head.pos_ == "NOUN"
        and term_key(head.lemma_) not in question_words
        and term_key(head.text) not in question_words
    ):
        return span.doc[span.start : head.i + 1]
    return span


def _trim(span: Span) -> Span | None:
    """Drop leading determiners, quotes and verbs, and a trailing possessive or punctuation.

    A verb is never part of a short answer: spaCy sometimes lets a date take in
    the verb before it ("will last three weeks" tagged "last three weeks").
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (doc[start].dep_ in {"det", "poss"} and doc[start].tag_ in {"DT", "PRP$", "WDT"})
        or doc[start].is_punct
        or doc[start].text in _QUOTES
        or doc[start].pos_ in {"VERB", "AUX"}
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    trimmed = doc[start:end]
    return trimmed if len(trimmed.text.split()) <= MAX_ANSWER_WORDS else None


def _candidate(span: Span, label: str, offset: int) -> Candidate | None:
    words = tuple(term_key(token.text) for token in span if _is_content(token))
    if not words:
        return None
    text = span.text
    return Candidate(
        text=text,
        label=label,
        start=offset + span.start_char,
        end=offset + span.end_char,
        key=" ".join(words),
        words=words,
        root=span.root.i,
        tokens=(span.start, span.end),
        head=span.root.lemma_.lower(),
    )


def _question_words(analysis: QuestionAnalysis) -> frozenset[str]:
    """The question's terms, lemmas, the words of its names and their acronyms.

    "General Agreement on Tariffs and Trade" also gives "gatt": the article's
    "GATT" is then named by the question, not an answer to it.
    """
    entity_words = {term_key(word) for text, _label in analysis.entities for word in text.split()}
    acronyms = {
        "".join(word[0] for word in capitalised).lower()
        for text, _label in analysis.entities
        if len(capitalised := [word for word in text.split() if word[:1].isupper()]) >= 2
    }
    return frozenset(analysis.terms) | frozenset(analysis.lemmas) | entity_words | acronyms


def _is_content(token: Token) -> bool:
    """A word that says what a span is: not punctuation, not a stop word unless a number.

    spaCy lists "three" and "five" as stop words; in "three-day" the number is what
    tells the answer from the question's "How many days".
    """
    return not token.is_punct and (not token.is_stop or token.like_num)


def _named_in_question(span: Span, question_words: frozenset[str]) -> bool:
    """True when every content word of ``span`` is a word of the question."""
    content = [token for token in span if _is_content(token)]
    return all(
        term_key(token.text) in question_words or term_key(token.lemma_) in question_words
        for token in content
    )


# -- matching the question in a sentence -----------------------------------------------------


def matched_terms(doc: Doc, analysis: QuestionAnalysis) -> dict[int, list[int]]:
    """For each question term (by position in ``analysis.terms``), the tokens that match it.

    A token matches by its normalised text or its lemma, so "hosted" matches
    "hosting" and "months" matches "month".
    """
    index: dict[str, int] = {}
    for position, (term, lemma) in enumerate(zip(analysis.terms, analysis.lemmas, strict=True)):
        index.setdefault(term, position)
        index.setdefault(lemma, position)
    found: dict[int, list[int]] = {}
    for token in doc:
        position = index.get(term_key(token.text), index.get(term_key(token.lemma_)))
        if position is not None:
            found.setdefault(position, []).append(token.i)
    return found


def anchor_tokens(
    doc: Doc, analysis: QuestionAnalysis, matches: dict[int, list[int]] | None = None
) -> tuple[list[int], bool]:
    """Tokens of ``doc`` that stand for the question's predicate, and whether they are exact.

    Exact anchors have the predicate's lemma. A sentence may say the same thing
    with another verb ("talks are under way in Doha" for "talks are held"): then
    the verb that governs most of the matched question terms stands in for it.
    """
    if analysis.predicate is not None:
        predicate = term_key(analysis.predicate)
        exact = [
            token.i
            for token in doc
            if term_key(token.lemma_) == predicate or term_key(token.text) == predicate
        ]
        if exact:
            return exact, True
    if not matches:
        return [], False
    governed: dict[int, int] = {}
    for token_ids in matches.values():
        for verb in {_governing_verb(doc[i]) for i in token_ids} - {None}:
            governed[verb] = governed.get(verb, 0) + 1
    if not governed:
        return [], False
    most = max(governed.values())
    return sorted(verb for verb, count in governed.items() if count == most), False


def _governing_verb(token: Token) -> int | None:
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.i
    return None


def dependency_distance(first: Token, second: Token) -> int:
    """Number of arcs between two tokens of one parse (token distance + 2 across trees)."""
    if first.i == second.i:
        return 0
    depth = {first.i: 0}
    for steps, ancestor in enumerate(first.ancestors, start=1):
        depth[ancestor.i] = steps
    if second.i in depth:
        return depth[second.i]
    for steps, ancestor in enumerate(second.ancestors, start=1):
        if ancestor.i in depth:
            return depth[ancestor.i] + steps
    return abs(first.i - second.i) + 2


def closeness(
    doc: Doc,
    candidate: Candidate,
    anchors: Sequence[int],
    matches: dict[int, list[int]],
    weights: Sequence[float],
) -> float:
    """How near ``candidate`` is to the predicate and the matched question terms, in [0, 1].

    Each distance ``d`` (arcs in the dependency tree) counts as ``exp(-(d - 1) / 3)``:
    1 for a direct neighbour, about a third four arcs away. The predicate counts as
    much as all other terms together, because the answer is an argument of it.
    """
    root = doc[candidate.root]
    inside = set(range(*candidate.tokens))

    def near(token_ids: Iterable[int]) -> float:
        distances = [dependency_distance(root, doc[i]) for i in token_ids if i not in inside]
        return math.exp(-(min(distances) - 1) / 3) if distances else 0.0

    total = sum(weights[position] for position in matches)
    terms = (
        sum(weights[position] * near(ids) for position, ids in matches.items()) / total
        if total
        else 0.0
    )
    outside = [i for i in anchors if i not in inside]
    return 0.5 * near(outside) + 0.5 * terms if outside else terms


# -- the role the answer plays ----------------------------------------------------------------


def slot_match(
    doc: Doc, candidate: Candidate, anchors: Sequence[int], analysis: QuestionAnalysis
) -> float:
    """1 when the candidate fills the question's role for a copy of its predicate, else 0.

    Roles follow the question: the subject of an active verb is also the agent
    of a passive one ("led by X") or the noun a relative clause hangs on
    ("Pakistan, which facilitated ..."); an object is also a passive subject;
    a copular question's noun is matched by apposition or compound ("Foreign
    Minister Sergei Lavrov"); "when"/"where" answers hang on the predicate
    through a preposition; a "how many" answer counts a noun next to it.

    A "how many X" answer fills the role fully when it both counts X ("27 soldiers"
    for "How many soldiers ...?") and hangs on the predicate; doing only one of
    the two ("up to 15 injured", "participation from 12 countries") earns
    :data:`HALF_COUNT_SLOT`.
    """
    root = doc[candidate.root]
    filled = _fills_for_an_anchor(doc, root, candidate, anchors, analysis)
    if analysis.role != "count" or analysis.focus is None:
        return 1.0 if filled else 0.0
    counts = _counts(root, analysis.focus)
    if counts and filled:
        return 1.0
    return HALF_COUNT_SLOT if counts or filled else 0.0


def fills_other_role(
    doc: Doc, candidate: Candidate, anchors: Sequence[int], analysis: QuestionAnalysis
) -> bool:
    """Whether the candidate lies in the phrase that fills the predicate's *other* core role.

    Asked who hosted, "Taliban" in "it hosted the Afghan Taliban delegation" is
    part of what was hosted, and asked whom X hosted, the host's phrase is not
    the answer. Only for subject and object questions.
    """
    if analysis.role not in _OTHER_ROLE_DEPS:
        return False
    deps = _OTHER_ROLE_DEPS[analysis.role]
    root = doc[candidate.root]
    for anchor_id in anchors:
        for child in doc[anchor_id].children:
            if child.dep_ in deps and (child.i == root.i or child.is_ancestor(root)):
                return True
    return False


def role_fillers(doc: Doc, anchors: Sequence[int], role: str) -> list[Token]:
    """The tokens of ``doc`` that are the ``role`` ("subject" or "object") of an anchor.

    Read as :func:`slot_match` reads roles: "Moscow gets ready to host" makes
    Moscow the subject of "host", and "talks hosted by Doha" Doha.
    """
    check = _is_subject if role == "subject" else _is_object
    return [
        token
        for token in doc
        if any(token.i != anchor and check(token, doc[anchor]) for anchor in anchors)
    ]


def _fills_for_an_anchor(
    doc: Doc, root: Token, candidate: Candidate, anchors: Sequence[int], analysis: QuestionAnalysis
) -> bool:
    heads = _equivalents(root)
    inside = range(*candidate.tokens)
    for anchor_id in anchors:
        if anchor_id in inside:
            continue
        anchor = doc[anchor_id]
        # "special envoy Zamir Kabulov": the name is apposed to the anchor itself, which
        # is then one of its equivalents but must still be tried as what it describes.
        if any(_fills(token, anchor, analysis) for token in heads if token.i != anchor.i):
            return True
    return False


def _counts(number: Token, noun: str | None) -> bool:
    """Whether ``number`` counts a ``noun`` (by lemma): "27 soldiers", "12 countries"."""
    counted = number.head if number.dep_ in {"nummod", "quantmod"} else number
    return counted.i != number.i and counted.lemma_.lower() == noun


def _equivalents(token: Token) -> list[Token]:
    """The token and those it is apposed or coordinated with: all fill the same role."""
    found = [token]
    if token.dep_ in {"appos", "conj"}:
        found.append(token.head)
    found += [child for child in token.children if child.dep_ == "appos"]
    return found


def _fills(token: Token, anchor: Token, analysis: QuestionAnalysis) -> bool:
    role = analysis.role
    if role == "subject":
        return _is_subject(token, anchor)
    if role == "object":
        return _is_object(token, anchor)
    if role == "complement":
        return _describes(token, anchor, frozenset(word_list(analysis.question)))
    if role == "possessor":
        return token.dep_ == "poss" and token.head.head.i == anchor.i
    if role == "prepositional":
        return (
            token.dep_ == "pobj"
            and token.head.head.i == anchor.i
            and (analysis.preposition is None or token.head.lower_ == analysis.preposition)
        )
    if role == "count":
        counted = token.head if token.dep_ in {"nummod", "quantmod"} else token
        return counted.head.i == anchor.i or anchor.head.i == counted.i
    return _is_adjunct(token, anchor)


def _is_subject(token: Token, anchor: Token) -> bool:
    verbs = [anchor]
    verb = anchor
    while (
        verb.dep_ in _CHAIN_DEPS
        and verb.head.i != verb.i
        and len(verbs) < 4
        and not any(child.dep_ in _SUBJECT_DEPS for child in verb.children)
    ):
        # "Moscow gets ready to host": the subject of the governing verb. A verb with a
        # subject of its own keeps it: in "X will rejoin the talks, it added", "it" is the
        # speaker, not who rejoins.
        verb = verb.head
        verbs.append(verb)
    if token.dep_ in _SUBJECT_DEPS and any(token.head.i == verb.i for verb in verbs):
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == anchor.i:
        return True  # "the delegation led by Baradar"
    if anchor.dep_ == "relcl" and anchor.head.i == token.i:  # "Pakistan, which facilitated"
        return any(
            child.dep_ in _SUBJECT_DEPS and child.tag_ in {"WDT", "WP"} for child in anchor.children
        )
    return anchor.dep_ == "acl" and anchor.head.i == token.i and anchor.tag_ == "VBG"


def _is_object(token: Token, anchor: Token) -> bool:
    if token.dep_ in _OBJECT_DEPS and token.head.i == anchor.i:
        return True
    if anchor.dep_ == "acl" and anchor.head.i == token.i and anchor.tag_ == "VBN":
        return True  # "the delegation hosted in October"
    if anchor.dep_ == "relcl" and anchor.head.i == token.i:
        return any(
            child.dep_ in {"dobj", "nsubjpass"} and child.tag_ in {"WDT", "WP"}
            for child in anchor.children
        )
    return token.dep_ == "pobj" and token.head.dep_ == "dative" and token.head.head.i == anchor.i


def _describes(token: Token, anchor: Token, question_words: frozenset[str]) -> bool:
    """Apposition, compound title or copula between the candidate and the question's noun.

    A title the sentence qualifies as past ("former Afghan president Hamid Karzai")
    describes the candidate only when the question asks about a past holder too
    ("Who was the former president?"), and the other way round;
    ``question_words`` are all the question's words, stop words included, as
    :func:`workbench.text.words` gives them.
    """
    past_title = any(
        child.dep_ in {"amod", "advmod", "compound"} and child.lower_ in PAST_TITLE_WORDS
        for child in anchor.children
    )
    if past_title != bool(PAST_TITLE_WORDS & question_words):
        return False
    if anchor.head.i == token.i and anchor.dep_ in {"appos", "compound", "nmod", "amod"}:
        return True
    if token.head.i == anchor.i and token.dep_ in {"appos", "compound", "nmod"}:
        return True
    return (
        token.head.i == anchor.head.i
        and token.head.lemma_ == "be"
        and {token.dep_, anchor.dep_} <= {"nsubj", "attr"}
    )


def _is_adjunct(token: Token, anchor: Token) -> bool:
    """Hangs on the predicate directly or through a preposition (at most one noun between)."""
    if token.dep_ in {"npadvmod", "advmod", "tmod", "nmod", "obl"} and token.head.i == anchor.i:
        return True
    if token.dep_ == "appos" and token.head.dep_ == "pobj":
        token = token.head  # "in the Qatari capital, Doha"
    if token.dep_ not in {"pobj", "pcomp"}:
        return False
    attachment = token.head.head
    if attachment.i == anchor.i:
        return True
    return attachment.head.i == anchor.i and attachment.dep_ in {"dobj", "nsubjpass", "attr"}
