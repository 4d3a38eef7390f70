"""The questions a corpus raises: one for each kind of event its table holds."""

from __future__ import annotations

from datetime import date

from qa.made_articles import corpus_of

from workbench.events import extract_events
from workbench.qa.corpus_questions import event_noun, questions_from_events


def test_each_family_the_table_holds_gets_its_question_most_rows_first(full_nlp):
    corpus = corpus_of(
        {
            "a": "Kenya hosted a summit on trade in Nairobi on 3 March.",
            "b": "Ghana will host a summit on health in Accra in June.",
            "c": "President Ruto visited Tanzania on 4 April.",
        },
        published=date(2024, 1, 10),
    )
    asked = [item.question for item in questions_from_events(extract_events(corpus, nlp=full_nlp))]
    assert asked[0] == "Who hosted which summit and when?"
    assert "Who visited which places, and when?" in asked
    assert all("Afghan" not in question for question in asked)


def test_a_corpus_without_events_asks_the_hosting_question(full_nlp):
    corpus = corpus_of(
        {"a": "Shares in the bank rose 3% on Monday after the results."},
        published=date(2024, 1, 10),
    )
    assert [
        item.question for item in questions_from_events(extract_events(corpus, nlp=full_nlp))
    ] == ["Who hosted which talks and when?"]


def test_the_event_word_is_the_head_the_rows_name_most(seed_events):
    assert event_noun(seed_events) in {"talks", "conference"}
    assert event_noun([]) == "talks"
