"""Scoring events against an analyst's table: :mod:`workbench.evaluate.events`.

The fixtures (the seeds' events, the analyst's table) are in tests/conftest.py.
"""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.errors import WorkbenchError
from workbench.evaluate.events import score_events


def test_a_missing_or_malformed_expected_file_is_a_workbench_error(seed_events, tmp_path):
    with pytest.raises(WorkbenchError, match="cannot read the expected events"):
        score_events(seed_events, tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"rows": []}), encoding="utf-8")
    with pytest.raises(WorkbenchError, match="not an expected-events file"):
        score_events(seed_events, bad)


def test_the_eval_events_command_prints_recall_and_precision(capsys, expected_file, full_nlp):
    assert main(["eval", "events", str(expected_file)]) == 0
    assert "recall 1.000" in capsys.readouterr().out


def test_the_eval_events_command_reports_a_missing_file_in_one_line(capsys, tmp_path):
    assert main(["eval", "events", str(tmp_path / "none.json")]) == 2
    assert "cannot read the expected events" in capsys.readouterr().err
