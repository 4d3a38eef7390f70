"""The event table: a DataFrame, an HTML table in a notebook and a timeline."""

from __future__ import annotations

from workbench.display import one_line


def test_the_table_becomes_a_frame_html_and_a_timeline(seed_events, tmp_path):
    frame = seed_events.to_frame()
    assert list(frame.columns[:4]) == ["doc_id", "sentence", "start", "end"]
    assert "2021-07-17" in set(frame["date"].dt.strftime("%Y-%m-%d"))
    assert "Pakistan" in seed_events._repr_html_()
    figure = seed_events.timeline()
    assert len(figure.axes) == 2
    figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").stat().st_size > 0


def test_the_events_card_fits_a_notebook_with_ids_whole_and_the_evidence_readable(seed_events):
    from html_layout import OUTPUT_WIDTH, table_layout, text_width

    page = seed_events._repr_html_()
    layout = table_layout(page)
    assert layout.width <= OUTPUT_WIDTH  # 1,120 px before: the evidence cut at the right edge
    assert layout.column("evidence") >= 300  # a few words a line, not one (about 90 px before)
    longest_id = max(text_width(event.doc_id) for event in seed_events)
    assert layout.column("source") >= longest_id  # "000_258fbde797f3b430" never broken
    reported = next(event for event in seed_events if event.also_reported)
    assert f"also reported in {one_line(reported.also_reported[0])}" in page
    dated = next(event for event in seed_events if event.granularity == "day")
    assert one_line(dated.date_shown()) in page  # "2021-07-17" kept whole


def test_the_hosts_summed_up_list_their_dates_without_missing_values(seed_events):
    hosts = seed_events.by_host()
    assert list(hosts.columns) == ["host", "events", "documents", "when"]
    moscow = hosts.set_index("host").loc["Moscow"]
    assert moscow["events"] == 5 and moscow["documents"] == 3
    assert moscow["when"] == ["November 9", "April 14", "Tuesday"]  # was [November 9, nan, ...]
    assert hosts.set_index("host").loc["Doha", "when"] == []  # was [nan]
    assert "nan" not in hosts._repr_html_()
    assert hosts["events"].sum() == len(seed_events)
