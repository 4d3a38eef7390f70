"""The answer model: its stored form, the ranker's arithmetic, calibration, loading errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench.errors import ModelFileError
from workbench.qa.candidates import Candidate
from workbench.qa.learned import TreeEnsemble, read_scorer
from workbench.qa.ranker import (
    MAX_MARGIN,
    AnswerModel,
    Calibration,
    LinearModel,
    load_model,
    mass_and_margin,
    ranking,
    same_answer,
    softmax,
    within_document,
)


def candidate(text: str, label: str = "PERSON", start: int = 0) -> Candidate:
    words = tuple(text.lower().split())
    return Candidate(text, label, start, start + len(text), " ".join(words), words, 0, (0, 1), "")


def test_a_name_inside_another_is_the_same_answer_but_other_words_are_not():
    assert same_answer(candidate("Khalilzad"), candidate("Zalmay Khalilzad"))
    assert not same_answer(candidate("Zalmay Khalilzad"), candidate("Zalmay Khan"))
    assert not same_answer(candidate("12", "NUM"), candidate("12 miners", "NP"))
    assert same_answer(candidate("the talks", "NP"), candidate("the talks", "NP"))


def test_a_linear_model_weighs_named_features_and_ignores_names_it_lacks():
    model = LinearModel(("slot", "fit"), np.array([2.0, -1.0]), 0.5)
    logits = model.logits([{"slot": 1.0}, {"fit": 1.0, "unseen": 9.0}, {}])
    assert logits.tolist() == [2.5, -0.5, 0.5]
    again = LinearModel.from_dict(model.to_dict(), "ranker")
    assert again.features == model.features and again.intercept == 0.5


def fitted_trees(leaves: int = 7):
    """A small boosted model fitted on made rows with some missing values, and its rows."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(300, 4))
    matrix[matrix[:, 2] < 0, 2] = 0.0
    matrix[rng.random(300) < 0.1, 3] = np.nan  # so some splits send missing values one way
    right = matrix[:, 0] + matrix[:, 1] * matrix[:, 2] + rng.normal(size=300) > 0
    model = HistGradientBoostingClassifier(max_iter=25, max_leaf_nodes=leaves, random_state=0)
    model.fit(matrix, right, sample_weight=rng.uniform(1.0, 3.0, 300))
    names = ("mass", "margin", "row:slot", "row:fit")
    rows = [{n: v for n, v in zip(names, row, strict=True) if v != 0.0} for row in matrix]
    return model, names, matrix, rows


def test_trees_read_back_from_json_score_what_scikit_learn_decides():
    from workbench.train.qa import trees_of

    model, names, matrix, rows = fitted_trees()
    trees = trees_of(model, names)
    again = read_scorer(json.loads(json.dumps(trees.to_dict())), "confidence")
    assert isinstance(again, TreeEnsemble) and again.features == names
    assert np.array_equal(again.logits(rows), model.decision_function(matrix))
    assert np.array_equal(trees.logits(rows), again.logits(rows))
    assert again.logits([{"unseen": 1.0}]) == pytest.approx(
        model.decision_function(np.zeros((1, 4)))
    )


def test_a_confidence_without_a_kind_is_read_as_a_linear_model():
    stored = {"coefficients": {"mass": 2.0}, "intercept": -1.0}
    assert isinstance(read_scorer(stored, "confidence"), LinearModel)
    with pytest.raises(ModelFileError, match="kind 'forest'"):
        read_scorer({**stored, "kind": "forest"}, "confidence")


#: One split on "mass" at 0.5: at most it is -1, above it 2, missing goes left.
STUMP = {
    "feature": [0, -1, -1],
    "threshold": [0.5, 0.0, 0.0],
    "left": [1, -1, -1],
    "right": [2, -1, -1],
    "value": [0.0, -1.0, 2.0],
    "missing_left": [True, False, False],
}


def stored_trees(baseline: object = 0.25, **tree: object) -> dict[str, object]:
    return {"kind": "trees", "features": ["mass"], "baseline": baseline,
            "trees": [{**STUMP, **tree}]}  # fmt: skip


def test_a_stump_sends_a_row_by_its_threshold_and_a_missing_value_its_own_way():
    stump = read_scorer(stored_trees(), "confidence")
    assert isinstance(stump, TreeEnsemble) and stump.features == ("mass",)
    logits = stump.logits([{"mass": 0.9}, {"mass": 0.5}, {}, {"mass": float("nan")}])
    assert logits.tolist() == [2.25, -0.75, -0.75, -0.75]


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ({"kind": "trees", "features": ["mass"], "baseline": 0.1}, "needs 'features'"),
        (stored_trees(baseline="x"), "needs 'features'"),
        (stored_trees(value=[0.0, 1.0]), "of one length"),
        (stored_trees(right=[7, -1, -1]), "out of range"),
        (stored_trees(left=[0, -1, -1]), "out of range"),
        (stored_trees(feature=[3, -1, -1]), "out of range"),
        (stored_trees(left=[1.0, -1, -1]), "not an integer"),
        (stored_trees(value=[0.0, None, 2.0]), "not a number"),
        (stored_trees(missing_left=[1, 0, 0]), "true/false"),
    ],
)
def test_a_corrupt_tree_confidence_is_a_clear_error(stored, message):
    with pytest.raises(ModelFileError, match=message) as error:
        read_scorer(stored, "confidence")
    assert "'confidence'" in str(error.value) and "make model" in str(error.value)


def test_the_same_answer_adds_its_chances_and_the_margin_is_over_a_different_one():
    candidates = [candidate("Zalmay Khalilzad"), candidate("Khalilzad", start=40),
                  candidate("Lavrov", start=80)]  # fmt: skip
    scores = np.array([2.0, 1.0, 0.5])
    chances = softmax(scores)
    order = ranking(candidates, scores, [0, 1, 2])
    assert order == [0, 1, 2]
    mass, margin = mass_and_margin(0, order, candidates, scores, chances)
    assert mass == pytest.approx(chances[0] + chances[1])
    assert margin == pytest.approx(1.5)
    alone = mass_and_margin(0, [0], candidates[:1], scores[:1], softmax(scores[:1]))
    assert alone == (pytest.approx(1.0), MAX_MARGIN)


def test_each_document_shares_out_its_own_chances():
    candidates = [candidate("Qatar", "GPE"), candidate("Russia", "GPE", start=40),
                  candidate("Doha", "GPE", start=80)]  # fmt: skip
    scores = np.array([2.0, 2.0, 0.0])
    order = ranking(candidates, scores, [0, 1, 1])
    chances = softmax(scores)
    qatar = within_document(0, order, candidates, [0, 1, 1], ["a", "b", "b"], scores, chances)
    russia = within_document(1, order, candidates, [0, 1, 1], ["a", "b", "b"], scores, chances)
    assert qatar == (pytest.approx(1.0), MAX_MARGIN, pytest.approx(1.0))  # alone in its article
    assert russia[0] == pytest.approx(np.exp(2) / (np.exp(2) + 1))
    assert russia[1] == pytest.approx(2.0)  # over Doha, of the same article


def test_calibration_interpolates_between_its_thresholds_and_holds_the_ends():
    calibration = Calibration(np.array([0.2, 0.6]), np.array([0.1, 0.9]))
    assert calibration(0.4) == pytest.approx(0.5)
    assert calibration(0.0) == pytest.approx(0.1) and calibration(1.0) == pytest.approx(0.9)
    with pytest.raises(ModelFileError, match="increase"):
        Calibration.from_dict({"raw": [0.6, 0.2], "measured": [0.1, 0.9]})


def test_the_package_model_loads_and_says_what_it_was_trained_on():
    model = load_model()
    assert isinstance(model, AnswerModel)
    assert 0.0 < model.threshold < 1.0
    squad = model.trained["data"]["squad"]
    assert not set(range(15, 30)) & {*squad["fit_articles"], *squad["validation_articles"]}
    assert "test" not in model.trained["data"]["news"]["splits_read"]
    assert model.trained["command"].startswith("workbench train qa")
    assert len(model.ranker.features) > 50  # the feature table, not a handful of weights
    assert all(0.0 <= value <= 1.0 for value in model.calibration.measured)


def test_a_model_file_round_trips_through_json(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(load_model().to_dict()), encoding="utf-8")
    again = load_model(str(path))
    assert again.ranker.features == load_model().ranker.features
    assert again.threshold == load_model().threshold


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"threshold": 0.5}', "ranker"),
        ('{"threshold": 2, "ranker": {}}', "threshold"),
    ],
)
def test_a_missing_or_corrupt_model_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError, match=message) as error:
        load_model(str(path))
    assert "make model" in str(error.value)


def test_an_answerer_with_another_model_uses_it(seeds_corpus, full_nlp):
    from workbench.qa.answerer import QuestionAnswerer

    model = load_model()
    flat = AnswerModel(
        LinearModel(("never-a-feature",), np.array([0.0]), 0.0),
        model.confidence,
        model.calibration,
        1.0,
        {},
    )
    answer = QuestionAnswerer(seeds_corpus, nlp=full_nlp, model=flat).ask(
        "Who is the Russian Foreign Minister?"
    )
    assert answer.answer is None  # threshold 1: nothing is sure enough
    assert answer.evidence
