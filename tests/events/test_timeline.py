"""The timeline: dated events as points on a time axis, undated ones listed beside it."""

from __future__ import annotations

from datetime import date

from workbench.corpus.document import build_document
from workbench.events import extract_events


def test_the_timeline_draws_dated_events_as_points_and_lists_undated_ones(full_nlp):
    text = (
        "Kenya hosted a summit on trade in Nairobi on 3 March 2024. "
        "Ghana held a conference on cocoa prices."
    )
    table = extract_events([build_document(text, "made")], nlp=full_nlp)
    assert [(e.host, e.date) for e in table] == [("Kenya", date(2024, 3, 3)), ("Ghana", None)]
    dated, undated = table.timeline().axes
    assert len(dated.lines) == 1  # one point: the dated event
    assert "Kenya: a summit on trade" in " ".join(t.get_text() for t in dated.texts)
    listed = " ".join(t.get_text() for t in undated.texts)
    assert "Ghana: a conference on cocoa prices" in listed and "no date given" in listed


def test_with_no_dated_event_the_timeline_says_so_instead_of_an_empty_axis(full_nlp):
    text = "Ghana held a conference on cocoa prices. Kenya hosted a summit on trade in Nairobi."
    table = extract_events([build_document(text, "made")], nlp=full_nlp)
    assert table.events and all(event.date is None for event in table)
    dated, undated = table.timeline().axes
    assert not dated.axison and not dated.lines
    assert "No event is dated" in " ".join(t.get_text() for t in dated.texts)
    assert "Ghana" in " ".join(t.get_text() for t in undated.texts)


def test_a_timeline_of_many_events_draws_the_first_and_says_how_many_it_leaves_out(full_nlp):
    from dataclasses import replace

    from workbench.events.timeline import MAX_DRAWN

    text = (
        "Ghana held a conference on cocoa prices. Kenya hosted a summit in Nairobi on 3 March 2024."
    )
    table = extract_events([build_document(text, "made")], nlp=full_nlp)
    undated = next(event for event in table if event.date is None)
    dated = next(event for event in table if event.date is not None)
    many = [replace(undated, doc_id=f"d{n}") for n in range(MAX_DRAWN + 25)]
    many += [replace(dated, doc_id=f"e{n}") for n in range(MAX_DRAWN + 5)]
    figure = type(table)(tuple(many)).timeline()
    drawn, listed = figure.axes
    assert len(drawn.lines) == MAX_DRAWN
    assert f"the first {MAX_DRAWN} of {MAX_DRAWN + 5}" in drawn.get_title()
    assert f"the first {MAX_DRAWN} of {MAX_DRAWN + 25}" in listed.get_title()
    assert figure.get_figheight() < 0.55 * MAX_DRAWN + 2


def _drawn(figure):
    """The figure drawn once (Agg, no display), so that its texts have their extents."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas.get_renderer()


def _inside(inner, outer) -> bool:
    return (
        inner.x0 >= outer.x0 - 0.5
        and inner.x1 <= outer.x1 + 0.5
        and inner.y0 >= outer.y0 - 0.5
        and inner.y1 <= outer.y1 + 0.5
    )


def test_the_seed_timeline_keeps_every_label_inside_its_panel(seed_events):
    figure = seed_events.timeline()
    renderer = _drawn(figure)
    dated = figure.axes[0]
    frame = dated.get_window_extent(renderer)
    labels = [text for text in dated.texts if "(" in text.get_text()]
    assert any("(July 17, Thursday)" in text.get_text() for text in labels)  # ran past the frame
    for text in labels:
        assert _inside(text.get_window_extent(renderer), frame), text.get_text()


def test_one_dated_event_among_many_undated_makes_a_small_figure_filled_by_what_it_holds(
    full_nlp,
):
    from dataclasses import replace

    text = (
        "Ghana held a conference on cocoa prices. Kenya hosted a summit in Nairobi on 3 March 2024."
    )
    table = extract_events([build_document(text, "made")], nlp=full_nlp)
    undated = next(event for event in table if event.date is None)
    dated = next(event for event in table if event.date is not None)
    geneva = replace(
        dated,
        host="Geneva",
        event="the earlier Reagan-Gorbachev summit",
        when="November 1985",
        date=date(1985, 11, 1),
        granularity="month",
    )  # as on 2,000 Reuters articles: one dated event, 216 undated
    many = (geneva, *(replace(undated, doc_id=f"reuters-{n}") for n in range(1000, 1216)))
    figure = type(table)(many).timeline()
    assert figure.get_figheight() < 7  # 19.5 inches (1,950 px) before, mostly empty
    renderer = _drawn(figure)
    panel, listed = figure.axes
    assert panel.get_window_extent(renderer).height < 0.3 * figure.bbox.height
    label = next(text for text in panel.texts if "November 1985" in text.get_text())
    assert _inside(label.get_window_extent(renderer), panel.get_window_extent(renderer))
    lines = [text.get_window_extent(renderer) for text in listed.texts]
    space = listed.get_window_extent(renderer)
    assert len(lines) == 2  # the 40 listed events in two columns
    assert all(_inside(line, figure.bbox) for line in lines)
    assert max(line.height for line in lines) > 0.8 * space.height  # the list fills its part
