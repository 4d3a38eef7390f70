"""Question files and the default questions."""

from __future__ import annotations

import json

import pytest

from workbench.errors import QuestionFileError, WorkbenchError
from workbench.qa.question_file import TALKS_QUESTIONS, Question, load_questions


def write_lines(path, *lines: str):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_question_file_is_read_in_order_with_its_answers_and_documents(tmp_path):
    path = write_lines(
        tmp_path / "questions.jsonl",
        json.dumps({"id": "q1", "question": "Who hosted the summit?", "answers": ["Norway"],
                    "docs": ["harbour"]}),
        "",
        json.dumps({"id": 2, "question": "Where was it held?"}),
    )  # fmt: skip
    assert load_questions(path) == (
        Question("q1", "Who hosted the summit?", ("Norway",), ("harbour",)),
        Question("2", "Where was it held?"),
    )


def test_the_shared_seed_question_file_loads(tmp_path):
    from workbench.config import PROJECT_ROOT

    shared = PROJECT_ROOT.parent / "shared" / "eval" / "seeds_questions.jsonl"
    if not shared.is_file():
        pytest.skip("no shared question file here")
    questions = load_questions(shared, require_answers=True)
    assert questions and all(question.id and question.question for question in questions)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "question": "Who?"}\nnot json', r"line 2: not JSON"),
        ('{"id": "a", "question": "Who?"}\n[1, 2]', r"line 2: needs a \"question\" string"),
        ('{"id": "a"}', r"line 1: needs a \"question\" string"),
        ('{"id": "a", "question": "   "}', r"line 1: the question is empty"),
        ('{"id": "a", "question": "Who?", "docs": "x"}', r'"answers" and "docs" must list'),
        ('{"question": "Who?"}', r'line 1: needs an "id"'),
        ('{"id": true, "question": "Who?"}', r'line 1: needs an "id"'),
        (
            '{"id": "a", "question": "Who?"}\n{"id": "a", "question": "Where?"}',
            r"line 2: id 'a' is already used on line 1",
        ),
        ("\n\n", r"holds no question"),
    ],
)
def test_a_malformed_question_file_names_the_line_at_fault(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QuestionFileError, match=message):
        load_questions(path)


def test_scoring_asks_for_answers_on_every_line(tmp_path):
    path = write_lines(tmp_path / "bare.jsonl", '{"id": "a", "question": "Who?"}')
    with pytest.raises(QuestionFileError, match='line 1: needs an "answers" list'):
        load_questions(path, require_answers=True)


def test_a_missing_question_file_is_a_workbench_error(tmp_path):
    with pytest.raises(WorkbenchError, match=r"cannot read the question file .*absent\.jsonl"):
        load_questions(tmp_path / "absent.jsonl")


def test_the_talks_preset_asks_who_hosted_which_talks_where_and_when():
    assert len({question.id for question in TALKS_QUESTIONS}) == len(TALKS_QUESTIONS)
    words = {question.question.split()[0] for question in TALKS_QUESTIONS}
    assert {"Who", "Where", "When"} <= words
    assert all(question.question.endswith("?") for question in TALKS_QUESTIONS)


def test_a_plain_text_file_is_one_question_a_line(tmp_path):
    path = tmp_path / "questions.txt"
    path.write_text("# asked on Monday\nWho hosted the talks?\n\n  When did they open?  \n")
    questions = load_questions(path)
    assert [(q.id, q.question) for q in questions] == [
        ("line-2", "Who hosted the talks?"),
        ("line-4", "When did they open?"),
    ]


def test_scoring_reads_every_file_as_json_lines(tmp_path):
    path = tmp_path / "questions.txt"
    path.write_text("Who hosted the talks?\n")
    with pytest.raises(QuestionFileError, match="line 1: not JSON"):
        load_questions(path, require_answers=True)
