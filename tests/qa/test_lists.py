"""List answers: a question with several true answers gets all of them, each with evidence."""

from __future__ import annotations

from datetime import date

import pytest
from qa.made_articles import corpus_of

from workbench.qa.answerer import QuestionAnswerer

TEXTS = {
    "doha": "Qatar hosted talks on Afghanistan in Doha in September, officials said.",
    "moscow": "Russia hosted talks on Afghanistan in Moscow in November, officials said.",
    "tashkent": "Uzbekistan hosted talks on Afghanistan in Tashkent in March, officials said.",
    "fish": "Norway and Iceland signed a fishing accord in Reykjavik on Tuesday.",
}


@pytest.fixture(scope="module")
def hosts(full_nlp) -> QuestionAnswerer:
    return QuestionAnswerer(corpus_of(TEXTS, published=date(2023, 12, 1)), nlp=full_nlp)


def test_hosts_of_several_articles_are_answers_each_with_its_own_evidence(hosts):
    answer = hosts.ask("Which countries hosted talks on Afghanistan?")
    found = [answer.answer, *(item.answer for item in answer.answers)]
    assert len(found) >= 2 and set(found) <= {"Qatar", "Russia", "Uzbekistan"}
    for item in answer.answers:
        raw = hosts.corpus[item.doc_id].raw
        assert raw[item.start : item.end] == item.answer
        assert item.evidence.doc_id == item.doc_id
        assert item.evidence.start <= item.start < item.end <= item.evidence.end
        assert item.confidence >= hosts.threshold_
    assert [item.confidence for item in answer.answers] == sorted(
        (item.confidence for item in answer.answers), reverse=True
    )


def test_listed_answers_show_on_the_card_and_in_json(hosts):
    answer = hosts.ask("Which countries hosted talks on Afghanistan?")
    assert "Also answered" in answer._repr_html_()
    record = answer.to_dict()
    assert [item["answer"] for item in record["answers"]] == [a.answer for a in answer.answers]
    assert "also:" in str(answer)


def test_a_question_with_one_answer_lists_no_other(hosts):
    answer = hosts.ask("Where did Norway and Iceland sign the fishing accord?")
    assert answer.answer == "Reykjavik"
    assert answer.answers == ()
