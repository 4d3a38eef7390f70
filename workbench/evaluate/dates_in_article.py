"""The pipeline's own reading of an annotated "when": found in the article, resolved in context.

:func:`resolve_in_articles` serves the ``"article"`` setting of
:func:`workbench.evaluate.dates.evaluate_date_resolution`. For each annotated
phrase it does what the event reader does with a sentence: split the article into
sentences as the corpus does, parse the sentence that holds the phrase, find the
date expressions there (:func:`workbench.dates.find_time_expressions`, with the
tagger's DATE entities), keep the one overlapping the phrase most, and resolve it
against the publication date with the tense of the clause that governs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from workbench.corpus.document import build_document
from workbench.dates import ResolvedDate, find_time_expressions, resolve_date
from workbench.nlp.syntax import governing_verb, tense_of

if TYPE_CHECKING:
    from spacy.language import Language

    from workbench.model import Document, Sentence

_NOT_FOUND = "the pipeline finds no date expression at the annotated phrase"


def resolve_in_articles(
    cases: Iterable[tuple[str, str, datetime | None, date]],
    articles: Mapping[str, str],
    nlp: Language | None = None,
) -> Iterator[tuple[str | None, ResolvedDate]]:
    """Read each ``(doc_id, phrase, published, expected)`` case as the pipeline would.

    Parameters
    ----------
    cases : iterable of (str, str, datetime or None, date)
        As :func:`workbench.evaluate.dates.load_when_annotations` reads them.
    articles : mapping of str to str
        Each article's body text by document id.
    nlp : spacy.language.Language, optional
        A pipeline with a parser and an entity recogniser; ``load_pipeline("full")``
        by default.

    Yields
    ------
    (str or None, ResolvedDate)
        The expression the pipeline found (``None`` when none), and its resolution.
    """
    if nlp is None:
        from workbench.nlp.pipeline import load_pipeline

        nlp = load_pipeline("full")
    documents: dict[str, Document] = {}
    for doc_id, phrase, published, _ in cases:
        if doc_id not in documents:
            documents[doc_id] = build_document(articles.get(doc_id, ""), doc_id)
        yield _read(documents[doc_id], phrase, published, nlp)


def _read(
    document: Document, phrase: str, published: datetime | None, nlp: Language
) -> tuple[str | None, ResolvedDate]:
    position = _locate(document.raw, phrase)
    sentence = _sentence_at(document.sentences, position) if position is not None else None
    if sentence is None:
        return None, ResolvedDate(phrase, None, None, "unresolved", _NOT_FOUND)
    doc = nlp(sentence.text)
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    start = position - sentence.start
    end = start + len(phrase)
    overlaps = [
        (min(end, e.end) - max(start, e.start), e)
        for e in find_time_expressions(sentence.text, dates)
        if e.start < end and start < e.end
    ]
    if not overlaps:
        return None, ResolvedDate(phrase, None, None, "unresolved", _NOT_FOUND)
    expression = max(overlaps, key=lambda pair: pair[0])[1]
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    direction = tense_of(governing_verb(span.root)) if span is not None else "auto"
    return expression.text, resolve_date(expression.text, published, direction=direction)


def _locate(raw: str, phrase: str) -> int | None:
    """Where ``phrase`` first occurs in ``raw`` (exactly, else ignoring case)."""
    position = raw.find(phrase)
    if position < 0:
        position = raw.lower().find(phrase.lower())
    return position if position >= 0 else None


def _sentence_at(sentences: Iterable[Sentence], position: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= position < s.end), None)
