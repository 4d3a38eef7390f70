"""The event table: a DataFrame, an HTML table in a notebook and a timeline."""

from __future__ import annotations


def test_the_table_becomes_a_frame_html_and_a_timeline(seed_events, tmp_path):
    frame = seed_events.to_frame()
    assert list(frame.columns[:4]) == ["doc_id", "sentence", "start", "end"]
    assert "2021-07-17" in set(frame["date"].dt.strftime("%Y-%m-%d"))
    assert "Pakistan" in seed_events._repr_html_()
    figure = seed_events.timeline()
    assert len(figure.axes) == 2
    figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").stat().st_size > 0
