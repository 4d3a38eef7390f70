"""Measuring the summaries: ROUGE against the BBC references, on a tiny copy of the data,
and the report's layout: one title line, then one aligned row per method."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.corpus.document import build_document
from workbench.errors import WorkbenchError
from workbench.evaluate.summaries import (
    MethodScore,
    SummaryEvaluation,
    evaluate_summaries,
    reference_length,
)
from workbench.summaries import METHODS


def _tiny_bbc(folder: Path) -> Path:
    articles = {
        "business/001.txt": (
            "Profits jump at media firm\n\nProfits at the media firm jumped in the quarter. "
            "The firm sold more adverts. Profits from adverts rose sharply in the quarter. "
            "Its chief executive was pleased."
        ),
        "sport/001.txt": (
            "Cole backs striker\n\nAshley Cole has backed the young striker. The striker was "
            "sent off on Saturday. Cole said the striker would learn. Fans were unhappy."
        ),
    }
    summaries = {
        "business/001.txt": "Profits at the media firm jumped in the quarter."
        "Profits from adverts rose sharply in the quarter.",
        "sport/001.txt": "Ashley Cole has backed the young striker.",
    }
    for relative, text in articles.items():
        for root, content in (("News Articles", text), ("Summaries", summaries[relative])):
            path = folder / root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "split,csv_index,path,summary_char_coverage,n_segments\n"
        "test,1,business/001.txt,1.0,2\ntest,2,sport/001.txt,1.0,1\n",
        encoding="utf-8",
    )
    return folder


def test_summary_evaluation_scores_every_method_with_rouge(tmp_path):
    evaluation = evaluate_summaries(_tiny_bbc(tmp_path))
    assert evaluation.documents == 2
    assert {score.method for score in evaluation.scores} == set(METHODS)
    assert all(0.0 <= score.rouge1 <= 1.0 for score in evaluation.scores)
    assert "ROUGE F1 (stemmed) on 2 test articles" in str(evaluation)
    assert list(evaluation.to_frame().columns)[:3] == ["method", "engine", "documents"]


def test_reference_length_counts_the_article_sentences_in_the_reference():
    document = build_document("Prices rose. Trade fell sharply today. Bonds held.", "x")
    assert reference_length(document, "Trade fell sharply today.Bonds held.") == 2


def test_summary_evaluation_needs_a_manifest(tmp_path):
    with pytest.raises(WorkbenchError, match=r"no manifest\.csv in"):
        evaluate_summaries(tmp_path)
    with pytest.raises(ValueError, match="methods must be among"):
        evaluate_summaries(_tiny_bbc(tmp_path), methods=["bart"])


def test_cli_eval_summaries_prints_one_table(tmp_path, capsys):
    folder = _tiny_bbc(tmp_path)
    assert main(["eval", "summaries", "--data", str(folder), "--methods", "lead", "kl"]) == 0
    out = capsys.readouterr().out
    assert "lead" in out and "kl" in out and "R1" in out
    assert main(["eval", "summaries", "--data", str(tmp_path / "missing")]) == 2


# --- the report's layout ---------------------------------------------------------------


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
