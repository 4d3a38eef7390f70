"""Summaries as frozen results: chosen sentences that cite their articles, and the full ranking."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from workbench.columns import RANKING_COLUMNS, SUMMARY_COLUMNS
from workbench.display import code
from workbench.frames import typed_frame

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of a summary (or of its ranking), cited by raw-text offsets.

    Attributes
    ----------
    doc_id : str
        The article it comes from.
    sentence : int
        Its ``Sentence.index`` in that article.
    text : str
        ``document.raw[start:end]``.
    start, end : int
        Offsets into the article's raw text.
    score : float
        The method's rating (sumy's scale: higher is better; for KL and SumBasic,
        minus the step at which it was picked; for ``lead``, minus its position).
        In a query-focused summary: the blend of rank and relevance that chose it.
    """

    doc_id: str
    sentence: int
    text: str
    start: int
    end: int
    score: float

    def as_dict(self) -> dict[str, object]:
        """The sentence as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Summary:
    """An extractive summary: sentences in document order, documents in corpus order.

    Attributes
    ----------
    sentences : tuple of SummarySentence
        The chosen sentences.
    ranking : tuple of SummarySentence
        Every candidate the method ranked, best first, with its score.
    method : str
        The method that ranked the candidates.
    engine : str
        The code that ran it: ``"fast"`` (the workbench's) or ``"sumy"``; ``"none"``
        when nothing was summarised on purpose (``note`` says why).
    query : str or None
        The question a query-focused summary answers.
    length : str
        The length asked for, e.g. ``"3 sentences"``.
    note : str or None
        Why the summary is empty or shorter than asked, when it is.
    """

    sentences: tuple[SummarySentence, ...]
    ranking: tuple[SummarySentence, ...]
    method: str
    engine: str
    query: str | None = None
    length: str = ""
    note: str | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[SummarySentence]:
        return iter(self.sentences)

    def __getitem__(self, position: int) -> SummarySentence:
        return self.sentences[position]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The articles the summary cites, in order, each once."""
        return tuple(dict.fromkeys(s.doc_id for s in self.sentences))

    @property
    def text(self) -> str:
        """The summary as text: an article's sentences joined by spaces, articles by blank lines."""
        return "\n\n".join(
            " ".join(s.text for s in group)
            for _, group in groupby(self.sentences, key=lambda s: s.doc_id)
        )

    def to_frame(self) -> pd.DataFrame:
        """The chosen sentences: doc_id, sentence, start, end, score, text."""
        rows = [s.as_dict() for s in self.sentences]
        return typed_frame(rows, SUMMARY_COLUMNS)

    def ranking_frame(self) -> pd.DataFrame:
        """Every ranked candidate, best first: rank, doc_id, ..., score, chosen, text."""
        chosen = {(s.doc_id, s.sentence) for s in self.sentences}
        rows = [
            {**s.as_dict(), "rank": rank, "chosen": (s.doc_id, s.sentence) in chosen}
            for rank, s in enumerate(self.ranking, start=1)
        ]
        return typed_frame(rows, RANKING_COLUMNS)

    def as_dict(self) -> dict[str, object]:
        """The summary as a JSON-ready dict (without the full ranking)."""
        return {
            "method": self.method,
            "engine": self.engine,
            "query": self.query,
            "length": self.length,
            "note": self.note,
            "text": self.text,
            "sentences": [s.as_dict() for s in self.sentences],
        }

    def __repr__(self) -> str:
        about = f" about {self.query!r}" if self.query else ""
        return (
            f"<Summary{about} by {self.method} ({self.engine}): {len(self.sentences)} sentences "
            f"from {len(self.doc_ids)} documents>"
        )

    def _repr_html_(self) -> str:
        heading = f"<p>{html.escape(repr(self))}</p>"
        if self.note:
            heading += f"<p><em>{html.escape(self.note)}</em></p>"
        items = "".join(
            f'<li><span title="score {s.score:.4g}">{html.escape(s.text)}</span> '
            f"{code(f'{s.doc_id}[{s.start}:{s.end}]')}</li>"
            for s in self.sentences
        )
        return f"<div>{heading}<ol>{items}</ol></div>"
