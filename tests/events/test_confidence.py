"""The event rows' confidence: measured shares read from data, checked when read."""

from __future__ import annotations

import json

import pytest

from workbench.errors import ModelFileError
from workbench.events.confidence import EventConfidence, load_event_confidence


def test_the_package_file_reads_and_writes_back_the_same_counts():
    measured = load_event_confidence()
    again = EventConfidence.from_dict(json.loads(json.dumps(measured.to_dict())))
    assert again.by_evidence == measured.by_evidence
    assert "command" in measured.trained and "fitted" in measured.trained


def test_a_kind_seen_rarely_is_not_called_certain():
    measured = EventConfidence({"explicit": (2, 2), "venue": (100, 90)}, {})
    assert measured("explicit") == pytest.approx(0.75)
    assert measured("venue") == pytest.approx(91 / 102)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"by_evidence": {}}',
        '{"by_evidence": {"venue": {"rows": 3, "right": 5}}}',
        '{"by_evidence": {"venue": {"rows": "3", "right": 1}}}',
    ],
)
def test_a_missing_or_corrupt_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "events_confidence.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError, match="rebuild it"):
        load_event_confidence(str(path))


def test_a_file_that_is_not_there_is_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="rebuild it"):
        load_event_confidence(str(tmp_path / "absent.json"))
