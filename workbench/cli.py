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
from typing import TYPE_CHECKING

from workbench.config import DEFAULT_CORPUS
from workbench.errors import WorkbenchError
from workbench.terminal import format_table

if TYPE_CHECKING:
    from workbench.model import Corpus, Document

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

    search = commands.add_parser(
        "search",
        help="rank the sentences, passages or documents that match a query",
        description="TF-IDF search (unigrams and bigrams, English stop words left out). "
        "The index is cached and rebuilt when the corpus changes.",
    )
    search.add_argument("query", metavar="QUERY", help="the words to look for")
    _add_corpus_option(search)
    search.add_argument(
        "--level",
        choices=("document", "passage", "sentence"),
        default="sentence",
        help="what a hit is (default: sentence)",
    )
    search.add_argument(
        "--top", type=_positive_int, default=10, metavar="K", help="how many hits (default: 10)"
    )
    search.add_argument(
        "--doc",
        dest="doc_ids",
        action="extend",
        nargs="+",
        metavar="ID",
        help="search only these documents",
    )
    search.add_argument(
        "--from", dest="published_from", metavar="DATE", help="published on or after YYYY-MM-DD"
    )
    search.add_argument(
        "--to", dest="published_to", metavar="DATE", help="published on or before YYYY-MM-DD"
    )
    _add_json_option(search)
    search.set_defaults(command=run_search)

    _add_summarise_parser(commands)
    summaries = evaluations.add_parser(
        "summaries",
        help="ROUGE-1/2/L of every summary method against the BBC reference summaries",
        description="Summarise each article of a split at its reference's length with every "
        "method, and print the mean ROUGE F1 (rouge-score, stemming on).",
    )
    summaries.add_argument(
        "--data",
        type=Path,
        required=True,
        metavar="DIR",
        help="the bbc_news_summary_reconstructed folder (with manifest.csv)",
    )
    summaries.add_argument(
        "--split", choices=("train", "valid", "test"), default="test", help="default: test"
    )
    summaries.add_argument("--engine", choices=("fast", "sumy"), default="fast")
    summaries.add_argument(
        "--limit", type=_positive_int, metavar="N", help="only the first N articles of the split"
    )
    summaries.add_argument("--methods", nargs="+", metavar="METHOD", help="default: all")
    _add_json_option(summaries)
    summaries.set_defaults(command=run_eval_summaries)
    _add_event_parsers(commands, evaluations)
    _add_ask_parsers(commands, evaluations)
    _add_export_parser(commands)
    _add_notebooks_parser(commands)
    return parser


def _add_export_parser(commands: argparse._SubParsersAction) -> None:
    from workbench.summaries import DEFAULT_METHOD, METHODS

    export = commands.add_parser(
        "export",
        help="write a Markdown briefing: summaries, answers and events, each cited",
        description="Write a briefing on the corpus: the parameters, a table of the articles, "
        "a summary of all of them and of each, the answers to the questions (by default who "
        "hosted which talks, where and when) and the events table, every claim cited in a "
        "footnote that quotes its sentence. The same corpus and options give the same file.",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.md", help="the file")
    _add_corpus_option(export)
    export.add_argument(
        "--questions",
        type=Path,
        metavar="FILE.jsonl",
        help='one {"id", "question"} object a line (default: who hosted which talks and when)',
    )
    export.add_argument(
        "--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}"
    )
    export.add_argument(
        "--sentences", type=_positive_int, default=3, metavar="N", help="per summary (3)"
    )
    export.add_argument(
        "--timeline", action="store_true", help="also save FILE-timeline.png and show it"
    )
    export.add_argument("--title", metavar="T", help="the title (default: from the corpus)")
    export.add_argument("--timestamp", action="store_true", help="say when it was made")
    export.add_argument("--force", action="store_true", help="replace FILE.md if it exists")
    export.set_defaults(command=run_export)


def _add_ask_parsers(
    commands: argparse._SubParsersAction, evaluations: argparse._SubParsersAction
) -> None:
    ask = commands.add_parser(
        "ask",
        help="answer a question from the articles, citing the sentences that prove it",
        description="A short answer (a name, place, date or number) with its confidence and "
        "the evidence sentences, or no answer when nothing in the articles fits. "
        "With --questions, answer every line of a JSONL file, loading the corpus once.",
    )
    ask.add_argument("question", nargs="?", metavar="QUESTION", help="the question to answer")
    ask.add_argument(
        "--questions",
        type=Path,
        metavar="FILE.jsonl",
        help='one {"id", "question"} object a line; prints one JSON answer a line with --json',
    )
    _add_corpus_option(ask)
    ask.add_argument(
        "--evidence", type=_positive_int, default=3, metavar="N", help="evidence sentences (3)"
    )
    _add_json_option(ask)
    ask.set_defaults(command=run_ask)

    qa = evaluations.add_parser(
        "qa",
        help="question-answering accuracy by question type on a JSONL question file",
        description='Each line: {"id", "question", "answers", "docs"}. An answer is right when '
        "it contains one of answers (any case), is at most 8 words, and its first evidence "
        "sentence is from one of docs; an empty answers list wants no answer.",
    )
    qa.add_argument("file", type=Path, metavar="FILE.jsonl", help="the question file")
    _add_corpus_option(qa)
    _add_json_option(qa)
    qa.set_defaults(command=run_eval_qa)


def _add_summarise_parser(commands: argparse._SubParsersAction) -> None:
    from workbench.summaries import DEFAULT_METHOD, ENGINES, METHODS

    summarise = commands.add_parser(
        "summarise",
        help="choose the sentences that best summarise documents, or what concerns a query",
        description="Extractive summary of the whole corpus, of some documents (--doc), "
        "or of what concerns a question (--query). Each sentence cites its document "
        "and raw-text offsets.",
    )
    _add_corpus_option(summarise)
    summarise.add_argument(
        "--doc",
        dest="doc_ids",
        action="extend",
        nargs="+",
        metavar="ID",
        help="summarise only these documents (an id or a unique start of one)",
    )
    summarise.add_argument("--query", metavar="Q", help="summarise only what concerns Q")
    summarise.add_argument(
        "--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}"
    )
    summarise.add_argument("--engine", choices=ENGINES, default="fast", help="default: fast")
    length = summarise.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=_positive_int, metavar="N", help="default: 3")
    length.add_argument("--ratio", type=float, metavar="R", help="a share of sentences in (0, 1]")
    length.add_argument("--words", type=_positive_int, metavar="W", help="a word budget")
    _add_json_option(summarise)
    summarise.set_defaults(command=run_summarise)


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
    from workbench.corpus.load import load_corpus

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
    from workbench.evaluate.sentences import evaluate_sentence_splitting

    score = evaluate_sentence_splitting(arguments.data)
    if arguments.json:
        print(json.dumps(score.as_dict(), indent=2))
    else:
        print(score)
    return 0


def run_search(arguments: argparse.Namespace) -> int:
    """``workbench search``: ranked hits with their offsets, as a table or JSON."""
    from workbench.corpus.load import load_corpus
    from workbench.retrieval.index import search

    corpus = load_corpus(arguments.corpus)
    result = search(
        corpus,
        arguments.query,
        arguments.top,
        level=arguments.level,
        doc_ids=arguments.doc_ids,
        published_from=arguments.published_from,
        published_to=arguments.published_to,
    )
    if arguments.json:
        print(json.dumps([hit.as_dict() for hit in result], ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print(f"No {arguments.level} matches {arguments.query!r}.")
        return 0
    columns = ["rank", "doc_id", "score", "start-end", "text"]
    rows = [
        [hit.rank, hit.doc_id, f"{hit.score:.3f}", f"{hit.start}-{hit.end}", hit.text]
        for hit in result
    ]
    print(format_table(rows, columns, max_width={"text": 80}))
    return 0


def run_summarise(arguments: argparse.Namespace) -> int:
    """``workbench summarise``: the chosen sentences with their citations, or JSON."""
    from workbench.corpus.load import load_corpus
    from workbench.summaries import summarise

    corpus = load_corpus(arguments.corpus)
    documents = (
        [_find_document(corpus, doc_id) for doc_id in dict.fromkeys(arguments.doc_ids)]
        if arguments.doc_ids
        else list(corpus)
    )
    try:
        summary = summarise(
            documents,
            method=arguments.method,
            engine=arguments.engine,
            sentences=arguments.sentences,
            ratio=arguments.ratio,
            words=arguments.words,
            query=arguments.query,
        )
    except ValueError as error:  # an out-of-range --ratio; QueryError is a WorkbenchError
        if isinstance(error, WorkbenchError):
            raise
        raise WorkbenchError(str(error)) from error
    if arguments.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        return 0
    about = f" about {arguments.query!r}" if arguments.query else ""
    print(
        f"Summary{about} of {len(documents)} document{'' if len(documents) == 1 else 's'} "
        f"by {summary.method} "
        f"({summary.engine} engine), {summary.length}:"
    )
    if summary.note:
        print(summary.note)
    rows = [[s.doc_id, s.sentence, f"{s.start}-{s.end}", f"{s.score:.4g}", s.text] for s in summary]
    if rows:
        print(format_table(rows, ["doc_id", "sentence", "start-end", "score", "text"]))
    return 0


def _find_document(corpus: Corpus, doc_id: str) -> Document:
    """The document with id ``doc_id``, or the only one whose id starts with it."""
    if doc_id in corpus:
        return corpus[doc_id]
    matches = [document for document in corpus if document.id.startswith(doc_id)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(document.id for document in matches[:5])
        raise WorkbenchError(f"document id {doc_id!r} is ambiguous: it starts {shown}")
    known = ", ".join(corpus.ids[:5])
    raise WorkbenchError(f"no document {doc_id!r} in the corpus; ids include {known}")


def run_eval_summaries(arguments: argparse.Namespace) -> int:
    """``workbench eval summaries``: one ROUGE table for every method."""
    from workbench.evaluate.summaries import evaluate_summaries

    try:
        evaluation = evaluate_summaries(
            arguments.data,
            split=arguments.split,
            engine=arguments.engine,
            methods=arguments.methods,
            limit=arguments.limit,
        )
    except ValueError as error:  # an unknown --methods name
        raise WorkbenchError(str(error)) from error
    if arguments.json:
        print(json.dumps(evaluation.as_dict(), indent=2))
    else:
        print(evaluation)
    return 0


def _add_event_parsers(
    commands: argparse._SubParsersAction, evaluations: argparse._SubParsersAction
) -> None:
    """``workbench events``, ``workbench eval events`` and ``workbench eval dates``."""
    from workbench.evaluate.dates import DEFAULT_GIVEME5W1H

    events = commands.add_parser(
        "events",
        help="who hosted which talks, where and when",
        description="One row per hosting event: host, event, place, the date expression as "
        "written, the resolved date (when the year can be known), participants and the source "
        "sentence.",
    )
    _add_corpus_option(events)
    _add_json_option(events)
    events.add_argument(
        "--timeline", type=Path, metavar="FILE.png", help="also save the timeline plot there"
    )
    events.set_defaults(command=run_events)

    scored = evaluations.add_parser(
        "events",
        help="recall and precision of the event table against an expected table",
        description="A row matches an expected row when document, host and date expression "
        "agree (see workbench.evaluate.events).",
    )
    scored.add_argument("expected", type=Path, metavar="FILE", help="e.g. seeds_events.json")
    _add_corpus_option(scored)
    _add_json_option(scored)
    scored.set_defaults(command=run_eval_events)

    dates = evaluations.add_parser(
        "dates",
        help="date resolution against the Giveme5W1H annotated 'when' phrases",
        description="Resolve each annotated 'when' phrase against its article's publication "
        "date and compare with the annotated date.",
    )
    dates.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_GIVEME5W1H,
        metavar="DIR",
        help="the giveme5w1h_gold_standard folder (default: ../shared/data/...)",
    )
    _add_json_option(dates)
    dates.set_defaults(command=run_eval_dates)


def run_events(arguments: argparse.Namespace) -> int:
    """``workbench events``: the event table, as a table or JSON, and optionally a timeline."""
    from workbench.corpus.load import load_corpus
    from workbench.events.extract import extract_events

    table = extract_events(load_corpus(arguments.corpus))
    if arguments.timeline is not None:
        figure = table.timeline()
        try:
            figure.savefig(arguments.timeline, dpi=120)
        except OSError as error:
            raise WorkbenchError(
                f"cannot write the timeline to {arguments.timeline}: {error.strerror}"
            ) from None
    if arguments.json:
        print(json.dumps([event.as_dict() for event in table], ensure_ascii=False, indent=2))
        return 0
    print(f"{len(table)} hosting events")
    columns = ["doc_id", "sentence", "host", "event", "place", "when", "date"]
    rows = [[e.doc_id, e.sentence, e.host, e.event, e.place, e.when, e.date] for e in table]
    if rows:
        print(format_table(rows, columns, max_width={"event": 50, "doc_id": 24}))
    if arguments.timeline is not None:
        print(f"timeline saved to {arguments.timeline}")
    return 0


def run_eval_events(arguments: argparse.Namespace) -> int:
    """``workbench eval events``: recall and precision against an expected table."""
    from workbench.corpus.load import load_corpus
    from workbench.evaluate.events import load_expected_events, score_events
    from workbench.events.extract import extract_events

    load_expected_events(arguments.expected)  # a bad file fails before spaCy loads
    score = score_events(extract_events(load_corpus(arguments.corpus)), arguments.expected)
    if arguments.json:
        print(json.dumps(score.as_dict(), default=_json_default, ensure_ascii=False, indent=2))
        return 0
    print(score)
    rows = score.rows()
    columns = list(rows[0]) if rows else []
    print(format_table([list(row.values()) for row in rows], columns, max_width={"doc_id": 24}))
    for event in score.unmatched():
        print(
            f"unmatched: {event.doc_id} [{event.sentence}] {event.host}: {event.event} "
            f"({event.when or 'no date'})"
        )
    return 0


def run_eval_dates(arguments: argparse.Namespace) -> int:
    """``workbench eval dates``: how often the resolver gives the annotated date."""
    from workbench.evaluate.dates import evaluate_date_resolution

    score = evaluate_date_resolution(arguments.data)
    if arguments.json:
        print(json.dumps(score.as_dict(), default=_json_default, indent=2))
        return 0
    print(score)
    table = score.by_granularity().reset_index()
    print(format_table(table.values.tolist(), list(table.columns)))
    return 0


def run_ask(arguments: argparse.Namespace) -> int:
    """``workbench ask``: one question, or a JSONL file of them, answered with evidence."""
    from workbench.corpus.load import load_corpus
    from workbench.errors import QueryError
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.qa.question_file import load_questions
    from workbench.retrieval.index import TfidfIndex

    if (arguments.question is None) == (arguments.questions is None):
        raise QueryError("give either a QUESTION or --questions FILE.jsonl (not both)")
    if arguments.question is not None and not arguments.question.strip():
        raise QueryError("the question is empty: ask something, e.g. 'Who hosted the talks?'")
    items = load_questions(arguments.questions) if arguments.questions else ()
    corpus = load_corpus(arguments.corpus)
    index = TfidfIndex.cached(corpus, "sentence")
    answerer = QuestionAnswerer(corpus, index=index, evidence=arguments.evidence)
    for item in items:  # a question with nothing to look for fails before any answer is printed
        try:
            answerer.analyse(item.question)
        except QueryError as error:
            raise QueryError(f"{arguments.questions}, question {item.id!r}: {error}") from None
    if arguments.question is not None:
        answer = answerer.ask(arguments.question)
        if arguments.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        else:
            print(answer)
        return 0
    rows = []
    for item in items:
        answer = answerer.ask(item.question)
        if arguments.json:
            record = {"id": item.id, **answer.to_record()}
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            first = answer.evidence[0] if answer.evidence else None
            where = f"{first.doc_id}[{first.start}:{first.end}]" if first else ""
            rows.append(
                [
                    item.id,
                    item.question,
                    answer.answer or "(no answer)",
                    f"{answer.confidence:.2f}",
                    where,
                ]
            )
    if not arguments.json:
        columns = ["id", "question", "answer", "confidence", "evidence"]
        print(format_table(rows, columns, max_width={"question": 60, "answer": 40}))
    return 0


def run_eval_qa(arguments: argparse.Namespace) -> int:
    """``workbench eval qa``: accuracy by question type on a question file."""
    from workbench.corpus.load import load_corpus
    from workbench.evaluate.qa import evaluate_qa
    from workbench.qa.question_file import load_questions

    items = load_questions(arguments.file, require_answers=True)  # a bad file fails early
    score = evaluate_qa(items, load_corpus(arguments.corpus))
    if arguments.json:
        print(json.dumps(score.as_dict(), default=_json_default, ensure_ascii=False, indent=2))
    else:
        print(score)
    return 0


def run_export(arguments: argparse.Namespace) -> int:
    """``workbench export``: write the Markdown briefing, then say where it is."""
    from workbench.export.briefing import (
        build_briefing,
        check_target,
        timeline_path,
        write_briefing,
    )

    if arguments.title is not None and not arguments.title.strip():
        raise WorkbenchError("--title is empty: give some text, or leave it out")
    # Refuse an existing file before the seconds of work, not after.
    check_target(arguments.out, force=arguments.force, timeline=arguments.timeline)
    briefing = build_briefing(
        arguments.corpus,
        question_file=arguments.questions,
        method=arguments.method,
        sentences=arguments.sentences,
        title=arguments.title,
        timestamp=arguments.timestamp or None,
    )
    path = write_briefing(
        briefing, arguments.out, force=arguments.force, timeline=arguments.timeline
    )
    print(f"briefing written to {path}")
    if arguments.timeline:
        print(f"timeline written to {timeline_path(path)}")
    return 0


def _add_notebooks_parser(commands: argparse._SubParsersAction) -> None:
    from workbench.config import REPORTS_DIR
    from workbench.notebook.run import DEFAULT_CELL_TIMEOUT, NOTEBOOKS_DIR

    notebooks = commands.add_parser(
        "notebooks",
        help="execute the analyst's notebooks headless into reports/notebooks/",
        description="Run every notebook of notebooks/ in name order with the project's Python "
        "and save the executed copies (04 also writes reports/briefing.md). --corpus is passed "
        "to each notebook's parameters cell; --clean strips outputs from the notebooks instead.",
    )
    notebooks.add_argument(
        "--out",
        type=Path,
        default=REPORTS_DIR / "notebooks",
        metavar="DIR",
        help="where the executed copies go (default: reports/notebooks/)",
    )
    notebooks.add_argument(
        "--corpus", type=Path, metavar="DIR", help="folder of articles (default: each notebook's)"
    )
    notebooks.add_argument(
        "--notebooks",
        type=Path,
        default=NOTEBOOKS_DIR,
        metavar="DIR",
        help="the notebooks to run (default: the project's notebooks/)",
    )
    notebooks.add_argument(
        "--timeout",
        type=_positive_int,
        default=DEFAULT_CELL_TIMEOUT,
        metavar="SECONDS",
        help=f"most seconds one cell may run ({DEFAULT_CELL_TIMEOUT})",
    )
    notebooks.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="notebooks run at once (default: one per processor)",
    )
    notebooks.add_argument(
        "--clean",
        action="store_true",
        help="strip outputs, execution counts and editor metadata from the notebooks, in place",
    )
    notebooks.set_defaults(command=run_notebooks)


def run_notebooks(arguments: argparse.Namespace) -> int:
    """``workbench notebooks``: execute every notebook (or clean them), then say where they are."""
    from workbench.notebook.run import clean_notebook
    from workbench.notebook.run import run_notebooks as execute_notebooks

    folder: Path = arguments.notebooks
    if arguments.clean:
        paths = sorted(folder.glob("*.ipynb"))
        if not paths:
            raise WorkbenchError(f"no notebooks (*.ipynb) in {folder}")
        for path in paths:
            print(f"{'cleaned' if clean_notebook(path) else 'already clean'}  {path}")
        return 0
    parameters = {}
    if arguments.corpus is not None:
        if not arguments.corpus.is_dir():
            raise WorkbenchError(f"Corpus folder not found: {arguments.corpus}")
        # The notebooks run in their own folder, so a relative path would change meaning.
        parameters["corpus_dir"] = str(arguments.corpus.resolve())
    runs = execute_notebooks(
        folder, arguments.out, parameters, timeout=arguments.timeout, workers=arguments.jobs
    )
    for run in runs:
        print(f"{run.seconds:6.1f} s  {run.output}")
    print(f"{len(runs)} notebooks executed into {arguments.out}")
    return 0


def _positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
