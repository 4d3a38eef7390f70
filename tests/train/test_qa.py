"""Training the answer model on questions made in the test: rows, fit, calibration, the file."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
from qa.made_articles import corpus_of

from workbench.cli import main
from workbench.evaluate.squad_files import SquadQuestion
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.learned import TreeEnsemble
from workbench.qa.ranker import load_model
from workbench.train.qa import (
    FeatureSpace,
    chosen_answers,
    fit_answer_model,
    fit_ranker,
    squad_questions,
)

TEXTS = {
    "a": "Kenyan President William Ruto hosted the trade summit in Nairobi on 4 June.",
    "b": "The flood killed 27 villagers and injured 15 others, officials said on Monday.",
    "c": "Delegates from 12 countries signed the accord in Lima after talks led by Ana Diaz.",
    "d": "The ministry said exports of coffee rose by 9 percent in March because of rain.",
}

QUESTIONS = [
    ("Who hosted the trade summit?", ("William Ruto",), "a"),
    ("Where was the trade summit held?", ("Nairobi",), "a"),
    ("When did Ruto host the trade summit?", ("4 June",), "a"),
    ("How many villagers did the flood kill?", ("27",), "b"),
    ("How many others were injured by the flood?", ("15",), "b"),
    ("Where did the delegates sign the accord?", ("Lima",), "c"),
    ("Who led the talks on the accord?", ("Ana Diaz",), "c"),
    ("How many countries signed the accord?", ("12",), "c"),
    ("By how much did coffee exports rise?", ("9 percent",), "d"),
    ("When did coffee exports rise?", ("March",), "d"),
]


@pytest.fixture(scope="module")
def collected(full_nlp):
    corpus = corpus_of(TEXTS, published=date(2023, 6, 20))
    answerer = QuestionAnswerer(corpus, nlp=full_nlp, threshold=0.0, min_coverage=0.0)
    items = [
        SquadQuestion(f"q{number}", question, answers, doc_id)
        for number, (question, answers, doc_id) in enumerate(QUESTIONS)
    ]
    fit = squad_questions(answerer, items[::2], "fit", ["d"], progress=lambda _: None)
    validation = squad_questions(answerer, items[1::2], "validation", ["a"], lambda _: None)
    return fit + validation


def test_each_question_gets_rows_labelled_by_exact_match(collected):
    answerable = [question for question in collected if question.gold.any()]
    assert len(answerable) >= 8
    for question in answerable:
        assert len(question.candidates) == len(question.features) == len(question.gold)
        assert (question.gold <= question.right).all()  # an exact match is also right
    unanswerable = [question for question in collected if not question.right.any()]
    assert unanswerable  # every fourth question is also asked of another article


def test_the_fitted_ranker_puts_gold_answers_first_more_often_than_chance(collected):
    ranker = fit_ranker(collected, penalty=1.0)
    assert len(ranker.features) == len(ranker.coefficients) > 20
    assert ranker.intercept == 0.0  # a softmax over one question's candidates needs none
    answerable = [question for question in collected if question.gold.any()]
    top = np.mean([gold for _, _, gold in chosen_answers(answerable, ranker)])
    chance = np.mean([question.gold.mean() for question in answerable])
    assert top >= 0.5 > chance


def test_a_feature_space_drops_names_it_was_not_built_with():
    space = FeatureSpace([{"a": 1.0, "b": 0.5}])
    matrix = space.matrix([{"a": 2.0, "c": 3.0}, {}])
    assert matrix.shape == (2, 2) and matrix.toarray().tolist() == [[2.0, 0.0], [0.0, 0.0]]


def test_the_fitted_model_is_written_as_data_the_answerer_reads(collected, tmp_path):
    model, report = fit_answer_model(
        collected,
        {"fit": 0, "validation": 0},
        "pipeline-0",
        squad=tmp_path / "dev.json",
        news_questions_file=None,
        command="workbench train qa --squad dev.json --out model.json",
        progress=lambda _: None,
    )
    assert any(line.startswith("chosen threshold") for line in report)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.trained["counts"]["fitting_questions"] == sum(
        question.split == "fit" for question in collected
    )
    settings = loaded.trained["settings"]
    assert settings["ranker_penalty"] in settings["ranker_penalties_tried"]
    trees = settings["confidence"]
    assert trees["max_leaf_nodes"] in trees["max_leaf_nodes_tried"]
    assert isinstance(loaded.confidence, TreeEnsemble)
    assert loaded.confidence.logits([{}]) == pytest.approx(model.confidence.logits([{}]))
    measured = loaded.calibration.measured
    assert (np.diff(measured) >= 0).all() and 0.0 <= measured.min() <= measured.max() <= 1.0


def test_train_qa_refuses_to_replace_a_model_without_force(tmp_path, capsys):
    out = tmp_path / "model.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["train", "qa", "--squad", str(tmp_path / "dev.json"), "--out", str(out)]) == 2
    assert "use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{}"


def test_train_qa_without_its_data_is_a_clear_error(tmp_path, capsys):
    out = tmp_path / "model.json"
    assert main(["train", "qa", "--squad", str(tmp_path / "none.json"), "--out", str(out)]) == 2
    assert "No SQuAD file" in capsys.readouterr().err
    assert not out.exists()


def test_training_reads_the_news_train_and_dev_splits_and_never_test(tmp_path):
    from workbench.train.qa import _news_splits

    path = tmp_path / "questions.jsonl"
    lines = [
        {"id": "a", "split": "train", "question": "Who?", "answers": ["X"], "docs": ["d1"]},
        {"id": "b", "split": "dev", "question": "Who?", "answers": ["Y"], "docs": ["d2"]},
        {"id": "c", "split": "test", "question": "Who?", "answers": ["Z"], "docs": ["d3"]},
        {"id": "d", "question": "Who?", "answers": [], "docs": ["d4"]},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert _news_splits(path) == {"a": "train", "b": "dev"}
