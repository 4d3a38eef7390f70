"""Reliability tables and the expected calibration error: :mod:`workbench.evaluate.calibration`."""

from __future__ import annotations

import pytest

from workbench.evaluate.calibration import BINS, confident_wrong, reliability


def test_a_bin_holds_its_lower_edge_and_the_last_bin_holds_one():
    table = reliability([0.0, 0.1, 0.3, 0.999, 1.0], [True] * 5)
    counts = {item.label: item.count for item in table.bins}
    assert counts["0.0-0.1"] == 1
    assert counts["0.1-0.2"] == 1
    assert counts["0.3-0.4"] == 1
    assert counts["0.9-1.0"] == 2
    assert len(table.bins) == BINS and table.count == 5


def test_each_bin_has_its_count_mean_confidence_and_accuracy():
    table = reliability([0.82, 0.88, 0.85, 0.25], [True, False, True, False])
    high = table.bins[8]
    assert (high.count, high.right) == (3, 2)
    assert high.mean_confidence == pytest.approx(0.85)
    assert high.accuracy == pytest.approx(2 / 3)
    empty = table.bins[5]
    assert (empty.count, empty.mean_confidence, empty.accuracy, empty.gap) == (0, None, None, None)


def test_the_ece_weights_each_bins_gap_by_its_share():
    # 0.8-0.9: 3 of 4 outputs, confidence 0.85, accuracy 2/3; 0.2-0.3: 1 of 4, 0.25 against 0.
    table = reliability([0.82, 0.88, 0.85, 0.25], [True, False, True, False])
    expected = 3 / 4 * abs(2 / 3 - 0.85) + 1 / 4 * 0.25
    assert table.ece == pytest.approx(expected)


def test_a_perfectly_calibrated_table_has_no_error():
    confidences = [0.55] * 20
    right = [True] * 11 + [False] * 9
    assert reliability(confidences, right).ece == pytest.approx(0.0)


def test_nothing_to_bin_gives_an_error_of_zero_and_empty_bins():
    table = reliability([], [])
    assert table.ece == 0.0 and table.count == 0
    assert table.as_dict()["bins"][0] == {
        "bin": "0.0-0.1",
        "low": 0.0,
        "high": 0.1,
        "count": 0,
        "right": 0,
        "mean_confidence": None,
        "accuracy": None,
    }


def test_the_table_shows_every_bin_and_ends_with_the_ece():
    text = reliability([0.95], [False]).table(title="answers")
    lines = text.splitlines()
    assert lines[0] == "answers"
    assert lines[1].split()[:3] == ["confidence", "count", "right"]
    assert len(lines) == 1 + 1 + BINS + 1
    assert lines[-1] == "expected calibration error (ECE) 0.950 over 1"


def test_sequences_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="one mark per confidence: got 2 confidences and 1"):
        reliability([0.1, 0.2], [True])


def test_a_confidence_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match=r"from 0 to 1; got 1\.5"):
        reliability([1.5], [True])


def test_the_number_of_bins_must_be_a_positive_integer():
    with pytest.raises(ValueError, match="bins must be a positive integer; got 0"):
        reliability([0.5], [True], bins=0)


def test_confident_wrong_counts_only_given_wrong_and_sure_answers():
    confidences = [0.9, 0.5, 0.49, 0.8, 0.7]
    right = [True, False, False, False, False]
    answered = [True, True, True, False, True]
    assert confident_wrong(confidences, right, answered) == 2
    assert confident_wrong(confidences, right, answered, confident=0.75) == 0
