"""Every table has the same column types: integer offsets, datetime dates, list participants."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench import search, summarise
from workbench.export.briefing import build_briefing
from workbench.model import Corpus


@pytest.fixture(scope="module")
def frames(seeds_corpus, seed_events, seeds_answerer):
    answer = seeds_answerer.ask("Who won the football World Cup in 2018?")  # no answer
    briefing = build_briefing(seeds_corpus, answerer=seeds_answerer)
    return {
        "overview": seeds_corpus.overview(),
        "sentences": seeds_corpus.to_frame(),
        "hits": search(seeds_corpus, "talks in Moscow", 5).to_frame(),
        "summary": summarise(seeds_corpus, sentences=2).to_frame(),
        "evidence": answer.to_frame(),
        "events": seed_events.to_frame(),
        "briefing": briefing.to_frame(),
    }


def test_offsets_are_integers_and_doc_ids_strings_in_every_frame(frames):
    for name, frame in frames.items():
        for column in ("start", "end", "sentence"):
            if column in frame:
                assert str(frame[column].dtype) == "Int64", (name, column)
        if "doc_id" in frame:
            assert str(frame["doc_id"].dtype) == "string", name
            assert frame["doc_id"].notna().all() or name == "briefing", name


def test_dates_are_datetimes_with_their_granularity_beside_them(frames):
    events = frames["events"]
    assert events["date"].dtype == "datetime64[ns]"
    assert frames["overview"]["published"].dtype == "datetime64[ns]"
    month = events[events["granularity"] == "month"]
    assert not month.empty and (month["date"].dt.day == 1).all()
    assert events["date"].isna().any()  # an undated event is NaT, not a guessed year
    assert frames["briefing"]["date"].dtype == "datetime64[ns]"


def test_participants_are_lists(frames):
    events = frames["events"]
    assert all(isinstance(value, list) for value in events["participants"])
    assert any(value for value in events["participants"])
    assert all(isinstance(value, list) for value in events["also_in"])


def test_a_frame_can_be_filtered_by_date(frames):
    events = frames["events"]
    recent = events[events["date"] >= pd.Timestamp("2019-01-01")]
    assert set(recent["host"]) == {"Qatar"}


#: Wire copy as Reuters sends it: every sentence broken across lines.
WIRE_STORY = (
    "COCOA OUTPUT TO RISE\n\n"
    "Cocoa production in Indonesia is forecast to rise steadily\n"
    "as the government develops new plantations, the ministry said.\n"
    "Output rose to 32,378 tonnes in calendar 1985\n"
    "from 10,284 tonnes in 1980.\n"
)


@pytest.fixture(scope="module")
def wire_corpus():
    return Corpus.from_frame(pd.DataFrame({"doc_id": ["cocoa"], "text": [WIRE_STORY]}))


def test_text_that_wraps_in_the_article_reads_on_one_line_in_every_frame(wire_corpus):
    document = wire_corpus["cocoa"]
    shown = {
        "sentences": document.to_frame(),
        "hits": search(wire_corpus, "cocoa plantations", 2, level="passage").to_frame(),
        "summary": summarise(document, sentences=2).to_frame(),
    }
    for name, frame in shown.items():
        assert not frame.empty, name
        with pd.option_context("display.max_colwidth", None):
            html = frame._repr_html_()
        assert "\\n" not in html, name  # pandas prints a line break in a cell as "\n"
        raws = [document.raw[row.start : row.end] for row in frame.itertuples()]
        assert any("\n" in raw for raw in raws), name
        assert list(frame["text"]) == [raw.replace("\n", " ") for raw in raws], name
    assert "steadily as the government" in shown["sentences"]["text"].str.cat()


def test_the_documents_table_keeps_the_raw_text_it_gives_back(wire_corpus):
    frame = wire_corpus.documents_frame()
    assert frame.loc[0, "text"] == wire_corpus["cocoa"].raw
    assert Corpus.from_frame(frame)["cocoa"].raw == WIRE_STORY
