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


def test_the_publication_day_baseline_is_reported_beside_the_resolver(tmp_path):
    score = evaluate_date_resolution(_write_articles(tmp_path))
    assert score.baseline_rate == pytest.approx(1 / 3)  # only "Saturday" was that day
    assert "publication-day baseline 33.3%" in str(score)
    assert score.misses() == {"other": 2}  # a month for a day; a day with no year known


def test_in_the_article_the_pipeline_finds_the_expression_and_its_clauses_tense(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    text = "Officials said on Wednesday that the talks will resume on Saturday in Geneva."
    record = {
        "date_publish": "2016-11-09 10:00:00",  # a Wednesday
        "text": text,
        "fiveWoneH": {
            "when": {
                "annotated": [
                    {"text": "on Saturday", "parsed": "2016-11-12"},
                    {"text": "the weekend talks", "parsed": "2016-11-12"},
                ]
            }
        },
    }
    (data / "a.json").write_text(json.dumps(record), encoding="utf-8")
    phrase = evaluate_date_resolution(tmp_path)
    article = evaluate_date_resolution(tmp_path, setting="article")
    assert [case.resolved.iso for case in phrase.cases] == ["2016-11-05", None]  # no context
    found, missing = article.cases
    assert (found.found, found.resolved.iso, found.exact) == ("Saturday", "2016-11-12", True)
    assert (missing.found, missing.resolved.date) == (None, None)  # not in the text
    assert "found in the article" in str(article)


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
