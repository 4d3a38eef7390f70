"""Measurements against reference data, one module per measurement.

Each takes reference data, runs the workbench's own code on it and returns a
frozen result that prints as a short report: :mod:`~workbench.evaluate.sentences`
(sentence splitting), :mod:`~workbench.evaluate.summaries` (ROUGE),
:mod:`~workbench.evaluate.qa` (answers by question type),
:mod:`~workbench.evaluate.squad` (SQuAD v1.1 EM and F1, the right paragraph given),
:mod:`~workbench.evaluate.events` (the events table) and
:mod:`~workbench.evaluate.dates` (date resolution). :mod:`~workbench.evaluate.calibration`
bins confidences for the reliability tables the QA measurements print.
"""

from workbench.evaluate.dates import evaluate_date_resolution
from workbench.evaluate.events import score_events
from workbench.evaluate.qa import evaluate_qa
from workbench.evaluate.sentences import evaluate_sentence_splitting
from workbench.evaluate.squad import evaluate_squad
from workbench.evaluate.summaries import evaluate_summaries

__all__ = [
    "evaluate_date_resolution",
    "evaluate_qa",
    "evaluate_sentence_splitting",
    "evaluate_squad",
    "evaluate_summaries",
    "score_events",
]
