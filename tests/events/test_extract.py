"""Who hosted what, where and when: events on the seeds, merged into one row per event.

How one sentence is read is tested in test_hosting.py; the table and the timeline in
test_table.py and test_timeline.py; scoring against the analyst's table, and
``workbench eval events``, in tests/evaluate/test_events.py. The fixtures (the seeds'
events, the analyst's table) are in tests/conftest.py.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from events.made_events import only

from workbench.cli import main
from workbench.evaluate.events import score_events
from workbench.events import extract_events
from workbench.nlp.pipeline import load_pipeline


def test_every_analyst_row_is_found_on_the_seeds_and_little_else(seed_events, expected_file):
    score = score_events(seed_events, expected_file)
    assert score.recall == 1.0
    assert score.when_accuracy == 1.0, score.rows()
    # The analyst's table lists who hosted; other rows are meetings or talks whose venue
    # hosts them ("will rejoin the talks with the Taliban in Doha"), never another host.
    assert {event.evidence for event in score.unmatched()} <= {"venue", "previous-venue"}


def test_moscow_will_be_hosting_talks_on_november_9_of_an_unknown_year(seed_events):
    event = next(e for e in seed_events if e.when == "November 9")
    assert (event.host, event.event) == ("Moscow", "international talks on Afghanistan")
    assert event.date is None  # the article gives no year and no publication date


def test_russia_earlier_hosted_a_conference_in_april_2017(seed_events):
    event = next(e for e in seed_events if e.when == "April 2017")
    assert (event.host, event.date, event.granularity) == ("Russia", date(2017, 4, 1), "month")


def test_the_host_of_to_host_is_the_subject_of_gets_ready(seed_events):
    in_001 = [e for e in seed_events if e.doc_id.startswith("001")]
    event = only([e for e in in_001 if e.family == "hosting"])
    assert (event.host, event.event) == ("Moscow", "a conference on Afghanistan")
    # "Karzai said he would go to Moscow": his visit, "he" read as Karzai
    visit = only([e for e in in_001 if e.family == "visit"])
    assert (visit.host, visit.participants) == ("Moscow", ("Karzai",))
    # "in mid-April" and, later, "the conference in Moscow on April 14": the finer date wins.
    assert (event.when, event.sentence, event.also_in) == ("April 14", 7, (0,))


def test_it_hosted_is_pakistan_and_its_meetings_merge_into_one_row(seed_events):
    in_002 = [e for e in seed_events if e.doc_id.startswith("002")]
    event = only([e for e in in_002 if e.evidence == "explicit"])
    assert (event.host, event.when, event.place) == ("Pakistan", "October", "Islamabad")
    assert "Mullah Abdul Ghani Baradar" in event.participants
    assert 8 in event.also_in  # "It also arranged a meeting ..."


def test_the_envoys_meetings_in_kabul_are_one_meeting_whose_venue_hosts_it(seed_events):
    meeting = only([e for e in seed_events if e.doc_id.startswith("002") and e.family == "meeting"])
    assert (meeting.host, meeting.place, meeting.when, meeting.evidence) == (
        "Kabul",
        "Kabul",
        "Wednesday",
        "venue",
    )
    assert "Khalilzad" in meeting.participants
    assert 2 in meeting.also_in  # "In Kabul, Special Representative Khalilzad will meet ..."


def test_headline_and_body_mentions_of_the_moscow_talks_are_one_row(seed_events):
    event = only([e for e in seed_events if e.doc_id.startswith("003")])
    assert (event.host, event.when, event.event) == ("Moscow", "Tuesday", "Afghan peace talks")
    assert 0 in event.also_in  # the headline "Russia hosts Afghan peace talks ..."
    assert "Taliban" in event.participants


def test_talks_that_opened_in_the_qatari_capital_were_hosted_in_doha(seed_events):
    events = [e for e in seed_events if e.doc_id.startswith("004")]
    assert [(e.host, e.place, e.date) for e in events] == [
        ("Qatar", "Doha", date(2019, 9, 12)),
        ("Qatar", "Doha", date(2021, 7, 17)),
    ]


def test_every_event_cites_its_sentence_by_raw_offsets(seeds_corpus, seed_events):
    for event in seed_events:
        assert seeds_corpus[event.doc_id].raw[event.start : event.end] == event.text


def test_a_pipeline_without_a_parser_is_refused(seeds_corpus):
    with pytest.raises(ValueError, match="lacks parser"):
        extract_events(seeds_corpus, nlp=load_pipeline("ner"))


def test_the_events_command_prints_json_rows(capsys, full_nlp):
    assert main(["events", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["events"]
    assert {row["host"] for row in rows} >= {"Moscow", "Russia", "Pakistan", "Qatar"}


def test_one_event_reported_by_two_articles_is_linked_not_merged(full_nlp):
    from workbench.corpus.document import build_document

    published = date(2016, 9, 1)
    documents = [
        build_document(
            "China will host the G20 summit in Hangzhou on Sunday.", "a", published=published
        ),
        build_document("Leaders fly in as China hosts the G20 summit.", "b", published=published),
        build_document("Qatar hosted talks on Tuesday.", "c", published=published),
    ]
    rows = {event.doc_id: event for event in extract_events(documents, nlp=full_nlp)}
    assert (rows["a"].also_reported, rows["b"].also_reported) == (("b",), ("a",))
    assert rows["c"].also_reported == ()
