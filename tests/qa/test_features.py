"""The features of each candidate: what the score weighs, each in [0, 1]; vague dates fit less."""

from __future__ import annotations

import pytest

from workbench.qa.features import VAGUE_DATE_FIT
from workbench.qa.weights import SCORE_FEATURES


def test_every_candidate_has_each_feature_the_score_weighs_within_zero_and_one(harbour_answerer):
    candidates = harbour_answerer.candidates("When did Norway host the climate summit?")
    assert candidates
    for item in candidates:
        assert set(item.features) == {*SCORE_FEATURES, "named"}
        assert all(0.0 <= value <= 1.0 for value in item.features.values())


def test_a_vague_date_fits_a_when_question_less_than_a_calendar_date(briefing_answerer):
    candidates = briefing_answerer.candidates("When did the negotiators most recently meet?")
    fits = {item.candidate.text: item.features["fit"] for item in candidates}
    assert fits["4 June"] == 1.0
    assert fits["recent months"] == pytest.approx(VAGUE_DATE_FIT)
