"""Scoring question answering against a question file, by question type.

A question file has one JSON object a line: ``{"id", "question", "answers",
"docs"}``, read by :func:`workbench.qa.question_file.load_questions`. An answer is right
when it contains one of ``answers`` (case-insensitively), is at most 8 words long,
and its first evidence sentence comes from one of ``docs``. An empty ``answers``
list means the articles cannot answer: the right output is no answer.

The report ends with how well the confidence is calibrated
(:mod:`workbench.evaluate.calibration`): a reliability table of the answers
given (an answer's confidence claims how likely it is to be right, by the rule
above; an abstention claims nothing, and counts in the accuracy only), the
expected calibration error, and the number of confident wrong answers (given,
wrong, confidence at least :data:`~workbench.evaluate.calibration.CONFIDENT`).
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.columns import QA_COLUMNS
from workbench.evaluate.calibration import CONFIDENT, Reliability, confident_wrong, reliability
from workbench.frames import typed_frame
from workbench.qa.answer import Answer
from workbench.qa.question_file import Question, load_questions

if TYPE_CHECKING:
    import pandas as pd

    from workbench.model import Corpus
    from workbench.qa.answerer import QuestionAnswerer

#: Longest answer, in words, that counts as a short answer.
MAX_ANSWER_WORDS = 8


def is_correct(answer: Answer, item: Question) -> bool:
    """Whether ``answer`` is right for ``item`` by the rule in the module docstring.

    Examples
    --------
    >>> from workbench.qa.answer import Answer, Evidence
    >>> proof = Evidence("a", "Moscow will host talks.", 0, 23, 0.5)
    >>> item = Question("q1", "Who will host talks?", ("Moscow",), ("a",))
    >>> is_correct(Answer("Who will host talks?", "Moscow", 0.9, "GPE", (proof,)), item)
    True
    >>> is_correct(Answer("Who will host talks?", None, 0.1, "GPE", (proof,)), item)
    False
    """
    if not item.answers:
        return answer.answer is None
    if answer.answer is None or len(answer.answer.split()) > MAX_ANSWER_WORDS:
        return False
    text = answer.answer.lower()
    if not any(expected.lower() in text for expected in item.answers):
        return False
    return bool(answer.evidence) and answer.evidence[0].doc_id in item.docs


@dataclass(frozen=True)
class QAScore:
    """Answers to a question file, each judged, with accuracy by question type."""

    items: tuple[Question, ...]
    answers: tuple[Answer, ...]
    correct: tuple[bool, ...]
    kinds: tuple[str, ...] = field(default=())

    @property
    def accuracy(self) -> float:
        """Share of questions answered right (abstaining counts as right when no answer exists)."""
        return sum(self.correct) / len(self.correct) if self.correct else 0.0

    def by_kind(self) -> list[tuple[str, int, int, float]]:
        """``(kind, questions, correct, accuracy)`` for each question type, then ``"all"``."""
        rows = []
        for kind in sorted(set(self.kinds)):
            marks = [
                ok for ok, other in zip(self.correct, self.kinds, strict=True) if other == kind
            ]
            rows.append((kind, len(marks), sum(marks), sum(marks) / len(marks)))
        rows.append(("all", len(self.correct), sum(self.correct), self.accuracy))
        return rows

    @property
    def reliability(self) -> Reliability:
        """The answers given, by confidence, each right or wrong by the module's rule."""
        given = [
            (answer.confidence, right)
            for answer, right in zip(self.answers, self.correct, strict=True)
            if answer.answered
        ]
        return reliability([confidence for confidence, _ in given], [right for _, right in given])

    @property
    def confident_wrong(self) -> int:
        """Answers given that are wrong with a confidence of at least :data:`CONFIDENT`."""
        return confident_wrong(
            [answer.confidence for answer in self.answers],
            self.correct,
            [answer.answered for answer in self.answers],
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per question: its id, kind, expected and given answers, doc_id and mark."""
        rows = [
            {
                "id": item.id,
                "kind": kind,
                "question": item.question,
                "expected": " | ".join(item.answers) or None,
                **answer.to_row(),
                "correct": ok,
            }
            for item, answer, ok, kind in zip(
                self.items, self.answers, self.correct, self.kinds, strict=True
            )
        ]
        return typed_frame(rows, QA_COLUMNS)

    def as_dict(self) -> dict[str, object]:
        """Accuracy overall and by type, every question's row, and the calibration."""
        return {
            "accuracy": self.accuracy,
            "by_kind": [
                {"kind": kind, "questions": total, "correct": right, "accuracy": accuracy}
                for kind, total, right, accuracy in self.by_kind()
            ],
            "confident_wrong": self.confident_wrong,
            "reliability": self.reliability.as_dict(),
            "questions": self.to_frame().to_dict(orient="records"),
        }

    def __str__(self) -> str:
        from workbench.terminal import format_table

        table = format_table(
            [
                [kind, total, right, f"{accuracy:.3f}"]
                for kind, total, right, accuracy in self.by_kind()
            ],
            ["type", "questions", "correct", "accuracy"],
        )
        rows = format_table(
            [
                [item.id, kind, "yes" if ok else "NO", answer.answer or "(no answer)",
                 f"{answer.confidence:.2f}", " | ".join(item.answers) or "(none)"]
                for item, answer, ok, kind in zip(
                    self.items, self.answers, self.correct, self.kinds, strict=True
                )
            ],
            ["id", "type", "correct", "answer", "confidence", "expected"],
            max_width={"answer": 40, "expected": 40},
        )  # fmt: skip
        calibration = self.reliability.table(title="reliability of the answers given")
        wrong = (
            f"confident wrong (answered, wrong, confidence >= {CONFIDENT}): {self.confident_wrong}"
        )
        return f"{rows}\n\n{table}\n\n{calibration}\n{wrong}"

    def _repr_html_(self) -> str:
        summary = "".join(
            f"<tr><td>{html.escape(kind)}</td><td>{total}</td><td>{right}</td>"
            f"<td>{accuracy:.3f}</td></tr>"
            for kind, total, right, accuracy in self.by_kind()
        )
        return (
            "<table><tr><th>type</th><th>questions</th><th>correct</th><th>accuracy</th></tr>"
            f"{summary}</table>"
            + f"<pre>{html.escape(self.reliability.table())}</pre>"
            + self.to_frame().to_html(index=False)
        )


def evaluate_qa(
    items: Sequence[Question] | str | os.PathLike[str],
    corpus: Corpus,
    *,
    answerer: QuestionAnswerer | None = None,
) -> QAScore:
    """Answer every question of a file (or list of items) over ``corpus`` and judge each.

    Parameters
    ----------
    items : sequence of Question, or path-like
        The questions, or the path of a JSONL question file.
    corpus : Corpus
        The articles the questions are asked of.
    answerer : QuestionAnswerer, optional
        Reused when given (its index and parses too).
    """
    from workbench.qa.analysis import analyse_question
    from workbench.qa.answerer import QuestionAnswerer

    if not isinstance(items, Sequence) or isinstance(items, str):
        items = load_questions(items, require_answers=True)
    answerer = answerer or QuestionAnswerer(corpus)
    answers = tuple(answerer.ask(item.question) for item in items)
    kinds = tuple(analyse_question(item.question, nlp=answerer.nlp_).kind for item in items)
    correct = tuple(is_correct(answer, item) for answer, item in zip(answers, items, strict=True))
    return QAScore(tuple(items), answers, correct, kinds)
