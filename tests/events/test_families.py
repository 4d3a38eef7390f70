"""The words that report hosting: the lists load from the data folder, the quick test uses them."""

from __future__ import annotations

import pytest

from workbench.corpus.document import build_document
from workbench.data import read_lines
from workbench.events import families
from workbench.events.families import EVENT_NOUNS, HOSTING_VERBS, is_candidate


@pytest.mark.parametrize(
    ("name", "file", "count"),
    [
        ("EVENT_NOUNS", "events_event_nouns.txt", 54),
        ("EVENT_PARTS", "events_event_parts.txt", 7),
        ("HOSTED_LABELS", "events_hosted_labels.txt", 5),
        ("HOSTING_VERBS", "events_hosting_verbs.txt", 4),
        ("ORGANISING_VERBS", "events_organising_verbs.txt", 6),
        ("OPENING_VERBS", "events_opening_verbs.txt", 5),
        ("MEETING_VERBS", "events_meeting_verbs.txt", 2),
    ],
)
def test_each_word_list_loads_once_each_word(name, file, count):
    assert len(getattr(families, name)) == count
    assert len(read_lines(file)) == count  # no word written twice


def test_the_lists_hold_the_words_the_readings_rely_on():
    assert {"talks", "summit", "jirga"} <= EVENT_NOUNS
    assert sorted(HOSTING_VERBS) == ["co-host", "cohost", "convene", "host"]


def test_the_quick_test_needs_a_hosting_verb_or_another_verb_with_an_event_word():
    def candidate(text):
        return is_candidate(build_document(text, "made").sentences[0])

    assert candidate("Qatar co-hosted the envoys.")
    assert candidate("Ghana held a conference on cocoa prices.")
    assert not candidate("Police held the suspect for questioning.")
