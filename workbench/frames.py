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
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

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

#: Columns of calendar dates in any frame.
DATE_COLUMNS = frozenset({"date", "published"})

#: Columns of identifiers and names, kept as strings (``<NA>`` when missing).
STRING_COLUMNS = frozenset({"doc_id", "id"})

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

    frame = pd.DataFrame(list(rows), columns=list(columns))
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

#: How every card and table shows a missing value.
MISSING = "—"


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
    """The first :data:`CARD_ROWS` rows of ``frame`` as HTML, missing values as :data:`MISSING`.

    With the note of :func:`more_rows` under it when rows are left out. A column of
    dates without a time of day shows the days ("2021-07-17", not "2021-07-17
    00:00:00").
    """
    from pandas.api.types import is_datetime64_any_dtype

    shown = frame.head(CARD_ROWS).copy()
    for column in shown.columns:
        values = shown[column]
        days = values.dropna() if is_datetime64_any_dtype(values) else None
        if days is not None and (days.dt.normalize() == days).all():
            # a day, as the article gives it: "2021-07-17", not "2021-07-17 00:00:00"
            shown[column] = values.dt.strftime("%Y-%m-%d")
    shown = shown.astype(object).where(shown.notna(), MISSING)
    return shown.to_html(index=False) + more_rows(len(shown), len(frame), where)
