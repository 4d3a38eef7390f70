"""Reading dependency parses: the word lists and label sets load from the data folder."""

from __future__ import annotations

import pytest

from workbench.data import read_lines
from workbench.nlp import syntax
from workbench.nlp.syntax import ANAPHOR_LABELS, PLACE_LABELS


@pytest.mark.parametrize(
    ("name", "file", "count"),
    [
        ("ACTOR_LABELS", "nlp_actor_labels.txt", 6),
        ("PLACE_LABELS", "nlp_place_labels.txt", 3),
        ("REPORTING_VERBS", "nlp_reporting_verbs.txt", 10),
        ("FUTURE_GOVERNORS", "nlp_future_governors.txt", 23),
        ("ANAPHOR_LABELS", "nlp_anaphor_labels.tsv", 19),
    ],
)
def test_each_word_list_loads_once_each_word(name, file, count):
    assert len(getattr(syntax, name)) == count
    assert len(read_lines(file)) == count


def test_each_anaphor_stands_for_its_labels():
    assert ANAPHOR_LABELS["it"] == {"GPE", "ORG", "LOC", "FAC"}
    assert ANAPHOR_LABELS["they"] == {"GPE", "ORG", "NORP", "PERSON"}
    assert ANAPHOR_LABELS["country"] == {"GPE"}
    assert sorted(PLACE_LABELS) == ["FAC", "GPE", "LOC"]
