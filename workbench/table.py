"""The DataFrame every ``to_frame`` returns: pandas' own, shown the workbench's way.

:class:`Table` is a :class:`pandas.DataFrame` in everything it computes, and
stays one through what pandas derives from it (``head``, ``merge``, ``groupby``,
``round``, ``pd.concat`` of tables); only the HTML a notebook shows differs,
written by :func:`workbench.display.frame_html`: identifiers and dates on one
line, a missing value as "—" whatever pandas holds, days without a time of day.
"""

from __future__ import annotations

import pandas as pd

from workbench.display import frame_html


class Table(pd.DataFrame):
    """A DataFrame that shows in a notebook as :func:`workbench.display.frame_html` writes it.

    It honours pandas' display options as pandas does: past
    ``display.max_rows`` rows it shows ``display.min_rows`` of them, at most
    ``display.max_columns`` columns, and the frame's size under the table when
    ``display.show_dimensions`` says so.

    Examples
    --------
    >>> table = Table({"doc_id": ["reuters-1000"], "published": [pd.NaT]})
    >>> type(table.head(1)).__name__, "NaT" in table._repr_html_()
    ('Table', False)
    """

    @property
    def _constructor(self) -> type[Table]:
        return Table

    def _repr_html_(self) -> str | None:
        if not pd.get_option("display.notebook_repr_html"):
            return None
        max_rows = pd.get_option("display.max_rows")
        min_rows = pd.get_option("display.min_rows")
        if max_rows and len(self) > max_rows:  # as pandas: past max_rows, show min_rows
            max_rows = min_rows or max_rows
        return frame_html(
            self,
            max_rows=max_rows,
            max_cols=pd.get_option("display.max_columns"),
            show_dimensions=pd.get_option("display.show_dimensions"),
        )


def as_table(frame: pd.DataFrame) -> Table:
    """``frame`` as a :class:`Table`: the same data, shown as every table of the package."""
    return frame if isinstance(frame, Table) else Table(frame)
