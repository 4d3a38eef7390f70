"""Question answering: a short answer from the articles, its confidence and cited evidence.

:mod:`~workbench.qa.analysis` reads a question (its wh-word, expected answer
types, predicate and role); :mod:`~workbench.qa.reading` reads a retrieved
sentence for it (coverage, the question's names); :mod:`~workbench.qa.candidates`
finds candidate answers in a parsed sentence, :mod:`~workbench.qa.matching` and
:mod:`~workbench.qa.roles` and :mod:`~workbench.qa.slots` say where they stand
to the question's terms and predicate, :mod:`~workbench.qa.spans` adds the broad
constituents of the parse, and :mod:`~workbench.qa.table` describes every
candidate by its features; :mod:`~workbench.qa.ranker` ranks them with a learned
model and gives a calibrated confidence;
:mod:`~workbench.qa.evidence` chooses the sentences to cite;
:mod:`~workbench.qa.premise` checks that the best answer's article states the
names, dates and numbers the question takes for granted;
:mod:`~workbench.qa.answerer` runs these steps and decides whether to answer;
:mod:`~workbench.qa.answer` is what it returns; :mod:`~workbench.qa.question_file`
reads question files and holds the presets; :mod:`~workbench.qa.corpus_questions`
makes the questions a corpus's events raise.
"""

from workbench.qa.analysis import QuestionAnalysis, analyse_question
from workbench.qa.answer import Answer, Evidence, ListedAnswer, answers_frame
from workbench.qa.answerer import QuestionAnswerer, ask
from workbench.qa.corpus_questions import questions_from_events
from workbench.qa.question_file import QUESTION_PRESETS, Question, load_questions

__all__ = [
    "QUESTION_PRESETS",
    "Answer",
    "Evidence",
    "ListedAnswer",
    "Question",
    "QuestionAnalysis",
    "QuestionAnswerer",
    "analyse_question",
    "answers_frame",
    "ask",
    "load_questions",
    "questions_from_events",
]
