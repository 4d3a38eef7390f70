"""The fitted weights: read once from qa_weights.json, which records how they were fitted."""

from __future__ import annotations

import importlib.util
import json
import math
import re
from pathlib import Path

import pytest

from workbench.data import read_json
from workbench.qa import scoring
from workbench.qa.weights import (
    CONFIDENCE_FEATURES,
    CONFIDENCE_INTERCEPT,
    CONFIDENCE_WEIGHTS,
    FEATURE_WEIGHTS,
    FITTED,
    SCORE_FEATURES,
    SCORE_INTERCEPT,
    WEIGHTS_FILE,
    fitted_weights,
)

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_qa.py"


def test_the_weights_file_records_the_command_data_model_and_date_of_the_fit():
    record = read_json(WEIGHTS_FILE)
    assert {"command", "arguments", "fitted", "data", "model", "score", "confidence"} <= set(record)
    assert record["command"].startswith("python benchmarks/bench_qa.py calibrate --data ")
    assert record["arguments"]["articles"] == list(range(5, 15))
    assert record["arguments"]["negatives"] == [30, 31, 32, 33, 34]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["fitted"])
    assert {"source", "questions", "right_candidate"} <= set(record["data"])
    assert record["model"]["estimator"] == "sklearn.linear_model.LogisticRegression"
    assert record["model"]["settings"] == {"max_iter": 1000}
    assert record["model"]["max_margin"] == scoring.MAX_MARGIN
    assert FITTED["command"] == record["command"]
    assert "score" not in FITTED and "confidence" not in FITTED


def test_the_answerer_scores_with_the_numbers_of_the_file():
    record = read_json(WEIGHTS_FILE)
    assert record["score"]["weights"] == FEATURE_WEIGHTS
    assert list(FEATURE_WEIGHTS) == list(SCORE_FEATURES)
    assert record["score"]["intercept"] == SCORE_INTERCEPT
    assert record["confidence"]["weights"] == CONFIDENCE_WEIGHTS
    assert list(CONFIDENCE_WEIGHTS) == list(CONFIDENCE_FEATURES)
    assert record["confidence"]["intercept"] == CONFIDENCE_INTERCEPT
    numbers = [*FEATURE_WEIGHTS.values(), SCORE_INTERCEPT, *CONFIDENCE_WEIGHTS.values()]
    assert all(type(number) is float for number in [*numbers, CONFIDENCE_INTERCEPT])
    ones = dict.fromkeys(SCORE_FEATURES, 1.0)
    assert scoring.candidate_score(ones) == SCORE_INTERCEPT + sum(FEATURE_WEIGHTS.values())
    assert scoring.confidence(0.0, 0.0, 0.0) == 1.0 / (1.0 + math.exp(-CONFIDENCE_INTERCEPT))


def test_the_stored_weights_are_the_ones_fitted_on_2026_11_23():
    # A refit (python benchmarks/bench_qa.py calibrate) changes these on purpose:
    # update them with the file.
    assert FEATURE_WEIGHTS == {
        "coverage": 4.85,
        "retrieval": 3.16,
        "fit": 1.99,
        "slot": 1.27,
        "closeness": 0.80,
        "agreement": 1.20,
    }
    assert SCORE_INTERCEPT == -10.47
    assert CONFIDENCE_WEIGHTS == {"score": 0.629, "margin": 0.382, "coverage": 2.085}
    assert CONFIDENCE_INTERCEPT == -1.526
    assert FITTED["fitted"] == "2026-11-23"


def test_weights_are_read_in_the_order_the_score_adds_them():
    record = {"score": {"weights": {"b": 2, "a": 1.5}, "intercept": -1}}
    assert fitted_weights(record, "score", ("a", "b")) == ({"a": 1.5, "b": 2.0}, -1.0)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({}, "needs a 'score' object with 'weights' and 'intercept'"),
        ({"score": {"weights": {"a": 1.0}}}, "needs a 'score' object"),
        ({"score": {"weights": {"a": 1.0}, "intercept": 0}}, "must be named a, b; got a"),
        ({"score": {"weights": [1.0, 2.0], "intercept": 0}}, r"must be named a, b; got \[1.0"),
    ],
)
def test_weights_of_the_wrong_shape_are_refused(record, message):
    with pytest.raises(ValueError, match=message):
        fitted_weights(record, "score", ("a", "b"))


def test_calibrate_writes_a_file_the_answerer_can_read(tmp_path):
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("bench_qa", BENCHMARK)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    record = bench.weights_record(
        command="python benchmarks/bench_qa.py calibrate --out weights.json",
        arguments={"data": "squad.json", "articles": [5, 6], "negatives": [30], "out": "w.json"},
        fitted="2026-12-01",
        scikit_learn="1.9.1",
        max_margin=scoring.MAX_MARGIN,
        score=(dict.fromkeys(SCORE_FEATURES, 1.25), -10.0),
        confidence=(dict.fromkeys(CONFIDENCE_FEATURES, 0.5), -1.5),
        counts={"questions": 2, "candidates": 9},
    )
    path = bench.write_weights(tmp_path / "weights.json", record)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == record
    assert {"command", "data", "fitted", "model"} <= set(written)
    assert fitted_weights(written, "score", SCORE_FEATURES) == (
        dict.fromkeys(SCORE_FEATURES, 1.25),
        -10.0,
    )
    assert fitted_weights(written, "confidence", CONFIDENCE_FEATURES)[1] == -1.5
    assert '"articles": [5, 6]' in path.read_text(encoding="utf-8")
