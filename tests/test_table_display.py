"""Every frame shows in a notebook with identifiers and dates on one line and "—" where missing.

The frames are :class:`workbench.table.Table`: plain DataFrames in what they compute,
whose notebook HTML (:func:`workbench.display.frame_html`) keeps "reuters-1000" and
"2021-07-17" whole in a narrow column (a browser breaks a line after a hyphen) and
writes a missing value one way. Widths are measured by :mod:`html_layout`, as
JupyterLab lays a table out.
"""

from __future__ import annotations

import pandas as pd
import pytest
from html_layout import table_layout, text_width

from workbench import search, summarise
from workbench.display import frame_html, one_line
from workbench.frames import MISSING
from workbench.model import Corpus
from workbench.table import Table

#: Wire stories with Reuters-like ids, which break at the hyphen in a narrow column.
WIRE = pd.DataFrame(
    {
        "doc_id": ["reuters-1000", "reuters-1001", "reuters-1002"],
        "text": [
            "OPEC will host talks on output in Vienna. Ministers of the cartel agreed to meet.",
            "Kenya hosted a summit on coffee prices. Growers said the talks went well.",
            "Brazil will hold talks on cocoa exports. Traders expect a quota deal.",
        ],
    }
)


@pytest.fixture(scope="module")
def wire() -> Corpus:
    return Corpus.from_frame(WIRE)


def _missing_shown_as_pandas(page: str) -> list[str]:
    return [word for word in ("NaT", "None", "NaN", "&lt;NA&gt;") if f">{word}<" in page]


def test_the_overview_keeps_its_values_but_shows_ids_and_the_day_whole_and_missing_as_a_dash(
    seeds_corpus,
):
    overview = seeds_corpus.overview()
    assert isinstance(overview, Table) and isinstance(overview, pd.DataFrame)
    assert overview["published"].isna().sum() == 4 and overview["source"].isna().all()
    page = overview._repr_html_()
    assert _missing_shown_as_pandas(page) == []  # it showed NaT and None
    assert "<td>—</td>" in page
    assert f"<td>{one_line('2021-07-17')}</td>" in page and "00:00:00" not in page
    assert f"<td>{one_line('004_55b560d3e012caba')}</td>" in page
    card = seeds_corpus._repr_html_()  # the card and the frame show the same way
    assert f"<td>{one_line('2021-07-17')}</td>" in card and _missing_shown_as_pandas(card) == []


def test_a_table_stays_a_table_through_what_pandas_derives_from_it(seeds_corpus):
    overview = seeds_corpus.overview()
    derived = {
        "drop": overview.drop(columns="path"),
        "head": overview.head(2),
        "merge": overview.merge(overview[["doc_id", "title"]], on="doc_id"),
        "concat": pd.concat([overview, overview], ignore_index=True),
        "round": overview.round({"words": 0}),
        "filter": overview[overview["words"] > 400],
    }
    for name, frame in derived.items():
        assert isinstance(frame, Table), name
    pd.testing.assert_frame_equal(pd.DataFrame(overview), overview, check_frame_type=False)


def test_every_frame_keeps_reuters_ids_on_one_line(wire):
    document = wire["reuters-1000"]
    frames = {
        "sentences": document.to_frame(),
        "hits": search(wire, "talks", 3, level="sentence").to_frame(),
        "ranking": summarise(document, sentences=1).ranking_frame(),
        "overview": wire.overview(),
    }
    for name, frame in frames.items():
        assert isinstance(frame, Table), name
        page = frame._repr_html_()
        assert one_line(frame["doc_id"].iloc[0]) in page, name
        layout = table_layout(page, available=200)  # a narrow output area: all at least
        assert layout.column("doc_id") >= text_width(frame["doc_id"].iloc[0]), name


def test_an_id_breaks_without_the_rule_and_not_with_it():
    frame = pd.DataFrame({"doc_id": ["reuters-1000"], "text": ["Talks"]})
    plain = table_layout(frame.to_html(), available=100).column("doc_id")
    kept = table_layout(frame_html(frame), available=100).column("doc_id")
    assert plain < text_width("reuters-1000") <= kept


def test_a_long_frame_shows_its_first_and_last_rows_and_its_size_as_pandas_does():
    frame = Table({"doc_id": [f"d-{n}" for n in range(100)], "start": range(100)})
    page = frame._repr_html_()
    for shown in ("d-0", "d-4", "d-95", "d-99"):
        assert f"<td>{one_line(shown)}</td>" in page
    assert "d-5<" not in page and "d-94<" not in page
    assert "<p>100 rows × 2 columns</p>" in page


def test_a_long_column_name_may_break_after_its_punctuation_a_value_never():
    frame = Table({"kind=who&term_path=nsubj^": [0.5], "doc_id": ["reuters-1"]})
    page = frame._repr_html_()
    assert "<th>kind=<wbr>who&amp;<wbr>term_<wbr>path=<wbr>nsubj^</th>" in page
    assert f"<td>{one_line('reuters-1')}</td>" in page


def test_missing_values_of_every_kind_show_as_a_dash_and_numbers_as_pandas_writes_them():
    frame = Table(
        {
            "doc_id": pd.array(["a", None], dtype="string"),
            "start": pd.array([3, None], dtype="Int64"),
            "score": [0.25, float("nan")],
            "answer": ["Moscow", None],
            "date": pd.to_datetime(["2021-07-17", None]),
        }
    )
    page = frame._repr_html_()
    assert _missing_shown_as_pandas(page) == []
    assert page.count("<td>—</td>") == 5
    assert "<td>0.25</td>" in page and "<td>3</td>" in page
    assert frame["start"].dtype == "Int64" and frame["date"].isna().iloc[1]  # values kept


def test_a_list_cell_reads_as_its_items_and_an_empty_one_as_missing():
    page = frame_html(pd.DataFrame({"when": [["May 3", "Tuesday"], []]}))
    assert "May 3, Tuesday" in page and "[" not in page
    assert MISSING in page
