"""Questions to put to a corpus: question files, and named sets of questions.

A question file is JSON Lines, one object a line::

    {"id": "q1", "question": "Who hosted the talks?", "answers": ["Moscow"], "docs": ["000_..."]}

``id`` and ``question`` are required; ``answers`` (what a right answer contains;
an empty list means the articles cannot answer) and ``docs`` (the documents that
hold the answer) are optional, and only scoring needs them
(:mod:`workbench.evaluate.qa`). Blank lines are skipped.

:data:`QUESTION_PRESETS` names sets of questions a briefing can be asked to
answer: ``"talks"`` (:data:`TALKS_QUESTIONS`) asks who hosted which talks,
where and when, in the words of the seed articles. Without a preset, a
briefing asks the questions its corpus raises
(:func:`workbench.qa.corpus_questions.questions_from_events`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import QuestionFileError
from workbench.reading import JSONLimitError, loads_json, read_bounded_text
from workbench.text import without_surrogates


@dataclass(frozen=True)
class Question:
    """A question, with the answers and documents that make an answer right, when known.

    Attributes
    ----------
    id : str
        Its identifier in the question file ("q1").
    question : str
        The question in English.
    answers : tuple of str
        Texts one of which a right answer contains (any case); empty when unknown,
        or, in a scored file, when the articles cannot answer.
    docs : tuple of str
        Ids of the documents that hold the answer.
    """

    id: str
    question: str
    answers: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()


#: The preset "talks": who hosted which talks, where and when, in the seed articles' words.
TALKS_QUESTIONS: tuple[Question, ...] = (
    Question("host", "Who hosted the talks?"),
    Question("next-host", "Who will host the next talks?"),
    Question("place", "Where were the talks held?"),
    Question("when", "When were the talks held?"),
    Question("participants", "Who took part in the talks?"),
    Question("delegation", "Who led the delegation?"),
    Question("facilitator", "Who facilitated the talks?"),
)

#: Named sets of questions a briefing can answer instead of the corpus's own.
QUESTION_PRESETS: dict[str, tuple[Question, ...]] = {"talks": TALKS_QUESTIONS}


def load_questions(
    path: str | os.PathLike[str], *, require_answers: bool = False
) -> tuple[Question, ...]:
    r"""Read a question file: JSON Lines (the format in the module docstring), or plain text.

    A file none of whose lines is a JSON object is plain text: one question a
    line, blank lines and ``#`` comment lines skipped, each question's id
    ``line-N`` after its line number. Scoring needs answers, so with
    ``require_answers`` every file is read as JSON Lines.

    Parameters
    ----------
    path : path-like
        The file.
    require_answers : bool
        Also require every line to have ``"answers"`` (a list, which may be empty),
        as scoring does.

    Returns
    -------
    tuple of Question
        In file order.

    Raises
    ------
    QuestionFileError
        If the file cannot be read, is larger than
        :data:`~workbench.reading.MAX_DATA_FILE_BYTES` or holds no question, or a
        line is not JSON (or JSON nested too deeply or with too long a number),
        lacks ``id`` or ``question``, has an empty question, lists something other
        than strings, or repeats an id; the message names the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "q.jsonl").write_text('{"id": "q1", "question": "Who hosted the talks?"}\n')
    >>> load_questions(folder / "q.jsonl")
    (Question(id='q1', question='Who hosted the talks?', answers=(), docs=()),)
    """
    file = Path(path)
    try:
        lines = read_bounded_text(file).splitlines()
    except (OSError, ValueError) as error:  # ValueError: not UTF-8, or too large
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise QuestionFileError(f"cannot read the question file {file}: {reason}") from None
    if not require_answers and _is_plain_text(lines):
        return _plain_questions(file, lines)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            question = _parse_line(line, f"{file}, line {number}", require_answers)
            if question.id in seen:
                raise QuestionFileError(
                    f"{file}, line {number}: id {question.id!r} is already used on line "
                    f"{seen[question.id]}"
                )
            seen[question.id] = number
            questions.append(question)
    if not questions:
        raise QuestionFileError(f"the question file {file} holds no question")
    return tuple(questions)


def _is_plain_text(lines: list[str]) -> bool:
    """Whether the file is plain questions, one a line: no line is a JSON object."""
    return not any(line.lstrip().startswith("{") for line in lines)


def _plain_questions(file: Path, lines: list[str]) -> tuple[Question, ...]:
    """A plain text file's questions, one a line (``#`` lines are comments), ids by line."""
    questions = tuple(
        Question(id=f"line-{number}", question=line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not questions:
        raise QuestionFileError(f"the question file {file} holds no question")
    return questions


def _parse_line(line: str, where: str, require_answers: bool) -> Question:
    """One line of a question file as a :class:`Question`; ``where`` starts every error."""
    try:
        record = loads_json(line)
    except json.JSONDecodeError as error:
        raise QuestionFileError(f"{where}: not JSON ({error.msg})") from None
    except JSONLimitError as error:
        raise QuestionFileError(f"{where}: unreadable JSON ({error})") from None
    if not isinstance(record, dict) or not isinstance(record.get("question"), str):
        raise QuestionFileError(f'{where}: needs a "question" string')
    if not record["question"].strip():
        raise QuestionFileError(f"{where}: the question is empty")
    if require_answers and "answers" not in record:
        raise QuestionFileError(f'{where}: needs an "answers" list (may be empty)')
    lists = {name: record.get(name) or [] for name in ("answers", "docs")}
    if not all(
        isinstance(values, list) and all(isinstance(value, str) for value in values)
        for values in lists.values()
    ):
        raise QuestionFileError(f'{where}: "answers" and "docs" must list strings')
    identifier = record.get("id")
    if isinstance(identifier, bool) or not isinstance(identifier, str | int) or identifier == "":
        raise QuestionFileError(f'{where}: needs an "id" (a string or a number)')
    return Question(  # a "\ud800" escape cannot be printed or parsed: made U+FFFD
        id=without_surrogates(str(identifier)),
        question=without_surrogates(record["question"]),
        answers=tuple(lists["answers"]),
        docs=tuple(lists["docs"]),
    )
