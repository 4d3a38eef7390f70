"""A pandas DataFrame of articles, one a row, into a :class:`~workbench.model.Corpus`.

An analyst's articles often arrive as a table (a database export, a scraped
CSV already in pandas, a benchmark's split) rather than as files.
:func:`corpus_from_frame` turns each row into a
:class:`~workbench.corpus.readers.Record` and builds it with the step every file's
records take (:func:`~workbench.corpus.records.build_record`): the same cleaning,
sentences, offsets, metadata from a date header or dateline, and, with
``annotate``, the same cached entities. A row with no text is skipped with its
reason, as a bad file is; a table that cannot be a corpus (no text column, text
that is not a string, repeated ids, unreadable dates) is a
:class:`~workbench.errors.CorpusError` that says which row and how to fix it.

:meth:`Corpus.from_frame <workbench.model.Corpus.from_frame>` is this function,
and :meth:`Corpus.documents_frame <workbench.model.Corpus.documents_frame>` the
table it reads back: ``Corpus.from_frame(corpus.documents_frame())`` gives the
same ids, texts, titles, dates and sources.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Hashable
from datetime import date, datetime
from typing import TYPE_CHECKING

from workbench.corpus.readers import Record
from workbench.corpus.records import build_record
from workbench.dates.explicit import parse_date
from workbench.errors import CorpusError
from workbench.model import Corpus, Document, SkippedFile, use_frame_reader

if TYPE_CHECKING:
    import pandas as pd


def corpus_from_frame(
    frame: pd.DataFrame,
    *,
    text: str = "text",
    id: str | None = "doc_id",
    title: str | None = "title",
    published: str | None = "published",
    source: str | None = "source",
    url: str | None = "url",
    annotate: bool = False,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
) -> Corpus:
    """A corpus of one document a row of ``frame``, built as a file's articles are.

    Parameters
    ----------
    frame : pandas.DataFrame
        One article a row.
    text : str, default "text"
        The column holding the article text (strings; a missing or blank value
        skips the row with a reason).
    id : str or None, default "doc_id"
        The column of document ids (strings or whole numbers, each once). When the
        frame has no such column (or ``id=None``), the row labels of
        ``frame.index`` are the ids, as strings.
    title, published, source, url : str or None
        The metadata columns, used when the frame has them (``None`` ignores one).
        ``published`` may be ``datetime64`` (time of day and time zone are dropped),
        dates, or strings in any form the readers understand ("2021-07-17",
        "July 17, 2021"); a missing value is an unknown date.
    annotate : bool, default False
        Also find named entities with spaCy, cached on disk, as
        :func:`~workbench.corpus.load.load_corpus` does.
    cache_dir : path-like, optional
        Where annotations are cached; see :func:`workbench.config.default_cache_dir`.
    progress : bool, optional
        Show a progress bar while annotating; by default only on a terminal.

    Returns
    -------
    Corpus
        The documents in row order; the rows skipped (``"row <label>"``) with their
        reasons; no ``root``.

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame.
    CorpusError
        If the text column (or a metadata column named explicitly) is missing, a
        text is not a string, an id is missing or repeated, a date cannot be read,
        or no row holds article text.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "doc_id": ["kabul", "empty"],
    ...     "text": ["KABUL - Envoys met on Monday. They agreed to meet again.", " "],
    ...     "published": pd.to_datetime(["2021-07-17", None]),
    ... })
    >>> corpus = corpus_from_frame(frame)
    >>> corpus.ids, corpus["kabul"].published, corpus["kabul"].dateline
    (('kabul',), datetime.date(2021, 7, 17), 'KABUL')
    >>> corpus.skipped
    (SkippedFile(path='row 1', reason='no text'),)
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"from_frame needs a pandas DataFrame; got {type(frame).__name__}")
    columns = [str(name) for name in frame.columns]
    if text not in columns:
        shown = ", ".join(columns[:12]) or "none"
        raise CorpusError(
            f"the frame has no text column {text!r} (columns: {shown}); "
            "name the one holding the articles with text=..."
        )
    metadata = {
        "id": _column(columns, id, "doc_id", "id"),
        "title": _column(columns, title, "title", "title"),
        "published": _column(columns, published, "published", "published"),
        "source": _column(columns, source, "source", "source"),
        "url": _column(columns, url, "url", "url"),
    }
    frame = frame.set_axis(columns, axis="columns")
    labels = list(frame.index)
    ids = _ids(frame, metadata["id"], labels)
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    rows = frame.to_dict("records")
    for label, doc_id, row in zip(labels, ids, rows, strict=True):
        shown = f"row {label}"
        article = row[text]
        if _missing(article) or (isinstance(article, str) and not article.strip()):
            skipped.append(SkippedFile(shown, "no text"))
            continue
        if not isinstance(article, str):
            raise CorpusError(
                f"{shown}: the text column {text!r} holds a {type(article).__name__}, "
                f"not a string ({_preview(article)}); convert it with frame[{text!r}].astype(str) "
                "if that is the article"
            )
        record = Record(
            text=article,
            id=doc_id,
            title=_metadata_text(row, metadata["title"]),
            published=_published(row, metadata["published"], shown),
            source=_metadata_text(row, metadata["source"]),
            url=_metadata_text(row, metadata["url"]),
        )
        built = build_record(record, doc_id, shown)
        if isinstance(built, SkippedFile):
            skipped.append(built)
        else:
            documents.append(built)
    if not documents:
        reasons = Counter(item.reason for item in skipped)
        listed = "; ".join(f"{count} x {reason}" for reason, count in reasons.most_common(3))
        raise CorpusError(
            f"no row of the frame holds article text ({len(skipped)} rows skipped"
            + (f": {listed})" if listed else ")")
        )
    corpus = Corpus(tuple(documents), tuple(skipped))
    if annotate:
        from workbench.nlp.pipeline import annotate as annotate_corpus

        corpus = annotate_corpus(corpus, cache_dir=cache_dir, progress=progress)
    return corpus


def _column(columns: list[str], name: str | None, default: str, role: str) -> str | None:
    """The column for ``role``; a default name the frame lacks means none, another is an error."""
    if name is None or name in columns:
        return name
    if name == default:
        return None
    shown = ", ".join(columns[:12])
    raise CorpusError(f"the frame has no {role} column {name!r} (columns: {shown})")


def _ids(frame: pd.DataFrame, column: str | None, labels: list[Hashable]) -> list[str]:
    """Every row's id as a string, from ``column`` or the row labels; each must be unique."""
    values = labels if column is None else frame[column].tolist()
    where = "row label" if column is None else f"id column {column!r}"
    ids: list[str] = []
    for label, value in zip(labels, values, strict=True):
        if _missing(value) or (isinstance(value, str) and not value.strip()):
            raise CorpusError(f"row {label}: the {where} is empty; every document needs an id")
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # an integer id column with a gap is read as floats
        ids.append(str(value))
    repeated = [doc_id for doc_id, count in Counter(ids).items() if count > 1]
    if repeated:
        shown = ", ".join(repr(doc_id) for doc_id in repeated[:5])
        hint = (
            " (a table of sentences, such as corpus.to_frame(), has one row a sentence: "
            "give one row a document, such as corpus.documents_frame())"
            if "sentence" in frame.columns
            else ""
        )
        raise CorpusError(f"document ids must be unique; the {where} repeats {shown}{hint}")
    return ids


def _missing(value: object) -> bool:
    """``None``, ``NaN``, ``NaT`` or ``pd.NA``: a cell with no value."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    import pandas as pd

    return value is pd.NaT or value is pd.NA


def _metadata_text(row: dict[str, object], column: str | None) -> str | None:
    """A title, source or URL cell as one line of text; a missing or blank one is ``None``."""
    if column is None or _missing(row[column]):
        return None
    return " ".join(str(row[column]).split()) or None


def _published(row: dict[str, object], column: str | None, shown: str) -> date | None:
    """A publication date cell as a date: a timestamp, a date, or a string with a date in it."""
    if column is None:
        return None
    value = row[column]
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):  # pandas Timestamps are datetimes
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        found = parse_date(value)
        if found is not None:
            return found
    raise CorpusError(
        f"{shown}: cannot read a date from the {column!r} value {_preview(value)}; give "
        f"dates such as '2021-07-17', or blank the unreadable ones with "
        f"pd.to_datetime(frame[{column!r}], errors='coerce')"
    )


def _preview(value: object) -> str:
    """A cell's value in an error message, cut to a readable length."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


use_frame_reader(corpus_from_frame)
