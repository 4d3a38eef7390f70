"""The feature table: every candidate, broad ones included, described by features in [0, 1]."""

from __future__ import annotations

import math

import pytest

from workbench.qa.candidates import Candidate
from workbench.qa.slots import VAGUE_DATE_FIT
from workbench.qa.table import CandidateRow, add_agreement


def test_every_row_has_the_core_features_within_zero_and_one(harbour_answerer):
    table = harbour_answerer.table("When did Norway host the climate summit?")
    assert table.rows
    core = {"coverage", "retrieval", "fit", "slot", "closeness", "named", "agreement",
            "window3", "window12", "rarity", "typed"}  # fmt: skip
    for row in table.rows:
        assert core <= set(row.features)
        assert all(0.0 <= value <= 1.0 for value in row.features.values()), row.features


def test_broad_spans_are_candidates_beside_the_typed_ones(harbour_answerer):
    table = harbour_answerer.table("Why did Norway host the climate summit?")
    typed = {row.candidate.text for row in table.rows if row.features["typed"]}
    broad = {row.candidate.text for row in table.rows if not row.features["typed"]}
    assert typed and broad
    assert any(len(text.split()) > 3 for text in broad)  # clauses and verb phrases


def test_a_label_the_question_does_not_expect_is_kept_with_no_fit(harbour_answerer):
    table = harbour_answerer.table("Who hosted the climate summit?")
    fits = {row.features["fit"] for row in table.rows}
    assert 0.0 in fits and 1.0 in fits  # soft: the ranker weighs the type, nothing is dropped


def test_a_vague_date_fits_a_when_question_less_than_a_calendar_date(briefing_answerer):
    table = briefing_answerer.table("When did the negotiators most recently meet?")
    fits = {row.candidate.text: row.features["fit"] for row in table.rows}
    assert fits["4 June"] == 1.0
    assert fits["recent months"] == pytest.approx(VAGUE_DATE_FIT)


def _row(text: str, label: str, sentence: int) -> CandidateRow:
    words = tuple(text.lower().split())
    candidate = Candidate(text, label, 0, len(text), " ".join(words), words, 0, (0, 1), "")
    return CandidateRow(candidate, sentence, {"slot": 1.0, "closeness": 1.0})


def test_an_answer_found_in_other_sentences_is_supported_by_them():
    rows = [_row("Moscow", "GPE", 0), _row("Moscow", "GPE", 1), _row("Doha", "GPE", 2),
            _row("Khalilzad", "PERSON", 0), _row("Zalmay Khalilzad", "PERSON", 2)]  # fmt: skip
    add_agreement(rows, [1.0, 1.0, 1.0])
    moscow, again, doha, short, full = (row.features["agreement"] for row in rows)
    assert moscow == again == pytest.approx(1.0 - math.exp(-2.0))
    assert doha == 0.0
    assert short == full == pytest.approx(1.0 - math.exp(-2.0))
