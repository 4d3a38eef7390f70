"""The ROUGE report's layout: one title line, then one aligned row per method."""

from __future__ import annotations

from workbench.evaluate.summaries import MethodScore, SummaryEvaluation


def test_the_report_prints_a_title_then_aligned_columns_of_scores():
    scores = (
        MethodScore("textrank-cosine", "fast", 20, 0.8601, 0.8024, 0.5219, 0.1234),
        MethodScore("kl", "sumy", 20, 0.5, 0.25, 0.125, 12.5),
    )
    report = str(SummaryEvaluation(scores, "test", 20))
    assert report.splitlines() == [
        "ROUGE F1 (stemmed) on 20 test articles, summary length = reference length in sentences",
        "method          engine     R1     R2     RL  seconds",
        "textrank-cosine fast    0.860  0.802  0.522     0.12",
        "kl              sumy    0.500  0.250  0.125    12.50",
    ]


def test_the_report_of_no_method_is_its_title_and_header():
    report = str(SummaryEvaluation((), "valid", 0))
    assert report.splitlines()[1:] == ["method engine     R1     R2     RL  seconds"]
