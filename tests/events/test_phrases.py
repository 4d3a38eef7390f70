"""The pieces of a reading: the participant and topic word lists load from the data folder.

How the pieces are read off a sentence is tested through whole readings in test_hosting.py.
"""

from __future__ import annotations

import pytest

from workbench.data import read_lines
from workbench.events import phrases


@pytest.mark.parametrize(
    ("name", "file", "count"),
    [
        ("TOPIC_PREPOSITIONS", "events_topic_prepositions.txt", 5),
        ("PARTICIPANT_MARKERS", "events_participant_markers.txt", 5),
        ("PARTICIPANT_VERBS", "events_participant_verbs.txt", 6),
        ("PARTICIPANT_LABELS", "events_participant_labels.txt", 4),
    ],
)
def test_each_word_list_loads_once_each_word(name, file, count):
    assert len(getattr(phrases, name)) == count
    assert len(read_lines(file)) == count


def test_a_topic_is_not_a_participant_and_a_marker_is():
    assert "on" in phrases.TOPIC_PREPOSITIONS
    assert "between" in phrases.PARTICIPANT_MARKERS
    assert sorted(phrases.PARTICIPANT_LABELS) == ["GPE", "NORP", "ORG", "PERSON"]
