"""Building a briefing: its answers table, timestamp, questions, sameness and refused options."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from export.briefing_checks import HOSTILE_QUESTIONS, hostile_corpus

from workbench.columns import ANSWER_COLUMNS
from workbench.corpus.document import build_document
from workbench.errors import QueryError
from workbench.export import build_briefing
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.corpus_questions import questions_from_events
from workbench.qa.question_file import Question


def test_the_answers_table_is_a_dataframe_citing_the_evidence(seeds_briefing):
    frame = seeds_briefing.to_frame()
    assert list(frame.columns) == list(ANSWER_COLUMNS)
    asked = questions_from_events(seeds_briefing.events)
    assert list(frame["question"]) == [question.question for question in asked]
    answered = frame.dropna(subset=["answer"])
    assert len(answered) and all(
        answer in text for answer, text in zip(answered["answer"], answered["text"], strict=True)
    )
    assert seeds_briefing._repr_markdown_() == seeds_briefing.to_markdown()
    assert repr(seeds_briefing).startswith("<Briefing 'Briefing: 5 articles from seeds': 5 docu")


def test_a_timestamp_is_shown_only_when_asked(hostile, full_nlp):
    made = datetime(2024, 3, 2, 9, 30, 5, tzinfo=UTC)
    briefing = build_briefing(
        hostile,
        questions=[Question("a", "Who hosted the talks?")],
        timestamp=made,
        answerer=QuestionAnswerer(hostile, nlp=full_nlp),
    )
    assert "- **Made:** 2024-03-02 09:30:05+00:00\n" in briefing.to_markdown()
    later = build_briefing(hostile, questions=["Who hosted the talks?"], timestamp=True)
    assert later.timestamp is not None and later.timestamp.tzinfo is UTC


def test_a_string_is_one_question_and_a_file_comes_by_question_file(hostile, full_nlp, tmp_path):
    answerer = QuestionAnswerer(hostile, nlp=full_nlp)
    one = build_briefing(hostile, questions="Who hosted the talks?", answerer=answerer)
    assert [item.question for item in one.questions] == ["Who hosted the talks?"]
    assert one.question_source == "given by the caller"
    path = tmp_path / "questions.jsonl"
    path.write_text('{"id": "h1", "question": "Who hosted the summit?"}\n', encoding="utf-8")
    from_file = build_briefing(hostile, question_file=path, answerer=answerer)
    assert [item.id for item in from_file.questions] == ["h1"]
    assert from_file.question_source.startswith("from the file ")


def test_the_same_corpus_and_options_give_the_same_bytes(hostile_briefing, full_nlp):
    corpus = hostile_corpus()  # a new corpus and answerer: nothing is shared with the fixture
    again = build_briefing(
        corpus,
        questions=HOSTILE_QUESTIONS,
        title="Briefing # on *talks* <b>x</b>\n# injected |",
        answerer=QuestionAnswerer(corpus, nlp=full_nlp),
        sentences=2,
    )
    assert again.to_markdown().encode() == hostile_briefing.to_markdown().encode()


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"method": "best"}, ValueError, "method must be one of textrank-cosine, luhn"),
        ({"sentences": 0}, ValueError, "sentences must be a positive whole number"),
        ({"title": " \n "}, ValueError, "title must have some text"),
        ({"questions": []}, ValueError, "questions is empty"),
        ({"questions": ["Who?"], "question_file": "q.jsonl"}, ValueError, "not questions and"),
        ({"preset": "talks", "questions": ["Who?"]}, ValueError, "give one of"),
        ({"preset": "afghan"}, ValueError, "preset must be one of talks"),
        ({"questions": ["Who?", "  "]}, QueryError, "question 2 is empty"),
        ({"questions": [3]}, ValueError, "item 1 is a int"),
        ({"timestamp": "now"}, ValueError, "timestamp must be a datetime"),
    ],
)
def test_invalid_options_are_refused(hostile, options, error, message):
    with pytest.raises(error, match=message):
        build_briefing(hostile, **options)


def test_an_answerer_of_another_corpus_is_refused(hostile, seeds_corpus):
    with pytest.raises(ValueError, match="answerer answers from another corpus"):
        build_briefing(hostile, answerer=QuestionAnswerer(seeds_corpus))


def test_past_max_articles_the_briefing_counts_the_rest_instead_of_summarising_each(
    seeds_corpus, seeds_answerer
):
    briefing = build_briefing(seeds_corpus, answerer=seeds_answerer, max_articles=2)
    assert [summary.sentences[0].doc_id for summary in briefing.document_summaries] == list(
        seeds_corpus.by_date().ids[:2]
    )
    markdown = briefing.to_markdown()
    assert "The other 3 articles are not summarised one by one (at most 2 are" in markdown
    # in a notebook as on the command line, the note names how to change it either way
    assert "max_articles= in Python or --max-articles on the command line" in markdown
    assert len(build_briefing(seeds_corpus, answerer=seeds_answerer).document_summaries) == 5


def test_export_refuses_a_negative_max_articles_in_one_line(capsys, tmp_path):
    from workbench.cli import main

    with pytest.raises(SystemExit):
        main(["export", "--out", str(tmp_path / "b.md"), "--max-articles", "-1"])
    assert "must be a whole number (0 or more)" in capsys.readouterr().err


def test_the_briefing_lists_and_summarises_the_articles_by_date(full_nlp):
    stories = [
        ("a-march", "Norway hosted fisheries talks in Oslo in March 2026.", date(2026, 3, 9)),
        ("b-undated", "Iceland will host a summit on fisheries in Reykjavik.", None),
        (
            "c-january",
            "Norway opened fisheries talks in Bergen in January 2026.",
            date(2026, 1, 12),
        ),
    ]
    corpus = Corpus(
        tuple(build_document(text, doc_id, published=day) for doc_id, text, day in stories)
    )
    briefing = build_briefing(
        corpus, questions=["Who hosted the talks?"], answerer=QuestionAnswerer(corpus, nlp=full_nlp)
    )
    order = ["c-january", "a-march", "b-undated"]
    assert [row.doc_id for row in briefing.documents] == order
    assert [summary.sentences[0].doc_id for summary in briefing.document_summaries] == order
    markdown = briefing.to_markdown()
    assert markdown.index("### c-january") < markdown.index("### a-march")
    assert markdown.index("### a-march") < markdown.index("### b-undated")
