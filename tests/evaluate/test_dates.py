"""Scoring date resolution on the Giveme5W1H gold standard's "when" phrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.errors import WorkbenchError
from workbench.evaluate.dates import DEFAULT_GIVEME5W1H, evaluate_date_resolution


def _write_articles(folder: Path) -> Path:
    data = folder / "data"
    data.mkdir()
    articles = {
        "a": ("2016-11-12 17:58:46", [("Saturday", "2016-11-12"), ("April 2016", "2016-04-20")]),
        "b": ("None", [("Nov. 2", "2016-11-02"), (None, "2016-11-02")]),
    }
    for name, (published, phrases) in articles.items():
        when = {"annotated": [{"text": t, "parsed": p} for t, p in phrases]}
        record = {"date_publish": published, "fiveWoneH": {"when": when}}
        (data / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_date_resolution_is_scored_exactly_and_at_the_resolved_granularity(tmp_path):
    score = evaluate_date_resolution(_write_articles(tmp_path))
    assert (score.documents, len(score.cases), score.skipped) == (2, 3, 1)
    assert (score.exact, score.resolved) == (1, 2)
    assert score.consistent_rate == pytest.approx(2 / 3)
    table = score.by_granularity()
    assert list(table.index) == ["day", "month", "unresolved"]
    assert table.loc["month", "consistent"] == 1
    assert "exact day 1" in str(score)
    assert set(score.to_frame().columns) >= {"doc_id", "text", "expected", "resolved", "rule"}


def test_a_folder_without_articles_is_a_workbench_error(tmp_path):
    with pytest.raises(WorkbenchError, match="No Giveme5W1H articles"):
        evaluate_date_resolution(tmp_path)


@pytest.mark.skipif(
    not DEFAULT_GIVEME5W1H.is_dir(), reason="../shared/data is not beside the project"
)
def test_most_giveme5w1h_when_phrases_resolve_to_within_a_day():
    score = evaluate_date_resolution()
    assert len(score.cases) > 80
    assert score.exact_rate > 0.5
    assert score.within_a_day_rate > 0.65
