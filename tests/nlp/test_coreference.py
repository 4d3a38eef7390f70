"""A sentence read with the ones before it: the word lists load from the data folder."""

from __future__ import annotations

from workbench.data import read_lines
from workbench.nlp.coreference import NAME_FILLERS, STEM_LABELS, names_in_text


def test_the_name_fillers_and_stem_labels_load():
    assert len(NAME_FILLERS) == len(read_lines("nlp_name_fillers.txt")) == 10
    assert {"the", "of"} <= NAME_FILLERS
    assert sorted(STEM_LABELS) == ["GPE", "LOC", "NORP"]


def test_a_filler_does_not_have_to_be_in_the_text():
    assert names_in_text("the Taliban", "ORG", "Taliban envoys arrived.")
