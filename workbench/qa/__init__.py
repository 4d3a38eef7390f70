"""Question answering: a short answer from the articles, its confidence and cited evidence.

:mod:`~workbench.qa.analysis` reads a question (its wh-word, expected answer
types, predicate and role); :mod:`~workbench.qa.candidates` finds candidate
answers in a parsed sentence and the features that rank them;
:mod:`~workbench.qa.answerer` retrieves evidence, scores candidates and decides
whether to answer; :mod:`~workbench.qa.answer` is what it returns;
:mod:`~workbench.qa.question_file` reads question files and holds the default
questions.
"""

from workbench.qa.analysis import QuestionAnalysis, analyse_question
from workbench.qa.answer import Answer, Evidence
from workbench.qa.answerer import QuestionAnswerer, ask
from workbench.qa.question_file import DEFAULT_QUESTIONS, Question, load_questions

__all__ = [
    "DEFAULT_QUESTIONS",
    "Answer",
    "Evidence",
    "Question",
    "QuestionAnalysis",
    "QuestionAnswerer",
    "analyse_question",
    "ask",
    "load_questions",
]
