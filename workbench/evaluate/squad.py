"""Reading comprehension on SQuAD v1.1: the right paragraph given, the official EM and F1.

SQuAD v1.1 (Rajpurkar et al., 2016) asks questions of Wikipedia paragraphs, each
with one or more gold answer spans. Here the chosen articles' paragraphs become
one corpus (one document a paragraph, id ``<article position>:<paragraph
number>``), the index is built and spaCy loaded once, and each question is asked
of its own paragraph only (``doc_ids``), so the score measures reading, not
retrieval.

The metric is the official evaluation script's (``evaluate-v1.1.py``,
:mod:`workbench.evaluate.squad_metric`): normalised exact match (EM) and token
F1, each the best over the question's gold answers. The official script prints
them times 100; here they are shares from 0 to 1. The file is read and the
corpus built by :mod:`workbench.evaluate.squad_files`.

Because the workbench abstains when unsure, four views are reported:

- **all**: every question, an abstention scoring 0 (the official script's rule
  for a missing prediction);
- **answered**: only the questions answered, with the share answered;
- **forced**: every question answered: the answer when there is one, else the
  best candidate of a second answerer with no confidence threshold and no
  coverage floor (or, when that has none, the best alternative either offers);
- **by kind**: each of these by the question's wh-word
  (:attr:`workbench.qa.analysis.QuestionAnalysis.kind`).

And how well the confidence is calibrated (:mod:`workbench.evaluate.calibration`),
an answer counting as right when its F1 is at least :data:`RIGHT_F1` (so every
exact match is right, and so is a mostly overlapping span): the reliability
table of the answers given, and of the forced answers to every question.

``python benchmarks/bench_qa.py calibrate`` fits the answer weights on articles
5-14 and 30-34 of the dev file by default: measure on others (the default here,
15-29) to measure on questions the weights have not seen.
"""

from __future__ import annotations

import html
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.errors import QueryError
from workbench.evaluate.calibration import CONFIDENT, Reliability, confident_wrong, reliability
from workbench.evaluate.squad_files import (
    DEFAULT_SQUAD,
    SquadQuestion,
    read_squad_data,
    select_articles,
)
from workbench.evaluate.squad_metric import best_scores

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

    from workbench.qa.answer import Answer
    from workbench.qa.answerer import QuestionAnswerer

#: Articles measured by default: positions in the file's ``data`` list that the answer
#: weights were not fitted on.
DEFAULT_ARTICLES = "15-29"

#: Least F1 of an answer that counts as right in the reliability tables.
RIGHT_F1 = 0.5

#: :meth:`SquadScore.to_frame`: one row a question.
SQUAD_COLUMNS = (
    "id", "kind", "doc_id", "question", "gold", "answer", "confidence", "em", "f1",
    "forced_answer", "forced_confidence", "forced_em", "forced_f1",
)  # fmt: skip


# -- the score -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SquadCase:
    """One question, its kind, the answer, the forced answer, and their EM and F1."""

    question: SquadQuestion
    kind: str
    answer: str | None
    confidence: float
    em: float
    f1: float
    forced_answer: str | None
    forced_confidence: float
    forced_em: float
    forced_f1: float

    @property
    def answered(self) -> bool:
        """Whether the answerer gave an answer (did not abstain)."""
        return self.answer is not None

    def as_row(self) -> dict[str, object]:
        """The case as a table row, with the columns :data:`SQUAD_COLUMNS`."""
        return {
            "id": self.question.id,
            "kind": self.kind,
            "doc_id": self.question.doc_id,
            "question": self.question.question,
            "gold": " | ".join(self.question.answers),
            "answer": self.answer,
            "confidence": self.confidence,
            "em": self.em,
            "f1": self.f1,
            "forced_answer": self.forced_answer,
            "forced_confidence": self.forced_confidence,
            "forced_em": self.forced_em,
            "forced_f1": self.forced_f1,
        }


@dataclass(frozen=True)
class SquadView:
    """EM and F1 over some questions: all of them, the answered ones, or one kind's."""

    questions: int
    answered: int
    em: float
    f1: float
    answered_em: float
    answered_f1: float
    forced_em: float
    forced_f1: float

    @property
    def answered_share(self) -> float:
        """Share of the questions answered."""
        return self.answered / self.questions if self.questions else 0.0

    @classmethod
    def of(cls, cases: Sequence[SquadCase]) -> SquadView:
        """The view of ``cases`` (zeros when there are none)."""
        given = [case for case in cases if case.answered]

        def mean(values: Iterable[float], count: int) -> float:
            return sum(values) / count if count else 0.0

        return cls(
            questions=len(cases),
            answered=len(given),
            em=mean((case.em for case in cases), len(cases)),
            f1=mean((case.f1 for case in cases), len(cases)),
            answered_em=mean((case.em for case in given), len(given)),
            answered_f1=mean((case.f1 for case in given), len(given)),
            forced_em=mean((case.forced_em for case in cases), len(cases)),
            forced_f1=mean((case.forced_f1 for case in cases), len(cases)),
        )

    def as_dict(self) -> dict[str, object]:
        """The counts and scores, with the share answered."""
        return {
            "questions": self.questions,
            "answered": self.answered,
            "answered_share": self.answered_share,
            "em": self.em,
            "f1": self.f1,
            "answered_em": self.answered_em,
            "answered_f1": self.answered_f1,
            "forced_em": self.forced_em,
            "forced_f1": self.forced_f1,
        }


@dataclass(frozen=True)
class SquadScore:
    """Every question's answers and scores, with the four views and the calibration.

    Attributes
    ----------
    cases : tuple of SquadCase
        One per question asked, in the file's order.
    positions, titles : tuple
        The articles measured.
    paragraphs : int
        Documents in the corpus (one a paragraph).
    kinds : tuple of str or None
        The question kinds kept, or ``None`` for all.
    seconds : float
        Wall time of asking (spaCy loading and the index included).
    """

    cases: tuple[SquadCase, ...]
    positions: tuple[int, ...]
    titles: tuple[str, ...]
    paragraphs: int
    kinds: tuple[str, ...] | None = None
    seconds: float = 0.0

    @property
    def overall(self) -> SquadView:
        """EM and F1 over every question, answered only, and forced."""
        return SquadView.of(self.cases)

    def by_kind(self) -> list[tuple[str, SquadView]]:
        """``(kind, view)`` for each question kind, most questions first, then ``"all"``."""
        counts = Counter(case.kind for case in self.cases)
        order = sorted(counts, key=lambda kind: (-counts[kind], kind))
        rows = [
            (kind, SquadView.of([case for case in self.cases if case.kind == kind]))
            for kind in order
        ]
        return [*rows, ("all", self.overall)]

    def _right(self, f1: float) -> bool:
        return f1 >= RIGHT_F1

    @property
    def reliability(self) -> Reliability:
        """The answered questions by confidence; right means F1 of at least :data:`RIGHT_F1`."""
        given = [case for case in self.cases if case.answered]
        return reliability(
            [case.confidence for case in given], [self._right(case.f1) for case in given]
        )

    @property
    def forced_reliability(self) -> Reliability:
        """Every question's forced answer by its confidence, right as in :attr:`reliability`."""
        return reliability(
            [case.forced_confidence for case in self.cases],
            [self._right(case.forced_f1) for case in self.cases],
        )

    @property
    def confident_wrong(self) -> int:
        """Answers given with an F1 below :data:`RIGHT_F1`, yet a confidence of at least 0.5.

        The least confidence is :data:`workbench.evaluate.calibration.CONFIDENT`.
        """
        return confident_wrong(
            [case.confidence for case in self.cases],
            [self._right(case.f1) for case in self.cases],
            [case.answered for case in self.cases],
        )

    def to_frame(self) -> pd.DataFrame:
        """One row a question, with the columns :data:`SQUAD_COLUMNS`."""
        import pandas as pd

        return pd.DataFrame([case.as_row() for case in self.cases], columns=list(SQUAD_COLUMNS))

    def as_dict(self) -> dict[str, object]:
        """What was measured, the views overall and by kind, the calibration, every question."""
        return {
            "articles": list(self.positions),
            "titles": list(self.titles),
            "paragraphs": self.paragraphs,
            "kinds": list(self.kinds) if self.kinds is not None else None,
            "seconds": self.seconds,
            **self.overall.as_dict(),
            "by_kind": [{"kind": kind, **view.as_dict()} for kind, view in self.by_kind()],
            "right_rule": f"F1 >= {RIGHT_F1}",
            "confident_wrong": self.confident_wrong,
            "reliability": self.reliability.as_dict(),
            "forced_reliability": self.forced_reliability.as_dict(),
            "questions": [case.as_row() for case in self.cases],
        }

    def views_table(self) -> str:
        """The views by kind as a plain-text table."""
        from workbench.terminal import format_table

        columns = [
            "kind", "questions", "answered", "share", "EM", "F1", "answered EM", "answered F1",
            "forced EM", "forced F1",
        ]  # fmt: skip
        rows = [
            [
                kind, view.questions, view.answered, f"{view.answered_share:.3f}",
                f"{view.em:.3f}", f"{view.f1:.3f}", f"{view.answered_em:.3f}",
                f"{view.answered_f1:.3f}", f"{view.forced_em:.3f}", f"{view.forced_f1:.3f}",
            ]
            for kind, view in self.by_kind()
        ]  # fmt: skip
        return format_table(rows, columns, align_right=set(columns[1:]))

    def __str__(self) -> str:
        view = self.overall
        kinds = f" ({', '.join(self.kinds)} questions)" if self.kinds is not None else ""
        lines = [
            f"SQuAD v1.1, the right paragraph given: {view.questions} questions{kinds} on "
            f"{self.paragraphs} paragraphs of {len(self.positions)} articles "
            f"({_ranges(self.positions)}), {self.seconds:.0f} s",
            f"all questions (abstention scores 0): EM {view.em:.3f}, F1 {view.f1:.3f}",
            f"answered only: EM {view.answered_em:.3f}, F1 {view.answered_f1:.3f} "
            f"({view.answered} of {view.questions} answered, {view.answered_share:.1%})",
            f"forced (best candidate, no abstention): EM {view.forced_em:.3f}, "
            f"F1 {view.forced_f1:.3f}",
            "",
            self.views_table(),
            "",
            self.reliability.table(
                title=f"reliability of the answers given (right: F1 >= {RIGHT_F1})"
            ),
            f"confident wrong (answered, F1 < {RIGHT_F1}, confidence >= {CONFIDENT}): "
            f"{self.confident_wrong}",
            "",
            self.forced_reliability.table(
                title=f"reliability of the forced answers (right: F1 >= {RIGHT_F1})"
            ),
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"


def evaluate_squad(
    path: str | os.PathLike[str] = DEFAULT_SQUAD,
    articles: str | Iterable[int | str] = DEFAULT_ARTICLES,
    *,
    kinds: Iterable[str] | None = None,
    limit: int | None = None,
    nlp: Language | None = None,
) -> SquadScore:
    """Ask each question of the chosen articles of its own paragraph, and score the answers.

    Parameters
    ----------
    path : path-like
        A SQuAD v1.1 JSON file (default: the dev set beside the project).
    articles : str or iterable of int
        Positions in the file's ``data`` list, or ranges (``"15-29"``, ``"0-14 30-47"``).
    kinds : iterable of str, optional
        Ask only questions of these kinds (wh-words: ``"who"``, ``"how many"``,
        ..., or ``"other"``); default all.
    limit : int, optional
        Ask only the first ``limit`` questions (after the kinds are chosen).
    nlp : spacy.language.Language, optional
        A full spaCy pipeline; loaded once when not given.

    Raises
    ------
    WorkbenchError
        If the file cannot be read or an article position is outside it.
    ValueError
        If a kind is unknown (the message names the known ones) or ``limit`` is
        below 1.
    """
    from workbench.qa.answerer import QuestionAnswerer

    wanted = _check_kinds(kinds)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a positive integer; got {limit!r}")
    started = time.perf_counter()
    chosen = select_articles(read_squad_data(path), articles)
    answerer = QuestionAnswerer(chosen.corpus, nlp=nlp)
    forcing = QuestionAnswerer(
        chosen.corpus,
        index=answerer.index_,
        nlp=answerer.nlp_,
        threshold=0.0,
        min_coverage=0.0,
    )
    asked = []
    for item in chosen.questions:
        kind = _kind(answerer, item.question)
        if wanted is None or kind in wanted:
            asked.append((item, kind))
    if limit is not None:
        asked = asked[:limit]
    cases = tuple(_case(answerer, forcing, item, kind) for item, kind in asked)
    return SquadScore(
        cases,
        chosen.positions,
        chosen.titles,
        len(chosen.corpus),
        tuple(sorted(wanted)) if wanted is not None else None,
        time.perf_counter() - started,
    )


def known_kinds() -> tuple[str, ...]:
    """The question kinds :func:`evaluate_squad` can choose: every wh-word, then ``"other"``."""
    from workbench.qa.analysis import WH_TYPES, WH_WORDS

    return (*dict.fromkeys([*WH_WORDS, *WH_TYPES]), "other")


def _check_kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    if kinds is None:
        return None
    wanted = frozenset(kinds)
    allowed = known_kinds()
    unknown = sorted(wanted - set(allowed))
    if unknown or not wanted:
        raise ValueError(
            f"unknown question kind {unknown[0] if unknown else '(none given)'!r}; "
            f"choose from {', '.join(allowed)}"
        )
    return wanted


def _kind(answerer: QuestionAnswerer, question: str) -> str:
    try:
        return answerer.analyse(question).kind
    except QueryError:  # only stop words: asked anyway, and it abstains
        return "other"


def _ask(answerer: QuestionAnswerer, item: SquadQuestion) -> Answer | None:
    try:
        return answerer.ask(item.question, doc_ids=item.doc_id)
    except QueryError:
        return None


def _case(
    answerer: QuestionAnswerer, forcing: QuestionAnswerer, item: SquadQuestion, kind: str
) -> SquadCase:
    """Ask ``item``; on an abstention, ask ``forcing`` too for the forced answer."""
    answer = _ask(answerer, item)
    text = answer.answer if answer is not None else None
    confidence = answer.confidence if answer is not None else 0.0
    forced_text, forced_confidence = text, confidence
    if text is None:
        forced = _ask(forcing, item)
        fallback = [
            *(forced.alternatives if forced is not None else ()),
            *(answer.alternatives if answer is not None else ()),
        ]
        if forced is not None and forced.answer is not None:
            forced_text, forced_confidence = forced.answer, forced.confidence
        elif fallback:
            forced_text, forced_confidence = fallback[0]
    em, f1 = best_scores(text, item.answers)
    forced_em, forced_f1 = best_scores(forced_text, item.answers)
    return SquadCase(
        item, kind, text, confidence, em, f1, forced_text, forced_confidence, forced_em, forced_f1
    )


def _ranges(positions: Sequence[int]) -> str:
    """``(15, 16, 17, 20)`` as ``"15-17, 20"``."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)
