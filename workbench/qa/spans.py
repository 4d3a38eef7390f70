"""Broad candidate answers: every short constituent of a parsed sentence, not only its names.

The typed candidates (:func:`workbench.qa.candidates.extract_candidates`) are named
entities, numbers, dates and noun phrases, so a question whose answer is a
clause ("Why ...?" answered by "because of the rising costs"), a verb phrase
("How ...?" answered by "by lowering taxes") or part of a long phrase has no
candidate that is its answer. :func:`broad_candidates` also offers the spans the
dependency parse holds: each word with its whole subtree, and the contiguous
parts of that subtree that keep the word and drop some of its first or last
dependents (the object of a preposition, a verb with its objects but not its
subject, a "to"-infinitive with and without its "to"), each at most
:data:`MAX_SPAN_WORDS` words.

The rules are general ones about the parse; none is keyed to a question, an
article or a data set. They find many more spans than the typed candidates, so
the learned ranker (:mod:`workbench.qa.ranker`) tells the answer from the rest:
the feature table (:mod:`workbench.qa.table`) holds both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from workbench.nlp.arrays import TokenArrays, token_arrays
from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import (
    MAX_ANSWER_WORDS,
    MONTH_NAMES,
    NUMBER_LABELS,
    WEEKDAYS,
    Candidate,
    candidate_at,
    content_keys_at,
    is_clean_span,
    keys_in_question,
    question_words_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Longest candidate, in white-space separated words: a short answer's bound
#: (:data:`~workbench.qa.candidates.MAX_ANSWER_WORDS`, the one ``workbench eval qa``
#: judges by), long enough for most clauses that answer "why" and "how".
MAX_SPAN_WORDS = MAX_ANSWER_WORDS

#: Articles: a span that differs from another only by a leading article is the same
#: answer once normalised, so it is not offered twice.
ARTICLES = frozenset({"a", "an", "the"})

#: Dependency labels of the object of a preposition (or of a clause it introduces).
PREPOSITION_OBJECTS = frozenset({"pobj", "pcomp"})

#: Wh-words whose answers may be verb phrases ("Why ...?": "to cut costs"; "What did they
#: do?": "raised taxes"); ``None`` stands for questions without one. Other questions
#: ("who", "when", "how many", ...) ask for a name, a time or an amount, so verb
#: phrases would only add wrong candidates. Hand-set.
VERB_PHRASE_WH_WORDS: frozenset[str | None] = frozenset({"why", "how", "what", None})

_QUOTES = frozenset("\"'“”‘’«»`")
_OPENING = {")": "(", "]": "[", "}": "{"}


def broad_candidates(doc: Doc, offset: int, analysis: QuestionAnalysis) -> list[Candidate]:
    """Every short span of the parsed sentence ``doc`` that could answer the question.

    Spans come, in this order, from named entities (labelled with the entity's
    label), untagged numbers with their units and untagged dates (``"NUM"``,
    ``"DATE"``), noun chunks with and without their "of" phrase (``"NP"``),
    prepositional phrases and their objects (``"PP"``), verb phrases without
    their subjects (``"VP"``, only for the wh-words of
    :data:`VERB_PHRASE_WH_WORDS`) and other words' subtrees and their parts
    (``"SUBTREE"``). A span found twice keeps its first label.

    Each span is trimmed of leading and trailing punctuation and conjunctions,
    kept only if it is at most :data:`MAX_SPAN_WORDS` words, has whole brackets
    and no web address (:func:`~workbench.qa.candidates.is_clean_span`), and has
    a content word the question does not already use.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The sentence, parsed with the full pipeline.
    offset : int
        Where the sentence starts in its document's raw text.
    analysis : QuestionAnalysis
        The question, whose words rule out the spans it names itself.

    Returns
    -------
    list of Candidate
        In the order found, one per token span, with raw-text offsets:
        ``raw[candidate.start:candidate.end] == candidate.text``.
    """
    question_words = question_words_of(analysis)
    verb_phrases = analysis.wh_word in VERB_PHRASE_WH_WORDS
    return [
        candidate
        for candidate, keys in _question_free_spans(doc, offset, verb_phrases)
        if not keys_in_question(keys, question_words)
    ]


def _question_free_spans(
    doc: Doc, offset: int, verb_phrases: bool
) -> list[tuple[Candidate, tuple[tuple[str, str], ...]]]:
    """The sentence's spans as candidates, with each content word's text and lemma keys.

    What does not depend on the question, worked out once per parsed sentence
    and kept in the ``Doc``'s ``user_data`` (spaCy's place for it): a sentence
    retrieved for many questions is walked once. The walk reads the tokens'
    attributes from :func:`~workbench.nlp.arrays.token_arrays`, not from spaCy
    tokens, as it looks at each token many times.
    """
    key = ("workbench.qa.spans", offset, verb_phrases)
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    arrays = token_arrays(doc)
    seen: set[tuple[int, int]] = set()
    found = []
    for start, end, label in _spans(arrays, verb_phrases=verb_phrases):
        bounds = _trimmed(arrays, start, end)
        if bounds is None or bounds in seen:
            continue
        seen.add(bounds)
        text = arrays.span_text(*bounds)
        if len(text.split()) > MAX_SPAN_WORDS or not is_clean_span(text):
            continue
        candidate = candidate_at(arrays, *bounds, label, offset)
        if candidate is not None:
            found.append((candidate, content_keys_at(arrays, *bounds)))
    doc.user_data[key] = found
    return found


def _spans(arrays: TokenArrays, *, verb_phrases: bool) -> Iterator[tuple[int, int, str]]:
    """``(start, end, label)`` token spans of every source, most specific source first.

    With ``verb_phrases`` false, a verb's subtree is still a candidate, but not
    its parts.
    """
    for start, end, label, root in arrays.ents:
        yield start, end, label
        if label in NUMBER_LABELS:
            unit_end = _unit_end(arrays, root)
            if unit_end is not None:
                yield start, unit_end, label
    yield from _numbers_and_dates(arrays)
    for start, end, root in arrays.noun_chunks:
        yield start, end, "NP"
        of_end = _of_phrase_end(arrays, end, root)
        if of_end is not None:
            yield start, of_end, "NP"
    dep, left_edge, right_edge = arrays.dep, arrays.left_edge, arrays.right_edge
    for i in range(len(arrays)):
        if dep[i] == "prep":
            yield left_edge[i], right_edge[i] + 1, "PP"
            for child in arrays.children[i]:
                if dep[child] in PREPOSITION_OBJECTS:
                    yield from _parts(arrays, child, "PP")
    pos = arrays.pos
    for i in range(len(arrays)):
        if pos[i] in {"VERB", "AUX"}:
            if verb_phrases:
                yield from _parts(arrays, i, "VP")
            else:
                yield left_edge[i], right_edge[i] + 1, "SUBTREE"
        else:
            yield from _parts(arrays, i, "SUBTREE")


def _numbers_and_dates(arrays: TokenArrays) -> Iterator[tuple[int, int, str]]:
    """Numbers spaCy left untagged, with the noun they count, and untagged day and month names.

    "15 kilometres": the number alone, and with its unit when the number
    modifies the noun that follows it (through any words between, as in "15
    square kilometres").
    """
    lower = arrays.lower
    for i in range(len(arrays)):
        if arrays.ent_type[i]:
            continue
        if lower[i] in WEEKDAYS or (lower[i] in MONTH_NAMES and arrays.is_title[i]):
            yield i, i + 1, "DATE"
        elif arrays.tag[i] == "CD" or (arrays.like_num[i] and arrays.pos[i] == "NUM"):
            yield arrays.left_edge[i], arrays.right_edge[i] + 1, "NUM"
            unit_end = _unit_end(arrays, i)
            if unit_end is not None:
                yield arrays.left_edge[i], unit_end, "NUM"


def _unit_end(arrays: TokenArrays, number: int) -> int | None:
    """The end of the noun a number counts, when it follows the number ("4 billion euros")."""
    heads, dep = arrays.head, arrays.dep
    head = heads[number]
    while dep[head] in {"nummod", "quantmod", "compound"} and heads[head] > head:
        head = heads[head]  # "4" of "4 billion": the unit hangs on "billion"
    counts = dep[number] in {"nummod", "quantmod", "compound"} and head > number
    return head + 1 if counts and arrays.pos[head] in {"NOUN", "PROPN", "SYM"} else None


def _of_phrase_end(arrays: TokenArrays, end: int, root: int) -> int | None:
    """Where a noun chunk with its "of" noun phrase ends: "the release of 7,000 militants".

    ``end`` and ``root`` are the chunk's end and the position of its root.
    """
    for child in arrays.children[root]:
        if arrays.dep[child] == "prep" and arrays.lower[child] == "of" and child == end:
            objects = [token for token in arrays.children[child] if arrays.dep[token] == "pobj"]
            if objects:
                return _chunk_end(arrays, objects[0])
    return None


def _chunk_end(arrays: TokenArrays, token: int) -> int:
    """The end of the noun chunk ``token`` heads, or just past ``token``."""
    for _start, end, root in arrays.noun_chunks:
        if root == token:
            return end
    return token + 1


def _parts(arrays: TokenArrays, token: int, label: str) -> Iterator[tuple[int, int, str]]:
    """``token`` with its subtree, and each contiguous part that keeps ``token``.

    A part drops some of the first dependents on the left and some of the last
    ones on the right, so it stays a phrase: "to cut costs" gives "cut costs",
    "because it rained" gives "it rained" and "rained". Only parts of at most
    :data:`MAX_SPAN_WORDS` tokens are given. A part that drops only a leading
    article is the same answer as the whole and is left out.
    """
    lefts = arrays.lefts(token)
    rights = arrays.rights(token)
    starts = [arrays.left_edge[child] for child in lefts] + [token]
    ends = [token + 1] + [arrays.right_edge[child] + 1 for child in rights]
    lower = arrays.lower
    for dropped, start in enumerate(starts):
        if dropped and all(lower[child] in ARTICLES for child in lefts[:dropped]):
            continue
        for end in reversed(ends):
            if end - start <= MAX_SPAN_WORDS:
                yield start, end, label


def _trimmed(arrays: TokenArrays, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without leading and trailing punctuation, quotes and conjunctions.

    A closing bracket stays when the span opens it; a trailing possessive "'s" goes.
    """
    while start < end and _is_edge_filler(arrays, start):
        start += 1
    while end > start and (
        (_is_edge_filler(arrays, end - 1) and not _closes_bracket(arrays, start, end))
        or arrays.tag[end - 1] == "POS"
    ):
        end -= 1
    if start >= end:
        return None
    return start, end


def _closes_bracket(arrays: TokenArrays, start: int, end: int) -> bool:
    """Whether the span's last token closes a bracket the span opens: "Donald (Don)"."""
    opening = _OPENING.get(arrays.text[end - 1])
    return opening is not None and opening in arrays.text[start : end - 1]


def _is_edge_filler(arrays: TokenArrays, i: int) -> bool:
    """Punctuation, a quote or a conjunction: never the first or last word of an answer."""
    return (
        arrays.is_punct[i]
        or arrays.text[i] in _QUOTES
        or arrays.dep[i] == "cc"
        or arrays.pos[i] == "CCONJ"
    )
