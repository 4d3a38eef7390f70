"""``workbench eval``: each measurement of :mod:`workbench.evaluate`, printed as its report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workbench.cli.options import (
    SubParsers,
    add_corpus_option,
    add_json_option,
    json_default,
    positive_int,
    report_unread,
)
from workbench.errors import WorkbenchError
from workbench.terminal import format_table


def add_eval_parser(commands: SubParsers) -> None:
    """``workbench eval`` and its evaluations, in the order ``workbench eval --help`` lists them."""
    from workbench.config import DEFAULT_GIVEME5W1H

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
    add_json_option(sentences)
    sentences.set_defaults(command=run_eval_sentences)

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
        "--limit", type=positive_int, metavar="N", help="only the first N articles of the split"
    )
    summaries.add_argument("--methods", nargs="+", metavar="METHOD", help="default: all")
    add_json_option(summaries)
    summaries.set_defaults(command=run_eval_summaries)

    scored = evaluations.add_parser(
        "events",
        help="recall, precision, place and date accuracy of the event table against a gold",
        description="A row finds an expected event when it is in the event's document and "
        "names one of its hosts; place and date are then scored on the events found (see "
        "workbench.evaluate.events). FILE is an article gold (.jsonl, e.g. "
        "benchmarks/data/news_events.jsonl) or an expected table (.json, e.g. "
        "seeds_events.json).",
    )
    scored.add_argument(
        "expected", type=Path, metavar="FILE", help="news_events.jsonl or seeds_events.json"
    )
    scored.add_argument(
        "--split",
        choices=("dev", "test", "train"),
        help="only the articles of this split of the gold",
    )
    add_corpus_option(scored)
    add_json_option(scored)
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
    add_json_option(dates)
    dates.set_defaults(command=run_eval_dates)

    qa = evaluations.add_parser(
        "qa",
        help="question-answering accuracy by question type on a JSONL question file",
        description='Each line: {"id", "question", "answers", "docs"}. An answer is right when '
        "it contains one of answers (any case), is at most 8 words, and its first evidence "
        "sentence is from one of docs; an empty answers list wants no answer.",
    )
    qa.add_argument("file", type=Path, metavar="FILE.jsonl", help="the question file")
    add_corpus_option(qa)
    add_json_option(qa)
    qa.set_defaults(command=run_eval_qa)

    squad = evaluations.add_parser(
        "squad",
        help="SQuAD v1.1 exact match and F1, each question asked of its own paragraph",
        description="Build one corpus of the chosen articles' paragraphs, ask each question of "
        "its own paragraph, and report the official SQuAD v1.1 EM and F1 over all questions "
        "(an abstention scores 0), over the answered ones, forced (the best candidate even "
        "when the answerer abstains) and by question type, with the confidence's reliability.",
    )
    squad.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="FILE",
        help="a SQuAD v1.1 JSON file (default: ../shared/data/squad_v1.1_dev/"
        "dev-v1.1.reconstructed.json)",
    )
    squad.add_argument(
        "--articles",
        nargs="+",
        default=["15-29"],
        metavar="RANGE",
        help="positions in the file's data list, as ranges and lists: 15-29, 0-14 30-47, "
        "1,3,5 (default: 15-29, which the answer weights were not fitted on)",
    )
    squad.add_argument(
        "--kinds",
        nargs="+",
        metavar="KIND",
        help="only questions of these types (wh-words: who, when, 'how many', ..., other); "
        "default: all",
    )
    squad.add_argument("--limit", type=positive_int, metavar="N", help="only the first N questions")
    add_json_option(squad)
    squad.set_defaults(command=run_eval_squad)


def run_eval_sentences(arguments: argparse.Namespace) -> int:
    """``workbench eval sentences``: sentence-splitting F1 against gold line breaks."""
    from workbench.evaluate.sentences import evaluate_sentence_splitting

    score = evaluate_sentence_splitting(arguments.data)
    if arguments.json:
        print(json.dumps(score.as_dict(), indent=2))
    else:
        print(score)
    return 0


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


def run_eval_events(arguments: argparse.Namespace) -> int:
    """``workbench eval events``: recall and precision against an expected table."""
    from workbench.corpus.load import load_corpus
    from workbench.evaluate.event_gold import load_event_gold
    from workbench.evaluate.events import score_events
    from workbench.events import extract_events

    gold = load_event_gold(arguments.expected).select(arguments.split)  # before spaCy loads
    table = extract_events(load_corpus(arguments.corpus))
    report_unread(table)
    score = score_events(table, gold)
    if arguments.json:
        print(json.dumps(score.as_dict(), default=json_default, ensure_ascii=False, indent=2))
        return 0
    print(score)
    rows = score.rows()
    columns = list(rows[0]) if rows else []
    print(
        format_table(
            [list(row.values()) for row in rows],
            columns,
            max_width={"doc_id": 22, "expected_host": 24, "expected_place": 20},
        )
    )
    for event in score.unmatched():
        print(
            f"wrong row: {event.doc_id} [{event.sentence}] {event.host}: {event.event} "
            f"({event.when or 'no date'})"
        )
    return 0


def run_eval_dates(arguments: argparse.Namespace) -> int:
    """``workbench eval dates``: how often the resolver gives the annotated date."""
    from workbench.evaluate.dates import evaluate_date_resolution

    scores = [
        evaluate_date_resolution(arguments.data, setting=setting)
        for setting in ("phrase", "article")
    ]
    if arguments.json:
        shown = {"settings": [s.as_dict() for s in scores]}
        print(json.dumps(shown, default=json_default, indent=2))
        return 0
    for score in scores:
        print(score)
        table = score.by_granularity().reset_index()
        print(format_table(table.values.tolist(), list(table.columns)))
        misses = "; ".join(f"{kind} {count}" for kind, count in score.misses().items())
        print(f"misses by kind: {misses}")
    return 0


def run_eval_qa(arguments: argparse.Namespace) -> int:
    """``workbench eval qa``: accuracy by question type on a question file."""
    from workbench.corpus.load import load_corpus
    from workbench.evaluate.qa import evaluate_qa
    from workbench.qa.question_file import load_questions

    items = load_questions(arguments.file, require_answers=True)  # a bad file fails early
    score = evaluate_qa(items, load_corpus(arguments.corpus))
    if arguments.json:
        print(json.dumps(score.as_dict(), default=json_default, ensure_ascii=False, indent=2))
    else:
        print(score)
    return 0


def run_eval_squad(arguments: argparse.Namespace) -> int:
    """``workbench eval squad``: EM and F1 on SQuAD v1.1, the right paragraph given."""
    from workbench.evaluate.squad import DEFAULT_SQUAD, evaluate_squad

    try:
        score = evaluate_squad(
            arguments.data or DEFAULT_SQUAD,
            arguments.articles,
            kinds=arguments.kinds,
            limit=arguments.limit,
        )
    except ValueError as error:  # an unknown --kinds name
        raise WorkbenchError(str(error)) from error
    if arguments.json:
        print(json.dumps(score.as_dict(), default=json_default, ensure_ascii=False, indent=2))
    else:
        print(score)
    return 0
