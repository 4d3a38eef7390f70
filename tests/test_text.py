"""Words: how they are counted (:mod:`workbench.text`)."""

from __future__ import annotations

from workbench.text import count_words


def test_words_are_counted_without_numbers_or_punctuation():
    assert count_words("In 2019, 41 soldiers — and 3 police — were killed.") == 6
