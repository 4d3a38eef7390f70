"""The data model: entities, sentences and documents that never lose their source.

Everything is a frozen dataclass. A :class:`Sentence` is always cited by offsets
into its document's ``raw`` text, and ``document.raw[s.start:s.end] == s.text``
holds for every sentence and every entity: that invariant is what lets an answer
show exactly where it came from.

Column names are shared by every table the workbench makes (``doc_id``,
``sentence``, ``start``, ``end``, ``text``, ``score``, ...), so results from any
step can be filtered and joined as pandas DataFrames.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.columns import (
    DOCUMENT_COLUMNS,
    OVERVIEW_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    SKIPPED_COLUMNS,
)
from workbench.display import code
from workbench.frames import card_table, typed_frame
from workbench.text import count_words, printable_path

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by spaCy, with offsets into the document's raw text."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading) of a document, cited by raw-text offsets.

    Attributes
    ----------
    doc_id : str
        The id of the document the sentence comes from.
    index : int
        Position among the document's kept sentences, from 0.
    start, end : int
        ``document.raw[start:end] == text``.
    text : str
        The sentence exactly as written in the source.
    paragraph : int
        Index of the paragraph (block) it belongs to.
    is_heading : bool
        Headlines and sub-headlines are kept apart from prose sentences.
    entities : tuple of Entity
        Named entities, filled in by :func:`workbench.nlp.pipeline.annotate`.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    is_heading: bool = False
    entities: tuple[Entity, ...] = ()

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        kind = "Heading" if self.is_heading else "Sentence"
        return f"<{kind} {self.doc_id}[{self.start}:{self.end}] {preview!r}>"


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """Text left out of the sentences, with the rule that left it out."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Document:
    """A news article: its exact source text and the sentences kept from it.

    Attributes
    ----------
    id : str
        Stable identifier: the file stem, or ``stem:N`` / the record's own id for
        files holding several records.
    raw : str
        The text as decoded from the source (for HTML, JSON and CSV sources: the
        article text the reader took from it). All offsets point into it.
    sentences : tuple of Sentence
        Headings and prose sentences in reading order, boilerplate left out.
    title, source, url : str or None
        From metadata when given; the title falls back to the first heading.
    published : datetime.date or None
        From metadata, a date header, or a dated dateline; never guessed.
    path : pathlib.Path or None
        The file the document was read from.
    dateline : str or None
        The place named in a dateline ("TEHRAN"), which is metadata, not text.
    removed : tuple of RemovedSpan
        What cleaning left out, and why.
    encoding : str or None
        The encoding the file was decoded with.
    """

    id: str
    raw: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: Path | None = None
    dateline: str | None = None
    removed: tuple[RemovedSpan, ...] = ()
    encoding: str | None = None

    @cached_property
    def body(self) -> tuple[Sentence, ...]:
        """The prose sentences, without headings: what summaries choose from."""
        return tuple(sentence for sentence in self.sentences if not sentence.is_heading)

    @cached_property
    def word_count(self) -> int:
        """Number of words in the kept sentences (numbers and punctuation excluded)."""
        return sum(count_words(sentence.text) for sentence in self.sentences)

    @property
    def entities(self) -> Iterator[Entity]:
        """All named entities of the document, in reading order."""
        for sentence in self.sentences:
            yield from sentence.entities

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that covers raw-text ``offset``, if any."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def summary_row(self) -> dict[str, object]:
        """One row of the corpus overview table."""
        return {
            "doc_id": self.id,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "sentences": len(self.sentences),
            "words": self.word_count,
            "path": printable_path(self.path) if self.path else None,
        }

    def to_frame(self) -> pd.DataFrame:
        """The sentences as a DataFrame: doc_id, sentence, start, end, is_heading, text."""
        return typed_frame(
            [
                {
                    "doc_id": s.doc_id,
                    "sentence": s.index,
                    "start": s.start,
                    "end": s.end,
                    "paragraph": s.paragraph,
                    "is_heading": s.is_heading,
                    "text": s.text,
                }
                for s in self.sentences
            ],
            SENTENCE_COLUMNS,
        )

    def removed_frame(self) -> pd.DataFrame:
        """What cleaning left out, in reading order: doc_id, start, end, reason, text.

        ``text`` is ``raw[start:end]``, so a removal can be checked against the source.
        """
        rows = [
            {
                "doc_id": self.id,
                "start": span.start,
                "end": span.end,
                "reason": span.reason,
                "text": self.raw[span.start : span.end],
            }
            for span in sorted(self.removed, key=lambda span: span.start)
        ]
        return typed_frame(rows, REMOVED_COLUMNS)

    def __repr__(self) -> str:
        return (
            f"<Document {self.id!r} with {len(self.sentences)} "
            f"sentence{'' if len(self.sentences) == 1 else 's'}, "
            f"published {self.published or 'unknown'}>"
        )

    def _repr_html_(self) -> str:
        """The document card: its title, id and metadata, then its sentences.

        The title shows once: a file whose first line is its title (a headline,
        a blank line, the body, as wire copy comes) has that line as its first
        heading sentence, and the card then shows the title there only, not
        again above it. Hovering over a sentence shows its offsets.
        """
        meta = ", ".join(
            html.escape(str(value))
            for value in (self.published, self.source, self.dateline)
            if value is not None
        )
        paragraphs: list[str] = []
        for sentence in self.sentences:
            text = html.escape(sentence.text)
            tag = "h4" if sentence.is_heading else "span"
            paragraphs.append(
                f'<{tag} title="{html.escape(self.id)}[{sentence.start}:{sentence.end}]">'
                f"{text}</{tag}> "
            )
        title = self.title or self.id
        as_heading = any(
            sentence.is_heading and sentence.text.split() == title.split()
            for sentence in self.sentences
        )
        header = "" if as_heading else f"<strong>{html.escape(title)}</strong> "
        return f"<div>{header}{code(self.id)} <em>{meta}</em><p>{''.join(paragraphs)}</p></div>"


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file (or record) that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """The documents read from a folder, and the files that were skipped.

    A corpus is a sequence of :class:`Document`: iterate over it, take ``len``,
    or index it by position or by document id.
    """

    documents: tuple[Document, ...]
    skipped: tuple[SkippedFile, ...] = ()
    root: Path | None = None
    _by_id: dict[str, Document] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {document.id: document for document in self.documents})

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                known = ", ".join(sorted(self._by_id)[:10])
                raise KeyError(f"no document {key!r} in the corpus; ids include {known}") from None
        return self.documents[key]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, **options: Any) -> Corpus:
        """A corpus of one document a row of ``frame``, cleaned and split as files are.

        The columns are named by keyword (``text="text"``, ``id="doc_id"``,
        ``title``, ``published``, ``source``, ``url``), and ``annotate``,
        ``cache_dir`` and ``progress`` are those of ``load_corpus``: see
        :func:`workbench.corpus.dataframe.corpus_from_frame`, which builds it (the
        corpus layer, above this module, holds the cleaning and splitting).

        Examples
        --------
        >>> from workbench import load_corpus
        >>> corpus = load_corpus()
        >>> Corpus.from_frame(corpus.documents_frame()).ids == corpus.ids
        True
        """
        if _frame_reader is None:  # only when workbench.model is imported without workbench
            raise RuntimeError("import workbench first: it sets up Corpus.from_frame")
        return _frame_reader(frame, **options)

    @property
    def ids(self) -> tuple[str, ...]:
        """Document ids in corpus order."""
        return tuple(document.id for document in self.documents)

    def filter(
        self,
        *,
        published_from: date | str | None = None,
        published_to: date | str | None = None,
        sources: Iterable[str] | None = None,
        ids: Iterable[str] | None = None,
    ) -> Corpus:
        """The documents that meet every condition given, in corpus order.

        Parameters
        ----------
        published_from, published_to : date or "YYYY-MM-DD", optional
            Published on or after, on or before; a document whose publication
            date is unknown is left out when either bound is given.
        sources : iterable of str, optional
            Keep documents from these sources (``Document.source``).
        ids : iterable of str, optional
            Keep these documents.

        Raises
        ------
        ValueError
            If a bound is not a date, ``published_from`` is after ``published_to``,
            or an id is not in the corpus.

        Examples
        --------
        >>> from workbench import load_corpus
        >>> load_corpus().filter(published_from="2021-01-01").ids
        ('004_55b560d3e012caba',)
        """
        low = as_date(published_from, "published_from")
        high = as_date(published_to, "published_to")
        if low is not None and high is not None and low > high:
            raise ValueError(f"published_from {low} is after published_to {high}")
        wanted = None if ids is None else set(_strings(ids, "ids"))
        if wanted is not None and not wanted <= set(self._by_id):
            unknown = ", ".join(repr(doc_id) for doc_id in sorted(wanted - set(self._by_id))[:5])
            raise ValueError(f"no document {unknown} in the corpus")
        from_sources = None if sources is None else set(_strings(sources, "sources"))
        kept = tuple(
            document
            for document in self.documents
            if (wanted is None or document.id in wanted)
            and (from_sources is None or document.source in from_sources)
            and (low is None or (document.published is not None and document.published >= low))
            and (high is None or (document.published is not None and document.published <= high))
        )
        return Corpus(kept, self.skipped, self.root)

    def by_date(self) -> Corpus:
        """The same documents by publication date: the earliest first, the undated last.

        Documents of one date, and the undated ones, keep their corpus order. The
        corpus card and the briefing list articles so; the corpus itself keeps
        the order of its files (``corpus[0]`` is the first file), as do its ids.

        Examples
        --------
        >>> from workbench import load_corpus
        >>> load_corpus().by_date().ids[:2]
        ('004_55b560d3e012caba', '000_258fbde797f3b430')
        """
        dated = [document for document in self.documents if document.published is not None]
        dated.sort(key=lambda document: document.published)
        undated = [document for document in self.documents if document.published is None]
        return Corpus((*dated, *undated), self.skipped, self.root)

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence of every document, in corpus order."""
        for document in self.documents:
            yield from document.sentences

    def overview(self) -> pd.DataFrame:
        """One row per document: doc_id, title, published, source, sentences, words, path."""
        rows = [document.summary_row() for document in self.documents]
        return typed_frame(rows, OVERVIEW_COLUMNS)

    def documents_frame(self) -> pd.DataFrame:
        """One row a document: doc_id, title, published, source, url, and its raw ``text``.

        The table :meth:`from_frame` reads: ``Corpus.from_frame(corpus.documents_frame())``
        gives the same ids, texts and metadata (and so the same sentences, except
        after a Markdown file's front matter, which only the file reader parses).
        """
        rows = [
            {
                "doc_id": document.id,
                "title": document.title,
                "published": document.published,
                "source": document.source,
                "url": document.url,
                "text": document.raw,
            }
            for document in self.documents
        ]
        return typed_frame(rows, DOCUMENT_COLUMNS, verbatim=DOCUMENT_COLUMNS)

    def to_frame(self) -> pd.DataFrame:
        """Every sentence of the corpus as one DataFrame (see :meth:`Document.to_frame`)."""
        import pandas as pd

        frames = [document.to_frame() for document in self.documents]
        if not frames:
            return typed_frame([], SENTENCE_COLUMNS)
        return pd.concat(frames, ignore_index=True)

    def skipped_frame(self) -> pd.DataFrame:
        """The skipped files and the reason for each."""
        rows = [{"path": printable_path(item.path), "reason": item.reason} for item in self.skipped]
        return typed_frame(rows, SKIPPED_COLUMNS)

    def __repr__(self) -> str:
        where = f" from {self.root}" if self.root else ""
        documents = "document" if len(self) == 1 else "documents"
        return f"<Corpus of {len(self)} {documents}, {len(self.skipped)} skipped{where}>"

    def _repr_html_(self) -> str:
        """The corpus card: its first :data:`~workbench.frames.CARD_ROWS` documents and skips.

        Documents are listed by publication date when any is dated (:meth:`by_date`).
        """
        dated = any(document.published is not None for document in self.documents)
        listed = self.by_date() if dated else self
        parts = [
            f"<p>{html.escape(repr(self))}</p>",
            "<p><small>By publication date, the earliest first; undated last.</small></p>"
            if dated
            else "",
            card_table(listed.overview(), "corpus.overview()"),
        ]
        if self.skipped:
            parts += ["<p>Skipped:</p>", card_table(self.skipped_frame(), "corpus.skipped_frame()")]
        return "\n".join(part for part in parts if part)


#: What :meth:`Corpus.from_frame` calls: :func:`workbench.corpus.dataframe.corpus_from_frame`,
#: which sets it when the corpus layer is imported (as ``import workbench`` does first).
_frame_reader: Callable[..., Corpus] | None = None


def use_frame_reader(reader: Callable[..., Corpus]) -> None:
    """Make ``reader`` the builder behind :meth:`Corpus.from_frame` (the corpus layer's)."""
    global _frame_reader
    _frame_reader = reader


def as_date(value: date | str | None, name: str) -> date | None:
    """A date bound given as a date (or datetime) or an ISO ``YYYY-MM-DD`` string."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date or a 'YYYY-MM-DD' string; got {value!r}")


def _strings(values: Iterable[str], name: str) -> list[str]:
    """``values`` as a list of strings; a single string is one value, not its letters."""
    listed = [values] if isinstance(values, str) else list(values)
    if not all(isinstance(value, str) for value in listed):
        raise ValueError(f"{name} must be strings")
    return listed
