"""The commands that answer from the articles: ``ask``, ``events`` and ``export``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workbench.cli.options import (
    SubParsers,
    add_corpus_option,
    add_date_options,
    add_json_option,
    positive_int,
    report_unread,
    whole_number,
    within_dates,
)
from workbench.errors import WorkbenchError
from workbench.terminal import format_table


def add_events_parser(commands: SubParsers) -> None:
    """``workbench events``."""
    events = commands.add_parser(
        "events",
        help="who hosted which talks, where and when",
        description="One row per hosting event: host, event, place, the date expression as "
        "written, the resolved date (when the year can be known), participants and the source "
        "sentence.",
    )
    add_corpus_option(events)
    add_date_options(events)
    add_json_option(events)
    events.add_argument(
        "--timeline",
        type=Path,
        metavar="FILE.png",
        help="also save the timeline plot there (.png, .svg or .pdf; .png if none)",
    )
    events.add_argument("--force", action="store_true", help="replace an existing timeline file")
    events.set_defaults(command=run_events)


def run_events(arguments: argparse.Namespace) -> int:
    """``workbench events``: the event table, as a table or JSON, and optionally a timeline."""
    from workbench.corpus.load import load_corpus
    from workbench.events import extract_events
    from workbench.export.write import timeline_target, write_timeline

    if arguments.timeline is not None:  # a bad path fails before the corpus is read
        timeline_target(arguments.timeline, force=arguments.force)
    table = extract_events(within_dates(load_corpus(arguments.corpus), arguments))
    report_unread(table)
    written = None
    if arguments.timeline is not None:
        written = write_timeline(table, arguments.timeline, force=arguments.force)
    if arguments.json:
        events = [event.as_dict() for event in table]
        skipped = [{"doc_id": doc_id, "reason": reason} for doc_id, reason in table.skipped]
        print(json.dumps({"events": events, "skipped": skipped}, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(table)} events (hosting, meetings, visits)")
    columns = ["doc_id", "sentence", "host", "event", "place", "when", "date"]
    rows = [[e.doc_id, e.sentence, e.host, e.event, e.place, e.when, e.date] for e in table]
    if rows:
        print(format_table(rows, columns, max_width={"event": 50, "doc_id": 24}))
    if written is not None:
        print(f"timeline saved to {written}")
    return 0


def add_ask_parser(commands: SubParsers) -> None:
    """``workbench ask``."""
    ask = commands.add_parser(
        "ask",
        help="answer a question from the articles, citing the sentences that prove it",
        description="A short answer (a name, place, date or number) with its confidence and "
        "the evidence sentences, or no answer when nothing in the articles fits. "
        "With --questions, answer every question of a file (JSON Lines, or plain text with "
        "one question a line), loading the corpus once.",
    )
    ask.add_argument("question", nargs="?", metavar="QUESTION", help="the question to answer")
    ask.add_argument(
        "--questions",
        type=Path,
        metavar="FILE",
        help='one {"id", "question"} object a line, or one question a line of plain text; '
        "prints one JSON answer a line with --json",
    )
    add_corpus_option(ask)
    add_date_options(ask)
    ask.add_argument(
        "--evidence", type=positive_int, default=3, metavar="N", help="evidence sentences (3)"
    )
    add_json_option(ask)
    ask.set_defaults(command=run_ask)


def run_ask(arguments: argparse.Namespace) -> int:
    """``workbench ask``: one question, or a JSONL file of them, answered with evidence."""
    from workbench.corpus.load import load_corpus
    from workbench.errors import QueryError
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.qa.question_file import load_questions
    from workbench.retrieval.index import TfidfIndex

    if arguments.question is not None and arguments.questions is not None:
        raise QueryError("give either a QUESTION or --questions FILE, not both")
    if arguments.question is None and arguments.questions is None:
        raise QueryError(
            'give either a QUESTION (workbench ask "Who hosted the talks?") or --questions FILE'
        )
    if arguments.question is not None and not arguments.question.strip():
        raise QueryError("the question is empty: ask something, e.g. 'Who hosted the talks?'")
    items = load_questions(arguments.questions) if arguments.questions else ()
    corpus = load_corpus(arguments.corpus)
    index = TfidfIndex.cached(corpus, "sentence")
    answerer = QuestionAnswerer(corpus, index=index, evidence=arguments.evidence)
    within = within_dates(corpus, arguments)
    doc_ids = within.ids if within is not corpus else None
    for item in items:  # a question with nothing to look for fails before any answer is printed
        try:
            answerer.analyse(item.question)
        except QueryError as error:
            raise QueryError(f"{arguments.questions}, question {item.id!r}: {error}") from None
    if arguments.question is not None:
        answer = answerer.ask(arguments.question, doc_ids=doc_ids)
        if arguments.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        else:
            print(answer)
        return 0
    rows = []
    for item in items:
        answer = answerer.ask(item.question, doc_ids=doc_ids)
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


def add_export_parser(commands: SubParsers) -> None:
    """``workbench export``."""
    from workbench.export.briefing import MAX_ARTICLES
    from workbench.qa.question_file import QUESTION_PRESETS
    from workbench.summaries import DEFAULT_METHOD, METHODS

    export = commands.add_parser(
        "export",
        help="write a Markdown briefing: summaries, answers and events, each cited",
        description="Write a briefing on the corpus: the parameters, a table of the articles, "
        "a summary of all of them and of each, the answers to the questions (by default the "
        "ones its events raise: who hosted which talks and when, ...) and the events table, "
        "every claim cited in a "
        "footnote that quotes its sentence. The same corpus and options give the same file.",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.md", help="the file")
    add_corpus_option(export)
    questions = export.add_mutually_exclusive_group()
    questions.add_argument(
        "--questions",
        type=Path,
        metavar="FILE",
        help='one {"id", "question"} object a line, or one question a line (default: the '
        "questions the corpus's events raise)",
    )
    questions.add_argument(
        "--preset",
        choices=sorted(QUESTION_PRESETS),
        help="a named set of questions instead (talks: the seed articles' questions)",
    )
    export.add_argument(
        "--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}"
    )
    export.add_argument(
        "--sentences", type=positive_int, default=3, metavar="N", help="per summary (3)"
    )
    export.add_argument(
        "--max-articles",
        type=whole_number,
        default=MAX_ARTICLES,
        metavar="N",
        help=f"most articles summarised one by one ({MAX_ARTICLES}); the rest are counted",
    )
    export.add_argument(
        "--timeline", action="store_true", help="also save FILE-timeline.png and show it"
    )
    export.add_argument("--title", metavar="T", help="the title (default: from the corpus)")
    export.add_argument("--timestamp", action="store_true", help="say when it was made")
    export.add_argument("--force", action="store_true", help="replace FILE.md if it exists")
    export.set_defaults(command=run_export)


def run_export(arguments: argparse.Namespace) -> int:
    """``workbench export``: write the Markdown briefing, then say where it is."""
    from workbench.export import build_briefing
    from workbench.export.write import check_target, timeline_path, write_briefing

    if arguments.title is not None and not arguments.title.strip():
        raise WorkbenchError("--title is empty: give some text, or leave it out")
    # Refuse an existing file before building the briefing (summaries, answers, events), not after.
    check_target(arguments.out, force=arguments.force, timeline=arguments.timeline)
    briefing = build_briefing(
        arguments.corpus,
        question_file=arguments.questions,
        preset=arguments.preset,
        method=arguments.method,
        sentences=arguments.sentences,
        max_articles=arguments.max_articles,
        title=arguments.title,
        timestamp=arguments.timestamp or None,
    )
    report_unread(briefing.events)
    path = write_briefing(
        briefing, arguments.out, force=arguments.force, timeline=arguments.timeline
    )
    print(f"briefing written to {path}")
    if arguments.timeline:
        print(f"timeline written to {timeline_path(path)}")
    return 0
