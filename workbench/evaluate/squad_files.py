"""SQuAD v1.1 files: choosing articles, and their paragraphs as a corpus with their questions.

A SQuAD v1.1 file is JSON, ``{"data": [article, ...]}``; an article has a
``title`` and ``paragraphs``, each a ``context`` and its ``qas`` (``id``,
``question``, ``answers``: ``[{"text", "answer_start"}, ...]``). Articles are
chosen by their position in ``data``, and their paragraphs become one corpus,
one document a paragraph with id ``<article position>:<paragraph number>``, the
id each question carries as the paragraph that answers it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.config import SHARED_DATA
from workbench.errors import WorkbenchError
from workbench.reading import loads_json, read_bounded_text

if TYPE_CHECKING:
    from workbench.model import Corpus

#: The SQuAD v1.1 dev set beside the project (see ``../shared/data/README.md``).
DEFAULT_SQUAD = SHARED_DATA / "squad_v1.1_dev" / "dev-v1.1.reconstructed.json"

_RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def parse_articles(text: str | Iterable[str]) -> tuple[int, ...]:
    """Article positions from ranges and lists: ``"15-29"``, ``"0-14 30-47"``, ``"1,3,5"``.

    Ranges include both ends; positions keep the order given, each once.

    Raises
    ------
    ValueError
        If a part is not a number or a range ``LOW-HIGH`` with ``LOW <= HIGH``, or
        nothing is given.

    Examples
    --------
    >>> parse_articles("0-2 5")
    (0, 1, 2, 5)
    >>> parse_articles(["3,1", "1-2"])
    (3, 1, 2)
    """
    parts = [text] if isinstance(text, str) else list(text)
    positions: dict[int, None] = {}
    for part in (piece for item in parts for piece in re.split(r"[\s,]+", item) if piece):
        match = _RANGE.fullmatch(part)
        if match is None:
            raise ValueError(
                f"articles are positions or ranges like '15-29' or '0-14 30-47'; got {part!r}"
            )
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        if high < low:
            raise ValueError(f"the range {part!r} runs backwards: write '{high}-{low}'")
        positions.update(dict.fromkeys(range(low, high + 1)))
    if not positions:
        raise ValueError("no articles given: write positions or ranges like '15-29'")
    return tuple(positions)


@dataclass(frozen=True)
class SquadQuestion:
    """One SQuAD question: its id, text, gold answers and the paragraph that answers it."""

    id: str
    question: str
    answers: tuple[str, ...]
    doc_id: str


@dataclass(frozen=True)
class SquadArticles:
    """The chosen articles: their positions and titles, a corpus of their paragraphs, questions.

    Attributes
    ----------
    positions : tuple of int
        The articles' positions in the file's ``data`` list.
    titles : tuple of str
        Their titles, in the same order.
    corpus : Corpus
        One document per paragraph, id ``<position>:<paragraph number>``, titled
        with the article's title.
    questions : tuple of SquadQuestion
        Every question, article by article and paragraph by paragraph.
    """

    positions: tuple[int, ...]
    titles: tuple[str, ...]
    corpus: Corpus
    questions: tuple[SquadQuestion, ...]


def read_squad_data(path: str | os.PathLike[str] = DEFAULT_SQUAD) -> list[dict[str, Any]]:
    """The ``data`` list of a SQuAD v1.1 JSON file: one dict per article.

    Raises
    ------
    WorkbenchError
        If the file is missing, is not JSON, or has no ``data`` list.
    """
    source = Path(path)
    if not source.is_file():
        raise WorkbenchError(
            f"No SQuAD file at {source}; pass --data "
            "../shared/data/squad_v1.1_dev/dev-v1.1.reconstructed.json"
        )
    try:
        data = loads_json(read_bounded_text(source)).get("data")
    except (OSError, ValueError, AttributeError) as error:  # not UTF-8, not JSON, too large
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise WorkbenchError(f"{source} is not a SQuAD JSON file: {reason}") from None
    if not isinstance(data, list):
        raise WorkbenchError(f"{source} has no 'data' list of articles: is it a SQuAD file?")
    return data


def select_articles(
    data: Sequence[Mapping[str, Any]], positions: str | Iterable[int | str]
) -> SquadArticles:
    """The articles at ``positions`` of ``data``, their paragraphs as one corpus, and questions.

    Parameters
    ----------
    data : sequence of dict
        The file's ``data`` list (:func:`read_squad_data`).
    positions : str or iterable of int
        Positions in ``data``, or ranges as :func:`parse_articles` reads them.

    Raises
    ------
    WorkbenchError
        If a position is outside the file's articles, or ``positions`` cannot be read.
    """
    from workbench.corpus.document import build_document
    from workbench.model import Corpus

    if isinstance(positions, str) or any(isinstance(item, str) for item in positions):
        try:
            chosen = parse_articles(
                positions if isinstance(positions, str) else [str(item) for item in positions]
            )
        except ValueError as error:
            raise WorkbenchError(str(error)) from error
    else:
        chosen = tuple(dict.fromkeys(int(item) for item in positions))
    outside = [position for position in chosen if not 0 <= position < len(data)]
    if outside:
        raise WorkbenchError(
            f"no article at position {outside[0]}: the file has {len(data)} articles "
            f"(0-{len(data) - 1})"
        )
    documents = []
    questions = []
    for position in chosen:
        article = data[position]
        for number, paragraph in enumerate(article["paragraphs"]):
            doc_id = f"{position}:{number}"
            documents.append(build_document(paragraph["context"], doc_id, title=article["title"]))
            questions.extend(
                SquadQuestion(
                    str(item["id"]),
                    item["question"],
                    tuple(answer["text"] for answer in item["answers"]),
                    doc_id,
                )
                for item in paragraph["qas"]
            )
    return SquadArticles(
        chosen,
        tuple(data[position]["title"] for position in chosen),
        Corpus(tuple(documents)),
        tuple(questions),
    )
