"""From raw article text to a :class:`~workbench.model.Document`.

:func:`build_document` is the one place where the reading rules meet: the date
header and dateline become metadata (:mod:`workbench.corpus.clean`), the text is split
into headings and sentences (:mod:`workbench.corpus.segment`), and page furniture is
left out with the reason recorded. Readers for every file format end here, and
so can any caller holding text from elsewhere (a database, a benchmark).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from workbench.corpus.clean import boilerplate_reason, is_paywall_start, read_dateline, read_header
from workbench.corpus.segment import split_blocks, split_sentences
from workbench.model import Document, RemovedSpan, Sentence
from workbench.text import without_surrogates

#: A paywall marker only cuts the rest of the text once this many sentences were kept:
#: a "subscribe" line above the article must not take the article with it (set by hand).
MIN_SENTENCES_BEFORE_PAYWALL = 2

#: A paywall marker cuts the rest only when what follows it is at most this share of the
#: text (or this many characters): a paywall ends a page, it is not in the middle of one.
PAYWALL_TAIL_SHARE = 0.4
PAYWALL_TAIL_CHARACTERS = 400
#: Quotation marks that make a marker speech (not ’ or ', which are also apostrophes).
_QUOTES = '"“”‘«»'

_MARKDOWN_HEADING_MARK = re.compile(r"#{1,6}\s+")
_SURROGATES = re.compile("[\ud800-\udfff]+")
#: A title made from the lead sentence is cut at a word before this many characters
#: (set by hand).
_TITLE_CHARS = 90
#: A date header is looked for in this many characters at the top of the body (set by hand).
_HEADER_CHARS = 200


def build_document(
    raw: str,
    doc_id: str,
    *,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    path: Path | None = None,
    encoding: str | None = None,
    body_start: int = 0,
) -> Document:
    r"""Split and clean ``raw`` into a document whose sentences cite it by offset.

    Parameters
    ----------
    raw : str
        The article text, exactly as decoded. It is kept unchanged.
    doc_id : str
        The document's stable id.
    title, published, source, url : optional
        Metadata from the file or record; a header or headline fills the gaps.
    path : pathlib.Path, optional
        The file it came from.
    encoding : str, optional
        The encoding it was decoded with.
    body_start : int, optional
        Where the article starts in ``raw`` (after front matter the reader parsed).

    Returns
    -------
    Document

    Examples
    --------
    >>> doc = build_document("Talks open\n\nKABUL - Envoys met. They agreed.", "x")
    >>> doc.title, [s.text for s in doc.body], doc.dateline
    ('Talks open', ['Envoys met.', 'They agreed.'], 'KABUL')
    """
    # A lone surrogate (a JSON "\ud800", a file name's undecodable byte) cannot be
    # printed, cached or exported: it becomes U+FFFD, one code point for one.
    replaced = [
        RemovedSpan(match.start(), match.end(), "characters UTF-8 cannot encode (shown as U+FFFD)")
        for match in _SURROGATES.finditer(raw)
    ]
    raw, doc_id = without_surrogates(raw), without_surrogates(doc_id)
    title = without_surrogates(title) if title is not None else None
    removed: list[RemovedSpan] = replaced
    if body_start:
        removed.append(RemovedSpan(0, body_start, "front matter"))
    header = read_header(raw[body_start : body_start + _HEADER_CHARS])
    if header is not None:
        removed.append(RemovedSpan(body_start, body_start + header.end, "date header"))
        body_start += header.end
        published = published or header.published
    if isinstance(published, datetime):  # a day, as every other published date
        published = published.date()

    sentences, body_removed, dateline = _read_body(raw, doc_id, body_start)
    return Document(
        id=doc_id,
        raw=raw,
        sentences=sentences,
        title=title or _title_from(sentences),
        published=published,
        source=source,
        url=url,
        path=path,
        dateline=dateline,
        removed=(*removed, *body_removed),
        encoding=encoding,
    )


def _in_paywall_context(raw: str, start: int, text: str) -> bool:
    """A paywall marker in a paywall's place: a line of its own, unquoted, near the end.

    "He said: 'You have reached the limit of our patience'" in the middle of an
    article is speech, and everything after it stays.
    """
    own_line = start == 0 or raw[:start].rstrip(" \t").endswith("\n")
    quoted = any(mark in text for mark in _QUOTES)
    tail = len(raw.rstrip()) - start
    near_end = tail <= max(PAYWALL_TAIL_CHARACTERS, PAYWALL_TAIL_SHARE * len(raw))
    return own_line and not quoted and near_end


def _read_body(
    raw: str, doc_id: str, body_start: int
) -> tuple[tuple[Sentence, ...], list[RemovedSpan], str | None]:
    """Split the body into kept sentences; return them, what was removed, and the dateline."""
    sentences: list[Sentence] = []
    removed: list[RemovedSpan] = []
    dateline_place: str | None = None
    seen_prose = False
    paragraph = -1
    for block in split_blocks(raw, body_start):
        start = block.start
        if not block.is_heading and not seen_prose:
            seen_prose = True
            dateline = read_dateline(raw, block.start, block.end)
            if dateline is not None:
                removed.append(RemovedSpan(dateline.start, dateline.end, "dateline"))
                dateline_place = dateline.place
                start = dateline.end
        if block.is_heading:
            mark = _MARKDOWN_HEADING_MARK.match(raw, start, block.end)
            spans = [(mark.end() if mark else start, block.end)]
        else:
            spans = split_sentences(raw, start, block.end)
        kept_in_block = False
        for span_start, span_end in spans:
            text = raw[span_start:span_end]
            paywall = is_paywall_start(text) and _in_paywall_context(raw, span_start, text)
            if paywall and len(sentences) >= MIN_SENTENCES_BEFORE_PAYWALL:
                removed.append(RemovedSpan(span_start, len(raw.rstrip()), "paywall block"))
                return tuple(sentences), removed, dateline_place
            reason = boilerplate_reason(text)
            if reason is None and paywall:
                reason = "subscription or account prompt"
            if reason is not None:
                removed.append(RemovedSpan(span_start, span_end, reason))
                continue
            if not kept_in_block:
                paragraph += 1
                kept_in_block = True
            sentences.append(
                Sentence(
                    doc_id, len(sentences), span_start, span_end, text, paragraph, block.is_heading
                )
            )
    return tuple(sentences), removed, dateline_place


def _title_from(sentences: tuple[Sentence, ...]) -> str | None:
    """The headline when the text opens with one; else the lead sentence, shortened."""
    if not sentences:
        return None
    first = sentences[0]
    if first.is_heading:
        return first.text
    text = " ".join(first.text.split())
    if len(text) <= _TITLE_CHARS:
        return text
    return text[:_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
