"""Search results: ranked hits that cite their document by raw-text offsets.

A :class:`Hit` holds ``text == document.raw[start:end]``, like every sentence of
the workbench, so a hit can always be shown in its place. A
:class:`SearchResult` is a sequence of hits that becomes a DataFrame with the
shared column names, and shows itself in a notebook with the matched query terms
highlighted. A hit that repeats a better one (a passage overlapping it, the same
story in a near-duplicate document) is folded into it by default, and the kept
hit lists it among its :attr:`Hit.duplicates` ("also in: ...").
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from workbench.columns import HIT_COLUMNS, HIT_DUPLICATE_COLUMNS
from workbench.display import NOWRAP, code, one_line
from workbench.frames import typed_frame
from workbench.markdown import code_span, escape
from workbench.text import term_spans

if TYPE_CHECKING:
    import pandas as pd

    from workbench.retrieval.units import Unit

#: Longest text shown for one hit in a notebook; longer hits show a window round the
#: first matched term, so a document-level hit does not fill the screen.
HTML_SNIPPET_CHARS = 400


#: Why a unit was folded into a better hit (:attr:`Duplicate.reason`).
OVERLAPPING = "overlaps"
NEAR_DUPLICATE = "near-duplicate document"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A unit folded into a better hit, because it repeats it.

    Attributes
    ----------
    doc_id : str
        Its document.
    start, end : int
        Offsets into that document's raw text.
    sentences : tuple of int
        The sentences it covers.
    score : float
        Its own score for the query (it ranked below the hit it joins).
    reason : str
        :data:`OVERLAPPING` (it shares sentences with the hit, in the same
        document) or :data:`NEAR_DUPLICATE` (its document is a near-duplicate
        of the hit's, :mod:`workbench.corpus.duplicates`).
    """

    doc_id: str
    start: int
    end: int
    sentences: tuple[int, ...]
    score: float
    reason: str

    @property
    def citation(self) -> str:
        """``doc_id[start:end]``, as hits and sentences are cited."""
        return f"{self.doc_id}[{self.start}:{self.end}]"


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked unit (document, passage or sentence) that matches a query.

    Attributes
    ----------
    doc_id : str
        The document the hit comes from.
    rank : int
        1 for the best hit.
    score : float
        Cosine similarity between the query and the unit's TF-IDF vector, in [0, 1].
    text : str
        ``document.raw[start:end]``: for a passage or a document, the raw span from
        its first sentence to its last, which may include text cleaning left out.
    start, end : int
        Offsets into the document's raw text.
    sentences : tuple of int
        Indices (``Sentence.index``) of the sentences the unit covers.
    matched_terms : tuple of str
        The query's terms (analysed unigrams and bigrams, e.g. ``"talks moscow"``)
        that occur in the unit.
    duplicates : tuple of Duplicate
        Lower-ranked units folded into this hit because they repeat it, best
        first; empty when the search was not collapsed.
    """

    doc_id: str
    rank: int
    score: float
    text: str
    start: int
    end: int
    sentences: tuple[int, ...]
    matched_terms: tuple[str, ...]
    duplicates: tuple[Duplicate, ...] = ()

    @classmethod
    def of_unit(
        cls,
        unit: Unit,
        rank: int,
        score: float,
        matched_terms: tuple[str, ...],
        duplicates: tuple[Duplicate, ...] = (),
    ) -> Hit:
        """The hit on ``unit`` at ``rank``; a score rounded past 1 is shown as 1."""
        return cls(
            doc_id=unit.doc_id,
            rank=rank,
            score=min(score, 1.0),
            text=unit.text,
            start=unit.start,
            end=unit.end,
            sentences=unit.sentences,
            matched_terms=matched_terms,
            duplicates=duplicates,
        )

    @property
    def also_in(self) -> tuple[str, ...]:
        """The citations (``doc_id[start:end]``) of the duplicates, best first."""
        return tuple(duplicate.citation for duplicate in self.duplicates)

    def as_dict(self) -> dict[str, object]:
        """The hit as a JSON-ready dict (tuples become lists)."""
        row = asdict(self)
        row["sentences"] = list(self.sentences)
        row["matched_terms"] = list(self.matched_terms)
        row["duplicates"] = [
            {**asdict(duplicate), "sentences": list(duplicate.sentences)}
            for duplicate in self.duplicates
        ]
        return row

    def __repr__(self) -> str:
        text = " ".join(self.text.split())
        preview = text if len(text) <= 60 else text[:57] + "..."
        return (
            f"<Hit {self.rank} {self.doc_id}[{self.start}:{self.end}] "
            f"score={self.score:.3f} {preview!r}>"
        )

    def _repr_html_(self) -> str:
        return (
            f"<p><strong>{self.rank}.</strong> {code(f'{self.doc_id}[{self.start}:{self.end}]')}"
            f" <small>score {self.score:.3f}</small><br>"
            f"{highlight_html(self.text, self.matched_terms)}{also_in_html(self)}</p>"
        )


@dataclass(frozen=True)
class SearchResult:
    """The ranked hits for one query, best first; iterate, index or take ``len``.

    Attributes
    ----------
    query : str
        The query as given.
    level : str
        ``"document"``, ``"passage"`` or ``"sentence"``.
    hits : tuple of Hit
        Best first; empty when no indexed term of the query occurs anywhere.
    terms : tuple of str
        The query's analysed terms that are in the index's vocabulary.
    """

    query: str
    level: str
    hits: tuple[Hit, ...]
    terms: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __getitem__(self, position: int) -> Hit:
        return self.hits[position]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The documents of the hits, best first, each once."""
        return tuple(dict.fromkeys(hit.doc_id for hit in self.hits))

    @property
    def collapsed(self) -> int:
        """How many units were folded into the hits as their duplicates."""
        return sum(len(hit.duplicates) for hit in self.hits)

    def to_frame(self) -> pd.DataFrame:
        """One row per hit: rank, doc_id, score, start, end, sentence, sentences, ..., text.

        ``sentence`` is the first sentence the hit covers, for joining with
        :meth:`workbench.model.Corpus.to_frame` on ``doc_id`` and ``sentence``;
        ``duplicates`` lists the citations (``doc_id[start:end]``) of the units
        folded into the hit (:meth:`duplicates_frame` has one row each).
        """
        rows = [
            {**hit.as_dict(), "sentence": hit.sentences[0], "duplicates": list(hit.also_in)}
            for hit in self.hits
        ]
        return typed_frame(rows, HIT_COLUMNS)

    def duplicates_frame(self) -> pd.DataFrame:
        """One row a unit folded into a hit: its hit's rank, doc_id, start, end, score, reason."""
        rows = [
            {
                "rank": hit.rank,
                "doc_id": duplicate.doc_id,
                "sentence": duplicate.sentences[0],
                "start": duplicate.start,
                "end": duplicate.end,
                "score": duplicate.score,
                "reason": duplicate.reason,
            }
            for hit in self.hits
            for duplicate in hit.duplicates
        ]
        return typed_frame(rows, HIT_DUPLICATE_COLUMNS)

    def __repr__(self) -> str:
        return f"<SearchResult {self.query!r} at {self.level} level: {len(self.hits)} hits>"

    def _repr_html_(self) -> str:
        heading = f"<p>{len(self.hits)} {self.level} hits for <q>{html.escape(self.query)}</q></p>"
        if not self.hits:
            return heading
        rows = "".join(
            f"<tr><td>{hit.rank}</td><td>{code(hit.doc_id)}</td>"
            f"<td>{hit.score:.3f}</td><td>{one_line(f'{hit.start}–{hit.end}')}</td>"
            f'<td style="text-align:left">{highlight_html(hit.text, hit.matched_terms)}'
            f"{also_in_html(hit)}</td></tr>"
            for hit in self.hits
        )
        header = "".join(f"<th>{name}</th>" for name in ("rank", "doc_id", "score", "span", "text"))
        return f"<div>{heading}<table><tr>{header}</tr>{rows}</table></div>"

    def _repr_markdown_(self) -> str:
        lines = [f"{len(self.hits)} {self.level} hits for *{escape(self.query)}*"]
        lines += [""] if self.hits else []
        for hit in self.hits:
            line = (
                f"{hit.rank}. {code_span(f'{hit.doc_id}[{hit.start}:{hit.end}]')} "
                f"(score {hit.score:.3f}) {escape(' '.join(hit.text.split()))}"
            )
            if hit.duplicates:
                line += " — also in: " + ", ".join(code_span(cited) for cited in hit.also_in)
            lines.append(line)
        return "\n".join(lines)


def also_in_html(hit: Hit) -> str:
    """The line under a hit naming the units folded into it, or nothing."""
    if not hit.duplicates:
        return ""
    cited = ", ".join(
        f'<code title="{html.escape(duplicate.reason)}" style="{NOWRAP}">'
        f"{html.escape(duplicate.citation)}</code>"
        for duplicate in hit.duplicates
    )
    return f"<br><small>also in: {cited}</small>"


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The window ``[start, end)`` moved in to whole words: no word is cut in half."""
    if 0 < start < len(text) and not text[start - 1].isspace():
        following = text.find(" ", start, end)
        start = following + 1 if following >= 0 else start
    if end < len(text) and not text[end].isspace():
        before = text.rfind(" ", start, end)
        end = before if before > start else end
    return start, end


def highlight_html(
    text: str, terms: tuple[str, ...] | list[str], max_chars: int | None = HTML_SNIPPET_CHARS
) -> str:
    """``text`` as HTML with every word of ``terms`` in ``<mark>``; the rest is escaped.

    Parameters
    ----------
    text : str
        The hit's text.
    terms : sequence of str
        Analysed terms; a bigram highlights both its words.
    max_chars : int or None
        Show at most about this many characters: a window starting a little before the
        first highlighted word, with ``…`` where text was cut. ``None`` shows all.

    Examples
    --------
    >>> highlight_html("Talks <b>in</b> Moscow", ["moscow"])
    'Talks &lt;b&gt;in&lt;/b&gt; <mark>Moscow</mark>'
    >>> highlight_html("The envoys arrived in Moscow for talks on trade", ["moscow"], 30)
    '…in <mark>Moscow</mark> for talks on…'
    """
    spans = list(term_spans(text, terms))
    window_start, window_end = 0, len(text)
    if max_chars is not None and len(text) > max_chars:
        first = spans[0][0] if spans else 0
        window_start = max(0, first - max_chars // 4)
        window_end = min(len(text), window_start + max_chars)
        window_start, window_end = _word_bounds(text, window_start, window_end)
    parts = ["…" if window_start else ""]
    position = window_start
    for start, end in spans:
        if start < window_start or end > window_end:
            continue
        parts += [html.escape(text[position:start]), f"<mark>{html.escape(text[start:end])}</mark>"]
        position = end
    parts.append(html.escape(text[position:window_end]))
    parts.append("…" if window_end < len(text) else "")
    return "".join(parts)
