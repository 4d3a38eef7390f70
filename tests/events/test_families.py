"""The event families, read from data: triggers and readings, and the quick test built on them."""

from __future__ import annotations

import pytest

from workbench.corpus.document import build_document
from workbench.data import read_lines, read_table
from workbench.events import families
from workbench.events.families import (
    EVENT_NOUNS,
    FAMILY_NAMES,
    READINGS,
    TRIGGERS,
    is_candidate,
    triggers_of,
)
from workbench.nlp.pipeline import load_pipeline


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("EVENT_NOUNS", "events_event_nouns.txt"),
        ("EVENT_PARTS", "events_event_parts.txt"),
        ("HOSTED_LABELS", "events_hosted_labels.txt"),
    ],
)
def test_each_word_list_loads_once_each_word(name, file):
    assert len(getattr(families, name)) == len(read_lines(file))  # no word written twice


def test_every_family_file_is_read_and_every_trigger_names_a_known_reading():
    assert FAMILY_NAMES == ("hosting", "meeting", "visit")
    rows = sum(len(read_table(f"events_family_{name}.tsv")) for name in FAMILY_NAMES)
    assert len(TRIGGERS) == rows
    assert {t.reading for t in TRIGGERS} == READINGS
    assert {t.family for t in TRIGGERS} == set(FAMILY_NAMES)


def test_sport_games_and_votes_are_not_event_nouns():
    assert {"talks", "summit", "jirga"} <= EVENT_NOUNS
    assert not {"match", "tournament", "olympics", "election", "cup"} & EVENT_NOUNS


def test_the_quick_test_needs_a_strong_trigger_or_a_weak_one_with_an_event_word():
    def candidate(text):
        return is_candidate(build_document(text, "made").sentences[0])

    assert candidate("Qatar co-hosted the envoys.")
    assert candidate("Ghana held a conference on cocoa prices.")
    assert candidate("Modi visited Beijing.")
    assert candidate("Merkel met Obama in Berlin.")
    assert not candidate("Police held the suspect for questioning.")
    assert not candidate("They met expectations.")


def test_a_multi_word_trigger_needs_its_object():
    nlp = load_pipeline("full")
    took_place = nlp("The talks took place in Oslo.")[2]
    took_part = nlp("Norway took part in the talks.")[1]
    assert [t.word for t in triggers_of(took_place)] == ["take place"]
    assert triggers_of(took_part) == []
