"""Follow-up questions made from an events table, answered afresh from the articles."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.corpus.document import build_document
from workbench.events import Event
from workbench.model import Corpus
from workbench.notebook.follow_ups import (
    FollowUp,
    FollowUpAnswers,
    answer_follow_ups,
    follow_up_questions,
)
from workbench.qa.answer import Answer


def _event(host: str, when: str | None, day: date | None, granularity: str | None) -> Event:
    return Event(host, "talks", None, when, day, granularity, (), "d", 0, 0, 1, "x", "host", 1.0)


def test_each_host_and_each_named_month_gets_one_question():
    events = [
        _event("Norway", "on Friday", date(2023, 5, 12), "day"),
        _event("Norway", "in June", None, None),  # a month named, the year unknown
        _event("Chile", None, None, None),
        _event("Chile", "in 2019", date(2019, 1, 1), "year"),  # a year names no month
    ]
    follow_ups = follow_up_questions(events)
    assert [item.question for item in follow_ups] == [
        "When will Norway host the talks?",
        "When will Chile host the talks?",
        "Who hosted the talks in May?",
        "Who hosted the talks in June?",
    ]
    assert follow_ups[0].table_says == "on Friday, in June"
    assert follow_ups[1].table_says == "(no date), in 2019"
    assert follow_ups[2].table_says == "Norway"


def test_hosts_that_are_no_names_get_no_question_and_a_bracket_left_open_is_cut():
    events = [
        _event("union", "on Friday", None, None),
        _event("congress", None, None, None),
        _event("International Coffee Organization (ICO", None, None, None),
        _event("G7", None, None, None),
    ]
    assert [item.question for item in follow_up_questions(events)] == [
        "When will International Coffee Organization host the talks?",
        "When will G7 host the talks?",
    ]


def test_templates_must_name_their_field():
    with pytest.raises(ValueError, match=r"host_question must contain \{host\}"):
        follow_up_questions([], host_question="When?")
    with pytest.raises(ValueError, match=r"month_question must contain \{month\}"):
        follow_up_questions([], month_question="Who?")


def test_the_answerer_reads_the_articles_not_the_table():
    # The article names the talks as the question does: with "hosted climate talks" the
    # answer confidence gives "Norway" 0.47, under the model's threshold.
    text = (
        "Norway hosted the climate talks in Bergen in May. "
        "Delegates from 40 countries attended the talks."
    )
    corpus = Corpus((build_document(text, "summit", published=date(2023, 6, 1)),))
    follow_ups = follow_up_questions([_event("Norway", "in May", None, None)])
    answers = answer_follow_ups(follow_ups, corpus)
    frame = answers.to_frame()
    assert list(frame.columns) == ["question", "events table", "answer", "confidence", "source"]
    assert frame.loc[1, "question"] == "Who hosted the talks in May?"
    assert frame.loc[1, "answer"] == "Norway"
    assert frame.loc[1, "source"].startswith("summit[")
    assert "Norway" in answers._repr_html_()


def _unanswered(count: int) -> FollowUpAnswers:
    asked = tuple(FollowUp(f"When will Host{n} host the talks?", "in May") for n in range(count))
    return FollowUpAnswers(
        asked, tuple(Answer(item.question, None, 0.0, "DATE", ()) for item in asked)
    )


def test_a_long_list_of_answers_shows_its_first_cards_and_how_many_more():
    cards = _unanswered(34).cards()
    html = cards._repr_html_()
    assert html.count('class="workbench-answer"') == 10
    assert "Host9 host" in html and "Host10 host" not in html
    assert "24 more cards (10 of 34 shown); answers.answers has them all" in html
    assert _unanswered(3).cards(5)._repr_html_().count('class="workbench-answer"') == 3
    assert "more cards" not in _unanswered(3).cards(5)._repr_html_()


def test_the_number_of_cards_must_be_a_whole_number():
    with pytest.raises(ValueError, match="limit must be a whole number of at least 0; got -1"):
        _unanswered(3).cards(-1)
    with pytest.raises(ValueError, match="limit must be a whole number"):
        _unanswered(3).cards(2.5)


def test_the_answers_table_shows_its_first_rows_and_no_answer_one_way():
    html = _unanswered(30)._repr_html_()
    assert "Host19 host" in html and "Host20 host" not in html
    assert "10 more rows (20 of 30 shown); answers.to_frame() has them all" in html
    assert "(no answer)" not in html and "—" in html
