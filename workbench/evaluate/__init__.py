"""Measurements against reference data, one module per measurement.

Each takes reference data, runs the workbench's own code on it and returns a
frozen result that prints as a short report: :mod:`~workbench.evaluate.sentences`
(sentence splitting), :mod:`~workbench.evaluate.summaries` (ROUGE),
:mod:`~workbench.evaluate.qa` (answers by question type),
:mod:`~workbench.evaluate.events` (the events table) and
:mod:`~workbench.evaluate.dates` (date resolution).
"""

from workbench.evaluate.dates import evaluate_date_resolution
from workbench.evaluate.events import score_events
from workbench.evaluate.qa import evaluate_qa
from workbench.evaluate.sentences import evaluate_sentence_splitting
from workbench.evaluate.summaries import evaluate_summaries

__all__ = [
    "evaluate_date_resolution",
    "evaluate_qa",
    "evaluate_sentence_splitting",
    "evaluate_summaries",
    "score_events",
]
