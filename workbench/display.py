"""How a table shows in a notebook: identifiers on one line, a missing value one way.

Every ``to_frame`` of the package returns a :class:`workbench.table.Table`, a
pandas DataFrame that computes as any other and shows in a notebook through
:func:`frame_html`; the cards write their tables by the same rules. A table shows
as pandas shows a frame, except that

* identifiers and dates stay on one line (:data:`ONE_LINE_COLUMNS`): in a narrow
  column a browser breaks "reuters-1000" after its hyphen and "2021-07-17" after
  each of its, which reads as two values;
* a missing value shows as :data:`~workbench.columns.MISSING` ("—"), whatever
  pandas holds (``NaN``, ``None``, ``<NA>``, ``NaT``);
* a column of dates without a time of day shows the days ("2021-07-17", not
  "2021-07-17 00:00:00");
* a long column name without spaces ("kind=who&term_path=nsubj^") may break
  after its punctuation, so that it does not widen its column past its values.

Only the display changes: the frame keeps its values (``NaT``, ``<NA>``) and
types. JupyterLab shows an untrusted notebook's HTML sanitised, which drops
``<style>`` elements but keeps an element's own ``style`` attribute, so every
rule here is inline (``white-space:nowrap`` on a ``<span>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.columns import DATE_COLUMNS, MISSING, STRING_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

#: Columns of identifiers, citations and dates, shown on one line: doc ids ("reuters-1000"),
#: lists of them, citations ("reuters-1000[80:86]"), spans ("1310–1468") and dates.
ONE_LINE_COLUMNS = frozenset(
    {
        *STRING_COLUMNS,
        *DATE_COLUMNS,
        "duplicate_of",
        "also_reported",
        "duplicates",
        "span",
        "asked of",
    }
)

#: The inline style that keeps an element on one line.
NOWRAP = "white-space:nowrap"

#: Column names longer than this may break after their punctuation.
LONG_NAME = 16

# Marks put in the cells before pandas writes the HTML (and escapes it), made into tags
# after: private-use characters, which no article text keeps (they are taken out of it).
_OPEN, _CLOSE, _BREAK = "\ue000", "\ue001", "\ue002"
_MARKS = str.maketrans(dict.fromkeys(_OPEN + _CLOSE + _BREAK))
_MARKED = re.compile(f"{_OPEN}([^{_OPEN}{_CLOSE}]*){_CLOSE}")
_NAME_BREAKS = re.compile(r"(?<=[&=_^/])(?=.)")


def one_line(escaped: str) -> str:
    """HTML that a browser keeps on one line: ``escaped`` (already HTML) in a nowrap span.

    Examples
    --------
    >>> one_line("reuters-1000")
    '<span style="white-space:nowrap">reuters-1000</span>'
    """
    return f'<span style="{NOWRAP}">{escaped}</span>'


def code(text: str) -> str:
    """``text`` (plain) as inline code kept on one line: a citation, "reuters-1000[80:86]".

    Examples
    --------
    >>> code("reuters-1000[80:86]")
    '<code style="white-space:nowrap">reuters-1000[80:86]</code>'
    """
    return f'<code style="{NOWRAP}">{html.escape(text)}</code>'


def is_missing(value: object) -> bool:
    """Whether ``value`` is a missing scalar: ``None``, ``NaN``, ``pd.NA`` or ``NaT``."""
    import pandas as pd

    if isinstance(value, list | tuple | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # an array-like value is not one missing value
        return False


def _shown(value: object, keep_on_one_line: bool) -> object:
    """A cell as the display shows it, with the marks that make tags after escaping."""
    if is_missing(value):
        return MISSING
    if isinstance(value, str):
        text = value.translate(_MARKS)
        return f"{_OPEN}{text}{_CLOSE}" if keep_on_one_line else text
    if isinstance(value, list | tuple):  # "November 9, April 14", not a Python list
        items = [_shown(item, keep_on_one_line) for item in value if not is_missing(item)]
        return ", ".join(str(item) for item in items) if items else MISSING
    return value


def _days_or_times(column: pd.Series) -> pd.Series:
    """A datetime column as text: days when no value has a time of day, else date and time."""
    known = column.dropna()
    if known.empty:
        return column.map(lambda _: MISSING)
    pattern = "%Y-%m-%d" if (known.dt.normalize() == known).all() else "%Y-%m-%d %H:%M:%S"
    return column.dt.strftime(pattern).map(lambda text: _shown(text, True))


def _name(label: object) -> object:
    """A column name as shown: a long one without spaces may break after punctuation."""
    if isinstance(label, str) and len(label) > LONG_NAME and " " not in label:
        return _NAME_BREAKS.sub(_BREAK, label.translate(_MARKS))
    return label


def _kept(column: pd.Series) -> bool:
    """Whether pandas formats ``column`` itself: floats (``NaN`` as "—"), booleans without NA."""
    from pandas.api.types import is_bool_dtype, is_float_dtype

    return is_float_dtype(column.dtype) or (is_bool_dtype(column.dtype) and not column.hasnans)


def display_copy(frame: pd.DataFrame, ends: int | None = None) -> pd.DataFrame:
    """``frame`` with its cells as they show: marked identifiers, "—" for missing values.

    Numbers (floats, with their ``NaN`` left for pandas to write as "—") and
    booleans stay as they are, so pandas formats them as it always does. With
    ``ends``, only the first and last ``ends`` rows are made so (those pandas
    shows of a long frame); the others are copied as they are.
    """
    import pandas as pd
    from pandas.api.types import is_datetime64_any_dtype

    shown = pd.DataFrame(frame).copy()
    rows = len(shown)
    cut = ends is not None and rows > 2 * ends
    for number, (label, column) in enumerate(frame.items()):
        if _kept(column):
            continue
        one = isinstance(label, str) and label in ONE_LINE_COLUMNS
        values = column.astype(object)
        if cut:
            values = values.copy()
            ends_at = [*range(ends), *range(rows - ends, rows)]  # type: ignore[arg-type]
            part = column.iloc[ends_at]
        else:
            part = column
        if is_datetime64_any_dtype(column.dtype):
            formatted = _days_or_times(part)
        else:
            formatted = part.astype(object).map(lambda value, one=one: _shown(value, one))
        if cut:
            values.iloc[ends_at] = formatted.to_numpy(dtype=object)
        else:
            values = formatted.astype(object)
        shown.isetitem(number, values)
    shown.columns = pd.Index([_name(label) for label in frame.columns])
    return shown


def with_tags(rendered: str) -> str:
    """Pandas' HTML of a :func:`display_copy` with its marks made into tags."""
    rendered = _MARKED.sub(lambda found: one_line(found[1]), rendered)
    return rendered.replace(_BREAK, "<wbr>").translate(_MARKS)  # a cut identifier: no span


def frame_html(
    frame: pd.DataFrame,
    *,
    index: bool = True,
    max_rows: int | None = None,
    max_cols: int | None = None,
    show_dimensions: bool | str = False,
    notebook: bool = True,
) -> str:
    """``frame`` as pandas writes it in a notebook, shown as this module's introduction says.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any frame: its values are not changed.
    index : bool
        Whether to write the index.
    max_rows, max_cols : int, optional
        Rows and columns written before pandas cuts the middle out (``…``); all by default.
    show_dimensions : bool or "truncate"
        Whether to write "20 rows × 153 columns" under the table, as pandas does.
    notebook : bool
        Pandas' notebook HTML (in a ``<div>``, with its classes), as in ``_repr_html_``.

    Examples
    --------
    >>> import pandas as pd
    >>> page = frame_html(pd.DataFrame({"doc_id": ["reuters-1000"], "published": [pd.NaT]}))
    >>> '<span style="white-space:nowrap">reuters-1000</span>' in page, "NaT" in page
    (True, False)
    """
    ends = max_rows // 2 if max_rows and len(frame) > max_rows else None
    rendered = display_copy(frame, ends).to_html(
        index=index,
        na_rep=MISSING,
        max_rows=max_rows,
        max_cols=max_cols,
        show_dimensions=show_dimensions,
        notebook=notebook,
    )
    return with_tags(rendered)


def one_line_list(values: Iterable[str], separator: str = ", ") -> str:
    """Escaped ``values`` joined by ``separator``, each kept on one line (a line may break between).

    Examples
    --------
    >>> one_line_list(["a-1", "b-2"]).count("nowrap")
    2
    """
    return separator.join(one_line(html.escape(value)) for value in values)
