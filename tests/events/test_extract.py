"""Who hosted what, where and when: events on the seeds and on texts made here."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workbench.cli import main
from workbench.corpus.document import build_document
from workbench.errors import WorkbenchError
from workbench.evaluate.events import score_events
from workbench.events.extract import EventTable, extract_events
from workbench.nlp.pipeline import load_pipeline

# The analyst's table for the seeds (../shared/eval/seeds_events.json), copied here because
# ../shared may be absent: any of the hosts, any of the date expressions, the document.
SEED_EVENTS = [
    (["Moscow", "Russia"], ["November 9"], "000_258fbde797f3b430"),
    (["Russia", "Moscow"], ["April 2017"], "000_258fbde797f3b430"),
    (["Moscow", "Russia"], ["April 14", "mid-April"], "001_30f9a38c05a6a4cc"),
    (["Pakistan", "Islamabad"], ["October"], "002_2d519cff5749e0aa"),
    (["Russia", "Moscow"], ["Tuesday"], "003_daaee59f7b39963c"),
    (["Qatar", "Doha"], ["September 12", "September 12 in 2019"], "004_55b560d3e012caba"),
    (["Qatar", "Doha"], ["July 17", "2021-07-17"], "004_55b560d3e012caba"),
]


@pytest.fixture(scope="session")
def full_nlp():
    """spaCy with parser and entities (lru_cached: loaded once however many tests ask)."""
    return load_pipeline("full")


@pytest.fixture(scope="session")
def seed_events(seeds_corpus, full_nlp) -> EventTable:
    return extract_events(seeds_corpus, nlp=full_nlp)


@pytest.fixture(scope="session")
def expected_file(tmp_path_factory):
    rows = [{"host": h, "what": "", "when": w, "doc": d} for h, w, d in SEED_EVENTS]
    path = tmp_path_factory.mktemp("events") / "expected.json"
    path.write_text(json.dumps({"events": rows}), encoding="utf-8")
    return path


def events_of(text, full_nlp, published=None, doc_id="made"):
    return list(extract_events([build_document(text, doc_id, published=published)], nlp=full_nlp))


def only(events):
    assert len(events) == 1, events
    return events[0]


def test_every_analyst_row_is_found_on_the_seeds_and_little_else(seed_events, expected_file):
    score = score_events(seed_events, expected_file)
    assert score.recall == 1.0
    assert score.precision >= 0.85, score.unmatched()


def test_moscow_will_be_hosting_talks_on_november_9_of_an_unknown_year(seed_events):
    event = next(e for e in seed_events if e.when == "November 9")
    assert (event.host, event.event) == ("Moscow", "international talks on Afghanistan")
    assert event.date is None  # the article gives no year and no publication date


def test_russia_earlier_hosted_a_conference_in_april_2017(seed_events):
    event = next(e for e in seed_events if e.when == "April 2017")
    assert (event.host, event.date, event.granularity) == ("Russia", date(2017, 4, 1), "month")


def test_the_host_of_to_host_is_the_subject_of_gets_ready(seed_events):
    event = only([e for e in seed_events if e.doc_id.startswith("001")])
    assert (event.host, event.when, event.event) == (
        "Moscow",
        "mid-April",
        "a conference on Afghanistan",
    )


def test_it_hosted_is_pakistan_and_its_meetings_merge_into_one_row(seed_events):
    event = only([e for e in seed_events if e.doc_id.startswith("002")])
    assert (event.host, event.when, event.place) == ("Pakistan", "October", "Islamabad")
    assert "Mullah Abdul Ghani Baradar" in event.participants
    assert 8 in event.also_in  # "It also arranged a meeting ..."


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


def test_kenya_will_convene_a_summit_on_a_future_day(full_nlp):
    text = "Kenya will convene a summit on trade in Nairobi on 3 March."
    event = only(events_of(text, full_nlp, published=date(2024, 2, 10)))
    assert (event.host, event.event, event.place) == ("Kenya", "a summit on trade", "Nairobi")
    assert (event.when, event.date, event.verb) == ("3 March", date(2024, 3, 3), "convene")


def test_a_passive_agent_organised_the_meeting_last_tuesday(full_nlp):
    text = "The meeting was organised by the UN in Geneva last Tuesday."
    event = only(events_of(text, full_nlp, published=date(2023, 5, 18)))
    assert (event.host, event.place, event.when) == ("UN", "Geneva", "last Tuesday")
    assert event.date == date(2023, 5, 16)


def test_hosted_by_names_the_host_of_the_summit(full_nlp):
    event = only(events_of("The summit, hosted by Ethiopia, ended with a statement.", full_nlp))
    assert (event.host, event.event) == ("Ethiopia", "The summit")


def test_a_pronoun_host_is_the_subject_of_the_sentence_before(full_nlp):
    text = (
        "Norway has long backed the peace process in Colombia. "
        "It hosted a round of talks between the government and the rebels in Oslo on Saturday."
    )
    event = only(events_of(text, full_nlp, published=date(2016, 11, 9)))
    assert (event.host, event.place, event.date) == ("Norway", "Oslo", date(2016, 11, 5))
    assert event.confidence < 0.9  # a resolved pronoun is less direct than a name


def test_a_pronoun_after_said_is_the_speaker_and_will_host_looks_ahead(full_nlp):
    text = "Norway said on Monday it would host talks in Oslo next week."
    event = only(events_of(text, full_nlp, published=date(2019, 6, 5)))
    assert (event.host, event.when, event.date) == ("Norway", "next week", date(2019, 6, 10))


def test_the_country_as_subject_is_the_country_named_before(full_nlp):
    text = "Switzerland is neutral. The country will host a peace conference on Ukraine in June."
    event = only(events_of(text, full_nlp, published=date(2024, 4, 10)))
    assert (event.host, event.when, event.date) == ("Switzerland", "June", date(2024, 6, 1))


def test_a_capital_named_by_its_adjective_is_resolved_with_the_article_links(full_nlp):
    text = "Envoys arrived in Qatar's Doha. New talks opened in the Qatari capital on Monday."
    event = only(events_of(text, full_nlp, published=date(2020, 9, 16)))
    assert (event.host, event.place, event.verb) == ("Qatar", "Doha", "open")


def test_a_year_written_after_the_day_dates_the_event_in_that_year(full_nlp):
    text = "Ghana hosted a cocoa summit in Accra on 12 September in 2018."
    event = only(events_of(text, full_nlp, published=date(2023, 5, 14)))
    assert (event.when, event.date) == ("12 September in 2018", date(2018, 9, 12))


def test_an_undated_event_has_no_when_and_no_date(full_nlp):
    event = only(events_of("Ghana held a conference on cocoa prices.", full_nlp))
    assert (event.host, event.when, event.date) == ("Ghana", None, None)


def test_a_weekday_without_publication_date_keeps_its_text_but_no_date(full_nlp):
    event = only(events_of("Oman hosted talks between the envoys on Saturday.", full_nlp))
    assert (event.when, event.date) == ("Saturday", None)


@pytest.mark.parametrize(
    ("text", "published", "host", "verb", "when", "expected"),
    [
        (
            "Oman facilitated talks between Iran and the United States in Muscat last month.",
            date(2019, 6, 12), "Oman", "facilitate", "last month", date(2019, 5, 1),
        ),
        (
            "Egypt arranged a meeting between the two delegations in Cairo on Friday.",
            date(2021, 3, 10), "Egypt", "arrange", "Friday", date(2021, 3, 5),
        ),
        (
            "The African Union will hold a summit in Addis Ababa next Tuesday.",
            date(2022, 1, 5), "African Union", "hold", "next Tuesday", date(2022, 1, 11),
        ),
        (
            "Qatar will host a new round of talks later this week, officials said on Thursday.",
            date(2019, 12, 5), "Qatar", "host", "later this week", date(2019, 12, 2),
        ),
        (  # a request looks ahead: the coming Friday, and the one asked hosts
            "Japan asked the Security Council to hold urgent consultations on Friday.",
            date(2017, 9, 6), "Security Council", "hold", "Friday", date(2017, 9, 8),
        ),
    ],
)  # fmt: skip
def test_each_verb_of_the_family_gives_the_host_and_a_date_from_publication(
    full_nlp, text, published, host, verb, when, expected
):
    event = only(events_of(text, full_nlp, published=published))
    assert (event.host, event.verb, event.when, event.date) == (host, verb, when, expected)


def test_facilitated_talks_between_two_sides_list_both_as_participants(full_nlp):
    text = "Oman facilitated talks between Iran and the United States in Muscat last month."
    event = only(events_of(text, full_nlp, published=date(2019, 6, 12)))
    assert (event.place, event.granularity) == ("Muscat", "month")
    assert event.participants == ("Iran", "the United States")


def test_a_gathering_hosted_by_an_association_does_not_repeat_the_verb(full_nlp):
    text = "Some 1,200 officials will attend the annual gathering hosted by the Futures Industry\n"
    text += "Association."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.event) == ("Futures Industry Association", "the annual gathering")


@pytest.mark.parametrize(
    ("text", "host", "event"),
    [
        ("Seoul's offer to hold talks on January 9 was welcomed.", "Seoul", "talks"),
        (
            "Prince Khaled, governor of the Asir region hosting the four-day conference, spoke.",
            "Asir region",
            "the four-day conference",
        ),
        (
            "The minister called on the ICO to convene another meeting within two months.",
            "ICO",
            "another meeting",
        ),
        (
            "Delegates attended the opening of the talks, convened by the Cocoa Organization.",
            "Cocoa Organization",
            "the talks",
        ),
        ("Weizsaecker is hosting a dinner tonight for the president.", "Weizsaecker", "a dinner"),
    ],
)
def test_the_host_is_found_however_the_sentence_is_built(text, host, event, full_nlp):
    found = only(events_of(text, full_nlp))
    assert (found.host, found.event) == (host, event)


def test_a_body_named_by_a_common_noun_can_host(full_nlp):
    text = "The Obama administration will host two exercises for the transition team."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.event) == ("Obama administration", "two exercises")


@pytest.mark.parametrize(
    "text",
    [
        "Jordan hosts more than a million refugees.",
        "The new planets may host intelligent life.",
        "The new devices will hold a meeting of engineers.",
        "Police held the suspect for questioning in Kabul on Monday.",
        "Officials met with the minister in Kabul on Wednesday.",
        "George Bush opened the meeting to the press.",
        "The conference was held earlier.",
    ],
)
def test_hosting_without_an_event_or_visitors_or_without_a_possible_host_is_not_an_event(
    text, full_nlp
):
    assert events_of(text, full_nlp) == []


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


def test_the_table_becomes_a_frame_html_and_a_timeline(seed_events, tmp_path):
    frame = seed_events.to_frame()
    assert list(frame.columns[:4]) == ["doc_id", "sentence", "start", "end"]
    assert "2021-07-17" in set(frame["date"])
    assert "Pakistan" in seed_events._repr_html_()
    figure = seed_events.timeline()
    assert len(figure.axes) == 2
    figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").stat().st_size > 0


def test_a_pipeline_without_a_parser_is_refused(seeds_corpus):
    with pytest.raises(ValueError, match="lacks parser"):
        extract_events(seeds_corpus, nlp=load_pipeline("ner"))


def test_a_missing_or_malformed_expected_file_is_a_workbench_error(seed_events, tmp_path):
    with pytest.raises(WorkbenchError, match="cannot read the expected events"):
        score_events(seed_events, tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"rows": []}), encoding="utf-8")
    with pytest.raises(WorkbenchError, match="not an expected-events file"):
        score_events(seed_events, bad)


def test_the_events_command_prints_json_rows(capsys, full_nlp):
    assert main(["events", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["host"] for row in rows} >= {"Moscow", "Russia", "Pakistan", "Qatar"}


def test_the_eval_events_command_prints_recall_and_precision(capsys, expected_file, full_nlp):
    assert main(["eval", "events", str(expected_file)]) == 0
    assert "recall 1.000" in capsys.readouterr().out


def test_the_eval_events_command_reports_a_missing_file_in_one_line(capsys, tmp_path):
    assert main(["eval", "events", str(tmp_path / "none.json")]) == 2
    assert "cannot read the expected events" in capsys.readouterr().err
