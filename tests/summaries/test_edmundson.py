"""Edmundson's word lists: general bonus and stigma words, read from package data."""

from __future__ import annotations

from importlib.resources import files

import pytest

from workbench.corpus.document import build_document
from workbench.data import read_lines, word_set
from workbench.summaries import summarise
from workbench.summaries.edmundson_words import (
    BONUS_WORDS,
    NULL_WORDS,
    STIGMA_WORDS,
    bonus_words,
)
from workbench.summaries.tokens import STOP_WORDS


def test_edmundson_raises_bonus_words_and_lowers_stigma_words_with_lists_not_learnt_per_text():
    raw = (
        "Budget news\n\nThe council met on Monday. The council reportedly discussed parking "
        "on Monday. The council announced a record budget on Monday. The council discussed "
        "roads on Monday. The meeting ended late."
    )
    ranking = summarise(build_document(raw, "x"), method="edmundson", ratio=1.0).ranking
    assert ranking[0].text == "The council announced a record budget on Monday."
    assert ranking[-1].text == "The council reportedly discussed parking on Monday."
    assert ranking[0].score - ranking[-1].score == 5.0  # 2 bonus, 1 title word, 1 stigma, +1


def test_edmundson_bonus_words_are_general_and_a_query_adds_its_own():
    assert bonus_words() == BONUS_WORDS
    assert "council" not in bonus_words()
    assert bonus_words("the council's parking plans")[-3:] == ("council's", "parking", "plans")
    assert not set(STIGMA_WORDS) & set(BONUS_WORDS)


def test_the_edmundson_word_lists_load_from_package_data_in_file_order():
    bonus = read_lines("edmundson_bonus_words.txt")
    stigma = read_lines("edmundson_stigma_words.txt")
    assert (len(bonus), len(stigma)) == (32, 22)
    assert bonus == BONUS_WORDS and stigma == STIGMA_WORDS
    assert bonus[:2] == ("important", "significant") and bonus[-1] == "launched"
    assert stigma[0] == "allegedly" and stigma[-1] == "anyway"
    assert len(set(bonus)) == len(bonus) and len(set(stigma)) == len(stigma)
    assert word_set("edmundson_stigma_words.txt") == frozenset(STIGMA_WORDS)
    assert NULL_WORDS == STOP_WORDS and len(NULL_WORDS) == 580


@pytest.mark.parametrize("name", ["edmundson_bonus_words.txt", "edmundson_stigma_words.txt"])
def test_each_edmundson_list_opens_with_a_header_saying_what_it_is_and_where_it_came_from(name):
    text = files("workbench.data").joinpath(name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# ") and "Edmundson (1969" in "\n".join(header)
