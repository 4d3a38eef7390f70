"""The ``workbench`` command line: parse arguments, call the package, print.

Each sub-command is a thin wrapper over the Python API that notebooks use, so
the two never disagree. Errors the user can fix (a missing folder, an empty
question) print one line to standard error and exit with status 2; a traceback
means a bug.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from workbench.config import DEFAULT_CORPUS
from workbench.errors import WorkbenchError

EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    command: Command | None = getattr(arguments, "command", None)
    if command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return command(arguments)
    except WorkbenchError as error:
        print(f"workbench: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `workbench corpus | head`
        return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Search, summarise and question a folder of news articles.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    corpus = commands.add_parser(
        "corpus",
        help="list the documents of a corpus and the files skipped",
        description="Print each document's id, title, date, sentence and word counts, "
        "and every skipped file with its reason.",
    )
    _add_corpus_option(corpus)
    _add_json_option(corpus)
    corpus.set_defaults(command=run_corpus)

    evaluate = commands.add_parser("eval", help="measure the workbench against reference data")
    evaluations = evaluate.add_subparsers(title="evaluations", metavar="WHAT")
    sentences = evaluations.add_parser(
        "sentences", help="sentence-splitting precision, recall and F1 on one-sentence-a-line files"
    )
    sentences.add_argument(
        "--data",
        type=Path,
        required=True,
        help="folder of .txt articles with one sentence per line",
    )
    _add_json_option(sentences)
    sentences.set_defaults(command=run_eval_sentences)
    return parser


def _add_corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help="folder of articles (default: the project's seeds/)",
    )


def _add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run_corpus(arguments: argparse.Namespace) -> int:
    """``workbench corpus``: the corpus overview."""
    from workbench.corpus import load_corpus

    corpus = load_corpus(arguments.corpus)
    documents = [document.summary_row() for document in corpus]
    skipped = [{"path": item.path, "reason": item.reason} for item in corpus.skipped]
    if arguments.json:
        print(
            json.dumps(
                {"documents": documents, "skipped": skipped},
                default=_json_default,
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"{len(documents)} documents in {corpus.root}")
    columns = ["doc_id", "title", "published", "sentences", "words"]
    print(
        format_table(
            [[row[name] for name in columns] for row in documents], columns, max_width={"title": 60}
        )
    )
    if skipped:
        print(f"\n{len(skipped)} skipped:")
        print(format_table([[row["path"], row["reason"]] for row in skipped], ["path", "reason"]))
    return 0


def run_eval_sentences(arguments: argparse.Namespace) -> int:
    """``workbench eval sentences``: sentence-splitting F1 against gold line breaks."""
    from workbench.evaluate import evaluate_sentence_splitting

    score = evaluate_sentence_splitting(arguments.data)
    if arguments.json:
        print(json.dumps(score.as_dict(), indent=2))
    else:
        print(score)
    return 0


def format_table(
    rows: Sequence[Sequence[object]],
    columns: Sequence[str],
    max_width: dict[str, int] | None = None,
) -> str:
    """Format rows as a plain-text table with aligned columns; long cells are shortened."""
    limits = max_width or {}
    cells = [
        [_cell(value, limits.get(name)) for value, name in zip(row, columns, strict=True)]
        for row in rows
    ]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True)).rstrip()
    ]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines)


def _cell(value: object, limit: int | None) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
