"""Sentence-splitting evaluation against files with one sentence a line."""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.errors import WorkbenchError
from workbench.evaluate.sentences import SplitScore, evaluate_sentence_splitting


@pytest.fixture
def reference_folder(tmp_path):
    """Two articles, one sentence a line: the splitter gets all of one and part of the other."""
    (tmp_path / "clean.txt").write_text(
        "Talks resumed in Doha on Monday.\n"
        "Dr. Smith said the U.S. would attend.\n"
        "\n"
        "The envoys agreed to meet again.\n",
        encoding="utf-8",
    )
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "hard.txt").write_text(
        # "Inc. Smith" gives no sign of a sentence end, so the two are read as one.
        "He works at Acme Inc.\r\nSmith agreed with him.\r\n\r\nPrices rose.\r\n",
        encoding="utf-8",
    )
    return tmp_path


def test_split_scores_count_exact_sentence_matches(reference_folder):
    score = evaluate_sentence_splitting(reference_folder)
    assert score == SplitScore(documents=2, gold_sentences=6, predicted_sentences=5, matched=4)
    assert score.precision == pytest.approx(4 / 5)
    assert score.recall == pytest.approx(4 / 6)
    assert score.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))


def test_a_perfect_split_scores_one(tmp_path):
    (tmp_path / "a.txt").write_text("Envoys met.\nThey agreed.\n", encoding="utf-8")
    score = evaluate_sentence_splitting(tmp_path)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_scores_of_nothing_are_zero_not_a_division_error():
    score = SplitScore(documents=0, gold_sentences=0, predicted_sentences=0, matched=0)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_the_score_prints_as_one_line_and_converts_to_a_dict(reference_folder):
    score = evaluate_sentence_splitting(reference_folder)
    assert str(score).startswith("sentence splitting on 2 documents: precision 0.800")
    assert score.as_dict()["matched"] == 4
    assert score.as_dict()["f1"] == pytest.approx(score.f1)


def test_a_folder_without_reference_files_is_an_error(tmp_path):
    with pytest.raises(WorkbenchError, match=r"No \.txt reference files under"):
        evaluate_sentence_splitting(tmp_path)
    with pytest.raises(WorkbenchError, match=r"No \.txt reference files under"):
        evaluate_sentence_splitting(tmp_path / "missing")


def test_the_eval_command_prints_the_scores_as_json(reference_folder, capsys):
    assert main(["eval", "sentences", "--data", str(reference_folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["gold_sentences"], data["matched"]) == (6, 4)


def test_the_eval_command_exits_2_on_a_missing_folder(tmp_path, capsys):
    assert main(["eval", "sentences", "--data", str(tmp_path / "missing")]) == 2
    assert "No .txt reference files" in capsys.readouterr().err
