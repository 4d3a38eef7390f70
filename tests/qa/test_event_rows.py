"""Questions the events table answers: "Who hosted which talks, and when?" gets its rows."""

from __future__ import annotations

import json
from datetime import date

import pytest
from qa.made_articles import corpus_of

from workbench.events.confidence import load_event_confidence, row_confidence
from workbench.qa.analysis import analyse_question
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.event_rows import ROWS_TYPE, event_query

TEXTS = {
    "doha": "Qatar hosted talks on Afghanistan in Doha on 12 September, officials said.",
    "moscow": "Russia hosted peace talks on Syria in Moscow on 9 November, officials said.",
    "visit": "President Macron visited Nigeria on 2 July for talks on trade.",
    "fish": "Norway and Iceland signed a fishing accord in Reykjavik on Tuesday.",
}


@pytest.fixture(scope="module")
def answerer(full_nlp) -> QuestionAnswerer:
    return QuestionAnswerer(corpus_of(TEXTS, published=date(2023, 12, 1)), nlp=full_nlp)


@pytest.mark.parametrize(
    "question",
    [
        "Who hosted which talks and when?",
        "Who hosted what, where and when?",
        "Which countries hosted talks, and when?",
        "Where and when were the talks held?",
        "Who visited which country and when?",
    ],
)
def test_questions_asking_several_wh_words_about_an_event_ask_for_rows(question, full_nlp):
    assert event_query(analyse_question(question, nlp=full_nlp)) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Who hosted the talks in October?",
        "Which city hosted the summit where Blair hailed the deal?",  # a relative "where"
        "Where was the summit Tony Blair was leaving when he hailed the deal?",
        "Who is the aide who showed the visitors round?",
        "Who signed which accord and when?",  # no event word
    ],
)
def test_one_wh_word_or_no_event_asks_for_one_span(question, full_nlp):
    assert event_query(analyse_question(question, nlp=full_nlp)) is None


def test_the_rows_answer_it_each_host_cited_where_the_article_writes_it(answerer):
    answer = answerer.ask("Who hosted which talks and when?")
    assert answer.answer_type == ROWS_TYPE
    hosts = {event.host for event in answer.events}
    assert {"Qatar", "Russia"} <= hosts and "Norway" not in hosts
    assert [event.date for event in answer.events if event.date] == sorted(
        event.date for event in answer.events if event.date
    )
    given = [(answer.answer, answer.doc_id, answer.start, answer.end)]
    given += [(item.answer, item.doc_id, item.start, item.end) for item in answer.answers]
    assert len(given) == len(answer.events)
    for text, doc_id, start, end in given:
        assert answerer.corpus[doc_id].raw[start:end] == text
    for item in answer.evidence:
        assert answerer.corpus[item.doc_id].raw[item.start : item.end] == item.text
    best = max(answer.events, key=row_confidence)
    assert answer.confidence == pytest.approx(row_confidence(best), abs=1e-4)


def test_what_the_question_says_narrows_the_rows(answerer):
    syria = answerer.ask("Who hosted which talks on Syria, and when?")
    assert [event.host for event in syria.events] == ["Russia"]
    assert syria.date == "2023-11-09"
    visits = answerer.ask("Who visited which country and when?")
    assert {event.family for event in visits.events} == {"visit"}
    assert answerer.ask("Who hosted which talks in Ukraine and when?").events == ()


def test_no_row_is_no_answer_with_the_closest_evidence(answerer):
    answer = answerer.ask("Who hosted which talks on Ukraine and when?")
    assert not answer.answered and answer.confidence == 0.0
    assert answer.evidence and answer.events == ()


def test_rows_show_in_text_json_card_and_markdown(answerer):
    answer = answerer.ask("Who hosted which talks and when?")
    text = str(answer)
    assert f"{len(answer.events)} events answer it, by date" in text and "Qatar" in text
    record = json.loads(json.dumps(answer.to_dict()))
    assert [row["host"] for row in record["events"]] == [e.host for e in answer.events]
    assert json.loads(json.dumps(answer.to_record()))["events"]
    assert "<table" in answer._repr_html_() and "Qatar" in answer._repr_html_()
    assert "events answer it" in answer._repr_markdown_()
    assert len(answer.event_table()) == len(answer.events)


def test_a_document_filter_keeps_its_rows_only(answerer):
    answer = answerer.ask("Who hosted which talks and when?", doc_ids="doha")
    assert {event.doc_id for event in answer.events} == {"doha"}


def test_other_questions_carry_no_rows(answerer):
    answer = answerer.ask("Who hosted talks on Afghanistan in Doha?")
    assert answer.events == () and answer.answer_type != ROWS_TYPE


def test_the_seeds_mission_question_gets_the_seven_hosting_events(seeds_answerer):
    answer = seeds_answerer.ask("Who hosted which talks and when?")
    by_doc = {(event.doc_id, event.host) for event in answer.events}
    for doc_id, host in [
        ("000_258fbde797f3b430", "Moscow"),
        ("002_2d519cff5749e0aa", "Pakistan"),
        ("003_daaee59f7b39963c", "Moscow"),
        ("004_55b560d3e012caba", "Qatar"),
    ]:
        assert (doc_id, host) in by_doc


def test_row_confidence_is_the_measured_share_by_evidence():
    measured = load_event_confidence()
    assert measured.trained["data"]["split_read"] == "dev+train"
    for kind, (rows, right) in measured.by_evidence.items():
        assert 0 <= right <= rows
        assert measured(kind) == pytest.approx((right + 1) / (rows + 2))
    rows, right = measured.overall
    assert measured("an unknown kind") == pytest.approx((right + 1) / (rows + 2))
