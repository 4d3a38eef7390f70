"""Scoring the answerer on a question file: :mod:`workbench.evaluate.qa`, ``workbench eval qa``."""

from __future__ import annotations

import json

from qa.seed_questions import SEEDS_QUESTIONS, WORLD_CUP

from workbench.cli import main
from workbench.evaluate.qa import evaluate_qa, is_correct
from workbench.qa.question_file import Question


def test_an_answer_is_right_only_when_short_and_from_the_expected_document(harbour_answerer):
    answer = harbour_answerer.ask("Who opened the summit?")
    assert is_correct(answer, Question("q", answer.question, ("Solberg",), ("harbour",)))
    assert not is_correct(answer, Question("q", answer.question, ("Solberg",), ("rail",)))
    assert not is_correct(answer, Question("q", answer.question, (), ()))


def test_evaluation_reports_accuracy_by_question_type(seeds_corpus, seeds_answerer, tmp_path):
    path = tmp_path / "questions.jsonl"
    lines = [
        {"id": "a", "question": SEEDS_QUESTIONS[4][0], "answers": ["Lavrov"],
         "docs": ["003_daaee59f7b39963c"]},
        {"id": "b", "question": WORLD_CUP, "answers": [], "docs": []},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    score = evaluate_qa(path, seeds_corpus, answerer=seeds_answerer)
    assert score.accuracy == 1.0
    assert score.by_kind() == [("who", 2, 2, 1.0), ("all", 2, 2, 1.0)]
    assert "accuracy" in str(score) and len(score.to_frame()) == 2


# --- command line -----------------------------------------------------------------------------


def test_cli_eval_qa_prints_accuracy_by_type(capsys, tmp_path, full_nlp):
    path = tmp_path / "questions.jsonl"
    line = {"id": "a", "question": WORLD_CUP, "answers": [], "docs": []}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["eval", "qa", str(path)]) == 0
    output = capsys.readouterr().out
    assert "who" in output and "1.000" in output


def test_the_report_ends_with_the_reliability_of_the_answers_given(
    seeds_corpus, seeds_answerer, tmp_path
):
    path = tmp_path / "questions.jsonl"
    lines = [
        {"id": "a", "question": SEEDS_QUESTIONS[4][0], "answers": ["Lavrov"],
         "docs": ["003_daaee59f7b39963c"]},
        {"id": "b", "question": WORLD_CUP, "answers": [], "docs": []},
        {"id": "c", "question": SEEDS_QUESTIONS[4][0], "answers": ["Putin"],
         "docs": ["003_daaee59f7b39963c"]},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    score = evaluate_qa(path, seeds_corpus, answerer=seeds_answerer)
    table = score.reliability
    # The abstention on the unanswerable question is right, but claims nothing: not binned.
    assert score.answers[1].answer is None and score.correct[1]
    assert table.count == 2
    # The same sure answer is right for "Lavrov" and wrong for "Putin": one confident wrong.
    assert score.correct == (True, True, False)
    assert score.answers[2].confidence >= 0.5 and score.confident_wrong == 1
    text = str(score)
    assert text.index("accuracy") < text.index("reliability") < text.index("ECE")
    assert "confident wrong (answered, wrong, confidence >= 0.5): 1" in text
    record = score.as_dict()
    assert record["confident_wrong"] == 1
    assert record["reliability"]["ece"] == table.ece and len(record["reliability"]["bins"]) == 10
