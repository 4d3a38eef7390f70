"""The noun lexicon: what kind of thing a common noun names, read from the data folder."""

from __future__ import annotations

from workbench.data import read_table
from workbench.nlp.lexicon import NOUN_TYPES


def test_the_noun_table_loads_every_noun_once():
    rows = read_table("nlp_noun_types.tsv")
    assert len(NOUN_TYPES) == len(rows) == 269
    assert all(len(row) == 2 for row in rows)


def test_a_noun_keeps_its_labels_in_the_order_written():
    assert NOUN_TYPES["minister"] == ("PERSON", "ORG")
    assert NOUN_TYPES["government"] == ("ORG", "GPE", "PERSON")
    assert NOUN_TYPES["number"] == ("CARDINAL", "QUANTITY", "MONEY")
    assert NOUN_TYPES["capital"] == ("GPE",)


def test_the_nouns_keep_the_order_of_the_file():
    assert list(NOUN_TYPES)[:3] == ["person", "man", "woman"]
    assert list(NOUN_TYPES)[-1] == "temperature"
