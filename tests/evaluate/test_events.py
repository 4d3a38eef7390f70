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


def _article_gold(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def _event(host, place, when, iso, doc="a"):
    from workbench.events import Event

    return Event(
        host=host,
        event="talks",
        place=place,
        when=when,
        date=None if iso is None else __import__("datetime").date.fromisoformat(iso),
        granularity="day" if iso else None,
        participants=(),
        doc_id=doc,
        sentence=0,
        start=0,
        end=10,
        text="...",
        verb="host",
        confidence=0.9,
    )


def test_an_article_gold_scores_host_place_date_duplicates_and_invented_years(tmp_path):
    gold = _article_gold(
        tmp_path,
        [
            {
                "doc_id": "a",
                "split": "dev",
                "kind": "events",
                "published": "2016-09-01",
                "events": [
                    {
                        "family": "hosting",
                        "host": ["Qatar", "Doha"],
                        "place": ["Doha"],
                        "when": "on Monday",
                        "iso": "2016-08-29",
                        "granularity": "day",
                    },
                    {
                        "family": "visit",
                        "host": ["China"],
                        "place": None,
                        "when": "in May",
                        "iso": None,
                        "granularity": "month",
                    },
                ],
            },
            {"doc_id": "t", "split": "dev", "kind": "trap", "published": None, "events": []},
            {
                "doc_id": "b",
                "split": "test",
                "kind": "events",
                "published": None,
                "events": [
                    {
                        "family": "meeting",
                        "host": ["Oslo"],
                        "place": ["Oslo"],
                        "when": None,
                        "iso": None,
                        "granularity": None,
                    }
                ],
            },
        ],
    )
    rows = [
        _event("Doha", "Doha", "Monday", "2016-08-29"),
        _event("qatar", None, None, None),  # a second row for the same event
        _event("China", None, "May", "2016-05-01"),  # the article gives no year
        _event("Nobody", None, None, None),  # names no host of the article
        _event("Oslo", "Oslo", None, None, doc="t"),  # any row in a trap article is wrong
        _event("Oslo", "Oslo", None, None, doc="b"),  # another split: not scored
    ]
    score = score_events(rows, gold, split="dev")
    assert (len(score.expected), len(score.produced)) == (2, 5)
    assert score.recall == 1.0
    assert score.precision == pytest.approx(3 / 5)  # two found, one duplicate
    assert len(score.duplicates) == 1
    assert (score.place_accuracy, score.date_accuracy, score.when_accuracy) == (1.0, 1.0, 1.0)
    assert score.invented == 1
    assert [event.host for event in score.unmatched()] == ["Nobody", "Oslo"]
    assert "invented dates 1" in str(score)
    assert score_events(rows, gold, split="test").recall == 1.0


def test_a_bad_line_of_an_article_gold_is_named(tmp_path):
    gold = _article_gold(
        tmp_path,
        [{"doc_id": "a", "kind": "events", "events": [{"family": "party", "host": ["X"]}]}],
    )
    with pytest.raises(WorkbenchError, match=r"gold.jsonl, line 1: .*family must be one of"):
        score_events([], gold)
    with pytest.raises(WorkbenchError, match="no article of split 'test'"):
        score_events([], _article_gold(tmp_path, [{"doc_id": "a", "events": []}]), split="test")
