"""Candidate answers in one evidence sentence: what a candidate is and how they are found.

A candidate is a span of a parsed sentence that could answer the question: a
named entity, a date or number spaCy left untagged, or, for questions without a
typed focus, a noun phrase (with its "of" phrase: "the release of 7,000
militants"). Each keeps raw-text offsets, so an answer always cites its place.

Candidates the question itself names ("Doha" in "Who rejoined the talks in
Doha?") are left out, and so are markup and web addresses (:func:`is_clean_span`).
A pronoun that fills the question's role is no answer itself
(:func:`anaphor_candidates`); the name it stands for is (:func:`stand_in`).

What ranks them is elsewhere: where the question's terms and predicate are in
the sentence and how near a candidate is to them (:mod:`workbench.qa.matching`),
and the role it plays for the predicate (:mod:`workbench.qa.roles`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.dates import names as calendar_names
from workbench.nlp.arrays import TokenArrays, token_arrays
from workbench.nlp.coreference import NAME_FILLERS
from workbench.nlp.syntax import anaphor_labels
from workbench.qa.analysis import QuestionAnalysis
from workbench.text import term_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Candidates longer than this are not short answers. Hand-set.
MAX_ANSWER_WORDS = 8

WEEKDAYS = frozenset(calendar_names.WEEKDAY_NAMES)
MONTH_NAMES = frozenset(calendar_names.MONTH_NAMES)

#: Words that pin a date expression to the calendar (with digits, months and weekdays).
CALENDAR_WORDS = (
    WEEKDAYS
    | MONTH_NAMES
    | word_set("qa_calendar_point_words.txt")
    | frozenset(month[:3] for month in MONTH_NAMES)
)

#: Prepositions whose object is a place.
LOCATIVE_PREPOSITIONS: frozenset[str] = word_set("qa_locative_prepositions.txt")

#: Labels of entities that name something (as opposed to numbers and dates).
NAME_LABELS: frozenset[str] = word_set("qa_name_labels.txt")

#: Labels of amounts, which may be followed by their unit ("4 billion euros").
NUMBER_LABELS: frozenset[str] = word_set("qa_number_labels.txt")

_QUOTES = set("\"'“”‘’«»()[]")

#: Signs that end an amount and are part of it, though Unicode counts them punctuation.
_UNIT_SIGNS = frozenset("%‰")
#: Web addresses and the target of a Markdown link ("](http://..."): never part of an answer.
_ADDRESS = re.compile(r"\]\([^)\s]*\)?|\b(?:https?://|www\.)[^\s)\]]+")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_SIGNS = frozenset(_BRACKETS) | frozenset(_BRACKETS.values())
_MARKUP = frozenset("<>")


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
    arrays = token_arrays(doc)
    lower, pos, tag = arrays.lower, arrays.pos, arrays.tag
    spans: list[tuple[tuple[int, int], str]] = [
        ((start, end), label) for start, end, label, _root in arrays.ents
    ]
    in_entity = {i for start, end, _label, _root in arrays.ents for i in range(start, end)}
    for i in range(len(arrays)):
        if i in in_entity:
            continue
        if lower[i] in WEEKDAYS or (lower[i] in MONTH_NAMES and arrays.is_title[i]):
            spans.append(((i, i + 1), "DATE"))
        elif tag[i] == "CD" or (arrays.like_num[i] and pos[i] == "NUM"):
            spans.append(((i, i + 1), "NUM"))
    for start, end, root in arrays.noun_chunks:
        if pos[root] == "PRON" or tag[root] in {"WDT", "WP"}:
            continue
        overlaps_entity = any(i in in_entity for i in range(start, end))
        if pos[root] == "PROPN" and not overlaps_entity:
            spans.append(((start, end), "PROPN"))
        elif not analysis.answer_types or (
            analysis.wh_word == "where" and _is_locative(arrays, root)
        ):  # "the release" says little without "of 7,000 militants"
            spans.append((_with_of_phrase(arrays, start, end, root) or (start, end), "NP"))
    question_words = question_words_of(analysis)
    addresses = [match.span() for match in _ADDRESS.finditer(arrays.string)]
    seen: set[tuple[int, int]] = set()
    candidates: list[Candidate] = []
    for (first, last), label in spans:
        trimmed = _trim_at(arrays, first, last)
        if trimmed is None or trimmed in seen:
            continue
        start_char, end_char = arrays.idx[trimmed[0]], arrays.end_char(trimmed[1])
        if not is_clean_span(arrays.span_text(*trimmed)) or any(
            start < end_char and start_char < end for start, end in addresses
        ):
            continue
        seen.add(trimmed)
        if keys_in_question(content_keys_at(arrays, *trimmed), question_words):
            continue
        if analysis.wh_word != "how many":  # a count answers "how many", not the counted noun
            trimmed = _with_unit(arrays, *trimmed, label, question_words)
        candidate = candidate_at(arrays, *trimmed, label, offset)
        if candidate is None:
            continue
        candidates.append(candidate)
    return candidates


def is_clean_span(text: str) -> bool:
    """Whether ``text`` can be a short answer: it has a letter or digit and whole brackets.

    Markup split by the tagger ("start](http://example.com", "(Donald") is not an
    answer, nor is a web address, nor anything with an angle bracket (newswire's
    company tags: "PANTRY INC> INB", "<RRCO>").

    Examples
    --------
    >>> is_clean_span("Donald (Don) Smith"), is_clean_span("start](http://example.com")
    (True, False)
    >>> is_clean_span("--"), is_clean_span("www.example.com"), is_clean_span("RRCO>")
    (False, False, False)
    """
    if not any(map(str.isalnum, text)) or _ADDRESS.search(text) or not _MARKUP.isdisjoint(text):
        return False
    if _BRACKET_SIGNS.isdisjoint(text):
        return True  # most spans: no bracket to match
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
    if trimmed is None or named_in_question(trimmed, question_words_of(analysis)):
        return None
    named = candidate_of(trimmed, label, offset)
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


def _is_locative(arrays: TokenArrays, token: int) -> bool:
    """The object of a preposition of place ("in the stroma", "at the test site")."""
    return arrays.dep[token] == "pobj" and arrays.lower[arrays.head[token]] in LOCATIVE_PREPOSITIONS


def _with_of_phrase(arrays: TokenArrays, start: int, end: int, root: int) -> tuple[int, int] | None:
    """A noun chunk with its "of" noun phrase: "the release" -> "the release of 7,000 militants".

    ``start``, ``end`` and ``root`` are the chunk's bounds and the position of its
    root; the result is the bounds of the longer span, if short enough.
    """
    dep, lower = arrays.dep, arrays.lower
    for child in arrays.children[root]:
        if dep[child] == "prep" and lower[child] == "of" and child == end:
            objects = [token for token in arrays.children[child] if dep[token] == "pobj"]
            if objects:
                chunk_end = objects[0] + 1
                for _start, other_end, other_root in arrays.noun_chunks:
                    if other_root == objects[0]:
                        chunk_end = other_end
                extended = (start, chunk_end)
                words = len(arrays.span_text(*extended).split())
                return extended if words <= MAX_ANSWER_WORDS else None
    return None


def _with_unit(
    arrays: TokenArrays, start: int, end: int, label: str, question_words: frozenset[str]
) -> tuple[int, int]:
    """A number with the noun it counts, unless the question names that noun.

    spaCy often tags "4 billion" in "4 billion euros" as a bare number; the answer to
    "how much" is the amount with its unit. "How many miners ...?" already names the
    unit, so "12 miners" stays "12". Token bounds in, token bounds out.
    """
    if label not in NUMBER_LABELS:
        return start, end
    root = arrays.root(start, end)
    head = arrays.head[root]
    if (
        arrays.dep[root] == "nummod"
        and head == end
        and arrays.pos[head] == "NOUN"
        and term_key(arrays.lemma[head]) not in question_words
        and term_key(arrays.text[head]) not in question_words
    ):
        return start, head + 1
    return start, end


def _trim(span: Span) -> Span | None:
    """Drop leading determiners, quotes and verbs, and a trailing possessive or punctuation.

    A verb is never part of a short answer: spaCy sometimes lets a date take in
    the verb before it ("will last three weeks" tagged "last three weeks").
    """
    bounds = _trim_at(token_arrays(span.doc), span.start, span.end)
    return None if bounds is None else span.doc[bounds[0] : bounds[1]]


def _trim_at(arrays: TokenArrays, start: int, end: int) -> tuple[int, int] | None:
    """:func:`_trim` of the span of tokens ``start:end``: the bounds kept, or ``None``."""
    dep, tag, text, pos, is_punct = arrays.dep, arrays.tag, arrays.text, arrays.pos, arrays.is_punct
    while start < end and (
        (dep[start] in {"det", "poss"} and tag[start] in {"DT", "PRP$", "WDT"})
        or is_punct[start]
        or text[start] in _QUOTES
        or pos[start] in {"VERB", "AUX"}
    ):
        start += 1
    while end > start and (
        tag[end - 1] == "POS" or (is_punct[end - 1] and text[end - 1] not in _UNIT_SIGNS)
    ):
        end -= 1
    if start >= end:
        return None
    return (start, end) if len(arrays.span_text(start, end).split()) <= MAX_ANSWER_WORDS else None


def candidate_of(span: Span, label: str, offset: int) -> Candidate | None:
    """``span`` as a :class:`Candidate` labelled ``label``, or ``None`` without a content word.

    ``offset`` is where the parsed sentence starts in its document's raw text, so
    the candidate cites the article. Shared by every candidate generator, so all
    key and cite spans alike.
    """
    return candidate_at(token_arrays(span.doc), span.start, span.end, label, offset)


def candidate_at(
    arrays: TokenArrays, start: int, end: int, label: str, offset: int
) -> Candidate | None:
    """:func:`candidate_of` for the span of tokens ``start:end`` of a parse's ``arrays``.

    What :func:`candidate_of` computes, read from the arrays
    (:mod:`workbench.nlp.arrays`) without making a spaCy span's tokens.
    """
    keys = arrays.keys[0]
    words = tuple(keys[i] for i in range(start, end) if is_content_at(arrays, i))
    if not words:
        return None
    root = arrays.root(start, end)
    return Candidate(
        text=arrays.span_text(start, end),
        label=label,
        start=offset + arrays.idx[start],
        end=offset + arrays.end_char(end),
        key=" ".join(words),
        words=words,
        root=root,
        tokens=(start, end),
        head=arrays.lemma[root].lower(),
    )


def question_words_of(analysis: QuestionAnalysis) -> frozenset[str]:
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
    return (
        frozenset(analysis.terms)
        | frozenset(analysis.lemmas)
        | entity_words
        | acronyms
        | name_acronyms(analysis.question)
    )


def name_acronyms(question: str) -> frozenset[str]:
    """Lower-case acronyms of the runs of capitalised words in ``question``.

    A run may hold fillers ("of", "and": "Public and Commercial Services Union").
    Its initials count, and for a run of three or more names the initials without
    the last word, which is often a generic noun the acronym leaves out ("PCS" for
    the "Public and Commercial Services Union"). The question's first word is
    capitalised as the start of a sentence, so it starts no run.

    Examples
    --------
    >>> sorted(name_acronyms("Who leads the Public and Commercial Services Union?"))
    ['pcs', 'pcsu']
    """
    words = re.findall(r"[^\W\d_][\w'-]*", question)[1:]
    runs: list[list[str]] = [[]]
    for word in words:
        if word[0].isupper():
            runs[-1].append(word[0].lower())
        elif word.lower() not in NAME_FILLERS or not runs[-1]:
            runs.append([])
    found = set()
    for run in runs:
        if len(run) >= 2:
            found.add("".join(run))
        if len(run) >= 3:
            found.add("".join(run[:-1]))
    return frozenset(found)


def is_content(token: Token) -> bool:
    """A word that says what a span is: not punctuation, not a stop word unless a number.

    spaCy lists "three" and "five" as stop words; in "three-day" the number is what
    tells the answer from the question's "How many days".
    """
    return not token.is_punct and (not token.is_stop or token.like_num)


def is_content_at(arrays: TokenArrays, i: int) -> bool:
    """:func:`is_content` for the token at position ``i`` of a parse's ``arrays``."""
    return not arrays.is_punct[i] and (not arrays.is_stop[i] or arrays.like_num[i])


def named_in_question(span: Span, question_words: frozenset[str]) -> bool:
    """True when every content word of ``span`` is a word of the question."""
    return keys_in_question(content_keys(span), question_words)


def content_keys(span: Span) -> tuple[tuple[str, str], ...]:
    """The :func:`~workbench.text.term_key` of each content word's text and lemma."""
    return content_keys_at(token_arrays(span.doc), span.start, span.end)


def content_keys_at(arrays: TokenArrays, start: int, end: int) -> tuple[tuple[str, str], ...]:
    """:func:`content_keys` of the span of tokens ``start:end`` of a parse's ``arrays``."""
    texts, lemmas = arrays.keys
    return tuple((texts[i], lemmas[i]) for i in range(start, end) if is_content_at(arrays, i))


def keys_in_question(keys: tuple[tuple[str, str], ...], question_words: frozenset[str]) -> bool:
    """Whether every ``(text, lemma)`` key of :func:`content_keys` is a word of the question."""
    return all(text in question_words or lemma in question_words for text, lemma in keys)
