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
