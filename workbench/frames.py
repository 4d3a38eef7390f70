r"""DataFrames an analyst can compute with: one set of column types for every table.

Every ``to_frame`` of the package builds its DataFrame through
:func:`typed_frame`, so that the same column has the same type everywhere:

* offsets, sentence numbers and counts (:data:`INTEGER_COLUMNS`) are pandas'
  nullable ``Int64``: a missing offset is ``<NA>``, never a float ``NaN`` that
  turns every other offset into ``12.0``;
* dates (:data:`DATE_COLUMNS`) are ``datetime64[ns]``, a missing one ``NaT``,
  so a frame can be filtered and sorted by date; a date known only to its month
  or year sits on its first day, and its ``granularity`` column says so;
* ``doc_id`` and the other names are strings (``string`` dtype), and lists
  (participants) stay lists;
* text reads on one line (:func:`breaks_as_spaces`): a sentence that wraps over two lines
  in its article (as wire copy does) has a space where the line broke, not a
  ``\n`` that pandas would print as written. Each break becomes one space, so
  the text keeps its length and ``start``/``end`` still cut it from the raw
  text; the cited objects (hits, sentences, answers) keep the raw text itself.
  A frame that must give back what it was made from (the documents' table that
  ``Corpus.from_frame`` reads) names its columns ``verbatim``.

The frame is a :class:`workbench.table.Table`: a DataFrame in every way, which
shows in a notebook with its identifiers on one line and a missing value as
:data:`MISSING` (its values stay ``NaT`` and ``<NA>``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from workbench.columns import DATE_COLUMNS, MISSING, STRING_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CARD_ROWS",
    "DATE_COLUMNS",
    "INTEGER_COLUMNS",
    "MISSING",
    "STRING_COLUMNS",
    "breaks_as_spaces",
    "card_table",
    "cell_as_one_line",
    "more_rows",
    "typed_frame",
]

#: Columns of whole numbers in any frame: offsets, positions and counts.
INTEGER_COLUMNS = frozenset(
    {
        "start",
        "end",
        "sentence",
        "rank",
        "sentences",  # a document's count; a hit's list of sentence numbers stays a list
        "words",
        "paragraph",
        "count",
    }
)

#: What pandas would print escaped (``\n``, ``\t``) in a table cell: line breaks and tabs.
_BREAKS = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def breaks_as_spaces(text: str) -> str:
    r"""``text`` with each line break or tab made a space: as long as it was, on one line.

    Examples
    --------
    >>> breaks_as_spaces("talks in\nMoscow,\r\nofficials said")
    'talks in Moscow,  officials said'
    """
    return text.translate(_BREAKS)


def cell_as_one_line(value: object) -> object:
    """A table cell on one line: a text (or the texts of a list) by :func:`breaks_as_spaces`."""
    if isinstance(value, str):
        return breaks_as_spaces(value)
    if isinstance(value, list | tuple) and any(isinstance(item, str) for item in value):
        return type(value)(
            breaks_as_spaces(item) if isinstance(item, str) else item for item in value
        )
    return value


def typed_frame(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    *,
    verbatim: Collection[str] = (),
) -> pd.DataFrame:
    """The rows as a DataFrame with ``columns``, each of the type its name says.

    Text in every column but those named ``verbatim`` is put on one line
    (:func:`breaks_as_spaces`).

    Examples
    --------
    >>> frame = typed_frame(
    ...     [{"doc_id": "a", "start": 3, "date": "2024-03-01"}, {"doc_id": "b", "start": None}],
    ...     ["doc_id", "start", "date"],
    ... )
    >>> [str(dtype) for dtype in frame.dtypes]
    ['string', 'Int64', 'datetime64[ns]']
    """
    import pandas as pd

    from workbench.table import Table

    frame = Table(list(rows), columns=list(columns))
    for name in frame.columns:
        if name not in verbatim and pd.api.types.is_string_dtype(frame[name].dtype):
            frame[name] = frame[name].map(cell_as_one_line)
        column = frame[name]
        if name in INTEGER_COLUMNS and (
            pd.api.types.is_numeric_dtype(column) or column.isna().all()
        ):
            frame[name] = column.astype("Int64")
        elif name in DATE_COLUMNS:
            frame[name] = pd.to_datetime(frame[name], errors="coerce").astype("datetime64[ns]")
        elif name in STRING_COLUMNS:
            frame[name] = frame[name].astype("string")
    return frame


#: Rows a notebook card shows before saying how many more there are (as pandas does).
CARD_ROWS = 20


def more_rows(shown: int, total: int, where: str, noun: str = "rows") -> str:
    """The note under a card showing ``shown`` of ``total`` rows: how many more, and where.

    Empty when every row is shown. ``noun`` names what is counted ("rows", "cards").

    Examples
    --------
    >>> "1,980 more rows (20 of 2,000 shown); corpus.overview() has" in more_rows(
    ...     20, 2000, "corpus.overview()"
    ... )
    True
    >>> more_rows(5, 5, "corpus.overview()")
    ''
    """
    if shown >= total:
        return ""
    import html

    return (
        f"<p><small>… and {total - shown:,} more {html.escape(noun)} "
        f"({shown:,} of {total:,} shown); "
        f"{html.escape(where)} has them all.</small></p>"
    )


def card_table(frame: pd.DataFrame, where: str) -> str:
    """The first :data:`CARD_ROWS` rows of ``frame`` as HTML, shown as every table is.

    With the note of :func:`more_rows` under it when rows are left out. As every
    table of the package (:func:`workbench.display.frame_html`), it writes a
    missing value as :data:`MISSING`, a column of dates without a time of day as
    days ("2021-07-17", not "2021-07-17 00:00:00"), and keeps identifiers on one line.
    """
    from workbench.display import frame_html

    shown = frame.head(CARD_ROWS)
    return frame_html(shown, index=False, notebook=False) + more_rows(len(shown), len(frame), where)
