"""SQuAD v1.1 files, articles and the paragraph corpus: :mod:`workbench.evaluate.squad_files`."""

from __future__ import annotations

import pytest

from workbench.errors import WorkbenchError
from workbench.evaluate.squad_files import parse_articles, read_squad_data, select_articles

HARBOUR = "Norway hosted a climate summit in Bergen on Friday."
MINE = "Rescuers in Chile freed 12 miners trapped underground near Copiapo."


def question(id_: str, text: str, *answers: str) -> dict[str, object]:
    return {
        "id": id_,
        "question": text,
        "answers": [{"text": answer, "answer_start": 0} for answer in answers],
    }


def test_articles_are_read_from_ranges_and_lists():
    assert parse_articles("15-18") == (15, 16, 17, 18)
    assert parse_articles("0-2 30-31") == (0, 1, 2, 30, 31)
    assert parse_articles(["4,2", "2-3"]) == (4, 2, 3)


def test_a_range_that_runs_backwards_is_refused():
    with pytest.raises(ValueError, match="runs backwards: write '15-29'"):
        parse_articles("29-15")


def test_articles_that_are_not_numbers_are_refused():
    with pytest.raises(ValueError, match=r"ranges like '15-29'.*got 'x'"):
        parse_articles("1 x")
    with pytest.raises(ValueError, match="no articles given"):
        parse_articles(" ")


def test_the_corpus_has_one_document_a_paragraph_and_questions_know_their_paragraph():
    data = [
        {"title": "First", "paragraphs": [{"context": HARBOUR, "qas": []}]},
        {
            "title": "Second",
            "paragraphs": [
                {"context": HARBOUR, "qas": []},
                {"context": MINE, "qas": [question("q", "How many miners?", "12")]},
            ],
        },
    ]
    chosen = select_articles(data, "1")
    assert chosen.positions == (1,) and chosen.titles == ("Second",)
    assert [document.id for document in chosen.corpus] == ["1:0", "1:1"]
    assert chosen.corpus["1:1"].raw == MINE
    assert chosen.corpus["1:1"].title == "Second"
    assert [(item.id, item.answers, item.doc_id) for item in chosen.questions] == [
        ("q", ("12",), "1:1")
    ]


def test_an_article_outside_the_file_is_refused_with_the_range_there_is():
    data = [{"title": "Only", "paragraphs": []}]
    with pytest.raises(WorkbenchError, match=r"no article at position 3: the file has 1 articles"):
        select_articles(data, [3])


def test_a_missing_file_says_where_the_data_is(tmp_path):
    with pytest.raises(WorkbenchError, match=r"No SQuAD file at .*pass --data"):
        read_squad_data(tmp_path / "missing.json")


def test_a_file_that_is_not_squad_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="is not a SQuAD JSON file"):
        read_squad_data(path)
    path.write_text('{"version": "1.1"}', encoding="utf-8")
    with pytest.raises(WorkbenchError, match="has no 'data' list"):
        read_squad_data(path)
