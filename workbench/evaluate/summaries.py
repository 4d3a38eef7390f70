"""ROUGE of every summary method against extractive reference summaries.

The reference data is the BBC News Summary set as rebuilt in
``../shared/data/bbc_news_summary_reconstructed``: ``manifest.csv`` names each
pair and its split; ``News Articles/<category>/NNN.txt`` holds a title line, a
blank line and the article; ``Summaries/<category>/NNN.txt`` the reference, its
sentences (all taken from the article) joined with no space between them.

Each article is read with :func:`workbench.corpus.document.build_document` (so the
title is a heading and never chosen), and each method summarises it at the
reference's length in sentences: the number of the article's sentences found
in the reference (:func:`reference_length`). Scores are the mean F1 of
ROUGE-1, ROUGE-2 and ROUGE-L from the ``rouge-score`` package with its Porter
stemmer on, as in the literature.
"""

from __future__ import annotations

import csv
import html
import os
import random
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.corpus.decoding import decode_bytes
from workbench.corpus.document import build_document
from workbench.errors import WorkbenchError
from workbench.model import Document
from workbench.summaries import METHODS, summarise
from workbench.summaries.api import engine_used
from workbench.terminal import format_table

if TYPE_CHECKING:
    import pandas as pd

#: The ROUGE variants reported.
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
#: Least width of the report's number columns, so its layout does not move with the scores.
_NUMBER_WIDTHS = {"R1": 6, "R2": 6, "RL": 6, "seconds": 8}
#: Seed for the ``random`` method, so a table can be reproduced (the global state is restored).
RANDOM_SEED = 0

# A sentence end glued to the next sentence's start: "...$10.9bn.For the full-year"
_GLUED_BOUNDARY = re.compile(r"[.!?][\"'”’)]*(?=[A-Z\"“‘(][^\s.])")


@dataclass(frozen=True)
class ReferencePair:
    """An article and its reference summary.

    Attributes
    ----------
    document : Document
        The article, id ``<category>/<NNN>``.
    reference : str
        The reference summary's text.
    sentences : int
        Its length in sentences (see :func:`reference_length`).
    """

    document: Document
    reference: str
    sentences: int


@dataclass(frozen=True)
class MethodScore:
    """Mean ROUGE F1 of one method over the evaluated articles."""

    method: str
    engine: str
    documents: int
    rouge1: float
    rouge2: float
    rougeL: float
    seconds: float


@dataclass(frozen=True)
class SummaryEvaluation:
    """One row per method, best ROUGE-1 first.

    Attributes
    ----------
    scores : tuple of MethodScore
        The methods' mean scores.
    split : str
        The part of the data evaluated (``"test"``).
    documents : int
        Articles evaluated.
    """

    scores: tuple[MethodScore, ...]
    split: str
    documents: int

    def to_frame(self) -> pd.DataFrame:
        """The table: method, engine, documents, rouge1, rouge2, rougeL, seconds."""
        import pandas as pd

        return pd.DataFrame([asdict(score) for score in self.scores])

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "split": self.split,
            "documents": self.documents,
            "scores": [asdict(score) for score in self.scores],
        }

    def __str__(self) -> str:
        rows = [
            [s.method, s.engine, f"{s.rouge1:.3f}", f"{s.rouge2:.3f}", f"{s.rougeL:.3f}",
             f"{s.seconds:.2f}"]
            for s in self.scores
        ]  # fmt: skip
        return format_table(
            rows,
            ["method", "engine", "R1", "R2", "RL", "seconds"],
            align_right=_NUMBER_WIDTHS.keys(),
            min_width=_NUMBER_WIDTHS,
            gap=" ",
            title=f"ROUGE F1 (stemmed) on {self.documents} {self.split} articles, "
            "summary length = reference length in sentences",
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self).splitlines()[0])}</p>" + self.to_frame().to_html(
            index=False, float_format="%.3f"
        )


def evaluate_summaries(
    folder: str | os.PathLike[str],
    *,
    split: str = "test",
    engine: str = "fast",
    methods: Sequence[str] | None = None,
    limit: int | None = None,
) -> SummaryEvaluation:
    """Score every method (or ``methods``) on the ``split`` articles of ``folder``.

    Parameters
    ----------
    folder : path
        The ``bbc_news_summary_reconstructed`` folder.
    split : str, default "test"
        ``"train"``, ``"valid"`` or ``"test"`` in ``manifest.csv``.
    engine : {"fast", "sumy"}
        Passed to :func:`workbench.summaries.summarise`.
    methods : sequence of str, optional
        Default: every method in :data:`workbench.summaries.METHODS`.
    limit : int, optional
        Evaluate only the first ``limit`` articles of the split (manifest order).

    Raises
    ------
    WorkbenchError
        If the folder has no manifest or the split no article.
    ValueError
        If a method or the engine is unknown.
    """
    chosen = tuple(methods) if methods else METHODS
    unknown = [method for method in chosen if method not in METHODS]
    if unknown:
        raise ValueError(f"methods must be among {', '.join(METHODS)}; got {', '.join(unknown)}")
    pairs = load_pairs(folder, split=split, limit=limit)
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    scores = [_score_method(method, engine, pairs, scorer) for method in chosen]
    scores.sort(key=lambda score: -score.rouge1)
    return SummaryEvaluation(tuple(scores), split, len(pairs))


def load_pairs(
    folder: str | os.PathLike[str], *, split: str = "test", limit: int | None = None
) -> list[ReferencePair]:
    """Read the articles and reference summaries of one split.

    Raises
    ------
    WorkbenchError
        If ``folder`` has no ``manifest.csv`` or the split lists no article.
    """
    root = Path(folder)
    manifest = root / "manifest.csv"
    if not manifest.is_file():
        raise WorkbenchError(
            f"no manifest.csv in {root}: expected the bbc_news_summary_reconstructed folder"
        )
    try:
        with manifest.open(encoding="utf-8", newline="") as handle:
            paths = [row["path"] for row in csv.DictReader(handle) if row["split"] == split]
    except (KeyError, UnicodeDecodeError, csv.Error) as error:
        raise WorkbenchError(
            f"{manifest} is not a manifest with 'path' and 'split' columns ({error!r})"
        ) from None
    if limit is not None:
        paths = paths[:limit]
    if not paths:
        raise WorkbenchError(f"no article of the {split!r} split is listed in {manifest}")
    pairs = []
    for relative in paths:
        article = decode_bytes((root / "News Articles" / relative).read_bytes()).text
        reference = decode_bytes((root / "Summaries" / relative).read_bytes()).text.strip()
        document = build_document(article, relative.removesuffix(".txt"))
        pairs.append(ReferencePair(document, reference, reference_length(document, reference)))
    return pairs


def reference_length(document: Document, reference: str) -> int:
    """How many of the article's sentences the reference is made of.

    An article sentence counts when the reference contains it, or when it
    contains one of the reference's sentences (the workbench split the article
    where the reference did not, or kept a stray quotation mark). The
    reference's own sentences are found at its glued sentence ends ("bn.For").

    Examples
    --------
    >>> doc = build_document("Prices rose. Trade fell. Bonds held.", "x")
    >>> reference_length(doc, "Prices rose.Bonds held.")
    2
    """
    cuts = [0, *(match.end() for match in _GLUED_BOUNDARY.finditer(reference)), len(reference)]
    pieces = [reference[start:end].strip() for start, end in pairwise(cuts)]
    pieces = [piece for piece in pieces if len(piece) >= 20]
    found = sum(
        1
        for sentence in document.body
        if sentence.text in reference or any(piece in sentence.text for piece in pieces)
    )
    return max(found, 1)


def _score_method(
    method: str, engine: str, pairs: Iterable[ReferencePair], scorer: object
) -> MethodScore:
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    count = 0
    seconds = 0.0
    state = random.getstate()
    random.seed(RANDOM_SEED)
    try:
        for pair in pairs:
            started = time.perf_counter()
            summary = summarise(
                pair.document, method=method, engine=engine, sentences=pair.sentences
            )
            seconds += time.perf_counter() - started
            result = scorer.score(pair.reference, "\n".join(s.text for s in summary))
            for name in ROUGE_TYPES:
                totals[name] += result[name].fmeasure
            count += 1
    finally:
        random.setstate(state)
    used = engine_used(method, engine)
    means = {name: totals[name] / count if count else 0.0 for name in ROUGE_TYPES}
    return MethodScore(method, used, count, seconds=seconds, **means)
